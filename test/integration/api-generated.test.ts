import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeMetrics } from '../../src/domain/metrics.js';
import type { RunningServer } from '../../src/server.js';
import { generateGraph, type SyntheticGraph } from '../../tools/synthetic/generate.js';
import { writeGraph } from '../../tools/synthetic/write.js';
import { buildEgoNetwork } from '../support/ego-network-reference.js';
import { graphTruth, type GraphTruth } from '../support/graph-truth.js';
import { inProcessServer, postGraphQL, testDatabase, testDriver, type InProcessServer } from '../support/server.js';

/**
 * The whole read API (in-process: yoga.fetch) on a generated graph (ids prefixed "api", beside
 * the seed), each answer checked against the same question answered in TypeScript from the generator's rows.
 */

let server: InProcessServer;
let driver: Driver;
let graph: SyntheticGraph;
let truth: GraphTruth;

const authorGid = (id: string) => encodeGlobalID('Author', id);
const paperGid = (id: string) => encodeGlobalID('Paper', id);
const localId = (gid: string) => Buffer.from(gid, 'base64').toString('utf8').split(':').slice(1).join(':');

beforeAll(async () => {
  graph = generateGraph({ authors: 400, prefix: 'api', seed: 7 });
  truth = graphTruth(graph);
  driver = testDriver();
  await writeGraph(driver, testDatabase(), graph);
  server = inProcessServer();
}, 120_000);
afterAll(async () => {
  await server?.close();
  await driver?.close();
});

async function query<Data>(text: string, variables: Record<string, unknown> = {}) {
  const response = await postGraphQL<Data>(server, text, variables);
  expect(response.errors).toBeUndefined();
  return response.data!;
}

interface Page<Edge> {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: Edge[];
}

/** Walks a connection page by page; `pick` finds the connection in a response. */
async function pageThrough<Edge>(text: string, variables: Record<string, unknown>, pick: (data: any) => Page<Edge>) {
  const edges: Edge[] = [];
  let after: string | null = null;
  let pages = 0;
  for (;;) {
    const page: Page<Edge> = pick(await query(text, { ...variables, after }));
    edges.push(...page.edges);
    pages++;
    if (!page.pageInfo.hasNextPage) return { edges, pages, totalCount: page.totalCount };
    after = page.pageInfo.endCursor;
  }
}

const busiest = () => [...graph.authors].sort((a, b) => truth.coauthors(b.id).length - truth.coauthors(a.id).length)[0]!;

describe('Author', () => {
  it('pages through papers newest first, without gaps or repeats', async () => {
    const author = [...graph.authors].sort((a, b) => truth.papersOf(b.id).length - truth.papersOf(a.id).length)[0]!;
    const text = `query($id: ID!, $after: String) { author(id: $id) { papers(first: 3, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id title } } } } }`;
    const walked = await pageThrough<{ node: { id: string } }>(text, { id: authorGid(author.id) }, (d) => d.author.papers);
    expect(walked.edges.map((edge) => localId(edge.node.id))).toEqual(truth.papersOf(author.id));
    expect(walked.totalCount).toBe(truth.papersOf(author.id).length);
    expect(walked.pages).toBe(Math.ceil(truth.papersOf(author.id).length / 3));
  });

  it('pages through coauthors by shared papers then name, with the link facts', async () => {
    const author = busiest();
    const text = `query($id: ID!, $after: String) { author(id: $id) { coauthors(first: 7, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { sharedPaperCount firstYear lastYear node { id } } } } }`;
    type Edge = { sharedPaperCount: number; firstYear: number; lastYear: number; node: { id: string } };
    const walked = await pageThrough<Edge>(text, { id: authorGid(author.id) }, (d) => d.author.coauthors);
    expect(walked.edges.map((e) => ({ id: localId(e.node.id), shared: e.sharedPaperCount, firstYear: e.firstYear, lastYear: e.lastYear }))).toEqual(
      truth.coauthors(author.id),
    );
    expect(walked.totalCount).toBe(truth.coauthors(author.id).length);
  });

  it('keeps cursors stable when a newer paper is inserted between two pages', async () => {
    const author = busiest();
    const text = `query($id: ID!, $after: String) { author(id: $id) { papers(first: 2, after: $after) {
      pageInfo { endCursor } edges { node { id } } } } }`;
    const first = await query<any>(text, { id: authorGid(author.id) });
    await driver.executeQuery(
      `MATCH (a:Author {id: $authorId}) CREATE (a)-[:AUTHORED {position: 1}]->(:Paper {id: 'api:paper:inserted', title: 'Inserted', titleKey: 'inserted', year: 2030, publishedOn: date('2030-01-01')})`,
      { authorId: author.id },
      { database: testDatabase() },
    );
    try {
      const second = await query<any>(text, { id: authorGid(author.id), after: first.author.papers.pageInfo.endCursor });
      expect(second.author.papers.edges.map((e: any) => localId(e.node.id))).toEqual(truth.papersOf(author.id).slice(2, 4));
    } finally {
      await driver.executeQuery(`MATCH (p:Paper {id: 'api:paper:inserted'}) DETACH DELETE p`, {}, { database: testDatabase() });
    }
  });

  it('narrows papers to those shared with one and with two coauthors', async () => {
    const author = busiest();
    const [c1, c2] = truth.coauthors(author.id);
    const text = `query($id: ID!, $with: [ID!]) { author(id: $id) { papers(first: 100, sharedWith: $with) { totalCount edges { node { id } } } } }`;
    for (const others of [[c1!.id], [c1!.id, c2!.id]]) {
      const data = await query<any>(text, { id: authorGid(author.id), with: others.map(authorGid) });
      const expected = truth.sharedPapers([author.id, ...others]);
      expect(data.author.papers.edges.map((e: any) => localId(e.node.id))).toEqual(expected);
      expect(data.author.papers.totalCount).toBe(expected.length);
    }
  });

  it('gives affiliations, topics and metrics computed from the graph', async () => {
    const mover = graph.affiliatedWith.find((a, i, all) => all.findIndex((b) => b.authorId === a.authorId) !== i)?.authorId ?? busiest().id;
    const data = await query<any>(
      `query($id: ID!) { author(id: $id) { affiliations { organization { id } paperCount firstYear lastYear }
        topics { topic { id } paperCount } metrics { paperCount citationCount hIndex firstYear lastYear papersPerYear { year paperCount } } } }`,
      { id: authorGid(mover) },
    );
    const expectedAffiliations = graph.affiliatedWith.filter((a) => a.authorId === mover);
    expect(data.author.affiliations).toHaveLength(expectedAffiliations.length);
    for (const affiliation of expectedAffiliations) {
      expect(data.author.affiliations).toContainEqual({
        organization: { id: encodeGlobalID('Organization', affiliation.organizationId) },
        paperCount: affiliation.paperCount,
        firstYear: affiliation.firstYear,
        lastYear: affiliation.lastYear,
      });
    }
    const papers = truth.papersOf(mover).map((id) => truth.paper.get(id)!);
    expect(data.author.metrics).toEqual(computeMetrics(papers));
    const topicCounts = new Map<string, number>();
    for (const h of graph.hasTopic) if (papers.some((p) => p.id === h.paperId)) topicCounts.set(h.topicId, (topicCounts.get(h.topicId) ?? 0) + 1);
    expect(data.author.topics.map((t: any) => [localId(t.topic.id), t.paperCount]).sort()).toEqual([...topicCounts].sort());
  });

  it('says AMBIGUOUS_NAME with every candidate when authors share a name, and null for unknown ones', async () => {
    const byName = new Map<string, string[]>();
    for (const a of graph.authors) byName.set(a.nameKey, [...(byName.get(a.nameKey) ?? []), a.id]);
    const [nameKey, ids] = [...byName].find(([, ids]) => ids.length > 1)!;
    const response = await postGraphQL(server, 'query($name: String!) { author(name: $name) { id } }', { name: nameKey.toUpperCase() });
    expect(response.errors?.[0]?.extensions?.code).toBe('AMBIGUOUS_NAME');
    expect([...(response.errors?.[0]?.extensions?.candidates as string[])].sort()).toEqual(ids.map(authorGid).sort());
    const unknown = await query<any>(
      'query($id: ID!, $p: ID!) { author(id: $id) { id } paper(id: $p) { id } node(id: $id) { id } nodes(ids: [$id, $p]) { id } }',
      { id: authorGid('api:author:nobody'), p: paperGid('api:paper:nothing') },
    );
    expect(unknown).toEqual({ author: null, paper: null, node: null, nodes: [null, null] });
  });

  it('finds authors by full-text search, best match first', async () => {
    const target = graph.authors[5]!;
    const data = await query<any>('query($s: String!) { authors(search: $s, first: 5) { totalCount edges { node { id name } } } }', { s: target.name });
    expect(data.authors.edges[0].node.name).toBe(target.name);
    expect(data.authors.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('suggests authors as a name is typed: the last word matches as a prefix', async () => {
    const target = graph.authors[5]!;
    const [first, last] = [target.name.split(' ')[0]!, target.name.split(' ').at(-1)!];
    const typed = `${first} ${last.slice(0, 3)}`;
    const data = await query<any>('query($s: String!) { authors(search: $s, first: 100) { edges { node { name } } } }', { s: typed });
    expect(data.authors.edges.map((e: any) => e.node.name)).toContain(target.name);
  });
});

describe('Paper', () => {
  it('gives every field, byline order, organizations, topics and citations', async () => {
    const cited = new Map<string, string[]>();
    for (const c of graph.cites) cited.set(c.citedId, [...(cited.get(c.citedId) ?? []), c.citingId]);
    const target = graph.papers.find((p) => (cited.get(p.id)?.length ?? 0) >= 2 && graph.cites.some((c) => c.citingId === p.id))!;
    const data = await query<any>(
      `query($id: ID!) { paper(id: $id) { id title year publishedOn venue abstract doi arxivId url codeUrl citationCount authorListComplete
        authors { id } organizations { id } topics { id }
        cites(first: 100) { totalCount edges { node { id } } } citedBy(first: 100) { totalCount edges { node { id } } } } }`,
      { id: paperGid(target.id) },
    );
    const paper = data.paper;
    expect(paper).toMatchObject({
      title: target.title, year: target.year, publishedOn: target.publishedOn, venue: target.venue, abstract: target.abstract,
      doi: target.doi, arxivId: target.arxivId, url: target.url, codeUrl: target.codeUrl, citationCount: target.citationCount,
      authorListComplete: target.authorListComplete,
    });
    const byline = graph.authored.filter((a) => a.paperId === target.id).sort((a, b) => a.position - b.position);
    expect(paper.authors.map((a: any) => localId(a.id))).toEqual(byline.map((a) => a.authorId));
    expect(paper.organizations.map((o: any) => localId(o.id)).sort()).toEqual(
      graph.fromOrganization.filter((f) => f.paperId === target.id).map((f) => f.organizationId).sort(),
    );
    expect(paper.topics.map((t: any) => localId(t.id)).sort()).toEqual(graph.hasTopic.filter((h) => h.paperId === target.id).map((h) => h.topicId).sort());
    const cites = graph.cites.filter((c) => c.citingId === target.id).map((c) => c.citedId);
    expect(paper.cites.edges.map((e: any) => localId(e.node.id))).toEqual(truth.newestFirst(cites));
    expect(paper.cites.totalCount).toBe(cites.length);
    expect(paper.citedBy.edges.map((e: any) => localId(e.node.id))).toEqual(truth.newestFirst(cited.get(target.id)!));
  });

  it('lists papers by filters, and by title search best match first', async () => {
    const topic = graph.topics[0]!;
    const onTopic = new Set(graph.hasTopic.filter((h) => h.topicId === topic.id).map((h) => h.paperId));
    const expected = graph.papers.filter((p) => onTopic.has(p.id) && p.year >= 2010 && p.year <= 2020).map((p) => p.id);
    const text = `query($topic: ID, $after: String) { papers(topic: $topic, yearFrom: 2010, yearTo: 2020, first: 50, after: $after) {
      totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const walked = await pageThrough<any>(text, { topic: encodeGlobalID('Topic', topic.id) }, (d) => d.papers);
    expect(walked.edges.map((e) => localId(e.node.id))).toEqual(truth.newestFirst(expected));
    expect(walked.totalCount).toBe(expected.length);

    const target = graph.papers[10]!;
    const found = await query<any>('query($s: String) { papers(search: $s, first: 3) { edges { node { id } } } }', { s: target.title });
    expect(localId(found.papers.edges[0].node.id)).toBe(target.id);
  });
});

describe('Organization and Topic', () => {
  it('give members, papers and collaborators of an organization', async () => {
    const org = graph.organizations[0]!;
    const members = graph.affiliatedWith.filter((a) => a.organizationId === org.id);
    const papers = graph.fromOrganization.filter((f) => f.organizationId === org.id).map((f) => f.paperId);
    const collaborators = new Set(
      graph.fromOrganization.filter((f) => papers.includes(f.paperId) && f.organizationId !== org.id).map((f) => f.organizationId),
    );
    const data = await query<any>(
      `query($id: ID!) { node(id: $id) { ... on Organization { name ror country
        members(first: 100) { totalCount edges { paperCount node { id } } }
        papers(first: 1) { totalCount } collaborators(first: 100) { totalCount edges { sharedPaperCount node { id } } } } } }`,
      { id: encodeGlobalID('Organization', org.id) },
    );
    expect(data.node).toMatchObject({ name: org.name, ror: org.ror, country: org.country });
    expect(data.node.members.totalCount).toBe(members.length);
    expect(data.node.members.edges.map((e: any) => e.paperCount)).toEqual([...members.map((m) => m.paperCount)].sort((a, b) => b - a).slice(0, 100));
    expect(data.node.papers.totalCount).toBe(new Set(papers).size);
    expect(data.node.collaborators.totalCount).toBe(collaborators.size);
    const byName = await query<any>('query($n: String!) { organization(name: $n) { id } }', { n: `  ${org.name.toUpperCase()} ` });
    expect(byName.organization.id).toBe(encodeGlobalID('Organization', org.id));
  });

  it('lists the papers behind a collaboration of two organizations, as many as the link counts', async () => {
    const org = graph.organizations[0]!;
    const papersOf = (id: string) => new Set(graph.fromOrganization.filter((f) => f.organizationId === id).map((f) => f.paperId));
    const mine = papersOf(org.id);
    const data = await query<any>(
      `query($id: ID!) { node(id: $id) { ... on Organization { collaborators(first: 3) { edges { sharedPaperCount node { id } } } } } }`,
      { id: encodeGlobalID('Organization', org.id) },
    );
    expect(data.node.collaborators.edges.length).toBeGreaterThan(0);
    for (const { sharedPaperCount, node } of data.node.collaborators.edges) {
      const expected = [...papersOf(localId(node.id))].filter((paper) => mine.has(paper));
      const shared = await query<any>(
        `query($id: ID!, $other: ID!) { node(id: $id) { ... on Organization { papers(sharedWith: [$other], first: 100) { totalCount edges { node { id } } } } } }`,
        { id: encodeGlobalID('Organization', org.id), other: node.id },
      );
      expect(shared.node.papers.totalCount).toBe(sharedPaperCount);
      expect(shared.node.papers.edges.map((e: any) => localId(e.node.id)).sort()).toEqual(expected.sort());
    }
  });

  it('gives the trend and top authors of a topic', async () => {
    const topic = graph.topics[1]!;
    const papers = graph.hasTopic.filter((h) => h.topicId === topic.id).map((h) => truth.paper.get(h.paperId)!);
    const perYear = new Map<number, number>();
    for (const p of papers) perYear.set(p.year, (perYear.get(p.year) ?? 0) + 1);
    const data = await query<any>(
      `query($code: String!) { topic(code: $code) { name scheme trend { year paperCount } papers { totalCount } topAuthors(first: 3) { edges { paperCount node { id } } } } }`,
      { code: topic.code },
    );
    expect(data.topic.trend).toEqual([...perYear].sort(([a], [b]) => a - b).map(([year, paperCount]) => ({ year, paperCount })));
    expect(data.topic.papers.totalCount).toBe(papers.length);
    const counts = new Map<string, number>();
    for (const p of papers) for (const a of truth.authorsOf(p.id)) counts.set(a, (counts.get(a) ?? 0) + 1);
    expect(data.topic.topAuthors.edges[0].paperCount).toBe(Math.max(...counts.values()));
  });
});

describe('list forms', () => {
  it('list organizations by name, optionally those with a word starting with a text, and topics of one scheme', async () => {
    const org = graph.organizations[3]!;
    const fragment = org.nameKey.split(' ').sort((a, b) => b.length - a.length)[0]!.slice(0, -1);
    const expected = graph.organizations.filter((o) => o.nameKey.split(' ').some((word) => word.startsWith(fragment))).map((o) => o.id);
    const found = await query<any>('query($s: String) { organizations(search: $s, first: 100) { totalCount edges { node { id } } } }', { s: fragment.toUpperCase() });
    expect(found.organizations.edges.map((e: any) => localId(e.node.id)).filter((id: string) => id.startsWith('api:')).sort()).toEqual(expected.sort());
    const topics = await pageThrough<any>('query($after: String) { topics(scheme: "synthetic", first: 7, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id name } } } }', {}, (d) => d.topics);
    const ours = topics.edges.map((e) => localId(e.node.id)).filter((id) => id.startsWith('api:'));
    expect(ours.sort()).toEqual(graph.topics.map((t) => t.id).sort());
    const names = topics.edges.map((e) => e.node.name.toLowerCase());
    expect(names).toEqual([...names].sort());
  });
});

describe('collaboration paths and ego networks', () => {
  it('finds a shortest coauthor path whose hops are real coauthorships', async () => {
    const from = graph.authors[0]!.id;
    const candidates = graph.authors.map((a) => a.id).filter((id) => (truth.distance(from, id) ?? 0) >= 3);
    const to = candidates[0]!;
    const hops = truth.distance(from, to)!;
    const text = `query($from: ID!, $to: ID!, $max: Int) { collaborationPath(from: $from, to: $to, maxHops: $max) {
      length authors { id } hops { from { id } to { id } paperCount papers { id } } } }`;
    const data = await query<any>(text, { from: authorGid(from), to: authorGid(to) });
    const path = data.collaborationPath;
    expect(path.length).toBe(hops);
    expect(path.authors.map((a: any) => localId(a.id))).toHaveLength(hops + 1);
    expect(localId(path.authors[0].id)).toBe(from);
    expect(localId(path.authors[hops].id)).toBe(to);
    path.hops.forEach((hop: any, i: number) => {
      expect(hop.from.id).toBe(path.authors[i].id);
      expect(hop.to.id).toBe(path.authors[i + 1].id);
      const shared = truth.sharedPapers([localId(hop.from.id), localId(hop.to.id)]);
      expect(hop.paperCount).toBe(shared.length);
      expect(hop.papers.map((p: any) => localId(p.id))).toEqual(shared.slice(0, 20));
    });
    expect((await query<any>(text, { from: authorGid(from), to: authorGid(to), max: hops - 1 })).collaborationPath).toBeNull();
    const outOfRange = await postGraphQL(server, text, { from: authorGid(from), to: authorGid(to), max: 7 });
    expect(outOfRange.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('draws the ego network with every coauthor at depth 1 and true link weights', async () => {
    const author = busiest();
    const coauthors = truth.coauthors(author.id);
    const data = await query<any>(
      `query($id: ID!) { author(id: $id) { egoNetwork(depth: 1, maxNodes: 500) { nodes { id depth } edges { source target sharedPaperCount } nodesTruncated edgesTruncated } } }`,
      { id: authorGid(author.id) },
    );
    const network = data.author.egoNetwork;
    expect(network.nodes.filter((n: any) => n.depth === 1).map((n: any) => localId(n.id)).sort()).toEqual(coauthors.map((c) => c.id).sort());
    for (const edge of network.edges) {
      const [a, b] = [localId(edge.source), localId(edge.target)];
      expect(edge.sharedPaperCount).toBe(truth.sharedPapers([a, b]).length);
    }
    expect(network.edges.filter((e: any) => [e.source, e.target].includes(authorGid(author.id)))).toHaveLength(coauthors.length);
    expect(network.nodesTruncated).toBe(false);

    const capped = await query<any>(
      `query($id: ID!) { author(id: $id) { egoNetwork(depth: 3, maxNodes: 5) { nodes { id } nodesTruncated } } }`,
      { id: authorGid(author.id) },
    );
    expect(capped.author.egoNetwork.nodes).toHaveLength(5);
    expect(capped.author.egoNetwork.nodesTruncated).toBe(true);
  });

  it('walks 2 and 3 hops as the reference walk does: the same authors at the same depths, the same links, the same cuts', async () => {
    const links = async (ids: string[]) =>
      ids.flatMap((id) => truth.coauthors(id).map((c) => ({ source: id, target: c.id, sharedPaperCount: c.shared, firstYear: c.firstYear, lastYear: c.lastYear })));
    const pair = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const centres = [busiest(), ...graph.authors.filter((_, i) => i % 97 === 5).slice(0, 4)];
    for (const centre of centres) {
      for (const [depth, maxNodes] of [[2, 60], [3, 25], [3, 500]] as const) {
        const expected = await buildEgoNetwork(centre.id, { depth, maxNodes, maxEdges: 5_000 }, links);
        const data = await query<any>(
          `query($id: ID!, $depth: Int, $max: Int) { author(id: $id) { egoNetwork(depth: $depth, maxNodes: $max) {
            nodes { id depth author { name } } edges { source target sharedPaperCount firstYear lastYear } nodesTruncated edgesTruncated } } }`,
          { id: authorGid(centre.id), depth, max: maxNodes },
        );
        const network = data.author.egoNetwork;
        const label = `${centre.id} depth ${depth} maxNodes ${maxNodes}`;
        expect(network.nodes.map((n: any) => `${localId(n.id)}@${n.depth}`).sort(), label).toEqual(expected.nodes.map((n) => `${n.authorId}@${n.depth}`).sort());
        for (const node of network.nodes) expect(node.author.name).toBe(graph.authors.find((a) => a.id === localId(node.id))!.name);
        expect(network.edges.map((e: any) => `${pair(localId(e.source), localId(e.target))}:${e.sharedPaperCount}:${e.firstYear}-${e.lastYear}`).sort(), label).toEqual(
          expected.edges.map((e) => `${pair(e.source, e.target)}:${e.sharedPaperCount}:${e.firstYear}-${e.lastYear}`).sort(),
        );
        const weights = network.edges.map((e: any) => e.sharedPaperCount);
        expect(weights, 'strongest first').toEqual([...weights].sort((a, b) => b - a));
        expect([network.nodesTruncated, network.edgesTruncated], label).toEqual([expected.nodesTruncated, expected.edgesTruncated]);
      }
    }
  });

  it('counts only links of enough shared papers within the years asked', async () => {
    const author = busiest();
    const papers = truth.papersOf(author.id).map((id) => truth.paper.get(id)!);
    const [yearFrom, yearTo] = [Math.min(...papers.map((p) => p.year)) + 1, Math.max(...papers.map((p) => p.year))];
    const inYears = (paperId: string) => truth.paper.get(paperId)!.year >= yearFrom && truth.paper.get(paperId)!.year <= yearTo;
    const expected = truth
      .coauthors(author.id)
      .map((c) => ({ id: c.id, shared: truth.sharedPapers([author.id, c.id]).filter(inYears).length }))
      .filter((c) => c.shared >= 2);
    const data = await query<any>(
      `query($id: ID!, $from: Int, $to: Int) { author(id: $id) { egoNetwork(depth: 1, maxNodes: 500, minSharedPapers: 2, yearFrom: $from, yearTo: $to) {
        nodes { id depth } edges { source target sharedPaperCount } } } }`,
      { id: authorGid(author.id), from: yearFrom, to: yearTo },
    );
    const network = data.author.egoNetwork;
    expect(network.nodes.filter((n: any) => n.depth === 1).map((n: any) => localId(n.id)).sort()).toEqual(expected.map((c) => c.id).sort());
    expect(network.edges.every((e: any) => e.sharedPaperCount >= 2)).toBe(true);
  });
});
