/**
 * `npm run analytics [-- --year-from 2018 --min-shared-papers 2 ...]`: computes communities
 * (Leiden), PageRank, betweenness, core numbers and clustering coefficients of the coauthor graph
 * with Neo4j Graph Data Science, and stores them on the authors and as Community nodes, in the
 * configured Neo4j (the project's own when NEO4J_URI is unset). Shows each step as it runs, then a
 * summary; `--json` prints the summary as JSON instead.
 */
import { SingleBar } from 'cli-progress';
import { Command, InvalidArgumentError, Option } from 'commander';
import { ANALYTICS_STEPS, AnalyticsError, runAnalytics, type AnalyticsSummary } from '../src/analytics/run.js';
import { loadConfig } from '../src/config.js';
import { openDatabase, type OpenDatabase } from '../tools/open-database.js';
import { integer } from './cli-options.js';

const program = new Command('analytics')
  .description('Compute and store collaboration analytics (communities and centralities) with Neo4j Graph Data Science')
  .option('--year-from <year>', 'only papers from this year on make coauthor links', integer(1000))
  .option('--year-to <year>', 'only papers up to this year make coauthor links', integer(1000))
  .option('--min-shared-papers <n>', 'link two authors only when they share at least n papers', integer(1), 1)
  .option('--max-authors-per-paper <n>', 'papers with more authors make no links', integer(2), 100)
  .option('--betweenness-samples <n>', 'source authors sampled for betweenness (0: exact, slow on large graphs)', integer(0), 256)
  .option('--resolution <gamma>', 'Leiden resolution: higher finds smaller communities', (value: string) => {
    const gamma = Number(value);
    if (!(gamma > 0)) throw new InvalidArgumentError('expected a number above 0');
    return gamma;
  }, 4)
  .option('--seed <n>', 'random seed of Leiden and of the betweenness sample', integer(0), 42)
  .option('--concurrency <n>', 'threads Graph Data Science uses (at most 4)', integer(1), 4)
  .option('--json', 'print the summary as JSON')
  .addOption(new Option('--no-progress', 'no progress bar (e.g. in logs)'))
  .showHelpAfterError();

interface Options {
  yearFrom?: number;
  yearTo?: number;
  minSharedPapers: number;
  maxAuthorsPerPaper: number;
  betweennessSamples: number;
  resolution: number;
  seed: number;
  concurrency: number;
  json?: boolean;
  progress: boolean;
}

program.action(async (options: Options) => {
  let opened: OpenDatabase | undefined;
  const bar = new SingleBar({
    format: 'analytics |{bar}| step {value}/{total}: {step} | {duration_formatted}',
    hideCursor: true,
  });
  try {
    opened = await openDatabase(loadConfig());
    if (options.progress) bar.start(ANALYTICS_STEPS.length, 0, { step: 'starting' });
    const summary = await runAnalytics(
      opened,
      {
        yearFrom: options.yearFrom ?? null,
        yearTo: options.yearTo ?? null,
        minSharedPapers: options.minSharedPapers,
        maxAuthorsPerPaper: options.maxAuthorsPerPaper,
        betweennessSamples: options.betweennessSamples === 0 ? null : options.betweennessSamples,
        resolution: options.resolution,
        randomSeed: options.seed,
        concurrency: options.concurrency,
      },
      ({ index, step }) => options.progress && bar.update(index, { step }),
    );
    bar.stop();
    if (options.json) console.log(JSON.stringify(summary, null, 2));
    else printSummary(summary);
  } catch (error) {
    bar.stop();
    const code = error instanceof AnalyticsError ? `${error.code}: ` : '';
    console.error(`${code}${(error as Error).message}`);
    process.exitCode = 1;
  } finally {
    await opened?.driver.close();
  }
});

function printSummary(s: AnalyticsSummary) {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const p = s.parameters;
  const years = p.yearFrom || p.yearTo ? `, papers ${p.yearFrom ?? '…'}–${p.yearTo ?? '…'}` : '';
  console.log(`\nAnalytics run ${s.run} complete in ${seconds(s.millis)}.`);
  console.log(
    `Coauthor graph: ${s.authorCount} authors, ${s.linkCount} links (at least ${p.minSharedPapers} shared papers${years}; ` +
      `papers with more than ${p.maxAuthorsPerPaper} authors left out).`,
  );
  console.log(
    `Communities: ${s.communityCount} (Leiden at resolution ${p.resolution}, modularity ${s.modularity.toFixed(3)}); ${s.storedCommunityCount} with two or more authors ` +
      `stored, ${s.communityLinkCount} links between them.`,
  );
  console.log(
    `PageRank: ${s.pageRankIterations} iterations. Betweenness: ${p.betweennessSamples ?? 'all'} source authors. ` +
      `Degeneracy (largest core number): ${s.degeneracy}. Average clustering coefficient: ${s.averageClustering.toFixed(3)}.`,
  );
  console.table(Object.fromEntries(s.steps.map(({ step, millis }) => [step, { time: seconds(millis) }])));
}

program.parseAsync().catch((error: Error) => {
  console.error(error.message);
  process.exitCode = 1;
});
