/**
 * `npm run bench:api [-- --rounds 30]`: the latency of each kind of API query against the
 * configured Neo4j (NEO4J_URI, or the local one), through the built server as production runs it
 * (`node dist/index.js`, bench/lib/server.ts; response cache off), one request at a time over
 * loopback HTTP, so each time includes about a millisecond of HTTP. Queries run in interleaved rounds
 * (A B C ... A B C ...) so that machine noise spreads over all of them; medians, p95 and p99 per query.
 * Arguments (a busy author, a paper, ...) are picked from the graph itself.
 *
 * Then the huge-byline rows (`--huge-byline 10000`, 0 to skip): a paper with that many authors
 * is written, and the busy author's coauthors and ego network are timed without it, with it
 * (skipped: MAX_AUTHORS_PER_PAPER), and with it under a limit above its byline (walked, for
 * contrast: a second server with MAX_AUTHORS_PER_PAPER above the byline), the author's authorship of it added and removed between them, interleaved A B C A B C.
 * The paper and its authors are deleted afterwards.
 */
import { encodeGlobalID } from '@pothos/plugin-relay';
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import { createDriver } from '../src/db/driver.js';
import { typedPrefix } from '../eval/lib/search-measures.js';
import { count } from './lib/cli.js';
import { machineLine, markdownTable } from './lib/report.js';
import { startBuiltServer, type ServerProcess } from './lib/server.js';
import { median, quantile } from './lib/stats.js';
import { localNeo4jSettings, startLocalNeo4j } from './lib/tools.js';

const options = new Command()
  .addOption(count('--rounds <n>', 'rounds of every query', 0, 30))
  .addOption(count('--warmup <n>', 'rounds run first and not counted', 0, 3))
  .addOption(count('--huge-byline <authors>', 'authors of the huge paper of the huge-byline rows (0: leave them out)', 0, 10000))
  .addOption(count('--byline-rounds <n>', 'rounds of the huge-byline rows', 1, 15))
  .option('--only <names>', 'only the rows whose name contains one of these (comma-separated), e.g. suggested,related')
  .parse()
  .opts<{ rounds: number; warmup: number; hugeByline: number; bylineRounds: number; only?: string }>();

const config = loadConfig();
const uri = config.neo4j.uri ?? (await startLocalNeo4j(localNeo4jSettings()));
const driver = createDriver({ ...config.neo4j, uri });
const database = config.neo4j.database;
const one = async (cypher: string) => (await driver.executeQuery(cypher, {}, { database })).records[0]!.toObject();

/** The huge paper and its authors, under ids of their own (an interrupted run's are removed first). */
const HUGE = 'bench-huge-byline:';
async function removeHugePaper() {
  // In slices: one transaction over 10,000 nodes can exceed Neo4j's transaction memory.
  while ((await one(`MATCH (n) WHERE n.id STARTS WITH '${HUGE}' WITH n LIMIT 2000 DETACH DELETE n RETURN count(*) AS n`)).n > 0);
}
await removeHugePaper();

// Arguments: the author with most coauthors, two of them, a cited paper, the largest org, a topic.
const stats = await one('MATCH (n) RETURN count(n) AS nodes, count{ (:Author) } AS authors, count{ (:Paper) } AS papers');
const busy = await one(`MATCH (a:Author)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(c:Author) WHERE a <> c
  WITH a, count(DISTINCT c) AS n ORDER BY n DESC LIMIT 1
  MATCH (a)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(c:Author) WHERE c <> a
  WITH a, c, count(*) AS shared ORDER BY shared DESC LIMIT 1 RETURN a.id AS id, a.name AS name, c.id AS coauthor`);
// author(name:) needs a name only one author has (on a big graph the busiest one's may be shared:
// the API then answers AMBIGUOUS_NAME): the busiest of the 50 busiest whose name is their own.
const named = (
  await driver.executeQuery(`MATCH (a:Author)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(c:Author) WHERE a <> c
    WITH a, count(DISTINCT c) AS n ORDER BY n DESC LIMIT 50
    WITH a, n WHERE COUNT { (other:Author {nameKey: a.nameKey}) } = 1 RETURN a.name AS name ORDER BY n DESC LIMIT 1`, {}, { database })
).records[0]?.toObject() ?? { name: busy.name };
const paper = await one('MATCH (p:Paper) RETURN p.id AS id, p.title AS title ORDER BY count{ (p)<-[:AUTHORED]-() } DESC, p.id LIMIT 1');
const org = await one('MATCH (o:Organization) RETURN o.id AS id, o.name AS name ORDER BY count{ (o)<-[:FROM_ORGANIZATION]-() } DESC LIMIT 1');
const topic = await one('MATCH (t:Topic) RETURN t.id AS id, t.name AS name ORDER BY count{ (t)<-[:HAS_TOPIC]-() } DESC LIMIT 1');
const far = await one(`MATCH (a:Author {id: $id}) WITH a
  MATCH (b:Author) WHERE b <> a AND EXISTS { (b)-[:AUTHORED]->() } WITH a, b ORDER BY b.id DESC LIMIT 1 RETURN b.id AS id`.replace('$id', JSON.stringify(busy.id)));
// Related papers: the busy author's paper with the most topics and keywords.
const ownPaper = await one(`MATCH (:Author {id: ${JSON.stringify(busy.id)}})-[:AUTHORED]->(p:Paper) RETURN p.id AS id ORDER BY COUNT { (p)-[:HAS_TOPIC]->() } DESC, p.id LIMIT 1`);
const hundred = (await driver.executeQuery('MATCH (a:Author) WHERE EXISTS { (a)-[:AUTHORED]->() } RETURN a.id AS id ORDER BY a.id LIMIT 100', {}, { database })).records.map((r) => r.get('id') as string);

const A = (id: string) => encodeGlobalID('Author', id);
const queries: Record<string, [string, Record<string, unknown>]> = {
  'author(name)': ['query($n: String!) { author(name: $n) { id name } }', { n: named.name }],
  'Author.papers': ['query($id: ID!) { author(id: $id) { papers(first: 20) { totalCount edges { node { title year authors { name } } } } } }', { id: A(busy.id) }],
  'Author.papers(sharedWith)': ['query($id: ID!, $w: [ID!]) { author(id: $id) { papers(sharedWith: $w) { totalCount edges { node { title } } } } }', { id: A(busy.id), w: [A(busy.coauthor)] }],
  'Author.coauthors': ['query($id: ID!) { author(id: $id) { coauthors(first: 20) { totalCount edges { sharedPaperCount firstYear lastYear node { name } } } } }', { id: A(busy.id) }],
  'Author.affiliations+topics+metrics+reported': [
    'query($id: ID!) { author(id: $id) { affiliations { organization { name } paperCount } topics { topic { name } paperCount } metrics { paperCount citationCount hIndex papersPerYear { year paperCount } } reported { hIndex } } }',
    { id: A(busy.id) },
  ],
  'coauthors of coauthors (10x10)': ['query($id: ID!) { author(id: $id) { coauthors(first: 10) { edges { node { name coauthors(first: 10) { edges { sharedPaperCount node { name } } } } } } } }', { id: A(busy.id) }],
  'nodes(100 authors) + coauthors + affiliations': [
    'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Author { name affiliations { organization { name } } coauthors(first: 10) { edges { node { name affiliations { organization { name } } } } } } } }',
    { ids: hundred.map(A) },
  ],
  'paper (all fields)': [
    'query($id: ID!) { paper(id: $id) { title year publishedOn venue abstract doi arxivId url codeUrl citationCount authorListComplete authors { name } organizations { name } topics { name } cites { totalCount edges { node { title } } } citedBy { totalCount edges { node { title } } } } }',
    { id: encodeGlobalID('Paper', paper.id) },
  ],
  'papers(topic, years)': ['query($t: ID) { papers(topic: $t, yearFrom: 2015, yearTo: 2024) { totalCount edges { node { title } } } }', { t: encodeGlobalID('Topic', topic.id) }],
  'papers(search)': ['query($s: String) { papers(search: $s) { totalCount edges { node { title } } } }', { s: paper.title }],
  'authors(search)': ['query($s: String!) { authors(search: $s) { totalCount edges { node { name } } } }', { s: busy.name }],
  // As the explorer's typeahead asks while a name is typed: the first name and 3 letters of the surname.
  'authors(search: typed prefix)': ['query($s: String!) { authors(search: $s, first: 8) { edges { node { id name } } } }', { s: typedPrefix(busy.name, 3) ?? busy.name }],
  'organizations(search)': ['query($s: String) { organizations(search: $s) { totalCount edges { node { name } } } }', { s: org.name }],
  'topics(search)': ['query($s: String) { topics(search: $s) { totalCount edges { node { name } } } }', { s: topic.name }],
  'organization: members, papers, collaborators': [
    'query($id: ID!) { node(id: $id) { ... on Organization { name members { totalCount edges { paperCount node { name } } } papers { totalCount edges { node { title } } } collaborators { totalCount edges { sharedPaperCount node { name } } } } } }',
    { id: encodeGlobalID('Organization', org.id) },
  ],
  'topic: trend, papers, topAuthors': [
    'query($id: ID!) { node(id: $id) { ... on Topic { name trend { year paperCount } papers { totalCount edges { node { title } } } topAuthors { edges { paperCount node { name } } } } } }',
    { id: encodeGlobalID('Topic', topic.id) },
  ],
  collaborationPath: ['query($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b) { length authors { name } hops { paperCount papers { title } } } }', { a: A(busy.id), b: A(far.id) }],
  // The same author's stored analytics, beside the other author fields above: the goal is the same latency.
  'Author.analytics': ['query($id: ID!) { author(id: $id) { analytics { pageRank betweenness coreNumber clustering communityNumber } } }', { id: A(busy.id) }],
  'Paper.related': [
    'query($id: ID!) { paper(id: $id) { related { suggestions { score paper { title } reasons { sharedAuthors { name } sharedTopics { name } sharedKeywords summary } } } } }',
    { id: encodeGlobalID('Paper', ownPaper.id) },
  ],
  'Author.suggestedPapers': [
    'query($id: ID!) { author(id: $id) { suggestedPapers { suggestions { score paper { title } reasons { viaCoauthors { name } sharedTopics { name } sharedKeywords summary } } } } }',
    { id: A(busy.id) },
  ],
  'suggestedBridges (author, coauthor)': [
    'query($ids: [ID!]!) { suggestedBridges(between: $ids) { suggestions { author { name } pathCount sides { direct throughCount through { name } } summary } } }',
    { ids: [A(busy.id), A(busy.coauthor)] },
  ],
  'egoNetwork(depth 2, 200 nodes)': ['query($id: ID!) { author(id: $id) { egoNetwork(depth: 2, maxNodes: 200) { nodes { id depth } edges { source target sharedPaperCount } nodesTruncated } } }', { id: A(busy.id) }],
  // As the explorer's author panel asks, of the author with most coauthors (the most to walk).
  'Author.suggestedCollaborators': [
    'query($id: ID!) { author(id: $id) { suggestedCollaborators(first: 10) { suggestions { score author { name } path { id } reasons { summary commonCoauthorCount commonCoauthors { name } sharedTopics { name } sharedKeywords sharedOrganizations { name } pathLength recentPapers } } } } }',
    { id: A(busy.id) },
  ],
};

// Read only what a completed analytics run stored (`npm run analytics`); without one they are left out.
const analyzed = (await one("OPTIONAL MATCH (r:AnalyticsRun {status: 'complete'}) RETURN count(r) > 0 AS done")).done as boolean;
if (analyzed) {
  Object.assign(queries, {
    'Author.analytics + community': ['query($id: ID!) { author(id: $id) { analytics { pageRank community { size topAuthors { name } } } } }', { id: A(busy.id) }],
    'authors(orderBy: PAGE_RANK)': ['{ authors(orderBy: PAGE_RANK) { edges { node { name analytics { pageRank } } } } }', {}],
    'communities: top authors, organizations': ['{ communities { totalCount edges { node { size topAuthors { name } topOrganizations { organization { name } memberCount } } } } }', {}],
    'community members + links': [
      '{ communities(first: 1) { edges { node { members { edges { node { name } } } links { edges { paperCount node { size } bridges { name } } } } } } }',
      {},
    ],
  } satisfies typeof queries);
} else {
  delete queries['Author.analytics'];
  console.log('No complete analytics run in this graph: the analytics rows are left out (run `npm run analytics` first).');
}

/** The rows timed: all, or with --only those whose name contains one of its words. */
const wanted = options.only?.split(',').map((part) => part.trim().toLowerCase()).filter(Boolean);
const measured = Object.entries(queries).filter(([name]) => !wanted || wanted.some((part) => name.toLowerCase().includes(part)));

/** The built server against the bench's Neo4j; no response cache: every round must run the query. */
const startServer = (label: string, env: Record<string, string> = {}) =>
  startBuiltServer({ label, neo4j: { uri, user: config.neo4j.user, password: config.neo4j.password, database }, env: { RESPONSE_CACHE_TTL_MS: '0', ...env } });
const server = await startServer('the server');
async function run(text: string, variables: Record<string, unknown>): Promise<number> {
  const started = performance.now();
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: text, variables }),
  });
  const body = (await response.json()) as { errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors) throw new QueryFailed(body.errors.map((e) => e.extensions?.code ?? e.message).join(', '));
  return performance.now() - started;
}

/** A row's answer was an error (e.g. TIMEOUT: past the server's read time limit on a big graph). */
class QueryFailed extends Error {}

const timings = new Map<string, number[]>(measured.map(([name]) => [name, []]));
const failures = new Map<string, { count: number; codes: Set<string> }>();
const rounds = options.rounds;
// `--rounds 0`: only the huge-byline rows.
const warmup = rounds > 0 ? options.warmup : 0;
for (let round = 0; round < warmup + rounds; round++) {
  for (const [name, [text, variables]] of measured) {
    // A failed row is counted and reported, not a time; the other rows still run.
    try {
      const ms = await run(text, variables);
      if (round >= warmup) timings.get(name)!.push(ms);
    } catch (error) {
      if (!(error instanceof QueryFailed)) throw error;
      const seen = failures.get(name) ?? { count: 0, codes: new Set<string>() };
      failures.set(name, { count: seen.count + 1, codes: seen.codes.add(error.message) });
    }
  }
}

console.log(`machine: ${machineLine()}`);
console.log(`graph: ${stats.authors} authors, ${stats.papers} papers, ${stats.nodes} nodes; ${rounds} interleaved rounds after ${warmup} warm-up`);
if (rounds > 0) {
  // p99 is the slowest round but one at 100 rounds: read it with --rounds 100 or more.
  const figure = (values: number[], q: number) => (values.length ? quantile(values, q).toFixed(1) : '–');
  const rows = [...timings].map(([name, values]) => {
    const failed = failures.get(name);
    return [name, values.length ? median(values).toFixed(1) : '–', figure(values, 0.95), figure(values, 0.99), failed ? `${failed.count} (${[...failed.codes].join(', ')})` : '0'];
  });
  console.log(markdownTable(['query', { title: 'median ms', align: 'right' }, { title: 'p95 ms', align: 'right' }, { title: 'p99 ms', align: 'right' }, { title: 'failed', align: 'right' }], rows));
}

const hugeByline = options.hugeByline;
if (hugeByline > 0) {
  try {
    await benchHugeByline(hugeByline, options.bylineRounds);
  } finally {
    await removeHugePaper();
  }
}
await server.stop();
await driver.close();

/**
 * The busy author's coauthors and ego network: A without the huge paper, B with it (its byline
 * over the limit, skipped), C with it under a limit above its byline (walked). A read that fails
 * (C may pass the read time limit) counts as failed, not as a time.
 */
async function benchHugeByline(authors: number, rounds: number) {
  const walked = await startServer(`the server, MAX_AUTHORS_PER_PAPER ${authors * 2}`, { MAX_AUTHORS_PER_PAPER: String(authors * 2) });
  try {
    await hugeBylineRounds(authors, rounds, walked);
  } finally {
    await walked.stop();
  }
}

async function hugeBylineRounds(authors: number, rounds: number, walked: ServerProcess) {
  await driver.executeQuery(
    `CREATE (p:Paper {id: $paper, title: 'A consortium paper', titleKey: 'a consortium paper', year: 2020, authorListComplete: true})
     WITH p UNWIND range(1, $authors - 1) AS i
     CREATE (:Author {id: $prefix + 'author-' + i, name: 'Consortium Member ' + i, nameKey: 'consortium member ' + i})-[:AUTHORED {position: i + 1}]->(p)`,
    { paper: `${HUGE}paper`, authors, prefix: HUGE },
    { database },
  );
  const attach = (on: boolean) =>
    driver.executeQuery(
      on
        ? 'MATCH (a:Author {id: $author}), (p:Paper {id: $paper}) CREATE (a)-[:AUTHORED {position: 0}]->(p)'
        : 'MATCH (:Author {id: $author})-[w:AUTHORED]->(:Paper {id: $paper}) DELETE w',
      { author: busy.id, paper: `${HUGE}paper` },
      { database },
    );
  const rows: Record<string, [string, Record<string, unknown>]> = {
    'Author.coauthors': [queries['Author.coauthors']![0].replace('totalCount', 'totalCount skippedPapers'), { id: A(busy.id) }],
    'Paper.related': queries['Paper.related']!,
    'Author.suggestedPapers': queries['Author.suggestedPapers']!,
    'suggestedBridges (author, coauthor)': queries['suggestedBridges (author, coauthor)']!,
    'egoNetwork(depth 2, 200 nodes)': [queries['egoNetwork(depth 2, 200 nodes)']![0].replace('nodesTruncated', 'nodesTruncated skippedPapers'), { id: A(busy.id) }],
  };
  const conditions = ['without', 'with, skipped', `with, limit ${authors * 2}`] as const;
  const times = new Map(Object.keys(rows).flatMap((name) => conditions.map((condition) => [`${name}|${condition}`, [] as number[]])));
  /** Per row and condition, the error codes of the reads that failed. */
  const failures = new Map<string, string[]>();
  const coauthorCounts = new Map<string, number>();
  const timed = async (name: string, condition: (typeof conditions)[number], round: number) => {
    const [text, variables] = rows[name]!;
    const started = performance.now();
    const response = await fetch((condition === conditions[2] ? walked : server).url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: text, variables }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[]; data?: { author?: { coauthors?: { totalCount: number } } } };
    const ms = performance.now() - started;
    const key = `${name}|${condition}`;
    if (body.errors) failures.set(key, [...(failures.get(key) ?? []), body.errors[0]?.extensions?.code ?? 'ERROR']);
    else if (round >= 1) times.get(key)!.push(ms);
    if (body.data?.author?.coauthors) coauthorCounts.set(condition, body.data.author.coauthors.totalCount);
  };
  // Round 0 warms the plans up and is not counted. The walked read (slow) goes first, and the two
  // compared take turns at coming second, so neither always follows it.
  for (let round = 0; round <= rounds; round++) {
    for (const name of Object.keys(rows)) {
      await attach(true);
      await timed(name, conditions[2], round);
      const order = round % 2 === 0 ? [conditions[0], conditions[1]] : [conditions[1], conditions[0]];
      for (const condition of order) {
        await attach(condition !== conditions[0]);
        await timed(name, condition, round);
      }
    }
  }
  await attach(false);

  const cell = (name: string, condition: string) => {
    const value = median(times.get(`${name}|${condition}`)!);
    const failed = failures.get(`${name}|${condition}`) ?? [];
    return `${Number.isNaN(value) ? '-' : value.toFixed(1)}${failed.length ? ` (${failed.length} failed: ${[...new Set(failed)].join(', ')})` : ''}`;
  };
  console.log(
    `\nA ${authors.toLocaleString('en')}-author paper on ${busy.name}'s byline: ${rounds} interleaved rounds (without, with, with a limit of ${authors * 2}); ` +
      `coauthors: ${[...coauthorCounts].map(([condition, count]) => `${count} ${condition}`).join(', ')}`,
  );
  const right = (title: string) => ({ title, align: 'right' as const });
  const table = Object.keys(rows).map((name) => {
    const without = median(times.get(`${name}|${conditions[0]}`)!);
    const ratio = (condition: string) => {
      const value = median(times.get(`${name}|${condition}`)!) / without;
      return Number.isNaN(value) ? '-' : value.toFixed(2);
    };
    return [name, cell(name, conditions[0]), cell(name, conditions[1]), ratio(conditions[1]), cell(name, conditions[2]), ratio(conditions[2])];
  });
  console.log(markdownTable(['query', right('without, median ms'), right('with (skipped), median ms'), right('ratio'), right(`with, limit ${authors * 2} (walked), median ms`), right('ratio')], table));
}
