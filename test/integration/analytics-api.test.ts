import { setTimeout as sleep } from 'node:timers/promises';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalyticsError, estimateRunMemory, memoryRefusal, parseParameters, runAnalytics, type AnalyticsSummary } from '../../src/analytics/run.js';
import { pino } from 'pino';
import { createRepositoryFactory } from '../../src/repositories/index.js';
import { createYogaServer } from '../../src/yoga.js';
import { generateGraph } from '../../tools/synthetic/generate.js';
import { writeGraph } from '../../tools/synthetic/write.js';
import { startServer, type RunningServer } from '../../src/server.js';
import { removeAnalytics } from '../support/analytics.js';
import { inProcessServer, postGraphQL, removeGeneratedGraph, testDatabase, testDriver, type GraphQLResponse, type InProcessServer } from '../support/server.js';
import { graphDatabaseOn } from '../../src/db/driver.js';

/**
 * Pages sort by the figure rounded to 1e-9 (the cursor key), then by id: two authors whose
 * PageRank differs only in the last bits (GDS sums in parallel) are a tie, in id order.
 */
function expectHighestFirst(values: number[]): void {
  const outOfOrder = values.findIndex((value, i) => i > 0 && value > values[i - 1]! + 1e-9);
  expect(outOfOrder, `values[${outOfOrder}] is higher than the one before it: ${values.join(', ')}`).toBe(-1);
}

/**
 * The analytics as a client reads them: every figure the API gives is checked against what the
 * run stored and against counts made here, with plain Cypher, from the authorships themselves.
 * The run covers whatever graph the suite's database holds: the seed, and a generated graph of
 * 300 authors in labs (so several communities, linked) written here under its own prefix.
 * Afterwards both are removed again, so other files see the graph as it was.
 */

const PREFIX = 'analytics-api';

const TOKEN = 'analytics-api-test-token-0123456789abcdef';
let driver: Driver;
let server: InProcessServer;
let summary: AnalyticsSummary;

const rows = async <Row>(query: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(query, params, { database: testDatabase() })).records.map((record) => record.toObject() as Row);

async function graphql<Data>(query: string, variables: Record<string, unknown> = {}, token?: string) {
  const response = await server.fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as GraphQLResponse<Data>;
}

async function data<Data>(query: string, variables: Record<string, unknown> = {}) {
  const response = await postGraphQL<Data>(server, query, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

beforeAll(async () => {
  driver = testDriver();
  await removeAnalytics(driver, testDatabase());
  await writeGraph(driver, testDatabase(), generateGraph({ authors: 300, prefix: PREFIX, seed: 11 }));
  summary = await runAnalytics(graphDatabaseOn(driver, testDatabase()), { concurrency: 1, betweennessSamples: null });
  server = inProcessServer({ API_TOKENS: TOKEN });
}, 120_000);

afterAll(async () => {
  await server?.close();
  await removeAnalytics(driver, testDatabase());
  if (driver) await removeGeneratedGraph(driver, PREFIX);
  await driver?.close();
});

interface Figures {
  pageRank: number;
  betweenness: number;
  coreNumber: number;
  clustering: number;
  communityNumber: number;
  community: { id: string; size: number } | null;
  run: { number: number; status: string } | null;
}

describe('an author’s analytics', () => {
  it('are the figures the run stored on the author, with the run and the community', async () => {
    const { author } = await data<{ author: { analytics: Figures } }>(`{
      author(name: "Baixu Chen") {
        analytics { pageRank betweenness coreNumber clustering communityNumber community { id size } run { number status } }
      }
    }`);
    const [stored] = await rows<Record<string, number>>(
      `MATCH (a:Author {nameKey: 'baixu chen'})
       RETURN a.analyticsPageRank AS pageRank, a.analyticsBetweenness AS betweenness, a.analyticsCoreNumber AS coreNumber,
              a.analyticsClustering AS clustering, a.analyticsCommunity AS community,
              COUNT { MATCH (m:Author {analyticsCommunity: a.analyticsCommunity}) WHERE m.analyticsRun = a.analyticsRun } AS size`,
    );
    const figures = author.analytics;
    expect(figures).toMatchObject({
      pageRank: stored!.pageRank,
      betweenness: stored!.betweenness,
      coreNumber: stored!.coreNumber,
      clustering: stored!.clustering,
      communityNumber: stored!.community,
      run: { number: summary.run, status: 'COMPLETE' },
    });
    // Baixu Chen has coauthors, so a community of two or more, stored as a node.
    expect(figures.community?.size).toBe(stored!.size);
    expect(figures.community?.size).toBeGreaterThan(1);
  });

  it('is null for an author the run has not reached (added after it)', async () => {
    await rows(`CREATE (:Author {id: 'author:analytics-latecomer', name: 'Late Comer', nameKey: 'late comer'})`);
    try {
      const { author } = await data<{ author: { analytics: Figures | null } }>(`{ author(name: "Late Comer") { analytics { pageRank } } }`);
      expect(author.analytics).toBeNull();
    } finally {
      await rows(`MATCH (a:Author {id: 'author:analytics-latecomer'}) DELETE a`);
    }
  });
});

interface CommunityNode {
  id: string;
  number: number;
  size: number;
  paperCount: number;
  firstYear: number;
  lastYear: number;
  topAuthors: { id: string; analytics: { pageRank: number } }[];
  members: { totalCount: number };
}

describe('communities', () => {
  it('lists every community of two or more authors, largest first, with sizes and papers counted from the authors', async () => {
    const truth = await rows<{ community: number; size: number; papers: number; firstYear: number; lastYear: number }>(
      `MATCH (a:Author) WHERE a.analyticsRun = $run
       WITH a.analyticsCommunity AS community, collect(a) AS members
       WHERE size(members) >= 2
       CALL (members) { UNWIND members AS m MATCH (m)-[:AUTHORED]->(p:Paper) WITH DISTINCT p RETURN count(p) AS papers, min(p.year) AS firstYear, max(p.year) AS lastYear }
       RETURN community, size(members) AS size, papers, firstYear, lastYear`,
      { run: summary.run },
    );
    const listed: CommunityNode[] = [];
    let after: string | null = null;
    do {
      type Page = { communities: { totalCount: number; pageInfo: { endCursor: string | null; hasNextPage: boolean }; edges: { node: CommunityNode }[] } };
      const { communities }: Page = await data<Page>(
        `query ($after: String) { communities(first: 3, after: $after) {
           totalCount pageInfo { endCursor hasNextPage }
           edges { node { id number size paperCount firstYear lastYear topAuthors { id analytics { pageRank } } members { totalCount } } }
        } }`,
        { after },
      );
      expect(communities.totalCount).toBe(truth.length);
      listed.push(...communities.edges.map((edge) => edge.node));
      after = communities.pageInfo.hasNextPage ? communities.pageInfo.endCursor : null;
    } while (after);

    expect(listed.map((c) => c.number).sort((a, b) => a - b)).toEqual(truth.map((c) => c.community).sort((a, b) => a - b));
    const sizes = listed.map((c) => c.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => b - a));
    for (const community of listed) {
      const expected = truth.find((c) => c.community === community.number)!;
      expect([community.size, community.members.totalCount, community.paperCount, community.firstYear, community.lastYear]).toEqual([
        expected.size, expected.size, expected.papers, expected.firstYear, expected.lastYear,
      ]);
      const ranks = community.topAuthors.map((author) => author.analytics.pageRank);
      expectHighestFirst(ranks);
      expect(community.topAuthors.length).toBe(Math.min(10, community.size));
    }
  });

  it('pages through a community’s members, highest PageRank first, each once', async () => {
    const { communities } = await data<{ communities: { edges: { node: { id: string; size: number } }[] } }>(`{ communities(first: 1) { edges { node { id size } } } }`);
    const largest = communities.edges[0]!.node;
    const seen: { id: string; pageRank: number }[] = [];
    let after: string | null = null;
    do {
      type Page = { node: { members: { pageInfo: { endCursor: string; hasNextPage: boolean }; edges: { node: { id: string; analytics: { pageRank: number } } }[] } } };
      const { node }: Page = await data<Page>(
        `query ($id: ID!, $after: String) { node(id: $id) { ... on Community {
           members(first: 2, after: $after) { pageInfo { endCursor hasNextPage } edges { node { id analytics { pageRank } } } }
        } } }`,
        { id: largest.id, after },
      );
      seen.push(...node.members.edges.map((edge) => ({ id: edge.node.id, pageRank: edge.node.analytics.pageRank })));
      after = node.members.pageInfo.hasNextPage ? node.members.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toHaveLength(largest.size);
    expect(new Set(seen.map((member) => member.id)).size).toBe(largest.size);
    const ranks = seen.map((member) => member.pageRank);
    expectHighestFirst(ranks);
  });

  it('links communities by the papers their members wrote together, with bridging authors from both', async () => {
    const truth = await rows<{ low: number; high: number; papers: number }>(
      `MATCH (a:Author)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
       WHERE a.analyticsRun = $run AND b.analyticsRun = $run AND a.analyticsCommunity < b.analyticsCommunity
         AND COUNT { (p)<-[:AUTHORED]-() } <= 100
         AND COUNT { MATCH (x:Author {analyticsCommunity: a.analyticsCommunity}) WHERE x.analyticsRun = $run } >= 2
         AND COUNT { MATCH (y:Author {analyticsCommunity: b.analyticsCommunity}) WHERE y.analyticsRun = $run } >= 2
       RETURN a.analyticsCommunity AS low, b.analyticsCommunity AS high, count(DISTINCT p) AS papers`,
      { run: summary.run },
    );
    expect(summary.communityLinkCount).toBe(truth.length);
    expect(truth.length).toBeGreaterThan(0);
    const link = truth.sort((a, b) => b.papers - a.papers)[0]!;
    const [{ id }] = (await rows<{ id: string }>('MATCH (c:Community {run: $run, community: $low}) RETURN c.id AS id', { run: summary.run, low: link.low })) as [{ id: string }];
    type Links = { node: { links: { edges: { paperCount: number; node: { number: number }; bridges: { analytics: { communityNumber: number } }[] }[] } } };
    const { node }: Links = await data<Links>(
      `query ($id: ID!) { node(id: $id) { ... on Community { links(first: 100) { edges { paperCount node { number } bridges { analytics { communityNumber } } } } } } }`,
      { id: Buffer.from(`Community:${id}`).toString('base64') },
    );
    const edge = node.links.edges.find((e) => e.node.number === link.high)!;
    expect(edge.paperCount).toBe(link.papers);
    expect(edge.bridges.length).toBeGreaterThanOrEqual(2);
    for (const bridge of edge.bridges) expect([link.low, link.high]).toContain(bridge.analytics.communityNumber);
  });

  it('refuses a minSize below 2 with BAD_USER_INPUT', async () => {
    const response = await postGraphQL(server, `{ communities(minSize: 1) { totalCount } }`);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'minSize' });
  });
});

describe('authors in order of a figure', () => {
  async function walk(orderBy: string, field: string) {
    const seen: { id: string; value: number }[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      type Page = { authors: { totalCount: number; pageInfo: { endCursor: string; hasNextPage: boolean }; edges: { node: { id: string; analytics: Record<string, number>; metrics: { paperCount: number } } }[] } };
      const { authors }: Page = await data<Page>(
        `query ($after: String) { authors(orderBy: ${orderBy}, first: 25, after: $after) {
           totalCount pageInfo { endCursor hasNextPage } edges { node { id analytics { pageRank betweenness } metrics { paperCount } } }
        } }`,
        { after },
      );
      total = authors.totalCount;
      seen.push(...authors.edges.map(({ node }) => ({ id: node.id, value: field === 'paperCount' ? node.metrics.paperCount : node.analytics[field]! })));
      after = authors.pageInfo.hasNextPage ? authors.pageInfo.endCursor : null;
    } while (after);
    return { seen, total };
  }

  it.each([
    ['PAGE_RANK', 'pageRank'],
    ['BETWEENNESS', 'betweenness'],
    ['PAPER_COUNT', 'paperCount'],
  ])('%s walks every author once, in order, across pages', async (orderBy, field) => {
    const { seen, total } = await walk(orderBy, field);
    const [{ authors }] = (await rows<{ authors: number }>('MATCH (a:Author) RETURN count(a) AS authors')) as [{ authors: number }];
    expect(total).toBe(authors);
    expect(seen).toHaveLength(authors);
    expect(new Set(seen.map((author) => author.id)).size).toBe(authors);
    const values = seen.map((author) => author.value);
    expectHighestFirst(values);
  });

  it('takes `search` or `orderBy`, one of the two', async () => {
    for (const args of ['', '(search: "chen", orderBy: PAGE_RANK)']) {
      const response = await postGraphQL(server, `{ authors${args} { totalCount } }`);
      expect(response.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
  });
});

describe('batching', () => {
  it('reads the analytics of 50 authors, their communities and top authors in as many statements as of 1', async () => {
    const statementsFor = async (first: number) => {
      const counter = { statements: 0 };
      const repositories = createRepositoryFactory(graphDatabaseOn(driver, testDatabase()));
      const yoga = createYogaServer({ repositories: () => repositories(counter), logger: pino({ level: 'silent' }) });
      const response = await yoga.fetch('http://yoga/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: `{ authors(orderBy: PAGE_RANK, first: ${first}) { edges { node { name analytics { pageRank community { size topAuthors { name } } run { number } } } } } }`,
        }),
      });
      const body = (await response.json()) as { errors?: unknown; data: { authors: { edges: unknown[] } } };
      expect(body.errors).toBeUndefined();
      expect(body.data.authors.edges).toHaveLength(first);
      return counter.statements;
    };
    const one = await statementsFor(1);
    // The page, the authors' analytics, their communities and runs, the communities' top authors.
    expect(one).toBe(5);
    expect(await statementsFor(50)).toBe(one);
  });
});

describe('a topic’s evolution', () => {
  it('counts papers, authors new to the topic and their communities per year, as the authorships say', async () => {
    const authorships = await rows<{ paper: string; year: number; author: string; community: number | null }>(
      `MATCH (:Topic {code: 'cs.LG'})<-[:HAS_TOPIC]-(p:Paper)<-[:AUTHORED]-(a:Author)
       RETURN p.id AS paper, p.year AS year, a.id AS author, CASE WHEN a.analyticsRun = $run THEN a.analyticsCommunity END AS community`,
      { run: summary.run },
    );
    const debut = new Map<string, number>();
    for (const { author, year } of authorships) debut.set(author, Math.min(year, debut.get(author) ?? Infinity));
    const years = [...new Set(authorships.map((row) => row.year))].sort((a, b) => a - b);
    const expected = years.map((year) => {
      const that = authorships.filter((row) => row.year === year);
      return {
        year,
        paperCount: new Set(that.map((row) => row.paper)).size,
        newAuthorCount: new Set(that.filter((row) => debut.get(row.author) === year).map((row) => row.author)).size,
        communityCount: new Set(that.map((row) => row.community).filter((c) => c !== null)).size,
      };
    });
    const { topic } = await data<{ topic: { evolution: unknown[] } }>(`{ topic(code: "cs.LG") { evolution { year paperCount newAuthorCount communityCount } } }`);
    expect(expected.length).toBeGreaterThan(0);
    expect(topic.evolution).toEqual(expected);
  });
});

describe('runs', () => {
  it('size the graph beforehand and refuse, naming the heap they need, when GDS estimates more than Neo4j has', async () => {
    const estimate = await estimateRunMemory(graphDatabaseOn(driver, testDatabase()), parseParameters({ concurrency: 1, betweennessSamples: null }));
    expect(estimate.authors).toBe(summary.authorCount);
    expect(estimate.pairs).toBeGreaterThanOrEqual(summary.linkCount);
    expect(estimate.bytesNeeded).toBeGreaterThan(0);
    expect(estimate.heapMaxBytes).toBeGreaterThan(estimate.bytesNeeded);
    expect(memoryRefusal(estimate)).toBeUndefined();

    const refusal = memoryRefusal({ ...estimate, heapMaxBytes: estimate.bytesNeeded });
    expect(refusal).toBeInstanceOf(AnalyticsError);
    expect(refusal!.code).toBe('OUT_OF_MEMORY');
    expect(refusal!.message).toMatch(/needs about .* [MG]iB of Neo4j's heap .*\(LOCAL_NEO4J_HEAP=1g /);
  });

  it('serves the newest complete run and lists every run, newest first', async () => {
    const { analyticsRun, analyticsRuns } = await data<{ analyticsRun: Record<string, unknown>; analyticsRuns: { edges: { node: { number: number } }[] } }>(`{
      analyticsRun { number status authorCount linkCount communityCount modularity betweennessSamples minSharedPapers steps { name millis } }
      analyticsRuns(first: 100) { edges { node { number } } }
    }`);
    expect(analyticsRun).toMatchObject({
      number: summary.run,
      status: 'COMPLETE',
      authorCount: summary.authorCount,
      linkCount: summary.linkCount,
      communityCount: summary.communityCount,
      betweennessSamples: null,
      minSharedPapers: 1,
    });
    expect((analyticsRun.steps as unknown[]).length).toBe(9);
    const numbers = analyticsRuns.edges.map((edge) => edge.node.number);
    expect(numbers[0]).toBe(summary.run);
    expect(numbers).toEqual([...numbers].sort((a, b) => b - a));
  });

  it('starts one from a mutation with a token only, one at a time, and serves it once complete', async () => {
    const START = `mutation { startAnalyticsRun(input: {minSharedPapers: 1, betweennessSamples: 0}) { number status } }`;
    const anonymous = await graphql(START);
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');

    const both = await Promise.all([graphql<{ startAnalyticsRun: { number: number; status: string } }>(START, {}, TOKEN), graphql(START, {}, TOKEN)]);
    const started = both.find((response) => !response.errors) as GraphQLResponse<{ startAnalyticsRun: { number: number; status: string } }>;
    const refused = both.find((response) => response.errors);
    expect(started.data!.startAnalyticsRun).toEqual({ number: summary.run + 1, status: 'RUNNING' });
    expect(refused?.errors?.[0]?.extensions?.code).toBe('ALREADY_RUNNING');

    let status = 'RUNNING';
    const deadline = Date.now() + 60_000;
    while (status === 'RUNNING' && Date.now() < deadline) {
      await sleep(250);
      status = (await data<{ analyticsRun: { status: string } }>(`{ analyticsRun(number: ${summary.run + 1}) { status } }`)).analyticsRun.status;
    }
    expect(status).toBe('COMPLETE');
    const served = await data<{ analyticsRun: { number: number } }>(`{ analyticsRun { number } }`);
    expect(served.analyticsRun.number).toBe(summary.run + 1);
  });

  it('refuses parameters out of range with BAD_USER_INPUT', async () => {
    const response = await graphql(`mutation { startAnalyticsRun(input: {yearFrom: 2024, yearTo: 2020}) { number } }`, {}, TOKEN);
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
  });
});
