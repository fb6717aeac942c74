/**
 * `npm run generate -- --authors 100000 [--prefix gen] [--seed 42] [--batch-size 1000]`: writes a
 * deterministic synthetic graph (tools/synthetic/) into the configured database, or into the local
 * Neo4j when NEO4J_URI is unset, through the importer's writer, with a progress bar. Idempotent:
 * the same options again change nothing; another prefix adds a second graph beside the first.
 * `--bulk`: the same graph by the bulk first load (neo4j-admin import into an empty database,
 * tools/bulk-load.ts), for millions of authors.
 *
 * `--format openalex-snapshot --works N --out DIR [--seed S] [--part-size R] [--date D]` writes an
 * OpenAlex-shaped snapshot instead (tools/synthetic/openalex-snapshot/), no database involved;
 * `--format openalex-snapshot --update DIR --works N [--merged-authors M] [--date D]` adds a later
 * partition of updated works and merged ids to one.
 */
import { spawnSync } from 'node:child_process';
import { getHeapStatistics } from 'node:v8';
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../tools/open-database.js';
import { generateGraph } from '../tools/synthetic/generate.js';
import { runSnapshotCli } from '../tools/synthetic/openalex-snapshot/cli.js';
import { writeGraph } from '../tools/synthetic/write.js';
import { graphRecordStream } from '../tools/synthetic/records.js';
import { runBulkCli } from './bulk-cli.js';
import { integer } from './cli-options.js';

const program = new Command('generate')
  .description('write a deterministic synthetic scholarly graph into Neo4j, or an OpenAlex-shaped snapshot into a directory')
  .option('--format <format>', 'graph (into Neo4j) or openalex-snapshot (files)', 'graph')
  .option('--authors <n>', 'graph: number of authors (about 0.6 papers each; required)', integer(1))
  .option('--prefix <prefix>', 'graph: id prefix, so several graphs can share a database', 'gen')
  .option('--seed <n>', 'PRNG seed', integer(0), 42)
  .option('--batch-size <n>', 'graph: papers per write transaction', integer(1), 1_000)
  .option('--works <n>', 'openalex-snapshot: works to generate (with --update: existing works to update)', integer(1))
  .option('--out <dir>', 'openalex-snapshot: the new snapshot directory')
  .option('--update <dir>', 'openalex-snapshot: add a later partition to this generated snapshot')
  .option('--part-size <n>', 'openalex-snapshot: records per part file', integer(1))
  .option('--date <YYYY-MM-DD>', 'openalex-snapshot: the partition date (default 2025-01-01; updates: the day after the latest)')
  .option('--merged-authors <n>', 'openalex-snapshot --update: authors merged into another', integer(0))
  .option('--merged-works <n>', 'openalex-snapshot --update: works merged into another (one more goes to the deleted sentinel)', integer(0))
  .option('--new-works <n>', 'openalex-snapshot --update: new works in the partition (default a tenth of --works)', integer(0))
  .option('--layout <layout>', 'openalex-snapshot: current (data/jsonl/<entity>) or older (data/<entity>, legacy-data/merged_ids)')
  .option('--workers <n>', 'openalex-snapshot: worker threads for the works parts (default 2 from 50k works)', integer(0))
  .option('--bulk', 'graph: bulk first load, neo4j-admin import into an empty database (refuses a non-empty one)')
  .option('--bulk-dir <dir>', 'graph --bulk: where the CSV files go (default <LOCAL_NEO4J_DIR>/bulk/<instance>)')
  .option('--keep-bulk-files', 'graph --bulk: keep the CSV files after a local load')
  .option('--threads <n>', 'graph --bulk: neo4j-admin worker threads (default: the cores)', integer(1))
  .option('--max-off-heap <size>', 'graph --bulk: neo4j-admin off-heap memory, e.g. 4g (default: half the free memory)')
  .option('--summary <file>', 'graph --bulk: also write the summary as JSON')
  .showHelpAfterError()
  .parse();
const options = program.opts<{
  format: string; authors: number; prefix: string; seed: number; batchSize: number;
  bulk?: boolean; bulkDir?: string; keepBulkFiles?: boolean; threads?: number; maxOffHeap?: string; summary?: string;
}>();

if (options.format === 'openalex-snapshot') {
  try {
    await runSnapshotCli({ ...program.opts(), seedGiven: program.getOptionValueSource('seed') === 'cli' });
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
  process.exit();
}
if (options.format !== 'graph') program.error(`--format must be graph or openalex-snapshot, not "${options.format}"`);
if (options.authors === undefined) program.error("error: required option '--authors <n>' not specified");

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();

if (options.bulk) {
  // The graph's structure is held while its records stream (about 0.5 KB an author, measured at
  // 1M): past Node's default heap, run again with one that fits.
  const needMiB = Math.ceil((options.authors * 700) / 2 ** 20) + 1_024;
  if (getHeapStatistics().heap_size_limit / 2 ** 20 < needMiB && !process.env.GENERATE_HEAP_RAISED) {
    console.error(`(running again with --max-old-space-size=${needMiB}: the structure of ${options.authors} authors needs more than Node's default heap)`);
    const again = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${needMiB}`, ...process.argv.slice(1)], { stdio: 'inherit', env: { ...process.env, GENERATE_HEAP_RAISED: '1' } });
    process.exit(again.status ?? 1);
  }
  // Streamed: the structure is drawn, then each paper's record as the converter asks for it.
  try {
    let stream: ReturnType<typeof graphRecordStream> | undefined;
    await runBulkCli({
      config: loadConfig(),
      records: () => {
        const planning = performance.now();
        stream = graphRecordStream({ authors: options.authors, prefix: options.prefix, seed: options.seed });
        console.error(`Drew the structure of ${stream.papers} papers by ${stream.authors} authors in ${seconds(performance.now() - planning)}.`);
        return stream;
      },
      total: () => stream?.papers,
      dir: options.bulkDir,
      keepFiles: options.keepBulkFiles,
      threads: options.threads,
      maxOffHeapMemory: options.maxOffHeap,
      summaryFile: options.summary,
    });
    console.log(`wall ${seconds(performance.now() - started)} (the graph's structure is drawn before the conversion's bar starts)`);
  } catch (error) {
    console.error((error as Error).message);
    process.exitCode = 1;
  }
  process.exit();
}

const graph = generateGraph({ authors: options.authors, prefix: options.prefix, seed: options.seed });
const generated = performance.now();
console.log(`Generated ${graph.papers.length} papers by ${graph.authors.length} authors in ${seconds(generated - started)}.`);

const { driver, database, uri } = await openDatabase(loadConfig());
const bar = new cliProgress.SingleBar(
  {
    format: '{bar} {percentage}% | {value}/{total} papers | {rate} papers/s | ETA {eta_formatted}',
    // Redirected to a file, print a line every few seconds instead of redrawing one.
    noTTYOutput: true,
    notTTYSchedule: 5_000,
    etaBuffer: 20,
    hideCursor: true,
  },
  cliProgress.Presets.shades_classic,
);
try {
  const writing = performance.now();
  bar.start(graph.papers.length, 0, { rate: 0 });
  const written = await writeGraph(driver, database, graph, {
    batchSize: options.batchSize,
    onProgress: (progress) => bar.update(progress.records, { rate: Math.round(progress.records / ((performance.now() - writing) / 1000)) }),
  });
  bar.stop();
  const wrote = performance.now();

  console.log(`\nWrote graph "${options.prefix}" (seed ${options.seed}) into ${uri} (database ${database}):`);
  const counts: [string, number][] = [
    ['Author', graph.authors.length],
    ['Paper', graph.papers.length],
    ['Organization', graph.organizations.length],
    ['Topic', graph.topics.length],
    ['Source', 1],
    ['AUTHORED', graph.authored.length],
    ['AFFILIATED_WITH', graph.affiliatedWith.length],
    ['FROM_ORGANIZATION', graph.fromOrganization.length],
    ['HAS_TOPIC', graph.hasTopic.length],
    ['CITES', graph.cites.length],
    ['RECORDED_IN', graph.papers.length],
  ];
  for (const [name, count] of counts) console.log(`  ${name.padEnd(18)} ${String(count).padStart(9)}`);
  const { papers } = written;
  console.log(
    `Papers: ${papers.created} created, ${papers.updated} updated, ${papers.unchanged} unchanged; ` +
      `${written.authorsCreated} authors and ${written.organizationsCreated} organizations created (the rest existed already).`,
  );
  const writeMs = wrote - writing;
  console.log(
    `${written.records} papers in ${written.batches} batches of up to ${options.batchSize}: write ${seconds(writeMs)} ` +
      `(batches ${seconds(written.ms.batches)}, summaries ${seconds(written.ms.summaries)}) ` +
      `(${Math.round(written.records / (writeMs / 1000))} papers/s), generate ${seconds(generated - started)}, ` +
      `wall ${seconds(performance.now() - started)}.`,
  );
} catch (error) {
  bar.stop();
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await driver.close();
}
