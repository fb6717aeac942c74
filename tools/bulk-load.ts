import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Driver } from 'neo4j-driver';
import type { Config } from '../src/config.js';
import { createDriver, graphDatabaseOn, waitForDatabase, type GraphDatabase } from '../src/db/driver.js';
import { applySchema } from '../src/db/migrate.js';
import { convertRecords, removeConverterFiles, type ConvertSummary, type RecordStream } from '../src/ingest/bulk/convert.js';
import { createImportWriter } from '../src/ingest/writer.js';
import { createWrite } from '../src/db/write.js';
import { importQueries } from '../src/ingest/batch-statements.js';
import { adminImportLocal, readManifest, remoteImportCommand, type AdminImportOptions } from './local-neo4j/admin-import.js';
import { boltUri, startLocalNeo4j, stopLocalNeo4j } from './local-neo4j/instance.js';
import { LocalNeo4jError } from './local-neo4j/paths.js';

/**
 * The bulk first load: records (any AsyncIterable of checked PaperRecords) converted to
 * neo4j-admin files (src/ingest/bulk/), imported into the local Neo4j's empty database
 * (local-neo4j/admin-import.ts), then what the transactional path makes besides: the schema
 * (src/db/migrate.ts), the authors' summaries (the writer's refreshStaleAuthors), and whatever
 * `afterLoad` records (the snapshot parts applied). Against a remote NEO4J_URI: the files and
 * the commands to run on the database host.
 */

export class BulkLoadRefused extends Error {
  override name = 'BulkLoadRefused';
}

export interface BulkLoadOptions {
  config: Config;
  /** Called once the target is known to be empty: the records to load. */
  records: () => RecordStream;
  /** Where the CSV files go (kept after the load; delete them when done). */
  dir: string;
  admin?: AdminImportOptions;
  onRejected?: (recordId: string, reason: string) => void | Promise<void>;
  onConvertProgress?: (records: number) => void;
  onSummaryProgress?: (authors: number, total: number) => void;
  /** After the summaries: e.g. record the snapshot parts loaded (the incremental path's state). */
  afterLoad?: (db: GraphDatabase) => Promise<void>;
  /** The npm command that finishes a remote load (printed). */
  finishCommand?: string;
  log?: (line: string) => void;
}

export interface BulkLoadSummary {
  convert: ConvertSummary;
  authorsRefreshed: number;
  /** Milliseconds per phase. */
  ms: { convert: number; adminImport: number; schema: number; summaries: number; afterLoad: number; total: number };
  /** Set when the target is remote: nothing was imported; run these on the database host. */
  remote?: { command: string; then: string[] };
  uri?: string;
}

async function nodeCount(driver: Driver, database: string): Promise<number> {
  const { records } = await driver.executeQuery('MATCH (n) RETURN count(n) AS nodes', {}, { database });
  return Number(records[0]!.get('nodes'));
}

/** Refuses a database that holds anything: neo4j-admin import full replaces the whole store. */
export async function requireEmpty(driver: Driver, database: string, where: string, local: boolean) {
  const nodes = await nodeCount(driver, database);
  if (nodes === 0) return;
  const startOver = local
    ? 'To start over, delete the local instance with `npm run neo4j:reset` (its data goes) and run this again'
    : 'Empty that database first (or point NEO4J_URI at an empty one) and run this again';
  throw new BulkLoadRefused(
    `The bulk load only fills an empty database, and database "${database}" at ${where} holds ${nodes} nodes. ` +
      `${startOver}; or add to it without --bulk (the transactional import, which updates what is there).`,
  );
}

export async function bulkLoad(options: BulkLoadOptions): Promise<BulkLoadSummary> {
  const { config } = options;
  const log = options.log ?? console.error;
  const database = config.neo4j.database;
  const dir = resolve(options.dir);
  const started = performance.now();
  const ms = { convert: 0, adminImport: 0, schema: 0, summaries: 0, afterLoad: 0, total: 0 };
  const connect = (uri: string) => createDriver({ ...config.neo4j, uri }, config.driver);

  // Remote: check it is empty if it answers, write the files, say what to run there.
  if (config.neo4j.uri) {
    const driver = connect(config.neo4j.uri);
    try {
      await waitForDatabase(driver, database, { timeoutMs: 10_000 });
      await requireEmpty(driver, database, config.neo4j.uri, false);
    } catch (error) {
      if (error instanceof BulkLoadRefused) throw error;
      log(`(could not check that ${config.neo4j.uri} is empty: ${(error as Error).message}; make sure it is)`);
    } finally {
      await driver.close();
    }
    const convertStarted = performance.now();
    const convert = await converted(options, dir);
    ms.convert = performance.now() - convertStarted;
    ms.total = performance.now() - started;
    return { convert, authorsRefreshed: 0, ms, remote: remoteSteps(dir, database, options) };
  }

  // Local: the instance answers and is empty, then stops while the files are written.
  const local = config.localNeo4j;
  const uri = await startLocalNeo4j(local, log);
  let driver = connect(uri);
  try {
    await requireEmpty(driver, database, `${uri} (local instance "${local.instance}")`, true);
  } finally {
    await driver.close();
  }
  if (database !== 'neo4j') throw new LocalNeo4jError(`The local Neo4j (Community) has one database, neo4j, not "${database}".`);
  await stopLocalNeo4j(local, log);

  const convertStarted = performance.now();
  let convert: ConvertSummary;
  try {
    convert = await converted(options, dir);
    if (convert.records - convert.duplicates === 0) throw new BulkLoadRefused('No records to load: nothing was imported.');
  } catch (error) {
    // The store was not touched: the instance runs again as it was.
    await startLocalNeo4j(local, log);
    throw error;
  }
  ms.convert = performance.now() - convertStarted;

  const imported = await adminImportLocal(local, dir, { ...options.admin, database }, log);
  ms.adminImport = imported.ms;

  driver = connect(boltUri(local));
  try {
    const schemaStarted = performance.now();
    // The indexes over the whole load populate now: hours are allowed, not the usual 5 minutes.
    await applySchema(driver, database, { awaitSeconds: 6 * 3600 });
    ms.schema = performance.now() - schemaStarted;
    const db = graphDatabaseOn(driver, database, config.driver);
    const summariesStarted = performance.now();
    // Name-only byline entries placed by evidence, as the writer places them after an import.
    await createImportWriter(db).placePendingAuthors();
    const total = convert.nodes.Author ?? 0;
    options.onSummaryProgress?.(0, total);
    const authorsRefreshed = await createImportWriter(db).refreshStaleAuthors(5_000, (done) => options.onSummaryProgress?.(done, total), availableParallelism());
    ms.summaries = performance.now() - summariesStarted;
    const afterStarted = performance.now();
    await options.afterLoad?.(db);
    ms.afterLoad = performance.now() - afterStarted;
    ms.total = performance.now() - started;
    return { convert, authorsRefreshed, ms, uri };
  } finally {
    await driver.close();
  }
}

export function remoteSteps(dir: string, database: string, options: Pick<BulkLoadOptions, 'admin' | 'finishCommand' | 'afterLoad'>) {
  const remoteDir = '/path/on/host/bulk';
  const command = remoteImportCommand(dir, remoteDir, { ...options.admin, database });
  return {
    command,
    then: [
      `copy ${dir} to the database host as ${remoteDir} (the command names the files there)`,
      `stop the database there (\`neo4j stop\`, or \`STOP DATABASE ${database}\` on Enterprise), run the command as the user that owns the store, start it again (\`CREATE DATABASE ${database}\` if it did not exist)`,
      `then, from here: ${options.finishCommand ?? 'npm run import -- <format> <paths> --bulk-finish'} (the schema, then every author's summaries${options.afterLoad ? ', then the snapshot parts loaded' : ''})`,
    ],
  };
}

/** The conversion. On bad input (a corrupt part) the files written so far go: nothing half-written is left to import. */
async function converted(options: BulkLoadOptions, dir: string): Promise<ConvertSummary> {
  try {
    return await convertRecords(options.records(), { dir, onRejected: options.onRejected, onProgress: options.onConvertProgress });
  } catch (error) {
    removeConverterFiles(dir, { folderIfEmpty: true });
    throw error;
  }
}

/** What a remote load needs after neo4j-admin ran (the files in `dir`): the schema, the name-only authorships placed, the summaries, the after-load step. */
export async function finishBulkLoad(db: GraphDatabase, dir: string, onProgress?: (authors: number) => void, afterLoad?: (db: GraphDatabase) => Promise<void>) {
  await applySchema(db.driver, db.database, { awaitSeconds: 6 * 3600 });
  await createImportWriter(db).placePendingAuthors();
  const authorsRefreshed = await createImportWriter(db).refreshStaleAuthors(5_000, onProgress, availableParallelism());
  await afterLoad?.(db);
  return { authorsRefreshed };
}
