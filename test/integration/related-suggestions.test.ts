import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_PAPERS_PER_HUB, MAX_REASON_ITEMS, MAX_RELATED_NEIGHBOURS, RELATED_WEIGHTS, scoreOfWeight } from '../../src/domain/related.js';
import { inProcessServer, postGraphQL, testDatabase, testDriver, type InProcessServer } from '../support/server.js';

/**
 * Paper.related, Author.suggestedPapers and suggestedBridges over a small graph written beside
 * the seed (ids under `related:`), made so that each rule has a case: shared authors, keywords,
 * topics, citations either way, a reference in common, a byline past MAX_AUTHORS_PER_PAPER, a
 * topic on more than maxPapersPerHub papers, more shared authors than a reason lists; and two
 * (three) groups of coauthors with people between them. Every reason answered is checked
 * against the graph with Cypher of its own, not only against the expected list.
 */

const PREFIX = 'related:';
const id = (name: string) => `${PREFIX}${name}`;
const A = (name: string) => encodeGlobalID('Author', id(name));
const P = (name: string) => encodeGlobalID('Paper', id(name));
const raw = (globalId: string) => decodeGlobalID(globalId).id;

interface Fixture {
  papers: { id: string; authors: string[]; topics?: string[]; cites?: string[] }[];
  topics: { id: string; name: string; scheme: string }[];
}

const FIXTURE: Fixture = {
  topics: [
    { id: 'kw-graph', name: 'graph transformers', scheme: 'keyword' },
    { id: 'kw-links', name: 'link prediction', scheme: 'keyword' },
    { id: 'cat', name: 'Related Category', scheme: 'arxiv' },
    { id: 'broad', name: 'Broad Category', scheme: 'arxiv' },
  ],
  papers: [
    // The paper asked about.
    { id: 'p0', authors: ['a1', 'a2'], topics: ['kw-graph', 'kw-links', 'cat', 'broad'], cites: ['r1', 'p5'] },
    { id: 'p1', authors: ['a1', 'a3'], topics: ['kw-graph'] },
    { id: 'p2', authors: ['a2', 'a1'] },
    { id: 'p3', authors: ['a4'], topics: ['kw-graph', 'kw-links', 'cat'] },
    { id: 'p4', authors: ['a5'], cites: ['r1'] },
    { id: 'p5', authors: ['a6'] },
    { id: 'p6', authors: ['a7'], cites: ['p0'] },
    // Related to p0 only through the broad topic: never suggested.
    { id: 'p7', authors: ['a8'], topics: ['broad'] },
    { id: 'p9', authors: ['a3'] },
    { id: 'r1', authors: ['a8'] },
    // Seven authors in common with p11: more than a reason lists.
    { id: 'p10', authors: ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7'] },
    { id: 'p11', authors: ['b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7', 'b8'] },
    // Two sides and their bridges: x1 (coauthors xc1, xc2), y1 (coauthor yc1), z1.
    { id: 'x-1', authors: ['x1', 'xc1'] },
    { id: 'x-2', authors: ['x1', 'xc2'] },
    { id: 'y-1', authors: ['y1', 'yc1'] },
    // m1 wrote with xc1, xc2 and yc1: 2 paths from x1, 1 from y1.
    { id: 'm1-1', authors: ['m1', 'xc1'] },
    { id: 'm1-2', authors: ['m1', 'xc2'] },
    { id: 'm1-3', authors: ['m1', 'yc1'] },
    // m2 wrote with x1 and with y1 (and z1): 1 path each.
    { id: 'm2-1', authors: ['m2', 'x1'] },
    { id: 'm2-2', authors: ['m2', 'y1'] },
    { id: 'm2-3', authors: ['m2', 'z1'] },
    // m3 wrote with xc1 only: one side, no bridge.
    { id: 'm3-1', authors: ['m3', 'xc1'] },
  ],
};
/**
 * An author past MAX_RELATED_NEIGHBOURS coauthors: n0 wrote 2 papers with nc-strong and one with
 * each of nc1..nc{cap+1}. The walk keeps the strongest, then by id, so nc98 and nc99 (last by id)
 * are left out: q1 (who wrote with nc-strong and y1) bridges n0 and y1, q2 (with nc99 and y1) does not.
 */
const WEAK = MAX_RELATED_NEIGHBOURS + 1;
FIXTURE.papers.push(
  { id: 'n-strong-1', authors: ['n0', 'nc-strong'] },
  { id: 'n-strong-2', authors: ['n0', 'nc-strong'] },
  ...Array.from({ length: WEAK }, (_, i) => ({ id: `n-weak-${i + 1}`, authors: ['n0', `nc${i + 1}`] })),
  { id: 'q1-1', authors: ['q1', 'nc-strong'] },
  { id: 'q1-2', authors: ['q1', 'y1'] },
  { id: 'q2-1', authors: ['q2', 'nc99'] },
  { id: 'q2-2', authors: ['q2', 'y1'] },
);

/** A byline past MAX_AUTHORS_PER_PAPER (100): a1, x1, y1 and h1..h99. It links no one. */
const HUGE = { id: 'huge', known: ['a1', 'x1', 'y1'], others: 99 };

let driver: Driver;
let server: InProcessServer;

const run = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(cypher, params, { database: testDatabase() })).records.map((record) => record.toObject());

async function query<Data>(text: string, variables: Record<string, unknown> = {}) {
  const response = await postGraphQL<Data>(server, text, variables);
  // A masked error's cause is in the server's log.
  expect(response.errors, JSON.stringify(server.logs.filter((line) => line.level >= 50).at(-1))).toBeUndefined();
  return response.data!;
}

beforeAll(async () => {
  driver = testDriver();
  server = inProcessServer();
  const papers = FIXTURE.papers.map((paper) => ({ ...paper, id: id(paper.id), authors: paper.authors.map(id), topics: (paper.topics ?? []).map(id), cites: (paper.cites ?? []).map(id) }));
  await run(
    `UNWIND $topics AS t CREATE (:Topic {id: t.id, name: t.name, scheme: t.scheme})`,
    { topics: FIXTURE.topics.map((topic) => ({ ...topic, id: id(topic.id) })) },
  );
  await run(
    `UNWIND $papers AS row
     CREATE (p:Paper {id: row.id, title: 'Paper ' + row.id, titleKey: 'paper ' + row.id, year: 2024, authorListComplete: true})
     WITH p, row
     UNWIND range(0, size(row.authors) - 1) AS i
     MERGE (a:Author {id: row.authors[i]}) ON CREATE SET a.name = 'Author ' + row.authors[i], a.nameKey = 'author ' + row.authors[i]
     CREATE (a)-[:AUTHORED {position: i + 1}]->(p)`,
    { papers },
  );
  await run(
    `UNWIND $papers AS row
     MATCH (p:Paper {id: row.id})
     CALL (p, row) { UNWIND row.topics AS topicId MATCH (t:Topic {id: topicId}) CREATE (p)-[:HAS_TOPIC {score: 1.0}]->(t) }
     CALL (p, row) { UNWIND row.cites AS citedId MATCH (c:Paper {id: citedId}) CREATE (p)-[:CITES]->(c) }`,
    { papers },
  );
  // The broad topic: on more papers than maxPapersPerHub.
  await run(
    `MATCH (t:Topic {id: $topic})
     UNWIND range(1, $count) AS i
     CREATE (:Paper {id: $prefix + 'broad-' + i, title: 'Broad ' + i, titleKey: 'broad ' + i, year: 2020})-[:HAS_TOPIC {score: 1.0}]->(t)`,
    { topic: id('broad'), count: DEFAULT_MAX_PAPERS_PER_HUB, prefix: PREFIX },
  );
  await run(
    `CREATE (p:Paper {id: $paper, title: 'A consortium paper', titleKey: 'a consortium paper', year: 2024})
     WITH p
     UNWIND $known AS knownId
     MATCH (a:Author {id: knownId})
     CREATE (a)-[:AUTHORED]->(p)
     WITH DISTINCT p
     UNWIND range(1, $others) AS i
     CREATE (:Author {id: $prefix + 'h' + i, name: 'Consortium ' + i, nameKey: 'consortium ' + i})-[:AUTHORED]->(p)`,
    { paper: id(HUGE.id), known: HUGE.known.map(id), others: HUGE.others, prefix: PREFIX },
  );
}, 120_000);

afterAll(async () => {
  await driver?.executeQuery('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: PREFIX }, { database: testDatabase() });
  await server?.close();
  await driver?.close();
});

const REASONS = `
  sharedAuthors { id name } sharedAuthorCount viaCoauthors { id name } viaCoauthorCount
  sharedTopics { id name } sharedKeywords cites citedBy referencesInCommon citersInCommon weight summary
`;
interface Reasons {
  sharedAuthors: { id: string; name: string }[];
  sharedAuthorCount: number;
  viaCoauthors: { id: string; name: string }[];
  viaCoauthorCount: number;
  sharedTopics: { id: string; name: string }[];
  sharedKeywords: string[];
  cites: boolean;
  citedBy: boolean;
  referencesInCommon: number;
  citersInCommon: number;
  weight: number;
  summary: string;
}
interface Suggestions {
  suggestions: { paper: { id: string }; score: number; reasons: Reasons }[];
  candidatesTruncated: boolean;
  skippedPapers: number;
  skippedHubs: number;
  maxAuthorsPerPaper: number;
  maxPapersPerHub: number;
}
const SUGGESTIONS = `suggestions { paper { id } score reasons { ${REASONS} } } candidatesTruncated skippedPapers skippedHubs maxAuthorsPerPaper maxPapersPerHub`;

const related = async (paper: string, first = 10) =>
  (await query<{ paper: { related: Suggestions } }>(`query($id: ID!, $first: Int) { paper(id: $id) { related(first: $first) { ${SUGGESTIONS} } } }`, { id: P(paper), first })).paper.related;
const suggestedPapers = async (author: string, first = 10) =>
  (await query<{ author: { suggestedPapers: Suggestions } }>(`query($id: ID!, $first: Int) { author(id: $id) { suggestedPapers(first: $first) { ${SUGGESTIONS} } } }`, { id: A(author), first }))
    .author.suggestedPapers;

/** A linking paper: at most 100 authors (MAX_AUTHORS_PER_PAPER). */
const LINKING = 'COUNT { (p)<-[:AUTHORED]-() } <= 100';

/** Every reason of a related paper, checked against the graph; and the weight and score recomputed from them. */
async function checkRelatedReasons(paperId: string, suggestion: Suggestions['suggestions'][number]) {
  const other = raw(suggestion.paper.id);
  const { reasons } = suggestion;
  for (const author of reasons.sharedAuthors) {
    const [row] = await run(
      `MATCH (a:Author {id: $author}) RETURN EXISTS { (a)-[:AUTHORED]->(:Paper {id: $one}) } AND EXISTS { (a)-[:AUTHORED]->(:Paper {id: $other}) } AS both`,
      { author: raw(author.id), one: paperId, other },
    );
    expect(row!.both, `${author.name} wrote both ${paperId} and ${other}`).toBe(true);
  }
  const [truth] = await run(
    `MATCH (p:Paper {id: $one}), (q:Paper {id: $other})
     RETURN COUNT { (p)<-[:AUTHORED]-(a:Author)-[:AUTHORED]->(q) WHERE ${LINKING} AND COUNT { (q)<-[:AUTHORED]-() } <= 100 } AS sharedAuthors,
            [(p)-[:HAS_TOPIC]->(t:Topic)<-[:HAS_TOPIC]-(q) WHERE t.scheme <> 'keyword' AND COUNT { (t)<-[:HAS_TOPIC]-() } <= $hub | t.id] AS topics,
            [(p)-[:HAS_TOPIC]->(t:Topic)<-[:HAS_TOPIC]-(q) WHERE t.scheme = 'keyword' AND COUNT { (t)<-[:HAS_TOPIC]-() } <= $hub | t.name] AS keywords,
            EXISTS { (p)-[:CITES]->(q) } AS cites, EXISTS { (q)-[:CITES]->(p) } AS citedBy,
            COUNT { (p)-[:CITES]->(x:Paper)<-[:CITES]-(q) } AS references, COUNT { (p)<-[:CITES]-(x:Paper)-[:CITES]->(q) } AS citers`,
    { one: paperId, other, hub: DEFAULT_MAX_PAPERS_PER_HUB },
  );
  expect(reasons.sharedAuthorCount).toBe(truth!.sharedAuthors);
  expect(reasons.sharedAuthors).toHaveLength(Math.min(reasons.sharedAuthorCount, MAX_REASON_ITEMS));
  expect(reasons.sharedTopics.map((topic) => raw(topic.id)).sort()).toEqual((truth!.topics as string[]).sort());
  expect([...reasons.sharedKeywords].sort()).toEqual((truth!.keywords as string[]).sort());
  expect(reasons).toMatchObject({ cites: truth!.cites, citedBy: truth!.citedBy, referencesInCommon: truth!.references, citersInCommon: truth!.citers });
  const weight =
    reasons.sharedAuthorCount * RELATED_WEIGHTS.author +
    reasons.sharedTopics.length * RELATED_WEIGHTS.topic +
    reasons.sharedKeywords.length * RELATED_WEIGHTS.keyword +
    (reasons.cites || reasons.citedBy ? RELATED_WEIGHTS.citation : 0) +
    (reasons.referencesInCommon + reasons.citersInCommon) * RELATED_WEIGHTS.citationInCommon;
  expect(reasons.weight).toBeCloseTo(weight, 9);
  expect(suggestion.score).toBeCloseTo(scoreOfWeight(weight), 9);
  expect(reasons.summary.length).toBeGreaterThan(0);
}

/** Strongest first, ties by id. */
function expectRanked(suggestions: Suggestions['suggestions']) {
  for (let i = 1; i < suggestions.length; i++) {
    const [before, after] = [suggestions[i - 1]!, suggestions[i]!];
    expect(before.reasons.weight > after.reasons.weight || (before.reasons.weight === after.reasons.weight && raw(before.paper.id) < raw(after.paper.id))).toBe(true);
  }
}

describe('Paper.related', () => {
  it('ranks the papers by what they share with the paper, each reason true of the graph', async () => {
    const answer = await related('p0', 20);
    const ids = answer.suggestions.map((suggestion) => raw(suggestion.paper.id));
    // p2: 2 authors (6); p1: an author and a keyword (4); p3: 2 keywords and a topic (2.5);
    // p5 (cited) and p6 (cites it): 2 each; r1: cited (2); p4: a reference in common (1).
    expect(ids).toEqual(['p2', 'p1', 'p3', 'p5', 'p6', 'r1', 'p4'].map(id));
    for (const suggestion of answer.suggestions) await checkRelatedReasons(id('p0'), suggestion);
    expectRanked(answer.suggestions);
    expect(answer.suggestions[0]!.reasons.summary).toBe('2 authors in common (Author related:a1 and Author related:a2)');
    expect(answer.suggestions.find((s) => raw(s.paper.id) === id('p3'))!.reasons.summary).toBe(
      '2 keywords in common (link prediction and graph transformers); 1 topic in common (Related Category)',
    );
  });

  it('is never the paper itself, nor a paper related only through a too broad topic or a huge byline', async () => {
    const answer = await related('p0', 50);
    const ids = answer.suggestions.map((suggestion) => raw(suggestion.paper.id));
    expect(ids).not.toContain(id('p0'));
    expect(ids).not.toContain(id('p7'));
    expect(ids).not.toContain(id(HUGE.id));
    expect(ids.some((paper) => paper.startsWith(id('broad-')))).toBe(false);
    expect(answer).toMatchObject({ skippedHubs: 1, skippedPapers: 0, maxAuthorsPerPaper: 100, maxPapersPerHub: DEFAULT_MAX_PAPERS_PER_HUB, candidatesTruncated: false });
    // The huge paper's own authors relate nothing to it.
    const huge = await related(HUGE.id);
    expect(huge).toMatchObject({ suggestions: [], skippedPapers: 1 });
  });

  it('lists at most 5 shared authors, and counts them all', async () => {
    const [suggestion] = (await related('p10', 1)).suggestions;
    expect(raw(suggestion!.paper.id)).toBe(id('p11'));
    expect(suggestion!.reasons.sharedAuthorCount).toBe(7);
    expect(suggestion!.reasons.sharedAuthors.map((author) => raw(author.id))).toEqual(['b1', 'b2', 'b3', 'b4', 'b5'].map(id));
    await checkRelatedReasons(id('p10'), suggestion!);
    expect(suggestion!.reasons.summary).toBe('7 authors in common (Author related:b1, Author related:b2 and 5 others)');
  });

  it('gives `first` suggestions, the same each time, and refuses a `first` out of range', async () => {
    const [once, again, two] = [await related('p0', 20), await related('p0', 20), await related('p0', 2)];
    expect(again).toEqual(once);
    expect(two.suggestions).toEqual(once.suggestions.slice(0, 2));
    const response = await postGraphQL(server, `query($id: ID!) { paper(id: $id) { related(first: 51) { suggestions { score } } } }`, { id: P('p0') });
    expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'first' });
  });

  it("relates the seed's papers through their authors", async () => {
    const seed = await query<{ author: { papers: { edges: { node: { id: string; related: Suggestions } }[] } } }>(
      `{ author(name: "Baixu Chen") { papers(first: 1) { edges { node { id related(first: 3) { ${SUGGESTIONS} } } } } } }`,
    );
    const [{ node }] = seed.author.papers.edges as [{ node: { id: string; related: Suggestions } }];
    expect(node.related.suggestions.length).toBeGreaterThan(0);
    for (const suggestion of node.related.suggestions) await checkRelatedReasons(raw(node.id), suggestion);
  });

  it('is one statement for many papers (DataLoader)', async () => {
    const before = server.requests().length;
    const data = await query<{ nodes: { related: Suggestions }[] }>(
      `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Paper { related(first: 3) { suggestions { paper { id } } } } } }`,
      { ids: ['p0', 'p1', 'p3', 'p10'].map(P) },
    );
    expect(data.nodes.map((node) => node.related.suggestions.length)).toEqual([3, 3, 2, 1]);
    const [line] = server.requests().slice(before);
    // One for the nodes, one for every paper's related papers.
    expect(line!.cypherStatements).toBe(2);
  });
});

describe('Author.suggestedPapers', () => {
  it("suggests papers of the author's coauthors and topics, never one they wrote, each reason true of the graph", async () => {
    const answer = await suggestedPapers('a1', 50);
    const ids = answer.suggestions.map((suggestion) => raw(suggestion.paper.id));
    const [{ own }] = (await run(`MATCH (:Author {id: $a})-[:AUTHORED]->(p:Paper) RETURN collect(p.id) AS own`, { a: id('a1') })) as [{ own: string[] }];
    expect(own).toContain(id(HUGE.id));
    for (const paper of own) expect(ids).not.toContain(paper);
    // p9 by coauthor a3 (3); p3: 2 keywords and a topic (2.5), the broad topic skipped.
    expect(ids).toEqual(['p9', 'p3'].map(id));
    expect(answer).toMatchObject({ skippedPapers: 1, skippedHubs: 1, candidatesTruncated: false });
    expectRanked(answer.suggestions);
    for (const { paper, reasons, score } of answer.suggestions) {
      for (const coauthor of reasons.viaCoauthors) {
        const [row] = await run(
          `MATCH (a:Author {id: $a}), (c:Author {id: $c}), (q:Paper {id: $q})
           RETURN EXISTS { (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c) WHERE ${LINKING} } AS coauthor, EXISTS { (c)-[:AUTHORED]->(q) } AS wrote`,
          { a: id('a1'), c: raw(coauthor.id), q: raw(paper.id) },
        );
        expect(row).toEqual({ coauthor: true, wrote: true });
      }
      for (const name of [...reasons.sharedKeywords, ...reasons.sharedTopics.map((topic) => topic.name)]) {
        const [row] = await run(
          `MATCH (t:Topic {name: $name}) WHERE t.id STARTS WITH $prefix
           RETURN EXISTS { (:Author {id: $a})-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(t) } AS theirs, EXISTS { (:Paper {id: $q})-[:HAS_TOPIC]->(t) } AS carried`,
          { name, prefix: PREFIX, a: id('a1'), q: raw(paper.id) },
        );
        expect(row).toEqual({ theirs: true, carried: true });
      }
      expect(reasons.sharedAuthors).toEqual([]);
      const weight = reasons.viaCoauthorCount * RELATED_WEIGHTS.coauthor + reasons.sharedKeywords.length * RELATED_WEIGHTS.keyword + reasons.sharedTopics.length * RELATED_WEIGHTS.topic;
      expect(reasons.weight).toBeCloseTo(weight, 9);
      expect(score).toBeCloseTo(scoreOfWeight(weight), 9);
    }
    expect(answer.suggestions[0]!.reasons.summary).toBe('by 1 coauthor (Author related:a3)');
  });

  it('is empty for an author with no coauthor nor topic', async () => {
    expect((await suggestedPapers('h1')).suggestions).toEqual([]);
  });
});

const BRIDGES = `
  query($between: [ID!]!, $first: Int) {
    suggestedBridges(between: $between, first: $first) {
      neighboursTruncated maxNeighbours skippedPapers maxAuthorsPerPaper
      suggestions { author { id } pathCount sideCount summary sides { author { id } direct through { id } throughCount pathCount } }
    }
  }
`;
interface Bridges {
  suggestedBridges: {
    neighboursTruncated: boolean;
    skippedPapers: number;
    suggestions: { author: { id: string }; pathCount: number; sideCount: number; summary: string; sides: { author: { id: string }; direct: boolean; through: { id: string }[]; throughCount: number; pathCount: number }[] }[];
  };
}

/** Two authors who share a paper that links (at most 100 authors). */
const coauthors = async (one: string, other: string) =>
  (await run(`RETURN EXISTS { (:Author {id: $one})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(:Author {id: $other}) WHERE ${LINKING} } AS linked`, { one, other }))[0]!.linked;

describe('suggestedBridges', () => {
  it('ranks the people between two neighbourhoods by the short paths through them, each link true of the graph', async () => {
    const { suggestedBridges } = await query<Bridges>(BRIDGES, { between: [A('x1'), A('y1')] });
    expect(suggestedBridges.suggestions.map((bridge) => raw(bridge.author.id))).toEqual(['m1', 'm2'].map(id));
    const [m1, m2] = suggestedBridges.suggestions;
    expect(m1!.pathCount).toBe(2);
    expect(m1!.sides.map((side) => [raw(side.author.id), side.direct, side.through.map((a) => raw(a.id)).sort()])).toEqual([
      [id('x1'), false, [id('xc1'), id('xc2')]],
      [id('y1'), false, [id('yc1')]],
    ]);
    expect(m2!.pathCount).toBe(1);
    expect(m2!.sides.every((side) => side.direct && side.throughCount === 0)).toBe(true);
    expect(m2!.summary).toBe('Author related:x1 (coauthor) and Author related:y1 (coauthor): 1 short path');
    // The huge byline links x1 and y1 to no one: its authors are no bridge, but it is counted.
    expect(suggestedBridges.skippedPapers).toBe(2);
    expect(suggestedBridges.neighboursTruncated).toBe(false);
    for (const bridge of suggestedBridges.suggestions) {
      expect(bridge.sideCount).toBe(bridge.sides.length);
      expect(bridge.sideCount).toBeGreaterThanOrEqual(2);
      for (const side of bridge.sides) {
        const [sideAuthor, bridgeAuthor] = [raw(side.author.id), raw(bridge.author.id)];
        expect(await coauthors(sideAuthor, bridgeAuthor)).toBe(side.direct);
        for (const member of side.through) {
          expect(await coauthors(sideAuthor, raw(member.id)), 'a coauthor of the side').toBe(true);
          expect(await coauthors(raw(member.id), bridgeAuthor), 'a coauthor of the bridge').toBe(true);
        }
        expect(side.pathCount).toBe((side.direct ? 1 : 0) + side.throughCount);
      }
    }
  });

  it('with three authors, ranks first who reaches most of them', async () => {
    const { suggestedBridges } = await query<Bridges>(BRIDGES, { between: [A('x1'), A('y1'), A('z1')] });
    const [first] = suggestedBridges.suggestions;
    expect(raw(first!.author.id)).toBe(id('m2'));
    expect(first!.sideCount).toBe(3);
    // One path between each pair of the three.
    expect(first!.pathCount).toBe(3);
    expect(first!.sides.map((side) => raw(side.author.id))).toEqual(['x1', 'y1', 'z1'].map(id));
  });

  it(`walks at most ${MAX_RELATED_NEIGHBOURS} coauthors of each side, the strongest, and says so`, async () => {
    const { suggestedBridges } = await query<Bridges>(BRIDGES, { between: [A('n0'), A('y1')], first: 50 });
    expect(suggestedBridges.neighboursTruncated).toBe(true);
    const bridges = suggestedBridges.suggestions.map((bridge) => raw(bridge.author.id));
    expect(bridges).toContain(id('q1'));
    expect(bridges).not.toContain(id('q2'));
    const papers = await suggestedPapers('n0', 50);
    expect(papers.candidatesTruncated).toBe(true);
    const suggested = papers.suggestions.map((suggestion) => raw(suggestion.paper.id));
    expect(suggested).toContain(id('q1-1'));
    expect(suggested).not.toContain(id('q2-1'));
  });

  it('refuses fewer than 2, more than 5, repeated and unknown authors, with BAD_USER_INPUT naming `between`', async () => {
    const cases: [string[], string][] = [
      [[A('x1')], 'takes 2 to 5'],
      [['x1', 'y1', 'z1', 'm1', 'm2', 'm3'].map(A), 'takes 2 to 5'],
      [[A('x1'), A('x1')], 'twice'],
      [[A('x1'), A('nobody')], 'not in the graph'],
    ];
    for (const [between, message] of cases) {
      const response = await postGraphQL(server, BRIDGES, { between });
      expect(response.data).toBeNull();
      expect(response.errors?.[0]?.message).toContain(message);
      expect(response.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'between' });
    }
    const unknown = await postGraphQL(server, BRIDGES, { between: [A('x1'), A('nobody')] });
    expect(unknown.errors?.[0]?.extensions?.unknownIds).toEqual([A('nobody')]);
    const paper = await postGraphQL(server, BRIDGES, { between: [A('x1'), P('p0')] });
    expect(paper.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
