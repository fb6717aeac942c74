import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { BOOKMARK_HEADER } from '../../src/http/bookmarks.js';
import { errorCodes, graphql, startObservedServer, type ObservedServer } from '../support/hardening.js';
import { testDatabase, testDriver } from '../support/server.js';

/**
 * Two copies of the server on one Neo4j, reached through `neo4j://` (routing sessions, as to a
 * cluster or Aura; Neo4j 5 answers routing on a single server too). Any request may go to either
 * copy: nothing a client does on one is needed in the memory of the other, and a mutation's
 * bookmark, sent back to the other copy, is followed by that copy's reads.
 *
 * On one server every copy sees every committed write anyway; what this shows is the round trip
 * (the header out, the header back in, reaching Neo4j: a bookmark Neo4j cannot read is refused).
 * That a read replica waits for it is Neo4j's part, which needs a cluster.
 */

const TOKEN = 'scale-out-test-token-0123456789abcdef012';
const NAME = 'Scale Out Round Trip';
let driver: Driver;
let copyA: ObservedServer;
let copyB: ObservedServer;

const removeTestAuthors = () =>
  driver.executeQuery("MATCH (a:Author) WHERE a.name STARTS WITH 'Scale Out' DETACH DELETE a", {}, { database: testDatabase() });

beforeAll(async () => {
  driver = testDriver();
  await removeTestAuthors();
  const routing = { NEO4J_URI: inject('neo4j').uri.replace(/^bolt(\+s|\+ssc)?:/, 'neo4j$1:'), API_TOKENS: TOKEN };
  [copyA, copyB] = await Promise.all([startObservedServer(routing), startObservedServer(routing)]);
}, 60_000);

afterAll(async () => {
  await Promise.all([copyA?.close(), copyB?.close()]);
  await removeTestAuthors();
  await driver?.close();
});

const READ = 'query Find($name: String!) { author(name: $name) { name } }';

describe('a bookmark round trip across two copies', () => {
  it("a mutation on copy A answers with its write's bookmark; copy B, sent it, reads the write", async () => {
    const written = await graphql(
      copyA.url,
      'mutation Create($input: AuthorInput!) { upsertAuthor(input: $input) { name } }',
      { input: { name: NAME } },
      { authorization: `Bearer ${TOKEN}` },
    );
    expect(written.body).toEqual({ data: { upsertAuthor: { name: NAME } } });
    const bookmark = written.headers.get(BOOKMARK_HEADER);
    expect(bookmark).toMatch(/^[A-Za-z0-9+/=:_.-]+$/);

    const read = await graphql(copyB.url, READ, { name: NAME }, { [BOOKMARK_HEADER]: bookmark! });
    expect(read.body).toEqual({ data: { author: { name: NAME } } });
    // Reads carry no bookmark back: only writes make new ones.
    expect(read.headers.get(BOOKMARK_HEADER)).toBeNull();
    expect(copyB.requests().find((line) => line.operationName === 'Find')).toMatchObject({ status: 200 });
  });

  it('a query sends no bookmark and gets none', async () => {
    const read = await graphql(copyA.url, READ, { name: 'Baixu Chen' });
    expect(read.body).toEqual({ data: { author: { name: 'Baixu Chen' } } });
    expect(read.headers.get(BOOKMARK_HEADER)).toBeNull();
  });
});

describe('a bookmark header that is not one', () => {
  it.each([
    ['words', 'not a bookmark'],
    ['quotes and semicolons', '"FB:abc";drop'],
    ['an overlong token', `FB:${'A'.repeat(300)}`],
    ['too many', Array.from({ length: 9 }, (_, i) => `FB:a${i}`).join(',')],
    ['an empty entry', 'FB:abc,,FB:def'],
  ])('is refused before anything runs (%s): 400 BAD_USER_INPUT, INVALID_BOOKMARK', async (_what, value) => {
    const answer = await graphql(copyA.url, READ, { name: 'Baixu Chen' }, { [BOOKMARK_HEADER]: value });
    expect(answer.status).toBe(400);
    expect(answer.body.errors!.map((error) => error.extensions)).toEqual([{ code: 'BAD_USER_INPUT', reason: 'INVALID_BOOKMARK' }]);
    expect(answer.body.data).toBeUndefined();
  });

  it.each([
    ['made up', 'FB:abc'],
    ['a real one garbled', 'FB:kcwQuRuqC/+xRMKC0mZsGlzzzzz='],
  ])('that Neo4j cannot read (%s) is refused with the same code', async (_what, value) => {
    const answer = await graphql(copyB.url, READ, { name: 'Baixu Chen' }, { [BOOKMARK_HEADER]: value });
    expect(errorCodes(answer)).toEqual(['BAD_USER_INPUT']);
    expect(answer.body.errors![0]!.extensions).toEqual({ code: 'BAD_USER_INPUT', reason: 'INVALID_BOOKMARK' });
    expect(answer.body.errors![0]!.message).toContain(BOOKMARK_HEADER);
    expect(answer.body.data).toEqual({ author: null });
  });
});

describe('no state in a copy between requests', () => {
  it('pages a list across the two copies, each page from the other copy, as one copy would', async () => {
    const PAGE = `query Page($after: String) { papers(first: 2, after: $after) {
      pageInfo { hasNextPage endCursor } edges { node { title } } } }`;
    type Page = { papers: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: { title: string } }[] } };
    const walk = async (copies: ObservedServer[]) => {
      const titles: string[] = [];
      let after: string | null = null;
      for (let page = 0; page < 10; page++) {
        const answer = await graphql(copies[page % copies.length]!.url, PAGE, { after });
        const { papers } = answer.body.data as Page;
        titles.push(...papers.edges.map((edge) => edge.node.title));
        if (!papers.pageInfo.hasNextPage) break;
        after = papers.pageInfo.endCursor;
      }
      return titles;
    };
    const alternating = await walk([copyA, copyB]);
    expect(alternating.length).toBeGreaterThan(2);
    expect(alternating).toEqual(await walk([copyA]));
  });
});
