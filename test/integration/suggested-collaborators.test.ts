import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inProcessServer, postGraphQL, testDatabase, testDriver, type InProcessServer } from '../support/server.js';

/**
 * Author.suggestedCollaborators on a small graph written beside the seed (ids under PREFIX):
 *
 *   centre ── b ── d        centre and b, c wrote papers in 2020-2022; d wrote with b (2022) and
 *        └── c ──┘ └ e      with c (2021); e wrote with c only, in 2015; f shares the centre's
 *   f: the centre's small organization, no paper in common    organization; later (2024) the
 *   g: on a 150-author paper with the centre only              centre writes with d.
 *
 * The answers are checked against the graph: each named common coauthor wrote with both, each
 * shared topic and organization is both's.
 */

const PREFIX = 'suggest:';
const id = (name: string) => `${PREFIX}${name}`;
const A = (name: string) => encodeGlobalID('Author', id(name));

const SUGGESTED = /* GraphQL */ `
  query($id: ID!, $first: Int, $yearTo: Int, $minScore: Float) {
    node(id: $id) {
      ... on Author {
        suggestedCollaborators(first: $first, yearTo: $yearTo, minScore: $minScore) {
          candidatesTruncated skippedPapers maxAuthorsPerPaper
          suggestions {
            score
            author { id name }
            path { id }
            reasons {
              commonCoauthorCount pathLength recentPapers summary sharedKeywords
              commonCoauthors { id }
              sharedTopics { id }
              sharedOrganizations { id }
            }
          }
        }
      }
    }
  }
`;
interface Suggestion {
  score: number;
  author: { id: string; name: string };
  path: { id: string }[];
  reasons: {
    commonCoauthorCount: number; pathLength: number | null; recentPapers: number; summary: string; sharedKeywords: string[];
    commonCoauthors: { id: string }[]; sharedTopics: { id: string }[]; sharedOrganizations: { id: string }[];
  };
}
interface Suggested { node: { suggestedCollaborators: { candidatesTruncated: boolean; skippedPapers: number; maxAuthorsPerPaper: number; suggestions: Suggestion[] } } }

let driver: Driver;
let server: InProcessServer;

const ask = async (variables: Record<string, unknown>) => {
  const response = await postGraphQL<Suggested>(server, SUGGESTED, variables);
  expect(response.errors).toBeUndefined();
  return response.data!.node.suggestedCollaborators;
};
const graph = async (query: string, params: Record<string, unknown> = {}) =>
  (await driver.executeQuery(query, params, { database: testDatabase() })).records.map((record) => record.toObject());
const authorIdOf = (globalId: string) => Buffer.from(globalId, 'base64').toString('utf8').replace(/^Author:/, '');

beforeAll(async () => {
  driver = testDriver();
  // The first call plans a long statement: on a loaded machine that alone can pass the 5 s default.
  server = inProcessServer({ NEO4J_READ_TIMEOUT_MS: '30000' });
  const papers = [
    { key: 'p1', year: 2020, authors: ['centre', 'b'], topics: ['t-rare'] },
    { key: 'p2', year: 2021, authors: ['centre', 'b', 'c'], topics: [] },
    { key: 'p3', year: 2022, authors: ['centre', 'c'], topics: ['k-graphs'] },
    { key: 'p4', year: 2022, authors: ['b', 'd'], topics: ['t-rare', 'k-graphs'] },
    { key: 'p5', year: 2021, authors: ['c', 'd'], topics: [] },
    { key: 'p6', year: 2015, authors: ['c', 'e'], topics: [] },
    { key: 'p7', year: 2024, authors: ['centre', 'd'], topics: [] },
    { key: 'p8', year: 2022, authors: ['f'], topics: ['t-rare'] },
    { key: 'huge', year: 2022, authors: ['centre', 'g', ...Array.from({ length: 148 }, (_, i) => `member-${i}`)], topics: [] },
  ];
  await graph(
    `UNWIND ['t-rare', 'k-graphs'] AS key
     CREATE (:Topic {id: $prefix + key, name: key, code: key, scheme: CASE WHEN key STARTS WITH 'k-' THEN 'keyword' ELSE 'test' END})
     WITH count(*) AS topics
     CREATE (:Organization {id: $prefix + 'lab', name: 'Suggestion Lab', nameKey: 'suggestion lab'})
     WITH count(*) AS organizations
     UNWIND $papers AS paper
     CREATE (p:Paper {id: $prefix + paper.key, title: paper.key, titleKey: paper.key, year: paper.year, authorListComplete: true})
     WITH p, paper
     UNWIND range(0, size(paper.authors) - 1) AS i
     MERGE (a:Author {id: $prefix + paper.authors[i]}) ON CREATE SET a.name = 'Suggest ' + paper.authors[i], a.nameKey = 'suggest ' + paper.authors[i]
     CREATE (a)-[:AUTHORED {position: i + 1, name: a.name}]->(p)
     WITH DISTINCT p, paper
     UNWIND paper.topics AS key
     MATCH (t:Topic {id: $prefix + key})
     CREATE (p)-[:HAS_TOPIC]->(t)`,
    { prefix: PREFIX, papers },
  );
  // The centre and f at the lab (an organization of two), as the import sums it up.
  await graph(
    `MATCH (o:Organization {id: $prefix + 'lab'}), (a:Author) WHERE a.id IN [$prefix + 'centre', $prefix + 'f']
     CREATE (a)-[:AFFILIATED_WITH {paperCount: 1, firstYear: 2020, lastYear: 2022}]->(o)`,
    { prefix: PREFIX },
  );
});

afterAll(async () => {
  await graph('MATCH (n) WHERE n.id STARTS WITH $prefix DETACH DELETE n', { prefix: PREFIX });
  await server?.close();
  await driver?.close();
});

describe('Author.suggestedCollaborators', () => {
  it('ranks the person two coauthors away first, and the path goes through the strongest of them', async () => {
    const { suggestions, skippedPapers, maxAuthorsPerPaper } = await ask({ id: A('centre'), yearTo: 2022 });
    expect(suggestions.map((s) => authorIdOf(s.author.id))).toEqual([id('d'), id('f'), id('e')]);
    const [d] = suggestions;
    expect(d!.reasons.commonCoauthorCount).toBe(2);
    expect(d!.reasons.pathLength).toBe(2);
    expect(d!.path.map((a) => authorIdOf(a.id))).toEqual([id('centre'), authorIdOf(d!.reasons.commonCoauthors[0]!.id), id('d')]);
    // b's tie to d is the newer (2022, against c's 2021), so b is the strongest way there.
    expect(authorIdOf(d!.reasons.commonCoauthors[0]!.id)).toBe(id('b'));
    expect(d!.reasons.recentPapers).toBe(2);
    expect(d!.reasons.sharedKeywords).toEqual(['k-graphs']);
    expect(d!.reasons.summary).toContain('2 coauthors in common (Suggest b, Suggest c)');
    expect(skippedPapers).toBe(1);
    expect(maxAuthorsPerPaper).toBe(100);
    const scores = suggestions.map((s) => s.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
    expect(scores.every((score) => score > 0 && score <= 1)).toBe(true);
  });

  it('gives reasons that hold in the graph', async () => {
    const { suggestions } = await ask({ id: A('centre'), yearTo: 2022 });
    for (const s of suggestions) {
      const other = authorIdOf(s.author.id);
      for (const via of s.reasons.commonCoauthors) {
        const [row] = await graph(
          `MATCH (x:Author {id: $x}), (m:Author {id: $m}), (y:Author {id: $y})
           RETURN EXISTS { (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(m) WHERE p.year <= 2022 } AND
                  EXISTS { (y)-[:AUTHORED]->(q:Paper)<-[:AUTHORED]-(m) WHERE q.year <= 2022 } AS both`,
          { x: id('centre'), m: authorIdOf(via.id), y: other },
        );
        expect(row!.both).toBe(true);
      }
      for (const topic of s.reasons.sharedTopics) {
        const [row] = await graph(
          `MATCH (t:Topic {id: $t}) RETURN
             EXISTS { (:Author {id: $x})-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(t) WHERE p.year <= 2022 } AND
             EXISTS { (:Author {id: $y})-[:AUTHORED]->(q:Paper)-[:HAS_TOPIC]->(t) WHERE q.year <= 2022 } AS both`,
          { t: Buffer.from(topic.id, 'base64').toString('utf8').replace(/^Topic:/, ''), x: id('centre'), y: other },
        );
        expect(row!.both).toBe(true);
      }
    }
    const f = suggestions.find((s) => authorIdOf(s.author.id) === id('f'))!;
    expect(f.reasons.commonCoauthorCount).toBe(0);
    expect(f.reasons.pathLength).toBeNull();
    expect(f.reasons.sharedOrganizations).toHaveLength(1);
    expect(f.reasons.sharedTopics).toHaveLength(1);
    expect(f.path.map((a) => authorIdOf(a.id))).toEqual([id('centre'), id('f')]);
  });

  it('never suggests the author, a coauthor, or someone linked only by a huge byline', async () => {
    const { suggestions } = await ask({ id: A('centre'), yearTo: 2022, first: 50 });
    const suggested = suggestions.map((s) => authorIdOf(s.author.id));
    expect(suggested).not.toContain(id('centre'));
    expect(suggested).not.toContain(id('b'));
    expect(suggested).not.toContain(id('c'));
    expect(suggested).not.toContain(id('g'));
    expect(suggested.some((s) => s.startsWith(id('member-')))).toBe(false);
  });

  it('sees only the papers up to yearTo: a later coauthor is still a suggestion before, not after', async () => {
    expect((await ask({ id: A('centre'), yearTo: 2022 })).suggestions.map((s) => authorIdOf(s.author.id))).toContain(id('d'));
    expect((await ask({ id: A('centre'), yearTo: 2024 })).suggestions.map((s) => authorIdOf(s.author.id))).not.toContain(id('d'));
    // Up to 2020 the centre knew b only, and b nobody else.
    const early = await ask({ id: A('centre'), yearTo: 2020 });
    expect(early.suggestions.map((s) => authorIdOf(s.author.id))).toEqual([id('f')]);
  });

  it('keeps to first and minScore, and answers the same every time', async () => {
    const one = await ask({ id: A('centre'), yearTo: 2022, first: 1 });
    expect(one.suggestions).toHaveLength(1);
    const all = await ask({ id: A('centre'), yearTo: 2022 });
    const threshold = all.suggestions[1]!.score;
    const strong = await ask({ id: A('centre'), yearTo: 2022, minScore: threshold });
    expect(strong.suggestions.map((s) => s.author.id)).toEqual(all.suggestions.slice(0, 2).map((s) => s.author.id));
    expect(await ask({ id: A('centre'), yearTo: 2022 })).toEqual(all);
  });

  it('refuses arguments out of range with BAD_USER_INPUT', async () => {
    for (const variables of [{ first: 0 }, { first: 51 }, { minScore: 1.5 }, { minScore: -0.1 }, { yearTo: 99 }]) {
      const response = await postGraphQL(server, SUGGESTED, { id: A('centre'), ...variables });
      expect(response.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });

  it('says when its caps cut the search: more coauthors than it walks', async () => {
    // A hub with 101 coauthors, one paper each; one of them has a coauthor of their own.
    await graph(
      `CREATE (hub:Author {id: $prefix + 'hub', name: 'Suggest Hub', nameKey: 'suggest hub'})
       WITH hub
       UNWIND range(1, 101) AS i
       CREATE (c:Author {id: $prefix + 'hub-coauthor-' + i, name: 'Suggest Hub Coauthor ' + i, nameKey: 'suggest hub coauthor ' + i})
       CREATE (p:Paper {id: $prefix + 'hub-paper-' + i, title: 'hub ' + i, titleKey: 'hub ' + i, year: 2022, authorListComplete: true})
       CREATE (hub)-[:AUTHORED {position: 1, name: hub.name}]->(p), (c)-[:AUTHORED {position: 2, name: c.name}]->(p)
       WITH c WHERE c.id ENDS WITH '-coauthor-1'
       CREATE (far:Author {id: $prefix + 'hub-far', name: 'Suggest Hub Far', nameKey: 'suggest hub far'})
       CREATE (q:Paper {id: $prefix + 'hub-far-paper', title: 'far', titleKey: 'far', year: 2022, authorListComplete: true})
       CREATE (c)-[:AUTHORED {position: 1, name: c.name}]->(q), (far)-[:AUTHORED {position: 2, name: far.name}]->(q)`,
      { prefix: PREFIX },
    );
    const hub = await ask({ id: A('hub'), yearTo: 2022 });
    expect(hub.candidatesTruncated).toBe(true);
    expect(hub.suggestions.map((s) => authorIdOf(s.author.id))).toEqual([id('hub-far')]);
    expect((await ask({ id: A('centre'), yearTo: 2022 })).candidatesTruncated).toBe(false);
  });

  it('is priced so that one request cannot ask it of a hundred authors', async () => {
    const ids = Array.from({ length: 100 }, (_, i) => A(`hub-coauthor-${i + 1}`));
    const response = await postGraphQL(server, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Author { suggestedCollaborators { suggestions { author { name } reasons { summary } } } } } }`, { ids });
    expect(response.errors?.[0]?.extensions?.code).toBe('QUERY_TOO_COMPLEX');
    const few = await postGraphQL(server, `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Author { suggestedCollaborators { suggestions { author { name } reasons { summary } } } } } }`, { ids: ids.slice(0, 3) });
    expect(few.errors).toBeUndefined();
  });
});
