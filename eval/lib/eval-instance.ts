import type { Command } from 'commander';
import { count } from '../../bench/lib/cli.js';
import { loadConfig } from '../../src/config.js';
import { createDriver, graphDatabaseOn } from '../../src/db/driver.js';
import { applySchema } from '../../src/db/migrate.js';
import { runImport, type ImportSummary } from '../../src/ingest/import.js';
import type { createYogaServer } from '../../src/yoga.js';
import { resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from '../../tools/local-neo4j/instance.js';

/**
 * The local Neo4j instance an evaluation imports into and measures: one of its own (named
 * eval-*, since it is reset), started, the schema applied (also on a graph reused: new indexes
 * are made and awaited); `close` stops it unless asked to keep it.
 */
export interface EvalInstanceOptions { instance: string; boltPort: number; httpPort: number; reuse?: boolean; keep?: boolean }

export async function openEvalInstance(options: EvalInstanceOptions) {
  if (!options.instance.startsWith('eval-')) {
    console.error(`--instance ${options.instance}: the evaluation resets its instance, so it takes only one of its own, named eval-<something>.`);
    process.exit(2);
  }
  const local = { ...loadConfig().localNeo4j, instance: options.instance, boltPort: options.boltPort, httpPort: options.httpPort };
  const log = (line: string) => console.error(line);
  if (!options.reuse) await resetLocalNeo4j(local, log);
  await startLocalNeo4j(local, log);
  const database = 'neo4j';
  const driver = createDriver({ uri: `bolt://127.0.0.1:${local.boltPort}`, user: 'neo4j', password: local.password, database });
  await applySchema(driver, database);
  return {
    driver, database, db: graphDatabaseOn(driver, database),
    close: async () => {
      await driver.close();
      if (!options.keep) await stopLocalNeo4j(local, log);
    },
  };
}

/** Imports paper lists with the progress on stderr; the summary and the seconds it took. */
export async function importPaperLists(db: ReturnType<typeof graphDatabaseOn>, paths: string[]): Promise<{ summary: ImportSummary; seconds: number }> {
  const started = performance.now();
  let shown = 0;
  const summary = await runImport(db, {
    format: 'paperlist', paths,
    onProgress: ({ done, total }) => {
      if (done - shown >= 5_000 || done === total) process.stderr.write(`\rimported ${(shown = done)} / ${total} records`);
    },
  });
  const seconds = (performance.now() - started) / 1000;
  console.error(`\nimported ${summary.records} records in ${seconds.toFixed(0)} s`);
  return { summary, seconds };
}

/** The options of every evaluation's instance (EvalInstanceOptions): its name, ports, --reuse and --keep. */
export function evalInstanceOptions(command: Command, defaults: { instance: string; boltPort: number; httpPort: number; reuse?: string }): Command {
  return command
    .option('--instance <name>', 'the local Neo4j instance to import into and measure (its name starts with eval-: it is reset)', defaults.instance)
    .addOption(count('--bolt-port <port>', "the instance's bolt port", 1, defaults.boltPort))
    .addOption(count('--http-port <port>', "the instance's HTTP port", 1, defaults.httpPort))
    .option('--reuse', defaults.reuse ?? 'measure the graph already in the instance (no reset, no import; the schema is still applied)')
    .option('--keep', 'leave the instance running afterwards');
}

/** A GraphQL operation asked of a server in-process; its data, or an error naming what failed. */
export const askInProcess = (yoga: ReturnType<typeof createYogaServer>) =>
  async <Data>(query: string, variables: Record<string, unknown>): Promise<Data> => {
    const response = await yoga.fetch('http://yoga/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query, variables }) });
    const body = (await response.json()) as { data: Data; errors?: { message: string }[] };
    if (body.errors) throw new Error(body.errors.map((error) => error.message).join('; '));
    return body.data;
  };
