import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { authorIdFromName } from '../../src/domain/normalize.js';
import { runImport } from '../../src/ingest/import.js';
import { projectRoot } from '../../src/paths.js';
import { inProcessServer, postGraphQL, testDatabase, testDriver, type InProcessServer } from '../support/server.js';

/**
 * The search ranking (src/domain/search.ts) of `authors`, `organizations`, `papers` and `topics`
 * with `search:`, on a small graph document (test/fixtures/search/ranking.json, imported beside
 * the seed and removed afterwards) built from the real paper lists' misses: "Sergey Lev" found
 * "Lev Markhasin" and "Shahar Lev" before Sergey Levine, "Stanford University" its departments.
 */

const FIXTURE = join(projectRoot, 'test', 'fixtures', 'search', 'ranking.json');
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as { source: { id: string }; papers: { byline: string[] }[] };
const fixtureAuthorIds = [...new Set(fixture.papers.flatMap((paper) => paper.byline))].map(authorIdFromName);

let server: InProcessServer;
let driver: Driver;

const removeFixture = () =>
  driver.executeQuery(
    'MATCH (n) WHERE n.id STARTS WITH "rank:" OR n.id = $source OR (n:Author AND n.id IN $authors) DETACH DELETE n',
    { source: fixture.source.id, authors: fixtureAuthorIds },
    { database: testDatabase() },
  );

beforeAll(async () => {
  driver = testDriver();
  await removeFixture();
  await runImport(graphDatabaseOn(driver, testDatabase()), { format: 'json', paths: [FIXTURE] });
  server = inProcessServer();
}, 60_000);
afterAll(async () => {
  await server?.close();
  if (driver) await removeFixture();
  await driver?.close();
});

interface Found {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { cursor: string; node: { id: string; name?: string; title?: string } }[];
}

const fields = (field: string) => `totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id ${field === 'papers' ? 'title' : 'name'} } }`;

async function search(field: 'authors' | 'organizations' | 'papers' | 'topics', text: string, { first = 10, after = null as string | null, scheme = null as string | null } = {}) {
  const args = field === 'topics' ? '$s: String, $first: Int, $after: String, $scheme: String' : '$s: String, $first: Int, $after: String';
  const schemeArg = field === 'topics' ? ', scheme: $scheme' : '';
  const answer = await postGraphQL<Record<string, Found>>(server, `query(${args}) { ${field}(search: $s, first: $first, after: $after${schemeArg}) { ${fields(field)} } }`, {
    s: text, first, after, ...(field === 'topics' ? { scheme } : {}),
  });
  expect(answer.errors).toBeUndefined();
  return answer.data![field]!;
}

const names = (found: Found) => found.edges.map((edge) => edge.node.name ?? edge.node.title);

describe('authors(search:)', () => {
  it('puts the person whose first name is typed whole and surname begun first: "Sergey Lev" finds Sergey Levine', async () => {
    const found = names(await search('authors', 'Sergey Lev'));
    expect(found.slice(0, 2)).toEqual(['Sergey Levine', 'Sergey Levchenko']);
    // Names holding only some of the words follow, however well Lucene scores them.
    expect(found.indexOf('Lev Markhasin')).toBeGreaterThan(1);
    expect(found.indexOf('Shahar Lev')).toBeGreaterThan(1);
  });

  it('breaks a tie within a tier by paper count: the surname begun alone', async () => {
    // Sergey Levine (3 papers) before Sergey Levchenko (1), though "levchenko" sorts first.
    expect(names(await search('authors', 'Lev')).filter((name) => name!.startsWith('Sergey'))).toEqual(['Sergey Levine', 'Sergey Levchenko']);
  });

  it('puts the exact name first, before a more prominent name holding the words', async () => {
    expect(names(await search('authors', 'bo  LI')).slice(0, 2)).toEqual(['Bo Li', 'Bo Lin']);
    expect(names(await search('authors', 'Sergey Levine'))[0]).toBe('Sergey Levine');
  });
});

describe('organizations(search:)', () => {
  it('puts the institution before its departments and joined names, the more prominent of those first', async () => {
    const found = names(await search('organizations', 'Stanford University'));
    expect(found.slice(0, 3)).toEqual(['Stanford University', 'Stanford University+Google', 'Department of CS, Stanford University']);
    expect(names(await search('organizations', 'stanford university'))[0]).toBe('Stanford University');
  });

  it('takes the last word as the start of a word', async () => {
    const found = names(await search('organizations', 'Stanford Med'));
    expect(found[0]).toBe('Stanford Medicine');
  });
});

describe('papers(search:) and topics(search:)', () => {
  it('put the exact title first, then titles holding every word', async () => {
    const found = names(await search('papers', 'attention is all you need'));
    expect(found[0]).toBe('Attention Is All You Need');
    expect(found.slice(1, 4).every((title) => title!.startsWith('Attention Is All You Need in Speech Separation'))).toBe(true);
  });

  it('put the exact topic name first, of the scheme asked for', async () => {
    const found = await search('topics', 'Machine Learning', { scheme: 'rank' });
    expect(names(found)).toEqual(['Machine Learning', 'Adversarial Machine Learning']);
    expect(found.totalCount).toBe(2);
    expect((await search('topics', 'Machine Learning', { scheme: 'no-such-scheme' })).totalCount).toBe(0);
  });
});

describe('paging through ranked results', () => {
  it('gives every hit once, in the order of one long page, and totalCount agrees', async () => {
    for (const [field, text] of [['authors', 'Sergey Lev'], ['organizations', 'Stanford'], ['papers', 'Levine study']] as const) {
      const whole = await search(field, text, { first: 100 });
      expect(whole.totalCount).toBeLessThan(100);
      const walked: string[] = [];
      let after: string | null = null;
      for (;;) {
        const page: Found = await search(field, text, { first: 2, after });
        expect(page.totalCount).toBe(whole.totalCount);
        walked.push(...page.edges.map((edge) => edge.node.id));
        if (!page.pageInfo.hasNextPage) break;
        after = page.pageInfo.endCursor;
      }
      expect(walked).toEqual(whole.edges.map((edge) => edge.node.id));
      expect(new Set(walked).size).toBe(walked.length);
      expect(walked.length).toBe(whole.totalCount);
    }
  });

  it('keeps cursors opaque', async () => {
    const found = await search('authors', 'Sergey Lev', { first: 1 });
    expect(Buffer.from(found.edges[0]!.cursor, 'base64url').toString('utf8')).toMatch(/^k:/);
    expect(found.edges[0]!.node.id).toBe(encodeGlobalID('Author', authorIdFromName('Sergey Levine')));
  });
});

describe('bad input', () => {
  it('answers BAD_USER_INPUT naming the argument, for every field', async () => {
    for (const field of ['authors', 'organizations', 'papers', 'topics']) {
      for (const [args, argument] of [['search: "*** ?"', 'search'], ['search: "Stanford", after: "bm90LWEtY3Vyc29y"', 'after']]) {
        const answer = await postGraphQL(server, `{ ${field}(${args}) { totalCount } }`);
        expect(answer.errors?.map((error) => [error.extensions?.code, error.extensions?.argument])).toEqual([['BAD_USER_INPUT', argument]]);
      }
    }
  });
});
