/**
 * `npm run eval:suggestions`: how well suggested collaborators predict who really wrote together
 * next, on the real paper lists (../shared/data/paperlists) imported into a local Neo4j instance
 * of its own ("eval-suggestions", reset first unless --reuse).
 *
 * For each split year Y (--splits, 2022 first): the coauthor graph of the papers up to Y, read
 * from the graph itself (bylines of 2 to --max-byline authors); the truth of an author is the
 * people of that graph they first wrote with after Y (eval/lib/suggestion-measures.ts). For
 * --sample authors with a truth (seeded), the top --k of each method: common neighbours and
 * Adamic-Adar (computed here, over the same coauthor graph), and this server's
 * `Author.suggestedCollaborators(yearTo: Y)`, asked through the GraphQL API in-process with the
 * server's MAX_AUTHORS_PER_PAPER set to --max-byline, so that every method sees the same links.
 * Prints hit@k, precision@k, recall@k and MRR side by side, and the latency of the server's
 * answers; --json writes the figures.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { Command, Option } from 'commander';
import { cypher } from '../src/db/cypher.js';
import { createLogger } from '../src/logger.js';
import { createRepositoryFactory } from '../src/repositories/index.js';
import { createYogaServer } from '../src/yoga.js';
import { sharedDataDir } from '../scripts/shared-data.js';
import { count } from '../bench/lib/cli.js';
import { machineLine, markdownTable } from '../bench/lib/report.js';
import { quantile } from '../bench/lib/stats.js';
import { askInProcess, evalInstanceOptions, importPaperLists, openEvalInstance } from './lib/eval-instance.js';
import { COLLABORATOR_RANKING, type CollaboratorRanking } from '../src/repositories/suggestions.js';
import { neighbourScores, rankingFigures, reachable, sample, temporalSplit, topK, type Byline, type RankingFigures } from './lib/suggestion-measures.js';

const years = (value: string) => {
  const list = value.split(',').map((year) => Number(year.trim()));
  if (list.some((year) => !Number.isInteger(year) || year < 1000 || year > 9999)) throw new Error(`--splits takes four-digit years separated by commas, not ${value}`);
  return list;
};

/** `--ranking decay=0.4,topicWeight=0.1`: the server's weights (COLLABORATOR_RANKING) with some changed. */
const ranking = (value: string): CollaboratorRanking => {
  const changed = Object.fromEntries(value.split(',').map((pair) => pair.split('=').map((part) => part.trim())));
  for (const [key, number] of Object.entries(changed)) {
    if (!(key in COLLABORATOR_RANKING) || !Number.isFinite(Number(number))) throw new Error(`--ranking takes name=number pairs of ${Object.keys(COLLABORATOR_RANKING).join(', ')}, not ${key}=${number}`);
  }
  return { ...COLLABORATOR_RANKING, ...Object.fromEntries(Object.entries(changed).map(([key, number]) => [key, Number(number)])) };
};

const options = evalInstanceOptions(
  new Command('eval:suggestions')
    .description('suggested collaborators against the coauthors people really had next, on the real paper lists')
    .option('--lists <dir>', 'the paper lists', join(sharedDataDir, 'paperlists'))
    .addOption(new Option('--splits <years>', 'split years, comma-separated: the graph up to each, the truth after it').argParser(years).default([2022, 2021, 2023]))
    .addOption(count('--sample <n>', 'authors with a truth measured per split (seeded)', 1, 3000))
    .addOption(count('--seed <n>', "the sample's seed", 0, 1))
    .addOption(count('--k <n>', 'suggestions measured per author', 1, 10))
    .addOption(count('--max-byline <n>', 'papers with more authors make no links (for every method)', 2, 25))
    .addOption(new Option('--ranking <weights>', "the server's ranking weights with some changed, e.g. decay=0.4,topicWeight=0.1").argParser(ranking).default(COLLABORATOR_RANKING, 'COLLABORATOR_RANKING')),
  { instance: 'eval-suggestions', boltPort: 7696, httpPort: 7488 },
)
  .option('--json <file>', 'also write the figures as JSON')
  .showHelpAfterError()
  .parse()
  .opts<{ lists: string; splits: number[]; sample: number; seed: number; k: number; maxByline: number; ranking: CollaboratorRanking; instance: string; boltPort: number; httpPort: number; reuse?: boolean; keep?: boolean; json?: string }>();

const lists = resolve(options.lists);
if (!options.reuse && !existsSync(lists)) {
  console.error(`${lists} does not exist: point --lists (or SHARED_DATA_DIR) at the paper lists.`);
  process.exit(2);
}

const SUGGESTED = `query Suggested($id: ID!, $first: Int!, $yearTo: Int!) {
  node(id: $id) { ... on Author { suggestedCollaborators(first: $first, yearTo: $yearTo) { suggestions { author { id } } } } }
}`;

const { driver, database, db, close } = await openEvalInstance(options);
try {
  if (!options.reuse) await importPaperLists(db, [lists]);
  const bylines = (await driver.executeQuery(cypher('eval/paper-bylines'), { maxByline: options.maxByline }, { database })).records.map(
    (record) => ({ year: record.get('year') as number, authors: record.get('authors') as string[] }) satisfies Byline,
  );
  console.error(`${bylines.length} papers with 2 to ${options.maxByline} authors`);

  const yoga = createYogaServer({ repositories: createRepositoryFactory(db, { maxAuthorsPerPaper: options.maxByline, collaboratorRanking: options.ranking }), logger: createLogger('error', process.stderr) });
  const ask = askInProcess(yoga);
  type Suggested = { node: { suggestedCollaborators: { suggestions: { author: { id: string } }[] } } };
  const suggested = async (authorId: string, yearTo: number): Promise<string[]> => {
    const data = await ask<Suggested>(SUGGESTED, { id: encodeGlobalID('Author', authorId), first: options.k, yearTo }).catch((error: Error) => {
      throw new Error(`suggestedCollaborators of ${authorId}: ${error.message}`);
    });
    return data.node.suggestedCollaborators.suggestions.map((s) => s.author.id);
  };

  const METHODS = ['common neighbours', 'Adamic-Adar', 'this server'] as const;
  const results: { splitYear: number; authors: number; withTruth: number; figures: Record<string, RankingFigures>; latencyMs: { p50: number; p99: number }; reach: { twoHops: number; threeHops: number } }[] = [];
  for (const splitYear of options.splits) {
    const split = temporalSplit(bylines, splitYear);
    const measured = sample([...split.truth.keys()].sort(), options.sample, options.seed);
    const rankings: Record<string, { ranked: string[]; truth: Set<string> }[]> = Object.fromEntries(METHODS.map((m) => [m, []]));
    const latencies: number[] = [];
    for (const [i, authorId] of measured.entries()) {
      const truth = split.truth.get(authorId)!;
      rankings['common neighbours']!.push({ ranked: topK(neighbourScores(split.coauthors, authorId, 'common-neighbours'), options.k), truth });
      rankings['Adamic-Adar']!.push({ ranked: topK(neighbourScores(split.coauthors, authorId, 'adamic-adar'), options.k), truth });
      const started = performance.now();
      // The API names authors by global id; the split by the graph's ids.
      const ranked = (await suggested(authorId, splitYear)).map((id) => decodeGlobalID(id).id);
      latencies.push(performance.now() - started);
      rankings['this server']!.push({ ranked, truth });
      if ((i + 1) % 250 === 0 || i + 1 === measured.length) process.stderr.write(`\rsplit ${splitYear}: ${i + 1} / ${measured.length} authors`);
    }
    process.stderr.write('\n');
    results.push({
      splitYear, authors: split.coauthors.size, withTruth: split.truth.size,
      figures: Object.fromEntries(METHODS.map((m) => [m, rankingFigures(rankings[m]!, options.k)])),
      latencyMs: { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99) },
      reach: Object.fromEntries(([['twoHops', 2], ['threeHops', 3]] as const).map(([name, hops]) =>
        [name, measured.filter((a) => reachable(split.coauthors, a, split.truth.get(a)!, hops)).length / measured.length])) as { twoHops: number; threeHops: number },
    });
  }

  const k = options.k;
  const f3 = (x: number) => x.toFixed(3);
  console.log(`Suggested collaborators against the next coauthors (${machineLine()}; ${options.sample} sampled authors a split, seed ${options.seed}, bylines of 2-${options.maxByline} authors)\n`);
  console.log(markdownTable(
    ['split', 'graph authors', 'with new coauthors', 'method', { title: `hit@${k}`, align: 'right' }, { title: `precision@${k}`, align: 'right' }, { title: `recall@${k}`, align: 'right' }, { title: 'MRR', align: 'right' }, { title: `recall vs Adamic-Adar`, align: 'right' }],
    results.flatMap((r) => METHODS.map((m) => {
      const f = r.figures[m]!;
      return [`${r.splitYear}/${r.splitYear + 1}`, r.authors, r.withTruth, m, f3(f.hit), f3(f.precision), f3(f.recall), f3(f.mrr), `${(f.recall / r.figures['Adamic-Adar']!.recall).toFixed(2)}x`];
    })),
  ));
  console.log('\nThe most a method can hit (sampled authors with a new coauthor within reach): ' + results.map((r) => `${r.splitYear}: ${f3(r.reach.twoHops)} within two coauthor hops, ${f3(r.reach.threeHops)} within three`).join('; '));
  console.log(`Ranking weights: ${JSON.stringify(options.ranking)}`);
  console.log('\nThe server\'s answers (in-process, one at a time): ' + results.map((r) => `${r.splitYear}: p50 ${r.latencyMs.p50.toFixed(1)} ms, p99 ${r.latencyMs.p99.toFixed(1)} ms`).join('; '));
  if (options.json) writeFileSync(options.json, JSON.stringify({ machine: machineLine(), options, results }, null, 2));
} finally {
  await close();
}
