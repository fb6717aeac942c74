import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSubgraphAnalytics, MAX_AUTHORS_PER_PAPER } from '../../src/analytics/subgraph.js';
import { createRead, type Read } from '../../src/db/read.js';
import { cypher } from '../../src/db/cypher.js';
import { generateGraph, type SyntheticGraph } from '../../tools/synthetic/generate.js';
import { writeGraph } from '../../tools/synthetic/write.js';
import { startObservedServer, type ObservedServer } from '../support/hardening.js';
import { networkx, type NetworkxMeasures } from '../support/networkx.js';
import { postGraphQL, testDatabase, testDriver } from '../support/server.js';
import { graphDatabaseOn } from '../../src/db/driver.js';

/**
 * subgraphAnalytics and GET /export/subgraph over HTTP, on the seed (Baixu Chen's coauthors) and
 * on the generated graph api-generated.test.ts writes (ids prefixed "api", the same rows, so
 * writing it again changes nothing). What is checked, and against what:
 * - which authors and links a selector picks: the seed's own coauthor queries, and the
 *   generator's rows counted here in TypeScript;
 * - the measures: networkx (test/reference/networkx_reference.py), an independent library: core
 *   numbers and clustering exactly, betweenness within 1e-6 (GDS on an undirected graph gives
 *   networkx's convention, each pair once), PageRank divided by its sum within 1e-6 of networkx's
 *   weighted PageRank; modularity against GDS's own for the same partition;
 * - the files: networkx reads the GraphML and GEXF back into the same graph the API gives.
 */

let server: ObservedServer;
let driver: Driver;
let graph: SyntheticGraph;

const COMMUNITY_RUN = 9001;
const COMMUNITY_NUMBER = 5;

const authorGid = (id: string) => encodeGlobalID('Author', id);
const localId = (gid: string) => decodeGlobalID(gid).id;
const baseUrl = () => server.base;

/**
 * Reads get a longer limit than the server's default: GDS's first calls on a fresh Neo4j load and
 * compile its classes, which can take longer than that on a busy machine (warmed up below,
 * outside any limit), and the tests check answers, not speed.
 */
const READ_TIMEOUT_MS = 20_000;

beforeAll(async () => {
  graph = generateGraph({ authors: 400, prefix: 'api', seed: 7 });
  driver = testDriver();
  await writeGraph(driver, testDatabase(), graph);
  await driver.executeQuery(cypher('analytics/subgraph-measures'), { graphName: 'subgraph-warm-up', nodeCount: 3, links: [[0, 1, 1], [1, 2, 2]] }, { database: testDatabase() });
  server = await startObservedServer({ NEO4J_READ_TIMEOUT_MS: String(READ_TIMEOUT_MS) });
}, 180_000);

afterAll(async () => {
  await server?.close();
  await driver
    ?.executeQuery('MATCH (a:Author) WHERE a.analyticsRun = $run REMOVE a.analyticsRun, a.analyticsCommunity', { run: COMMUNITY_RUN }, { database: testDatabase() })
    .catch(() => {});
  await driver?.close();
});

interface Node {
  id: string;
  paperCount: number;
  community: number;
  pageRank: number;
  betweenness: number;
  coreNumber: number;
  clustering: number;
  author: { id: string; name: string } | null;
}
interface Link {
  source: string;
  target: string;
  weight: number;
}
interface Subgraph {
  authorCount: number;
  linkCount: number;
  truncated: boolean;
  communityCount: number;
  modularity: number | null;
  nodes: Node[];
  links: Link[];
}

const SUBGRAPH = /* GraphQL */ `
  query Subgraph($authors: [ID!], $egoOf: ID, $depth: Int, $organization: ID, $topic: ID, $community: ID,
                 $yearFrom: Int, $yearTo: Int, $minSharedPapers: Int) {
    subgraphAnalytics(authors: $authors, egoOf: $egoOf, depth: $depth, organization: $organization, topic: $topic,
                      community: $community, yearFrom: $yearFrom, yearTo: $yearTo, minSharedPapers: $minSharedPapers) {
      authorCount linkCount truncated communityCount modularity
      nodes { id paperCount community pageRank betweenness coreNumber clustering author { id name } }
      links { source target weight }
    }
  }
`;

async function subgraph(variables: Record<string, unknown>): Promise<Subgraph> {
  const response = await postGraphQL<{ subgraphAnalytics: Subgraph }>(server.url, SUBGRAPH, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.subgraphAnalytics;
}

async function refusal(variables: Record<string, unknown>, query = SUBGRAPH) {
  const response = await postGraphQL(server.url, query, variables);
  expect(response.data?.subgraphAnalytics ?? null).toBeNull();
  return response.errors?.map((error) => ({ code: error.extensions?.code, argument: error.extensions?.argument }));
}

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
const linkMap = (links: Link[]) => new Map(links.map((link) => [pairKey(localId(link.source), localId(link.target)), link.weight]));

// ---- Independent references ----

/** Every measure the API gave, against networkx's on the same nodes and links. */
async function expectNetworkxAgrees(answer: Subgraph) {
  const nx = await networkx<NetworkxMeasures>('measures', {
    nodes: answer.nodes.map((node) => node.id),
    edges: answer.links.map((link) => [link.source, link.target, link.weight]),
  });
  const pageRankSum = answer.nodes.reduce((sum, node) => sum + node.pageRank, 0);
  for (const node of answer.nodes) {
    expect(node.coreNumber, `core number of ${node.author?.name}`).toBe(nx.coreNumber[node.id]);
    expect(node.clustering, `clustering of ${node.author?.name}`).toBe(nx.clustering[node.id]);
    expect(Math.abs(node.betweenness - nx.betweenness[node.id]!), `betweenness of ${node.author?.name}`).toBeLessThanOrEqual(1e-6);
    expect(Math.abs(node.pageRank / pageRankSum - nx.weightedPageRank[node.id]!), `PageRank of ${node.author?.name}`).toBeLessThanOrEqual(1e-6);
  }
  // Not a trivial agreement: the subgraph has a spread of values.
  expect(new Set(answer.nodes.map((node) => node.betweenness)).size).toBeGreaterThan(1);
}

/**
 * The communities are a partition numbered 0.. by size, and the modularity is the one GDS itself
 * reports for Leiden with the same settings on the same graph.
 */
async function expectCommunitiesConsistent(answer: Subgraph) {
  const sizes = new Map<number, number>();
  for (const node of answer.nodes) sizes.set(node.community, (sizes.get(node.community) ?? 0) + 1);
  expect([...sizes.keys()].sort((a, b) => a - b)).toEqual([...Array(answer.communityCount).keys()]);
  const bySize = [...sizes.entries()].sort(([a], [b]) => a - b).map(([, size]) => size);
  expect(bySize).toEqual([...bySize].sort((a, b) => b - a));

  const index = new Map(answer.nodes.map((node, i) => [node.id, i]));
  const name = `subgraph-test-${Date.now()}`;
  const { records } = await driver.executeQuery(
    `UNWIND [i IN range(0, $n - 1) | [i, null, null]] + $links AS row
     WITH gds.graph.project($name, toInteger(row[0]), toInteger(row[1]),
       {relationshipProperties: CASE WHEN row[1] IS NULL THEN null ELSE {weight: toFloat(row[2])} END},
       {undirectedRelationshipTypes: ['*']}) AS graph
     CALL gds.leiden.stats(graph.graphName, {relationshipWeightProperty: 'weight', randomSeed: 42, concurrency: 1})
     YIELD communityCount, modularity
     CALL gds.graph.drop(graph.graphName, false) YIELD graphName
     RETURN communityCount, modularity`,
    { n: answer.nodes.length, name, links: answer.links.map((link) => [index.get(link.source), index.get(link.target), link.weight]) },
    { database: testDatabase() },
  );
  expect(answer.communityCount).toBe(records[0]!.get('communityCount'));
  expect(answer.modularity).toBeCloseTo(records[0]!.get('modularity') as number, 9);
}

/** The generator's rows, counted here: papers in the years, their bylines, each author's count. */
function truthOf({ yearFrom = null, yearTo = null, minSharedPapers = 1 }: { yearFrom?: number | null; yearTo?: number | null; minSharedPapers?: number } = {}) {
  const inYears = (year: number) => (yearFrom === null || year >= yearFrom) && (yearTo === null || year <= yearTo);
  const year = new Map(graph.papers.map((paper) => [paper.id, paper.year]));
  const bylines = new Map<string, string[]>();
  for (const { authorId, paperId } of graph.authored) bylines.set(paperId, [...(bylines.get(paperId) ?? []), authorId]);
  const paperCount = new Map<string, number>();
  for (const { authorId, paperId } of graph.authored) if (inYears(year.get(paperId)!)) paperCount.set(authorId, (paperCount.get(authorId) ?? 0) + 1);
  const shared = new Map<string, number>();
  for (const [paperId, byline] of bylines) {
    if (!inYears(year.get(paperId)!) || byline.length > MAX_AUTHORS_PER_PAPER) continue;
    for (const a of byline) for (const b of byline) if (a < b) shared.set(pairKey(a, b), (shared.get(pairKey(a, b)) ?? 0) + 1);
  }
  const links = new Map([...shared].filter(([, weight]) => weight >= minSharedPapers));
  const neighbours = new Map<string, string[]>();
  for (const key of links.keys()) {
    const [a, b] = key.split('|') as [string, string];
    neighbours.set(a, [...(neighbours.get(a) ?? []), b]);
    neighbours.set(b, [...(neighbours.get(b) ?? []), a]);
  }
  return {
    inYears,
    paperCount: (id: string) => paperCount.get(id) ?? 0,
    /** The links among these authors. */
    linksAmong: (ids: Set<string>) => new Map([...links].filter(([key]) => key.split('|').every((id) => ids.has(id)))),
    /** Authors by hops from the centre, breadth first. */
    levels(centre: string, depth: number) {
      const seen = new Set([centre]);
      const levels = [[centre]];
      for (let d = 1; d <= depth; d++) {
        const next = [...new Set(levels[d - 1]!.flatMap((id) => neighbours.get(id) ?? []))].filter((id) => !seen.has(id));
        next.forEach((id) => seen.add(id));
        levels.push(next);
      }
      return levels;
    },
  };
}

/** Most papers first, then by id: the order of a subgraph's authors (within a level of an ego network). */
const ranked = (ids: string[], paperCount: (id: string) => number) =>
  [...ids].sort((a, b) => paperCount(b) - paperCount(a) || (a < b ? -1 : a > b ? 1 : 0));

// ---- The seed ----

describe("Baixu Chen's coauthor network on the seed", () => {
  let ego: Subgraph;
  let baixu: { id: string; coauthors: { edges: { node: { id: string } }[] }; egoNetwork: { edges: { source: string; target: string; sharedPaperCount: number }[] } };

  beforeAll(async () => {
    const response = await postGraphQL<{ author: typeof baixu }>(
      server.url,
      `{ author(name: "Baixu Chen") { id coauthors(first: 100) { edges { node { id } } }
         egoNetwork(depth: 1, maxNodes: 500) { edges { source target sharedPaperCount } } } }`,
    );
    baixu = response.data!.author;
    ego = await subgraph({ egoOf: baixu.id });
  });

  it('holds him and his coauthors, with the links the ego network has, and no cut', () => {
    expect(ego.nodes[0]!.id).toBe(baixu.id);
    expect(new Set(ego.nodes.map((node) => node.id))).toEqual(new Set([baixu.id, ...baixu.coauthors.edges.map((edge) => edge.node.id)]));
    expect(ego.authorCount).toBe(10);
    expect(linkMap(ego.links)).toEqual(new Map(baixu.egoNetwork.edges.map((edge) => [pairKey(localId(edge.source), localId(edge.target)), edge.sharedPaperCount])));
    expect(ego.linkCount).toBe(ego.links.length);
    expect(ego.truncated).toBe(false);
    expect(ego.nodes.every((node) => node.author?.id === node.id)).toBe(true);
    expect(ego.nodes[0]!.paperCount).toBe(6);
  });

  it('has the measures networkx computes', async () => {
    await expectNetworkxAgrees(ego);
  });

  it('has communities numbered by size, with the modularity GDS gives the same partition', async () => {
    await expectCommunitiesConsistent(ego);
    expect(ego.modularity).toBeGreaterThan(0);
  });

  it('gives the same answer every time (Leiden seeded, one thread)', async () => {
    expect(await subgraph({ egoOf: baixu.id })).toEqual(ego);
  });

  it('counts only the papers of the years asked', async () => {
    const recent = await subgraph({ egoOf: baixu.id, yearFrom: 2023 });
    expect(recent.nodes[0]!.paperCount).toBe(4);
    // Junguang Jiang shares three papers with him, two of them (2021, 2022) before 2023.
    const junguang = ego.nodes.find((node) => node.author?.name === 'Junguang Jiang')!;
    expect(linkMap(recent.links).get(pairKey(localId(baixu.id), localId(junguang.id)))).toBe(1);
    for (const [key, weight] of linkMap(recent.links)) expect(weight).toBeLessThanOrEqual(linkMap(ego.links).get(key)!);
  });

  it('leaves out links under minSharedPapers, and then the authors they brought', async () => {
    const strong = await subgraph({ egoOf: baixu.id, minSharedPapers: 2 });
    const kept = new Set(strong.nodes.map((node) => localId(node.id)));
    expect(kept).toEqual(new Set([baixu, ...['Junguang Jiang', 'Junwei Pan', 'Ximei Wang', 'Xingzhuo Guo'].map((name) => ego.nodes.find((n) => n.author?.name === name)!)].map((n) => localId(n.id))));
    expect(linkMap(strong.links)).toEqual(new Map([...linkMap(ego.links)].filter(([key, weight]) => weight >= 2 && key.split('|').every((id) => kept.has(id)))));
  });

  it('takes a list of authors, ignoring unknown ones', async () => {
    const ids = ego.nodes.slice(0, 4).map((node) => node.id);
    const listed = await subgraph({ authors: [...ids, authorGid('author:nobody-at-all')] });
    expect(new Set(listed.nodes.map((node) => node.id))).toEqual(new Set(ids));
    expect(linkMap(listed.links)).toEqual(new Map([...linkMap(ego.links)].filter(([key]) => key.split('|').every((id) => ids.map(localId).includes(id)))));
  });

  it('gives an empty subgraph for an author it does not know', async () => {
    expect(await subgraph({ egoOf: authorGid('author:nobody-at-all') })).toEqual({
      authorCount: 0, linkCount: 0, truncated: false, communityCount: 0, modularity: null, nodes: [], links: [],
    });
  });

  it('gives a lone author without links GDS’s floor of PageRank and nothing else', async () => {
    const alone = await subgraph({ authors: [baixu.id] });
    expect(alone).toMatchObject({ authorCount: 1, linkCount: 0, communityCount: 1, modularity: null });
    expect(alone.nodes[0]).toMatchObject({ id: baixu.id, community: 0, betweenness: 0, coreNumber: 0, clustering: 0 });
    expect(alone.nodes[0]!.pageRank).toBeCloseTo(0.15, 12);
  });
});

// ---- The generated graph ----

describe('subgraphs of the generated graph', () => {
  const busiest = () => {
    const truth = truthOf();
    return [...graph.authors].sort((a, b) => truth.levels(b.id, 1)[1]!.length - truth.levels(a.id, 1)[1]!.length)[0]!;
  };

  it('an ego network of depth 2: the authors within two hops, centre first then by level, and their links', async () => {
    const centre = busiest();
    const filters = { yearFrom: 2012, minSharedPapers: 1 };
    const truth = truthOf(filters);
    const answer = await subgraph({ egoOf: authorGid(centre.id), depth: 2, ...filters });
    const levels = truth.levels(centre.id, 2);
    expect(answer.nodes.map((node) => localId(node.id))).toEqual(levels.flatMap((level) => ranked(level, truth.paperCount)));
    expect(answer.authorCount).toBeGreaterThan(30);
    expect(answer.truncated).toBe(false);
    expect(answer.nodes.map((node) => node.paperCount)).toEqual(answer.nodes.map((node) => truth.paperCount(localId(node.id))));
    expect(linkMap(answer.links)).toEqual(truth.linksAmong(new Set(levels.flat())));
    await expectNetworkxAgrees(answer);
    await expectCommunitiesConsistent(answer);
  });

  it("a topic's authors in the years, most papers first", async () => {
    const filters = { yearFrom: 2015, yearTo: 2020, minSharedPapers: 2 };
    const truth = truthOf(filters);
    const counts = new Map<string, number>();
    for (const { paperId, topicId } of graph.hasTopic) counts.set(topicId, (counts.get(topicId) ?? 0) + 1);
    const topicId = [...counts].sort(([, a], [, b]) => b - a)[0]![0];
    const papers = new Set(graph.hasTopic.filter((row) => row.topicId === topicId && truth.inYears(graph.papers.find((p) => p.id === row.paperId)!.year)).map((row) => row.paperId));
    const authors = [...new Set(graph.authored.filter((row) => papers.has(row.paperId)).map((row) => row.authorId))];
    const answer = await subgraph({ topic: encodeGlobalID('Topic', topicId), ...filters });
    expect(answer.nodes.map((node) => localId(node.id))).toEqual(ranked(authors, truth.paperCount));
    expect(linkMap(answer.links)).toEqual(truth.linksAmong(new Set(authors)));
    await expectNetworkxAgrees(answer);
  });

  it("an organization's authors: all its members, or with years those with a paper under it then", async () => {
    const counts = new Map<string, number>();
    for (const row of graph.affiliatedWith) counts.set(row.organizationId, (counts.get(row.organizationId) ?? 0) + 1);
    const organizationId = [...counts].sort(([, a], [, b]) => b - a)[0]![0];
    const members = graph.affiliatedWith.filter((row) => row.organizationId === organizationId).map((row) => row.authorId);
    const all = await subgraph({ organization: encodeGlobalID('Organization', organizationId) });
    expect(new Set(all.nodes.map((node) => localId(node.id)))).toEqual(new Set(members));

    const filters = { yearFrom: 2018, yearTo: 2022 };
    const truth = truthOf(filters);
    const year = new Map(graph.papers.map((paper) => [paper.id, paper.year]));
    const then = [...new Set(graph.authored.filter((row) => row.organizationId === organizationId && truth.inYears(year.get(row.paperId)!)).map((row) => row.authorId))];
    const answer = await subgraph({ organization: encodeGlobalID('Organization', organizationId), ...filters });
    expect(answer.nodes.map((node) => localId(node.id))).toEqual(ranked(then, truth.paperCount));
    expect(then.length).toBeLessThan(members.length);
    expect(linkMap(answer.links)).toEqual(truth.linksAmong(new Set(then)));
  });

  it('a community of the whole-graph analytics, by its global id', async () => {
    const members = truthOf().levels(busiest().id, 1)[1]!.slice(0, 8);
    await driver.executeQuery(
      'UNWIND $ids AS id MATCH (a:Author {id: id}) SET a.analyticsRun = $run, a.analyticsCommunity = $community',
      { ids: members, run: COMMUNITY_RUN, community: COMMUNITY_NUMBER },
      { database: testDatabase() },
    );
    const answer = await subgraph({ community: encodeGlobalID('Community', `${COMMUNITY_RUN}:${COMMUNITY_NUMBER}`) });
    expect(new Set(answer.nodes.map((node) => localId(node.id)))).toEqual(new Set(members));
    expect(linkMap(answer.links)).toEqual(truthOf().linksAmong(new Set(members)));
    expect((await subgraph({ community: encodeGlobalID('Community', `${COMMUNITY_RUN}:${COMMUNITY_NUMBER + 1}`) })).authorCount).toBe(0);
  });
});

// ---- Refusals and limits ----

describe('refusals', () => {
  const gid = authorGid('author:baixu-chen');

  it('needs exactly one selector, naming an argument', async () => {
    expect(await refusal({})).toEqual([{ code: 'BAD_USER_INPUT', argument: 'authors' }]);
    expect(await refusal({ egoOf: gid, authors: [gid] })).toEqual([{ code: 'BAD_USER_INPUT', argument: 'egoOf' }]);
  });

  it('refuses bad values, naming them', async () => {
    expect(await refusal({ egoOf: gid, depth: 3 })).toEqual([{ code: 'BAD_USER_INPUT', argument: 'depth' }]);
    expect(await refusal({ egoOf: gid, minSharedPapers: 0 })).toEqual([{ code: 'BAD_USER_INPUT', argument: 'minSharedPapers' }]);
    expect(await refusal({ community: gid })).toEqual([{ code: 'BAD_USER_INPUT', argument: 'community' }]);
    expect(await refusal({ community: encodeGlobalID('Community', 'seventeen') })).toEqual([{ code: 'BAD_USER_INPUT', argument: 'community' }]);
    expect((await refusal({ egoOf: encodeGlobalID('Topic', 'x') }))?.[0]?.code).toBe('BAD_USER_INPUT');
  });

  it('is priced so that a query holds one: two, by aliases, exceed the cost limit', async () => {
    const twice = `query { a: subgraphAnalytics(egoOf: "${gid}") { authorCount } b: subgraphAnalytics(egoOf: "${gid}") { authorCount } }`;
    expect((await refusal({}, twice))?.map((error) => error.code)).toEqual(['QUERY_TOO_COMPLEX']);
  });
});

describe('the projected graph', () => {
  const subgraphGraphs = async () =>
    (await driver.executeQuery("CALL gds.graph.list() YIELD graphName WHERE graphName STARTS WITH 'subgraph-' RETURN graphName", {}, { database: testDatabase() })).records.map(
      (record) => record.get('graphName') as string,
    );

  it('is gone after every request above', async () => {
    expect(await subgraphGraphs()).toEqual([]);
  });

  it('is dropped when the measures fail half way', async () => {
    const read = createRead(graphDatabaseOn(driver, testDatabase()), { timeoutMs: READ_TIMEOUT_MS });
    let existedBeforeDrop: boolean | undefined;
    const failing: Read = async (query, params) => {
      if (query.startsWith('// analytics/subgraph-measures')) {
        // The same statement, failing after the graph is projected and measured, before its own drop.
        const broken = query.replace(/CALL gds\.graph\.drop[\s\S]*$/, 'RETURN 1 / 0 AS boom');
        return read(broken, params);
      }
      if (query.startsWith('// analytics/subgraph-drop')) {
        const { records } = await driver.executeQuery('RETURN gds.graph.exists($graphName) AS exists', params, { database: testDatabase() });
        existedBeforeDrop = records[0]!.get('exists') as boolean;
      }
      return read(query, params);
    };
    await expect(createSubgraphAnalytics(failing).analyze({ egoOf: 'author:baixu-chen' })).rejects.toThrow(/by zero/);
    expect(existedBeforeDrop).toBe(true);
    expect(await subgraphGraphs()).toEqual([]);
  });
});

// ---- Export ----

describe('GET /export/subgraph', () => {
  const gid = authorGid('author:baixu-chen');
  const exportOf = (query: string, init?: RequestInit) => fetch(`${baseUrl()}/export/subgraph?${query}`, init);

  interface Parsed {
    directed: boolean;
    nodes: Record<string, Record<string, unknown>>;
    edges: [string, string, Record<string, unknown>][];
  }

  it('writes GraphML and GEXF that networkx reads as the API’s subgraph, with its measures', async () => {
    const api = await subgraph({ egoOf: gid, yearFrom: 2022 });
    for (const format of ['graphml', 'gexf'] as const) {
      const response = await exportOf(`format=${format}&egoOf=${encodeURIComponent(gid)}&yearFrom=2022`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-disposition')).toBe(`attachment; filename="coauthors-of-baixu-chen-from-2022.${format}"`);
      expect(response.headers.get('content-type')).toMatch(new RegExp(`application/${format}\\+xml`));
      const parsed = await networkx<Parsed>('parse', { format, text: await response.text() });
      expect(parsed.directed).toBe(false);
      expect(new Set(Object.keys(parsed.nodes))).toEqual(new Set(api.nodes.map((node) => localId(node.id))));
      expect(new Map(parsed.edges.map(([source, target, attributes]) => [pairKey(source, target), attributes.weight]))).toEqual(linkMap(api.links));
      for (const node of api.nodes) {
        expect(parsed.nodes[localId(node.id)], `${format}: ${node.author?.name}`).toMatchObject({
          label: node.author!.name,
          globalId: node.id,
          paperCount: node.paperCount,
          community: node.community,
          pageRank: node.pageRank,
          betweenness: node.betweenness,
          coreNumber: node.coreNumber,
          clustering: node.clustering,
        });
      }
    }
  });

  it('writes CSV node and edge lists with a header and a row per author or link', async () => {
    const api = await subgraph({ egoOf: gid });
    const nodes = await exportOf(`format=csv-nodes&egoOf=${encodeURIComponent(gid)}`);
    expect(nodes.headers.get('content-disposition')).toBe('attachment; filename="coauthors-of-baixu-chen.nodes.csv"');
    const nodeRows = (await nodes.text()).trimEnd().split('\r\n');
    expect(nodeRows[0]).toBe('id,label,globalId,paperCount,community,pageRank,betweenness,coreNumber,clustering');
    expect(nodeRows).toHaveLength(api.authorCount + 1);
    const edges = await exportOf(`format=csv-edges&egoOf=${encodeURIComponent(gid)}`);
    const edgeRows = (await edges.text()).trimEnd().split('\r\n');
    expect(edgeRows[0]).toBe('source,target,weight');
    expect(edgeRows).toHaveLength(api.linkCount + 1);
    const cytoscape = (await (await exportOf(`format=cytoscape&authors=${encodeURIComponent(gid)}`)).json()) as { elements: { nodes: unknown[]; edges: unknown[] } };
    expect([cytoscape.elements.nodes.length, cytoscape.elements.edges.length]).toEqual([1, 0]);
  });

  async function expectBadInput(response: Response, argument: string) {
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { message: string; extensions: { code: string; argument: string } }[] };
    expect(body.errors[0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument });
    return body.errors[0]!;
  }

  it('answers bad input with 400 and a GraphQL-shaped error naming the parameter', async () => {
    await expectBadInput(await exportOf('format=graphml'), 'authors');
    await expectBadInput(await exportOf(`format=graphml&egoOf=${encodeURIComponent(gid)}&topic=${encodeURIComponent(encodeGlobalID('Topic', 'x'))}`), 'topic');
    await expectBadInput(await exportOf(`format=graphml&egoOf=${encodeURIComponent(gid)}&depth=5`), 'depth');
    await expectBadInput(await exportOf('format=graphml&egoOf=not-an-id'), 'egoOf');
    const format = await expectBadInput(await exportOf(`format=xlsx&egoOf=${encodeURIComponent(gid)}`), 'format');
    expect(format.message).toBe('`format` must be one of graphml, gexf, csv-nodes, csv-edges, cytoscape.');
  });

  it('is logged and counted like any request', async () => {
    const before = server.requests().length;
    await (await exportOf(`format=csv-edges&egoOf=${encodeURIComponent(gid)}`)).text();
    await (await exportOf('format=csv-edges')).text();
    expect(server.requests().slice(before).map(({ path, status, operationName, cypherStatements, errorCodes }) => ({ path, status, operationName, cypherStatements, errorCodes }))).toEqual([
      { path: '/export/subgraph', status: 200, operationName: 'exportSubgraph', cypherStatements: 3, errorCodes: undefined },
      { path: '/export/subgraph', status: 400, operationName: 'exportSubgraph', cypherStatements: 0, errorCodes: ['BAD_USER_INPUT'] },
    ]);
    const metrics = await (await fetch(server.metricsUrl)).text();
    expect(metrics).toMatch(/scholar_graph_http_requests_total\{route="other",status="400"\} [1-9]/);
  });

  it('answers GET only', async () => {
    for (const method of ['POST', 'HEAD']) {
      const response = await exportOf(`format=graphml&egoOf=${encodeURIComponent(gid)}`, { method });
      expect(response.status, method).toBe(405);
      expect(response.headers.get('allow')).toBe('GET');
    }
  });
});
