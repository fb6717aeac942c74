/**
 * `npm run generate -- --authors 100000 [--prefix gen] [--seed 42] [--batch-size 5000]`: writes a
 * deterministic synthetic graph (src/synthetic/) into the configured database, or into the local
 * Neo4j when NEO4J_URI is unset, with a progress bar. Idempotent: the same options again change
 * nothing; another prefix adds a second graph beside the first.
 */
import cliProgress from 'cli-progress';
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import { openDatabase } from '../tools/open-database.js';
import { generateGraph } from '../src/synthetic/generate.js';
import { rowCount, writeGraph } from '../src/synthetic/write.js';
import { integer } from './cli-options.js';

const options = new Command('generate')
  .description('write a deterministic synthetic scholarly graph into Neo4j')
  .requiredOption('--authors <n>', 'number of authors (about 0.6 papers each)', integer(1))
  .option('--prefix <prefix>', 'id prefix, so several graphs can share a database', 'gen')
  .option('--seed <n>', 'PRNG seed', integer(0), 42)
  .option('--batch-size <n>', 'rows per write transaction', integer(1), 5_000)
  .showHelpAfterError()
  .parse()
  .opts<{ authors: number; prefix: string; seed: number; batchSize: number }>();

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const started = performance.now();

const graph = generateGraph({ authors: options.authors, prefix: options.prefix, seed: options.seed });
const generated = performance.now();
const totalRows = rowCount(graph);
console.log(`Generated ${totalRows} rows in ${seconds(generated - started)}.`);

const { driver, database, uri } = await openDatabase(loadConfig());
const bar = new cliProgress.SingleBar(
  {
    format: '{bar} {percentage}% | {value}/{total} rows | {rate} rows/s | ETA {eta_formatted} | {step}',
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
  bar.start(totalRows, 0, { rate: 0, step: '' });
  const { batches, nodesCreated, relationshipsCreated } = await writeGraph(driver, database, graph, {
    batchSize: options.batchSize,
    onProgress: (progress) =>
      bar.update(progress.rows, {
        rate: Math.round(progress.rows / ((performance.now() - writing) / 1000)),
        step: `${progress.step} ${progress.stepRows}/${progress.stepTotal}`,
      }),
  });
  bar.stop();
  const written = performance.now();

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
  console.log(`Created ${nodesCreated} nodes and ${relationshipsCreated} relationships (the rest existed already).`);
  const writeMs = written - writing;
  console.log(
    `${totalRows} rows in ${batches} batches of up to ${options.batchSize}: write ${seconds(writeMs)} ` +
      `(${Math.round(totalRows / (writeMs / 1000))} rows/s), generate ${seconds(generated - started)}, ` +
      `wall ${seconds(performance.now() - started)}.`,
  );
} catch (error) {
  bar.stop();
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await driver.close();
}
