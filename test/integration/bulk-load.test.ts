import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../../src/config.js';
import { createDriver, graphDatabaseOn } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/migrate.js';
import { fileRecords } from '../../src/ingest/bulk/records.js';
import { snapshotRecords } from '../../src/ingest/bulk/snapshot.js';
import { identityKeys, ImportInputError, runImport } from '../../src/ingest/import.js';
import type { PaperRecord } from '../../src/ingest/record.js';
import { findSnapshot } from '../../src/ingest/snapshot/layout.js';
import { recordAppliedParts } from '../../src/ingest/snapshot/state.js';
import { createImportWriter } from '../../src/ingest/writer.js';
import { projectRoot } from '../../src/paths.js';
import { bulkLoad, BulkLoadRefused } from '../../tools/bulk-load.js';
import { startLocalNeo4j, stopLocalNeo4j } from '../../tools/local-neo4j/instance.js';
import { generateGraph } from '../../tools/synthetic/generate.js';
import { generateOpenAlexSnapshot } from '../../tools/synthetic/openalex-snapshot/generate.js';
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

/** What runImport does with checked records (import.ts): later duplicates dropped, batches, summaries, late citations. */
async function writeTransactional(records: AsyncIterable<PaperRecord>) {
  const writer = createImportWriter(graphDatabaseOn(driver, database));
  const seen = new Set<string>();
  let batch: PaperRecord[] = [];
  for await (const record of records) {
    const keys = identityKeys(record);
    if (keys.some((key) => seen.has(key))) continue;
    for (const key of keys) seen.add(key);
    batch.push(record);
    if (batch.length === 100) await writer.writeBatch(batch.splice(0), { deferSummaries: true });
  }
  if (batch.length) await writer.writeBatch(batch, { deferSummaries: true });
  await writer.refreshStaleAuthors();
  await writer.linkReferences();
}

/** The whole graph; applied parts without their time (appliedAt is when each path recorded them). */
async function fingerprint() {
  await driver.executeQuery('MATCH (p:SnapshotPart) REMOVE p.appliedAt', {}, { database });
  return graphFingerprint(driver, database);
}

async function* concat<T>(...streams: (() => AsyncIterable<T> | Iterable<T>)[]) {
  for (const stream of streams) yield* stream();
}

describe('bulk first load', () => {
  const graph = generateGraph({ authors: 300, prefix: 'bulk', seed: 7 });
  const fixtures = [join(projectRoot, 'test', 'fixtures', 'import', 'openalex')];
  // Paper lists whose affiliations are joined, numbered and name units: institutions, units, PART_OF.
  const paperLists = [join(projectRoot, 'test', 'fixtures', 'import', 'affiliations')];
  const snapshotDir = join(work, 'snapshot');

  it('makes the graph the transactional writer makes of the same records (generated graph, OpenAlex files, paper lists with units, an OpenAlex snapshot), and refuses a non-empty database', async () => {
    await generateOpenAlexSnapshot({ dir: snapshotDir, works: 300, seed: 11, partSize: 120 });
    await wipe();
    await writeGraph(driver, database, graph, { batchSize: 50 });
    await runImport(graphDatabaseOn(driver, database), { format: 'openalex', paths: fixtures, reportFile: join(work, 'tx-report.jsonl') });
    await runImport(graphDatabaseOn(driver, database), { format: 'paperlist', paths: paperLists });
    const txSnapshot = snapshotRecords(snapshotDir, () => {});
    await writeTransactional(txSnapshot.records());
    await recordAppliedParts(graphDatabaseOn(driver, database), txSnapshot.parts);
    const transactional = await fingerprint();

    const refused = bulk(() => graphRecords(graph));
    await expect(refused).rejects.toBeInstanceOf(BulkLoadRefused);
    await expect(refused).rejects.toThrow(/holds \d+ nodes.*npm run neo4j:reset/);
    // Refused before anything was touched.
    expect(await fingerprint()).toEqual(transactional);

    await wipe();
    const files = fileRecords('openalex', fixtures, { reportFile: join(work, 'bulk-report.jsonl') });
    const lists = fileRecords('paperlist', paperLists);
    const snapshot = snapshotRecords(snapshotDir, () => {});
    const loaded = await bulk(() => concat(() => graphRecords(graph), () => files.records(), () => lists.records(), () => snapshot.inputs()), {
      onRejected: (record, reason) => files.report({ record, reason }),
      afterLoad: (db) => recordAppliedParts(db, snapshot.parts),
    });
    expect(loaded.convert.nodes.Author).toBeGreaterThan(graph.authors.length);
    expect(loaded.authorsRefreshed).toBe(loaded.convert.nodes.Author);
    expect(await fingerprint()).toEqual(transactional);
    const { records } = await driver.executeQuery('MATCH (a:StaleSummary) RETURN count(a) AS stale', {}, { database });
    expect(Number(records[0]!.get('stale'))).toBe(0);
    // The same records of the files rejected (the duplicates' wording differs).
    const rejected = (file: string) => readFileSync(join(work, file), 'utf8').split('\n').filter(Boolean).map((line) => JSON.parse(line).record as string).sort();
    expect(rejected('bulk-report.jsonl')).toEqual(rejected('tx-report.jsonl'));
  }, 420_000);

  it('stops at a corrupt works part, naming it, with nothing imported', async () => {
    const corruptDir = join(work, 'corrupt-snapshot');
    await generateOpenAlexSnapshot({ dir: corruptDir, works: 300, seed: 12, partSize: 120 });
    // The part read second (newest partition first), its bytes garbled past its gzip header and
    // its size kept: the first part's works are converted before the reader thread meets it.
    const parts = [...findSnapshot(corruptDir).parts.works!].reverse();
    const bad = parts[1]!;
    const bytes = readFileSync(bad.path);
    bytes.fill(0x55, 64, bytes.length - 16);
    writeFileSync(bad.path, bytes);
    await wipe();
    const loading = bulk(() => snapshotRecords(corruptDir, () => {}).inputs());
    await expect(loading).rejects.toBeInstanceOf(ImportInputError);
    await expect(loading).rejects.toThrow(new RegExp(`^${relative(corruptDir, bad.path).replace(/[.=]/g, '\\$&')}: not a readable gzip file after line \\d+`));
    const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes', {}, { database });
    expect(Number(records[0]!.get('nodes'))).toBe(0);
    // The files written before the bad part are gone (and with them their folder).
    expect(existsSync(join(work, 'files'))).toBe(false);
  }, 180_000);
});
