/**
 * `npm run generate -- --authors 100000 [--prefix gen] [--seed 42] [--batch-size 1000]`: writes a
 * deterministic synthetic graph (tools/synthetic/) into the configured database, or into the local
 * Neo4j when NEO4J_URI is unset, through the importer's writer, with a progress bar. Idempotent:
 * the same options again change nothing; another prefix adds a second graph beside the first.
 *
 * `--format openalex-snapshot --works N --out DIR [--seed S] [--part-size R] [--date D]` writes an
 * OpenAlex-shaped snapshot instead (tools/synthetic/openalex-snapshot/), no database involved;
 * `--format openalex-snapshot --update DIR --works N [--merged-authors M] [--date D]` adds a later
 * partition of updated works and merged ids to one.
 */
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../tools/open-database.js';
import { generateGraph } from '../tools/synthetic/generate.js';
import { runSnapshotCli } from '../tools/synthetic/openalex-snapshot/cli.js';
import { writeGraph } from '../tools/synthetic/write.js';
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
  .showHelpAfterError()
  .parse();
const options = program.opts<{ format: string; authors: number; prefix: string; seed: number; batchSize: number }>();

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
