import { createHash } from 'node:crypto';
import { encodeGlobalID } from '@pothos/plugin-relay';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DRIVER_SETTINGS } from '../../src/config.js';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { createRepositoryFactory } from '../../src/repositories/index.js';
import { createYogaServer } from '../../src/yoga.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { ownEmptyNeo4jPerTest } from '../support/own-neo4j.js';

/**
 * "Possibly the same person" (identitySuggestions) and its answer (decideIdentitySuggestion) over
 * a graph written here, on an instance of this file's own, empty before each test:
 *
 * - Wei Zhang: two OpenReview profiles (~Wei_Zhang1 with Ann Lee and Bob Stone, ~Wei_Zhang2 with
 *   Cara Diaz), an OpenAlex author (with Cara Diaz and Dan Moe) and the name's own node (with Ann
 *   Lee and Bob Stone);
 * - Ada Quill: an ORCID author and the name's own node, Eve Rowe in common;
 * - Lee Kim: two ORCIDs, Ann Lee in common (a merge would be refused: never suggested);
 * - Sam Twin: an OpenReview profile and the name's own node on one paper (two people of one name
 *   on a byline: never suggested).
 */

const own = await ownEmptyNeo4jPerTest('suggestions');
const { database } = own;
const rows = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await own.driver.executeQuery(cypher, params, { database })).records.map((record) => record.toObject());

const TOKEN = 'suggestions-test-token-0123456789-abcdef';
const SUBJECT = `token:${createHash('sha256').update(TOKEN).digest('hex').slice(0, 12)}`;
const AUTH = { authorization: `Bearer ${TOKEN}` };

interface AuthorSpec { id: string; name: string; openalexId?: string; orcid?: string; openreviewId?: string }
const key = (name: string) => name.toLowerCase();
const AUTHORS: AuthorSpec[] = [
  { id: 'openreview:~Wei_Zhang1', name: 'Wei Zhang', openreviewId: '~Wei_Zhang1' },
  { id: 'openreview:~Wei_Zhang2', name: 'Wei Zhang', openreviewId: '~Wei_Zhang2' },
  { id: 'openalex:A1', name: 'Wei Zhang', openalexId: 'A1' },
  { id: 'author:wei-zhang', name: 'Wei Zhang' },
  { id: 'orcid:0000-0001-0000-0001', name: 'Ada Quill', orcid: '0000-0001-0000-0001' },
  { id: 'author:ada-quill', name: 'Ada Quill' },
  { id: 'orcid:0000-0001-0000-0002', name: 'Lee Kim', orcid: '0000-0001-0000-0002' },
  { id: 'orcid:0000-0001-0000-0003', name: 'Lee Kim', orcid: '0000-0001-0000-0003' },
  { id: 'openreview:~Sam_Twin1', name: 'Sam Twin', openreviewId: '~Sam_Twin1' },
  { id: 'author:sam-twin', name: 'Sam Twin' },
  ...['Ann Lee', 'Bob Stone', 'Cara Diaz', 'Dan Moe', 'Eve Rowe', 'Finn Gray'].map((name) => ({ id: `author:${key(name).replace(' ', '-')}`, name })),
];
const PAPERS: [id: string, byline: string[]][] = [
  ['paper:g1', ['openreview:~Wei_Zhang1', 'author:ann-lee']],
  ['paper:g2', ['openreview:~Wei_Zhang1', 'author:bob-stone']],
  ['paper:m1', ['author:wei-zhang', 'author:ann-lee']],
  ['paper:m2', ['author:bob-stone', 'author:wei-zhang', 'author:ann-lee']],
  ['paper:r1', ['openreview:~Wei_Zhang2', 'author:cara-diaz']],
  ['paper:r2', ['openreview:~Wei_Zhang2']],
  ['paper:o1', ['openalex:A1', 'author:cara-diaz', 'author:dan-moe']],
  ['paper:a1', ['orcid:0000-0001-0000-0001', 'author:eve-rowe']],
  ['paper:a2', ['author:ada-quill', 'author:eve-rowe', 'author:finn-gray']],
  ['paper:a3', ['author:ada-quill', 'author:finn-gray']],
  ['paper:k1', ['orcid:0000-0001-0000-0002', 'author:ann-lee']],
  ['paper:k2', ['orcid:0000-0001-0000-0003', 'author:ann-lee']],
  ['paper:t1', ['openreview:~Sam_Twin1', 'author:sam-twin', 'author:dan-moe']],
];

async function writeGraph() {
  await rows(
    `UNWIND $authors AS author
     CREATE (a:Author) SET a = author, a.nameKey = toLower(author.name)`,
    { authors: AUTHORS },
  );
  await rows(
    `UNWIND $papers AS paper
     CREATE (p:Paper {id: paper.id, title: 'Paper ' + paper.id, year: 2022, authorListComplete: true})
     WITH p, paper
     UNWIND range(0, size(paper.byline) - 1) AS i
     MATCH (a:Author {id: paper.byline[i]})
     // Entries of authors without ids are name-only ones, as the importer leaves them.
     CREATE (a)-[:AUTHORED {position: i + 1, name: a.name, nameOnly: CASE WHEN a.id STARTS WITH 'author:' THEN true END}]->(p)`,
    { papers: PAPERS.map(([id, byline]) => ({ id, byline })) },
  );
}

// Reads get 30 s, not the server's 5: on a loaded 2-core CI machine a first query on a fresh
// database passed 5 s (TIMEOUT), and what this file tests is the suggestions, not the timeout.
const settings = { ...DEFAULT_DRIVER_SETTINGS, readTimeoutMs: 30_000 };
const yoga = () =>
  createYogaServer({ repositories: createRepositoryFactory(graphDatabaseOn(own.driver, database, settings)), logger: pino({ level: 'silent' }), apiTokens: [TOKEN] });
async function graphql(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const response = await yoga().fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as { data?: any; errors?: { message: string; extensions?: { code?: string } }[] };
}
async function ok(query: string, variables: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const answer = await graphql(query, variables, headers);
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

const A = (id: string) => encodeGlobalID('Author', id);
const SUGGESTIONS = `query($first: Int, $after: String, $name: String) {
  identitySuggestions(first: $first, after: $after, name: $name) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id reason sharedCoauthorCount score authors { id name } sharedCoauthors(first: 10) { id name } } }
  }
}`;
interface Suggestion { id: string; reason: string; sharedCoauthorCount: number; score: number | null; authors: { id: string }[]; sharedCoauthors: { id: string; name: string }[] }
interface SuggestionPage { totalCount: number; pageInfo: { hasNextPage: boolean; endCursor: string }; nodes: Suggestion[] }
const suggestions = async (variables: Record<string, unknown> = {}): Promise<SuggestionPage> => {
  const page = (await ok(SUGGESTIONS, { first: 100, ...variables })).identitySuggestions;
  return { totalCount: page.totalCount, pageInfo: page.pageInfo, nodes: page.edges.map((edge: { node: Suggestion }) => edge.node) };
};
/** A suggestion as [kept, other, reason, shared coauthor names]. */
const brief = (s: Suggestion) => [s.authors[0]!.id, s.authors[1]!.id, s.reason, s.sharedCoauthors.map((c) => c.name)];
const DECIDE = `mutation($id: ID!, $accept: Boolean!) {
  decideIdentitySuggestion(id: $id, accept: $accept) { id decision by at reason authorIds names authors { id name papers { totalCount } } }
}`;
const pairOf = (list: Suggestion[], keep: string, other: string) => list.find((s) => s.authors[0]!.id === A(keep) && s.authors[1]!.id === A(other))!;

const ALL = [
  [A('openreview:~Wei_Zhang1'), A('author:wei-zhang'), 'NAME_NODE_AND_PERSON', ['Ann Lee', 'Bob Stone']],
  [A('orcid:0000-0001-0000-0001'), A('author:ada-quill'), 'NAME_NODE_AND_PERSON', ['Eve Rowe']],
  [A('openreview:~Wei_Zhang2'), A('openalex:A1'), 'SAME_NAME_SHARED_COAUTHORS', ['Cara Diaz']],
  [A('openalex:A1'), A('author:wei-zhang'), 'NAME_NODE_AND_PERSON', []],
  [A('openreview:~Wei_Zhang2'), A('author:wei-zhang'), 'NAME_NODE_AND_PERSON', []],
];

describe('identity suggestions', () => {
  it('lists both reasons, most coauthors in common first, each named coauthor one of both in the graph', async () => {
    await writeGraph();
    const { totalCount, nodes } = await suggestions();
    expect(nodes.map(brief)).toEqual(ALL);
    expect(totalCount).toBe(ALL.length);
    expect(nodes.map((s) => [s.sharedCoauthorCount, s.score])).toEqual([[2, 1], [1, 1], [1, 1], [0, 0], [0, 0]]);

    const idOf = new Map(AUTHORS.map((author) => [A(author.id), author.id]));
    for (const suggestion of nodes) {
      const [keep, other] = suggestion.authors.map((author) => idOf.get(author.id)!);
      const counted = await rows(
        `MATCH (k:Author {id: $keep})-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(c:Author)-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(o:Author {id: $other})
         WHERE c <> k AND c <> o RETURN collect(DISTINCT c.id) AS shared`,
        { keep, other },
      );
      expect(suggestion.sharedCoauthors.map((c) => idOf.get(c.id)).sort()).toEqual((counted[0]!.shared as string[]).sort());
      expect(suggestion.sharedCoauthorCount).toBe((counted[0]!.shared as string[]).length);
    }

    const weiOnly = await suggestions({ name: '  WEI   zhang ' });
    expect(weiOnly.nodes.map(brief)).toEqual(ALL.filter(([, other]) => other !== A('author:ada-quill')));
    expect((await suggestions({ name: 'Lee Kim' })).nodes).toEqual([]); // two ORCIDs: a merge would refuse them
    expect((await suggestions({ name: 'Sam Twin' })).nodes).toEqual([]); // one paper: two people
    const one = await ok('{ identitySuggestions(first: 1) { edges { node { sharedCoauthors(first: 1) { name } } } } }');
    expect(one.identitySuggestions.edges[0].node.sharedCoauthors).toEqual([{ name: 'Ann Lee' }]);
    const bad = await graphql('{ identitySuggestions(name: "--") { totalCount } }');
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('pages neither skip nor repeat, and a cursor keeps its place when an earlier pair is decided', async () => {
    await writeGraph();
    const all = (await suggestions()).nodes.map(brief);
    const seen: unknown[] = [];
    let after: string | null = null;
    let cursorAfterTwo: string | null = null;
    do {
      const page = await suggestions({ first: 2, after });
      seen.push(...page.nodes.map(brief));
      if (seen.length === 2) cursorAfterTwo = page.pageInfo.endCursor;
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all);
    const again = await suggestions({ first: 2, after: cursorAfterTwo });
    expect(again.nodes.map(brief)).toEqual(all.slice(2, 4));

    const first = (await suggestions({ first: 1 })).nodes[0]!;
    await ok(DECIDE, { id: first.id, accept: false }, AUTH);
    expect((await suggestions({ first: 2, after: cursorAfterTwo })).nodes.map(brief)).toEqual(all.slice(2, 4));
    expect((await suggestions()).nodes.map(brief)).toEqual(all.slice(1));
    const foreign = await graphql(SUGGESTIONS, { after: 'bm90LWEtY3Vyc29y' });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('reject keeps both, records who and when, and the pair is not suggested again', async () => {
    await writeGraph();
    const before = await suggestions();
    const pair = pairOf(before.nodes, 'openreview:~Wei_Zhang2', 'openalex:A1');
    const asked = Date.now();
    const { decideIdentitySuggestion: decision } = await ok(DECIDE, { id: pair.id, accept: false }, AUTH);
    expect(decision).toMatchObject({
      decision: 'REJECTED', by: SUBJECT, reason: 'SAME_NAME_SHARED_COAUTHORS',
      authorIds: [A('openreview:~Wei_Zhang2'), A('openalex:A1')], names: ['Wei Zhang', 'Wei Zhang'],
      authors: [{ id: A('openreview:~Wei_Zhang2'), papers: { totalCount: 2 } }, { id: A('openalex:A1'), papers: { totalCount: 1 } }],
    });
    expect(Math.abs(Date.parse(decision.at) - asked)).toBeLessThan(60_000);

    const after = await suggestions();
    expect(after.nodes.map(brief)).toEqual(before.nodes.filter((s) => s.id !== pair.id).map(brief));
    expect(after.totalCount).toBe(before.totalCount - 1);
    expect(await rows(`MATCH (a:Author) WHERE a.id IN ['openreview:~Wei_Zhang2', 'openalex:A1'] RETURN count(a) AS n`)).toEqual([{ n: 2 }]);
    const stored = await rows(`MATCH (d:IdentityDecision) RETURN d.decision AS decision, d.by AS by, d.authorIds AS ids, d.at IS :: ZONED DATETIME AS timed,
      [(d)-[:CONCERNS]->(a) | a.id] AS concerns`);
    expect(stored).toEqual([{ decision: 'rejected', by: SUBJECT, ids: ['openreview:~Wei_Zhang2', 'openalex:A1'], timed: true, concerns: expect.arrayContaining(['openreview:~Wei_Zhang2', 'openalex:A1']) }]);

    const read = await ok(`query($a: ID!) {
      identityDecisions(first: 5) { totalCount edges { node { id decision by } } }
      node(id: $a) { ... on Author { identityDecisions { id decision } } }
    }`, { a: A('openalex:A1') });
    expect(read.identityDecisions).toEqual({ totalCount: 1, edges: [{ node: { id: decision.id, decision: 'REJECTED', by: SUBJECT } }] });
    expect(read.node.identityDecisions).toEqual([{ id: decision.id, decision: 'REJECTED' }]);

    const twice = await graphql(DECIDE, { id: pair.id, accept: true }, AUTH);
    expect(twice.errors?.[0]?.extensions?.code).toBe('STALE_SUGGESTION');
    expect(await rows('MATCH (d:IdentityDecision) RETURN count(d) AS n')).toEqual([{ n: 1 }]);
  });

  it("accept merges the second author into the first (papers move), and the merged one's other suggestions go stale", async () => {
    await writeGraph();
    const before = await suggestions();
    const pair = pairOf(before.nodes, 'openreview:~Wei_Zhang1', 'author:wei-zhang');
    const { decideIdentitySuggestion: decision } = await ok(DECIDE, { id: pair.id, accept: true }, AUTH);
    expect(decision).toMatchObject({
      decision: 'ACCEPTED', by: SUBJECT, reason: 'NAME_NODE_AND_PERSON',
      authorIds: [A('openreview:~Wei_Zhang1'), A('author:wei-zhang')],
      authors: [{ id: A('openreview:~Wei_Zhang1'), papers: { totalCount: 4 } }, null],
    });
    expect(await rows(`MATCH (a:Author {id: 'openreview:~Wei_Zhang1'})-[w:AUTHORED]->(p) RETURN p.id AS paper, w.identityMethod AS method ORDER BY paper`)).toEqual([
      { paper: 'paper:g1', method: null }, { paper: 'paper:g2', method: null },
      { paper: 'paper:m1', method: 'curated' }, { paper: 'paper:m2', method: 'curated' },
    ]);
    expect(await rows(`MATCH (a:Author {id: 'author:wei-zhang'}) RETURN a`)).toEqual([]);

    const after = await suggestions();
    // The name's node is gone, so are its other pairs; the rest stay.
    expect(after.nodes.map(brief)).toEqual(ALL.filter(([, other]) => other !== A('author:wei-zhang')));
    const stale = pairOf(before.nodes, 'openalex:A1', 'author:wei-zhang');
    const print = await graphFingerprint(own.driver, database);
    const refused = await graphql(DECIDE, { id: stale.id, accept: false }, AUTH);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'STALE_SUGGESTION' }, message: expect.stringMatching(/gone/) });
    expect(await graphFingerprint(own.driver, database)).toEqual(print);

    const kept = await ok('query($a: ID!) { node(id: $a) { ... on Author { identityDecisions { decision names } } } }', { a: A('openreview:~Wei_Zhang1') });
    expect(kept.node.identityDecisions).toEqual([{ decision: 'ACCEPTED', names: ['Wei Zhang', 'Wei Zhang'] }]);
  });

  it('refuses to decide without a valid token, or with an id that is no suggestion, and writes nothing', async () => {
    await writeGraph();
    const [first] = (await suggestions({ first: 1 })).nodes;
    const print = await graphFingerprint(own.driver, database);
    const credentials: Record<string, string>[] = [{}, { authorization: `Bearer ${TOKEN}x` }, { 'x-api-key': 'forged-forged-forged-forged-forged-forged' }];
    for (const headers of credentials) {
      for (const accept of [true, false]) {
        const answer = await graphql(DECIDE, { id: first!.id, accept }, headers);
        expect(answer.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
        expect(answer.data?.decideIdentitySuggestion ?? null).toBeNull();
      }
    }
    for (const id of [A('openreview:~Wei_Zhang1'), 'not-an-id', encodeGlobalID('IdentitySuggestion', '["a","a","NAME_NODE_AND_PERSON"]')]) {
      const answer = await graphql(DECIDE, { id, accept: true }, AUTH);
      expect(answer.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    }
    expect(await graphFingerprint(own.driver, database)).toEqual(print);
    expect((await suggestions()).nodes.map(brief)).toEqual(ALL);
  });
});
