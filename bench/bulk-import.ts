/**
 * `npm run bench:bulk [-- --authors 100000 --rounds 2]`: the same generated graph written both
 * ways into an empty local Neo4j (instance "bench-bulk", ports 7697/7484 unless
 * LOCAL_NEO4J_INSTANCE/…_BOLT_PORT/…_HTTP_PORT say otherwise), reset before each run, in turns
 * (transactional, bulk, transactional, bulk…): `npm run generate -- --authors N` through the
 * importer's writer, and the same with `--bulk` (tools/bulk-load.ts). Each run is its own process.
 * Prints per path the median wall time, rows (nodes + relationships of the graph made) per
 * second, the generator's peak RSS (the bulk one: structure + converter; neo4j-admin apart) and
 * the bulk phases (convert, neo4j-admin, schema, summaries).
 *
 * `--snapshot DIR`: an OpenAlex snapshot instead (e.g. `npm run generate -- --format
 * openalex-snapshot --works 1000000 --out DIR`): `npm run import -- openalex-snapshot DIR` (the
 * transactional sync) against the same with `--bulk`. `--transactional-seconds S` stops the
 * transactional run after S seconds and takes the rows it committed by then: its rate over its
 * first minutes, which is above its rate over the whole load (writes slow as the graph grows), so
 * the ratio printed is a lower bound of the bulk path's advantage.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Command } from 'commander';
import { createDriver } from '../src/db/driver.js';
import { converterOnly } from './lib/bulk-converter.js';
import { convertStages, STAGES } from './lib/convert-stages.js';
import { count, integer } from './lib/cli.js';
import { childrenOf, runMeasured } from './lib/proc.js';
import { median } from './lib/stats.js';
import { machineLine, markdownTable } from './lib/report.js';
import { localNeo4jSettings, resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from './lib/tools.js';

const options = new Command('bench:bulk')
  .option('--authors <n>', 'authors of the generated graph', integer(1), 100_000)
  .addOption(count('--rounds <n>', 'turns of (transactional, bulk)', 1, 2))
  .option('--only <path>', 'one path only: transactional or bulk')
  .option('--keep', 'leave the instance running with the last graph')
  .option('--converter-only <works>', 'only the converter, on that many cheap made-up works (no database): time and peak RSS', integer(1))
  .option('--dir <dir>', 'with --converter-only: where the files go (deleted after)', join(tmpdir(), 'bench-bulk-converter'))
  .option('--snapshot <dir>', 'an OpenAlex snapshot to load both ways instead of the generated graph')
  .option('--transactional-seconds <s>', 'stop the transactional run after this many seconds (its rate so far)', integer(1))
  .option('--stages <dir>', "only the converter's CPU per stage (read, parse, prepare, clone, convert) on this snapshot's works, one thread (no database)")
  .parse()
  .opts<{ authors: number; rounds: number; only?: 'transactional' | 'bulk'; keep?: boolean; converterOnly?: number; dir: string; snapshot?: string; transactionalSeconds?: number; stages?: string }>();

if (options.converterOnly) {
  const { summary, seconds, peakRssMiB } = await converterOnly(options.converterOnly, options.dir, (done) => process.stderr.write(`\rconverted ${done}`));
  const rows = Object.values(summary.nodes).reduce((a, b) => a + b, 0) + Object.values(summary.relationships).reduce((a, b) => a + b, 0);
  console.log(`\n${machineLine()}`);
  console.log(`converter only: ${summary.records} works in ${seconds.toFixed(1)} s (${Math.round(summary.records / seconds)} works/s, ${Math.round(rows / seconds)} rows/s); peak RSS ${Math.round(peakRssMiB)} MiB; key tables ${Math.round(summary.indexBytes / 2 ** 20)} MiB`);
  console.log(`nodes ${JSON.stringify(summary.nodes)}; relationships ${JSON.stringify(summary.relationships)}; references outside ${summary.referencesOutside}`);
  process.exit(0);
}

if (options.stages) {
  const { works, passes, stages } = await convertStages(options.stages, options.dir);
  console.log(`\n${machineLine()}; snapshot ${options.stages}, ${works} works, one thread`);
  const rows = STAGES.map((stage) => [stage, (passes[stage] / 1000).toFixed(1), (stages[stage] / 1000).toFixed(1), ((stages[stage] * 1000) / works).toFixed(0)]);
  // What a conversion on reader threads costs in all: every stage once.
  const all = STAGES.reduce((sum, stage) => sum + stages[stage], 0);
  rows.push(['all (on reader threads)', '', (all / 1000).toFixed(1), ((all * 1000) / works).toFixed(0)]);
  console.log(markdownTable(['stage', { title: 'pass CPU s', align: 'right' }, { title: 'stage CPU s', align: 'right' }, { title: 'µs a work', align: 'right' }], rows));
  process.exit(0);
}

const settings = localNeo4jSettings();
const env = process.env;
const local = {
  ...settings,
  instance: env.LOCAL_NEO4J_INSTANCE ?? 'bench-bulk',
  boltPort: env.LOCAL_NEO4J_BOLT_PORT ? Number(env.LOCAL_NEO4J_BOLT_PORT) : 7697,
  httpPort: env.LOCAL_NEO4J_HTTP_PORT ? Number(env.LOCAL_NEO4J_HTTP_PORT) : 7484,
};
const uri = `bolt://127.0.0.1:${local.boltPort}`;
const quiet = () => {};

interface Run {
  path: 'transactional' | 'bulk';
  seconds: number;
  rows: number;
  peakMiB: number;
  adminPeakMiB: number;
  phases?: Record<string, number>;
  /** Stopped by --transactional-seconds. */
  stopped: boolean;
}

async function once(path: Run['path']): Promise<Run> {
  await resetLocalNeo4j(local, quiet);
  const summaryFile = join(mkdtempSync(join(tmpdir(), 'bench-bulk-')), 'summary.json');
  const bulkArgs = path === 'bulk' ? ['--bulk', '--summary', summaryFile] : [];
  const command = options.snapshot
    ? ['scripts/import.ts', 'openalex-snapshot', options.snapshot, '--no-progress', '--report', join(tmpdir(), `bench-bulk-${path}-report.jsonl`), ...bulkArgs]
    : ['scripts/generate-graph.ts', '--authors', String(options.authors), ...bulkArgs];
  const args = ['--import', 'tsx', ...command];
  const childEnv = {
    ...process.env, NEO4J_URI: '', LOCAL_NEO4J_INSTANCE: local.instance, LOCAL_NEO4J_BOLT_PORT: String(local.boltPort), LOCAL_NEO4J_HTTP_PORT: String(local.httpPort), LOG_LEVEL: 'warn',
  };
  console.log(`\n${path}: npm run ${command.slice(1).join(' ')} (instance ${local.instance}, reset)`);
  // neo4j-admin runs as the generator's child (java); the server is started detached.
  const stopAfterSeconds = path === 'transactional' ? options.transactionalSeconds : undefined;
  const { code, seconds, peakMiB, othersPeakMiB, stopped } = await runMeasured(args, { env: childEnv, others: childrenOf, pollMs: 200, stopAfterSeconds });
  const adminPeakMiB = othersPeakMiB ?? 0;
  if (code !== 0 && !stopped) throw new Error(`${path} exited with ${code}`);
  if (stopped) console.log(`(stopped after ${stopAfterSeconds} s: the rows committed by then count)`);
  // A stopped run may have left the instance down; the count needs it up.
  if (stopped) await startLocalNeo4j(local, quiet);
  const driver = createDriver({ uri, user: 'neo4j', password: local.password, database: 'neo4j' });
  const { records } = await driver.executeQuery('CALL () { MATCH (n) RETURN count(n) AS nodes } CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships } RETURN nodes + relationships AS rows', {}, { database: 'neo4j' });
  await driver.close();
  const phases = path === 'bulk' ? (JSON.parse(readFileSync(summaryFile, 'utf8')).ms as Record<string, number>) : undefined;
  return { path, seconds, rows: Number(records[0]!.get('rows')), peakMiB, adminPeakMiB, phases, stopped };
}

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  const runs: Run[] = [];
  const paths: Run['path'][] = options.only ? [options.only] : ['transactional', 'bulk'];
  for (let round = 0; round < options.rounds; round++) for (const path of paths) runs.push(await once(path));
  console.log(`\n${machineLine()}; instance ${local.instance} heap ${local.heap}, page cache ${local.pageCache}; ${options.snapshot ? `snapshot ${options.snapshot}` : `${options.authors} authors`}, ${options.rounds} rounds in turns`);
  const table: Record<string, Record<string, unknown>> = {};
  for (const path of paths) {
    const mine = runs.filter((run) => run.path === path);
    const seconds = median(mine.map((run) => run.seconds));
    const phases = mine[0]!.phases
      ? ['convert', 'adminImport', 'schema', 'summaries'].map((phase) => s(median(mine.map((run) => run.phases![phase]!)))).join(' / ')
      : 'n/a';
    table[path] = {
      'median s': Number(seconds.toFixed(1)),
      'runs s': mine.map((run) => run.seconds.toFixed(1)).join(', '),
      rows: mine.map((run) => run.rows).join(', '),
      stopped: mine.some((run) => run.stopped) ? `after ${options.transactionalSeconds} s` : 'no',
      // Per run: a stopped run's rows are those it committed in its time.
      'rows/s': Math.round(median(mine.map((run) => run.rows / run.seconds))),
      'peak RSS MiB': Math.round(median(mine.map((run) => run.peakMiB))),
      'neo4j-admin peak MiB': path === 'bulk' ? Math.round(median(mine.map((run) => run.adminPeakMiB))) : 'n/a',
      'convert / neo4j-admin / schema / summaries': phases,
    };
  }
  console.table(table);
  if (table.transactional && table.bulk) console.log(`bulk / transactional rows/s: ${((table.bulk['rows/s'] as number) / (table.transactional['rows/s'] as number)).toFixed(1)}x (wall time, server restarts included)`);
} finally {
  if (!options.keep) await stopLocalNeo4j(local, quiet);
}
