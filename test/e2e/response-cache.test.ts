import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { CSRF_HEADER } from '../../src/yoga.js';
import { graphql, startObservedServer, type Answer, type ObservedServer } from '../support/hardening.js';
import { startTestRedis, type TestRedis } from '../support/redis.js';
import { testDatabase, testDriver } from '../support/server.js';

/**
 * The response cache over real HTTP, in memory and in a real Redis: a repeated read is answered
 * without a Cypher statement, an ETag comes back as 304, and a write (a mutation of this server,
 * of another server sharing Redis, or an import in another process) is seen by the next reads.
 */

const TOKEN = 'response-cache-test-token-0123456789abcdef';
/** Every name this file writes starts with this, so that cleaning up finds them all. */
const PREFIX = 'Cachetest';

let driver: Driver;
beforeAll(() => {
  driver = testDriver();
});
afterAll(async () => {
  await driver.executeQuery(
    `MATCH (n) WHERE (n:Author AND n.name STARTS WITH $prefix) OR (n:AuthorAlias AND n.nameKey STARTS WITH toLower($prefix))
        OR n.id STARTS WITH 'paper:cachetest-' OR n.id = 'source:cachetest'
     DETACH DELETE n`,
    { prefix: PREFIX },
    { database: testDatabase() },
  );
  await driver.close();
});

const AUTHOR_BY_NAME = 'query CachedAuthor($name: String!) { author(name: $name) { id name papers { totalCount } } }';

/** The request's own log line (src/http/observability.ts), found by the id it answered with. */
function logOf(server: ObservedServer, answer: { headers: Headers }) {
  const id = answer.headers.get('x-request-id');
  const line = server.requests().find((entry) => entry.reqId === id);
  if (!line) throw new Error(`no log line for request ${id}`);
  return line as unknown as { cypherStatements: number; responseCache?: string; status: number };
}

async function get(server: ObservedServer, query: string, variables: Record<string, unknown>, headers: Record<string, string> = {}) {
  const url = new URL(server.url);
  url.searchParams.set('query', query);
  url.searchParams.set('variables', JSON.stringify(variables));
  const response = await fetch(url, { headers: { [CSRF_HEADER]: '1', accept: 'application/graphql-response+json', ...headers } });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

const write = (server: ObservedServer, query: string, variables: Record<string, unknown>) =>
  graphql(server.url, query, variables, { authorization: `Bearer ${TOKEN}` });

async function upsertAuthor(server: ObservedServer, name: string): Promise<string> {
  const answer = await write(server, 'mutation Add($name: String!) { upsertAuthor(input: {name: $name}) { id } }', { name });
  expect(answer.body.errors).toBeUndefined();
  return answer.body.data.upsertAuthor.id as string;
}

/** Reads until the answer passes `check` (a write another process made shows within the poll interval). */
async function readUntil(read: () => Promise<Answer>, check: (answer: Answer) => boolean): Promise<Answer> {
  let answer = await read();
  for (let attempt = 0; attempt < 100 && !check(answer); attempt++) {
    await sleep(50);
    answer = await read();
  }
  return answer;
}

describe.each(['memory', 'redis'] as const)('the response cache in %s', (mode) => {
  let redis: TestRedis | undefined;
  let server: ObservedServer;
  const env = () => ({
    LOG_LEVEL: 'info',
    API_TOKENS: TOKEN,
    RESPONSE_CACHE_TTL_MS: '60000',
    // Short, so that other processes' writes show quickly in these tests (production: 1 s).
    RESPONSE_CACHE_POLL_MS: '100',
    // Not about time limits: a loaded machine must not turn a read into a TIMEOUT here.
    NEO4J_READ_TIMEOUT_MS: '30000',
    ...(redis ? { REDIS_URL: redis.url } : {}),
  });
  const name = (what: string) => `${PREFIX} ${mode} ${what}`;

  beforeAll(async () => {
    if (mode === 'redis') redis = await startTestRedis();
    server = await startObservedServer(env());
  });
  afterAll(async () => {
    await server?.close();
    await redis?.stop();
  });

  it('answers a repeated read from the cache, with no Cypher statement', async () => {
    const variables = { name: 'Baixu Chen' };
    const first = await graphql(server.url, AUTHOR_BY_NAME, variables);
    const second = await graphql(server.url, AUTHOR_BY_NAME, variables);
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.author.name).toBe('Baixu Chen');
    expect(second.text).toBe(first.text);
    expect(logOf(server, first)).toMatchObject({ responseCache: 'miss' });
    expect(logOf(server, first).cypherStatements).toBeGreaterThan(0);
    expect(logOf(server, second)).toMatchObject({ responseCache: 'hit', cypherStatements: 0 });

    // Variables in another key order are the same request.
    const reordered = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ variables: { name: 'Baixu Chen' }, query: AUTHOR_BY_NAME }),
    });
    await reordered.text();
    expect(logOf(server, reordered)).toMatchObject({ responseCache: 'hit', cypherStatements: 0 });

    const metrics = await (await fetch(server.metricsUrl)).text();
    expect(metrics).toMatch(/^scholar_graph_response_cache_requests_total\{result="hit"\} [1-9]/m);
    expect(metrics).toMatch(/^scholar_graph_response_cache_requests_total\{result="miss"\} [1-9]/m);
  });

  it('gives GET reads an ETag and Cache-Control, and answers a current ETag with 304', async () => {
    const variables = { name: 'Junguang Jiang' };
    const first = await get(server, AUTHOR_BY_NAME, variables);
    expect(first.status).toBe(200);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^"[0-9a-f]{16}\.[0-9a-f]{64}"$/);
    expect(first.headers.get('cache-control')).toBe('public, max-age=0, must-revalidate');
    expect(first.headers.get('last-modified')).toBeTruthy();

    const again = await get(server, AUTHOR_BY_NAME, variables, { 'if-none-match': etag! });
    expect(again.status).toBe(304);
    expect(again.text).toBe('');
    expect(again.headers.get('etag')).toBe(etag);
    expect(logOf(server, again)).toMatchObject({ responseCache: 'not_modified', cypherStatements: 0 });

    // An ETag the server never gave is answered in full.
    const unknown = await get(server, AUTHOR_BY_NAME, variables, { 'if-none-match': '"0000000000000000.00"' });
    expect(unknown.status).toBe(200);
    expect(unknown.text).toBe(first.text);

    // POST responses are not for HTTP caches.
    const posted = await graphql(server.url, AUTHOR_BY_NAME, variables);
    expect(posted.headers.get('cache-control')).toBe('no-store');
  });

  it('steps aside for a read that carries a bookmark: this copy may not have seen that write yet', async () => {
    const variables = { name: 'Baixu Chen' };
    const added = await write(server, 'mutation Add($name: String!) { upsertAuthor(input: {name: $name}) { id } }', { name: name('bookmarked') });
    const bookmark = added.headers.get('x-neo4j-bookmark');
    expect(bookmark).toBeTruthy();
    await graphql(server.url, AUTHOR_BY_NAME, variables);
    expect(logOf(server, await graphql(server.url, AUTHOR_BY_NAME, variables))).toMatchObject({ responseCache: 'hit', cypherStatements: 0 });
    const bookmarked = await graphql(server.url, AUTHOR_BY_NAME, variables, { 'x-neo4j-bookmark': bookmark! });
    expect(bookmarked.body.data.author.name).toBe('Baixu Chen');
    expect(logOf(server, bookmarked).responseCache).toBe('bypass');
    expect(logOf(server, bookmarked).cypherStatements).toBeGreaterThan(0);
  });

  it('does not cache a response with errors', async () => {
    const query = 'query TooMany { authors(search: "chen", first: 1000) { totalCount } }';
    const first = await get(server, query, {});
    const second = await get(server, query, {});
    expect(JSON.parse(second.text).errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(logOf(server, first).responseCache).toBe('miss');
    expect(logOf(server, second).responseCache).toBe('miss');
    expect(second.headers.get('cache-control')).toBe('no-store');
    expect(second.headers.get('etag')).toBeNull();
  });

  it('never caches a mutation, and the next read sees what it wrote', async () => {
    const added = name('Upserted');
    const before = await graphql(server.url, AUTHOR_BY_NAME, { name: added });
    const cached = await graphql(server.url, AUTHOR_BY_NAME, { name: added });
    expect(before.body.data.author).toBeNull();
    expect(logOf(server, cached).responseCache).toBe('hit');

    const upsert = (n: string) => write(server, 'mutation Add($name: String!) { upsertAuthor(input: {name: $name}) { id name } }', { name: n });
    const created = await upsert(added);
    const repeated = await upsert(added);
    expect(created.body.data.upsertAuthor.name).toBe(added);
    expect(logOf(server, repeated).responseCache).toBeUndefined();
    expect(logOf(server, repeated).cypherStatements).toBeGreaterThan(0);
    expect(repeated.headers.get('cache-control')).toBe('no-store');

    const after = await graphql(server.url, AUTHOR_BY_NAME, { name: added });
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data.author).toMatchObject({ id: created.body.data.upsertAuthor.id, name: added });
    expect(logOf(server, after).responseCache).toBe('miss');
  });

  it('forgets a merged-away author once the merge is done', async () => {
    const into = await upsertAuthor(server, name('Merge Keeper'));
    const from = await upsertAuthor(server, name('Merge Leaver'));
    const NODES = 'query Both($ids: [ID!]!) { nodes(ids: $ids) { ... on Author { id name } } }';
    const ids = { ids: [into, from] };
    await graphql(server.url, NODES, ids);
    const cached = await graphql(server.url, NODES, ids);
    expect(cached.body.data.nodes.map((node: { id: string } | null) => node?.id)).toEqual([into, from]);
    expect(logOf(server, cached).responseCache).toBe('hit');

    const merged = await write(server, 'mutation Merge($into: ID!, $from: [ID!]!) { mergeAuthors(into: $into, from: $from) { id } }', { into, from: [from] });
    expect(merged.body.errors).toBeUndefined();
    const after = await graphql(server.url, NODES, ids);
    expect(after.body.data.nodes).toEqual([{ id: into, name: name('Merge Keeper') }, null]);
  });

  if (mode === 'memory') {
    it('sees an import that `npm run import` made in another process', async () => {
      const imported = name('Imported');
      const read = () => graphql(server.url, AUTHOR_BY_NAME, { name: imported });
      expect((await read()).body.data.author).toBeNull();
      const cached = await read();
      expect(logOf(server, cached).responseCache).toBe('hit');

      const dir = mkdtempSync(join(tmpdir(), 'cachetest-import-'));
      try {
        const file = join(dir, 'document.json');
        writeFileSync(
          file,
          JSON.stringify({
            source: { id: 'source:cachetest', kind: 'test', name: 'response cache test' },
            papers: [{ id: 'paper:cachetest-1', title: 'Caching a collaboration graph', publishedOn: '2024-05-01', byline: [imported], authorListComplete: true }],
          }),
        );
        const neo4j = inject('neo4j');
        const exitCode = await new Promise<number | null>((resolve, reject) => {
          const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/import.ts', 'json', file, '--no-progress', '--report', join(dir, 'rejected.jsonl')], {
            cwd: projectRoot,
            env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database },
            stdio: 'ignore',
          });
          child.once('error', reject);
          child.once('exit', resolve);
        });
        expect(exitCode).toBe(0);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }

      const after = await readUntil(read, (answer) => answer.body.data?.author !== null);
      expect(after.body.data.author).toMatchObject({ name: imported, papers: { totalCount: 1 } });
      expect(logOf(server, after).responseCache).toBe('miss');
    });
  }

  if (mode === 'redis') {
    it('is shared by servers on one Redis, and one server’s write reaches the other’s readers', async () => {
      const other = await startObservedServer(env());
      try {
        const shared = { name: 'Aishwarya Bandaru' };
        await graphql(server.url, AUTHOR_BY_NAME, shared);
        const fromOther = await graphql(other.url, AUTHOR_BY_NAME, shared);
        expect(logOf(other, fromOther)).toMatchObject({ responseCache: 'hit', cypherStatements: 0 });

        const added = name('Written Elsewhere');
        const read = () => graphql(other.url, AUTHOR_BY_NAME, { name: added });
        await read();
        expect(logOf(other, await read()).responseCache).toBe('hit');
        await upsertAuthor(server, added);
        const after = await readUntil(read, (answer) => answer.body.data?.author !== null);
        expect(after.body.data.author).toMatchObject({ name: added });
      } finally {
        await other.close();
      }
    });

    it('serves reads uncached while Redis is away', async () => {
      await redis!.stop();
      const answer = await graphql(server.url, AUTHOR_BY_NAME, { name: 'Baixu Chen' });
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.author.name).toBe('Baixu Chen');
      expect(logOf(server, answer).responseCache).toBe('bypass');
      expect(logOf(server, answer).cypherStatements).toBeGreaterThan(0);
      redis = undefined;
    });
  }
});
