import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createDriver, graphDatabaseOn } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/migrate.js';
import { fileRecords } from '../../src/ingest/bulk/records.js';
import { runImport } from '../../src/ingest/import.js';
import { projectRoot } from '../../src/paths.js';
import { bulkLoad, BulkLoadRefused } from '../../tools/bulk-load.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../tools/local-neo4j/instance.js';
import { generateGraph } from '../../tools/synthetic/generate.js';
import { graphRecords } from '../../tools/synthetic/records.js';
import { writeGraph } from '../../tools/synthetic/write.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { ownNeo4jConfig } from '../support/own-neo4j.js';

/**
 * The bulk first load (tools/bulk-load.ts) against the transactional writer, on an instance of
 * its own (the load stops it and replaces its store): the same records both ways give the same
 * graph, whole (test/support/fingerprint.ts, nothing excluded), and a database that holds
 * anything is refused.
 */

const local = await ownNeo4jConfig('bulk-load');
const uri = `bolt://127.0.0.1:${local.boltPort}`;
const database = 'neo4j';
const config: Config = { ...loadConfig({ LOCAL_NEO4J_DIR: local.dir, NEO4J_PASSWORD: local.password }), localNeo4j: local };
const work = mkdtempSync(join(tmpdir(), 'bulk-load-'));
let driver: Driver;
const connect = () => createDriver({ uri, user: 'neo4j', password: local.password, database });
const quiet = () => {};

beforeAll(async () => {
  await startLocalNeo4j(local, quiet);
  driver = connect();
  await applySchema(driver, database);
}, 180_000);
afterAll(async () => {
  await driver?.close();
  await stopLocalNeo4j(local, quiet);
  rmSync(work, { recursive: true, force: true });
}, 60_000);

const wipe = () => driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
/** Loads by bulk, then reconnects (the load restarted the server under the driver). */
async function bulk(records: Parameters<typeof bulkLoad>[0]['records'], extra: Partial<Parameters<typeof bulkLoad>[0]> = {}) {
  await driver.close();
  try {
    return await bulkLoad({ config, records, dir: join(work, 'files'), log: quiet, ...extra });
  } finally {
    driver = connect();
  }
}

describe('bulk first load', () => {
  const graph = generateGraph({ authors: 300, prefix: 'bulk', seed: 7 });

  it('loads a generated graph into the same graph the transactional writer makes, and refuses a non-empty database', async () => {
    await wipe();
    await writeGraph(driver, database, graph, { batchSize: 50 });
    const transactional = await graphFingerprint(driver, database);

    const refused = bulk(() => graphRecords(graph));
    await expect(refused).rejects.toBeInstanceOf(BulkLoadRefused);
    await expect(refused).rejects.toThrow(/holds \d+ nodes.*npm run neo4j:reset/);
    // Refused before anything was touched.
    expect(await graphFingerprint(driver, database)).toEqual(transactional);

    await wipe();
    const loaded = await bulk(() => graphRecords(graph));
    expect(loaded.convert.nodes).toMatchObject({ Author: graph.authors.length, Paper: graph.papers.length });
    expect(loaded.authorsRefreshed).toBe(graph.authors.length);
    expect(await graphFingerprint(driver, database)).toEqual(transactional);
    const { records } = await driver.executeQuery('MATCH (a:StaleSummary) RETURN count(a) AS stale', {}, { database });
    expect(Number(records[0]!.get('stale'))).toBe(0);
  }, 90_000);

  it('loads OpenAlex works (ids, ORCID, institutions, topics, citations, duplicates) as the importer does', async () => {
    const paths = [join(projectRoot, 'test', 'fixtures', 'import', 'openalex')];
    await wipe();
    await runImport(graphDatabaseOn(driver, database), { format: 'openalex', paths, reportFile: join(work, 'tx-report.jsonl') });
    const transactional = await graphFingerprint(driver, database);

    await wipe();
    const input = fileRecords('openalex', paths, { reportFile: join(work, 'bulk-report.jsonl') });
    const loaded = await bulk(() => input.records(), { onRejected: (record, reason) => input.report({ record, reason }) });
    expect(await graphFingerprint(driver, database)).toEqual(transactional);
    // The same records rejected, for the same reasons but for the duplicates' wording.
    const reasons = (file: string) => readFileSync(join(work, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).record as string).sort();
    expect(reasons('bulk-report.jsonl')).toEqual(reasons('tx-report.jsonl'));
    expect(loaded.convert.records).toBeGreaterThan(0);
  }, 90_000);
});
