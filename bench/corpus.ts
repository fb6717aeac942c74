/**
 * `npm run bench:corpus [-- --works 10000000]`: a real-size corpus on this machine, end to end,
 * each step as its own process (as an operator runs them), timed, with its peak RSS:
 *
 *   1. generate an OpenAlex-shaped snapshot of N works (`npm run generate -- --format openalex-snapshot`);
 *   2. bulk-load it into an empty local Neo4j of its own (`npm run import -- openalex-snapshot DIR --bulk`),
 *      then the first sync (the authors, institutions and topics parts), the store's size on disk,
 *      bytes per node and relationship, and the graph's counts;
 *   3. add an update partition (`--update-works` updated works and `--merged-authors` merges) and
 *      apply it incrementally, twice (the second run must write nothing);
 *   4. the whole-graph analytics job (`npm run analytics`): completes, or refuses naming the
 *      memory it needs;
 *   5. `npm run bench:api` on the loaded graph (a few rounds), when `--api-rounds` is above 0.
 *
 * The snapshot goes under --dir (default .bench-corpus/), the store into the local Neo4j instance
 * "bench-corpus" (LOCAL_NEO4J_DIR, reset first); `--clean` removes the snapshot it generated and the instance at the end. Figures are printed
 * as markdown, for docs/benchmarks.md.
 */
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Command } from 'commander';
import { createDriver } from '../src/db/driver.js';
import { count } from './lib/cli.js';
import { projectRoot } from './lib/paths.js';
import { pidListeningOn, runMeasured } from './lib/proc.js';
import { machineLine, markdownTable } from './lib/report.js';
import { instancePaths, localNeo4jSettings, resetLocalNeo4j, stopLocalNeo4j } from './lib/tools.js';

const options = new Command('bench:corpus')
  .description('generate, bulk-load, update and analyse an OpenAlex-shaped corpus, with times, memory and store size')
  .addOption(count('--works <n>', 'works in the generated snapshot', 1, 1_000_000))
  .addOption(count('--update-works <n>', 'updated works in the update partition', 0, 100_000))
  .addOption(count('--merged-authors <n>', 'author merges in the update', 0, 10_000))
  .addOption(count('--api-rounds <n>', 'rounds of bench:api on the loaded graph (0: skip)', 0, 5))
  .option('--dir <dir>', 'where the snapshot and the Neo4j instance go', '.bench-corpus')
  .option('--heap <size>', "the instance's Neo4j heap", '8g')
  .option('--page-cache <size>', "the instance's page cache", '8g')
  .option('--skip-analytics', 'leave out the analytics job')
  .option('--keep-snapshot', 'reuse a snapshot already generated in --dir')
  .option('--clean', 'remove the snapshot this run generated and the instance afterwards')
  .showHelpAfterError()
  .parse()
  .opts<{
    works: number; updateWorks: number; mergedAuthors: number; apiRounds: number; dir: string; heap: string; pageCache: string;
    skipAnalytics?: boolean; keepSnapshot?: boolean; clean?: boolean;
  }>();

const dir = resolve(projectRoot, options.dir);
const snapshot = join(dir, 'snapshot');
const local = { ...localNeo4jSettings(), instance: 'bench-corpus', boltPort: 7698, httpPort: 7485, heap: options.heap, pageCache: options.pageCache };
const uri = `bolt://127.0.0.1:${local.boltPort}`;
// The importer and the analytics job reach the instance as the project's own local Neo4j.
const instanceEnv = {
  LOCAL_NEO4J_DIR: local.dir, LOCAL_NEO4J_INSTANCE: local.instance, LOCAL_NEO4J_BOLT_PORT: String(local.boltPort),
  LOCAL_NEO4J_HTTP_PORT: String(local.httpPort), LOCAL_NEO4J_HEAP: local.heap, LOCAL_NEO4J_PAGECACHE: local.pageCache,
  NEO4J_URI: '', LOG_LEVEL: 'warn',
};

interface Step {
  step: string;
  seconds: number;
  peakMiB: number;
  neo4jPeakMiB: number | null;
}
const steps: Step[] = [];

/** One step as its own process, timed, with its peak RSS and the instance's. */
async function run(step: string, script: string, args: string[], env: Record<string, string> = {}): Promise<Step> {
  console.log(`\n== ${step}: ${script} ${args.join(' ')}`);
  const measured = await runMeasured(['--import', 'tsx', script, ...args], { env, others: () => [pidListeningOn(local.boltPort)] });
  const result = { step, seconds: measured.seconds, peakMiB: measured.peakMiB, neo4jPeakMiB: measured.othersPeakMiB };
  steps.push(result);
  if (measured.code !== 0) console.log(`(${step} exited with ${measured.code})`);
  return result;
}

const duBytes = (path: string): number => {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.size;
  return readdirSync(path).reduce((total, entry) => total + duBytes(join(path, entry)), 0);
};
const gib = (bytes: number) => `${(bytes / 2 ** 30).toFixed(2)} GiB`;

mkdirSync(dir, { recursive: true });
// A snapshot already there is never deleted: reused with --keep-snapshot, else refused.
if (existsSync(snapshot) && !options.keepSnapshot) {
  console.error(`${snapshot} exists: pass --keep-snapshot to reuse it, or remove it yourself.`);
  process.exit(1);
}
const generated = !existsSync(snapshot);
if (generated) {
  await run('generate snapshot', 'scripts/generate-graph.ts', ['--format', 'openalex-snapshot', '--works', String(options.works), '--out', snapshot]);
}
const snapshotBytes = duBytes(snapshot);

await resetLocalNeo4j(local, () => {});
const bulk = await run('bulk load', 'scripts/import.ts', ['openalex-snapshot', snapshot, '--bulk', '--no-progress'], instanceEnv);

const driver = createDriver({ uri, user: 'neo4j', password: local.password, database: 'neo4j' });
const one = async (query: string) => (await driver.executeQuery(query, {}, { database: 'neo4j' })).records[0]!.toObject();
const countsOf = async () => ({
  nodes: Number((await one('MATCH (n) RETURN count(n) AS n')).n),
  relationships: Number((await one('MATCH ()-[r]->() RETURN count(r) AS n')).n),
  authors: Number((await one('MATCH (n:Author) RETURN count(n) AS n')).n),
  papers: Number((await one('MATCH (n:Paper) RETURN count(n) AS n')).n),
  authorships: Number((await one('MATCH ()-[r:AUTHORED]->() RETURN count(r) AS n')).n),
});
// The bulk load takes the works; the authors, institutions and topics parts (and merged ids) come with the first sync.
await run('sync after the bulk load', 'scripts/import.ts', ['openalex-snapshot', snapshot, '--no-progress'], instanceEnv);
const loaded = await countsOf();
const storeBytes = duBytes(instancePaths(local.dir, local.instance).data);

if (options.updateWorks > 0 || options.mergedAuthors > 0) {
  await run('generate update', 'scripts/generate-graph.ts', [
    '--format', 'openalex-snapshot', '--update', snapshot, '--works', String(options.updateWorks), '--merged-authors', String(options.mergedAuthors),
  ]);
  await run('apply update', 'scripts/import.ts', ['openalex-snapshot', snapshot, '--no-progress'], instanceEnv);
  await run('apply update again', 'scripts/import.ts', ['openalex-snapshot', snapshot, '--no-progress'], instanceEnv);
}
const updated = await countsOf();
await driver.close();

if (!options.skipAnalytics) await run('analytics', 'scripts/analytics.ts', [], instanceEnv);
if (options.apiRounds > 0) {
  await run('bench:api', 'bench/api-latency.ts', ['--rounds', String(options.apiRounds), '--huge-byline', '0'], {
    ...instanceEnv, NEO4J_URI: uri, NEO4J_PASSWORD: local.password,
  });
}
await stopLocalNeo4j(local, () => {});

console.log(`\n## bench:corpus, ${new Date().toISOString().slice(0, 10)}\n\n${machineLine()}; Neo4j heap ${local.heap}, page cache ${local.pageCache}; ${options.works} generated works\n`);
console.log(markdownTable(['step', 'seconds', 'peak RSS MiB', 'Neo4j peak RSS MiB'], steps.map((s) => [s.step, s.seconds.toFixed(1), Math.round(s.peakMiB), s.neo4jPeakMiB === null ? '-' : Math.round(s.neo4jPeakMiB)])));
console.log(`\nsnapshot ${gib(snapshotBytes)} gzip; store after the bulk load ${gib(storeBytes)} for ${loaded.nodes} nodes and ${loaded.relationships} relationships ` +
  `(${Math.round(storeBytes / (loaded.nodes + loaded.relationships))} bytes per node or relationship, indexes included)`);
console.log(`after the bulk load: ${JSON.stringify(loaded)}\nafter the update: ${JSON.stringify(updated)}`);
console.log(`bulk load: ${Math.round((loaded.nodes + loaded.relationships) / bulk.seconds)} nodes+relationships/s over ${bulk.seconds.toFixed(0)} s`);
if (options.clean) {
  // Only what this run made: the snapshot it generated and the bench's own instance.
  if (generated) rmSync(snapshot, { recursive: true, force: true });
  await resetLocalNeo4j(local, () => {});
}
