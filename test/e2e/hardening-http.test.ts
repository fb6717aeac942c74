import { connect } from 'node:net';
import { serverAudits } from 'graphql-http';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CSRF_HEADER } from '../../src/yoga.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { errorCodes, graphql, startObservedServer, type ObservedServer } from '../support/hardening.js';
import { testDatabase, testDriver } from '../support/server.js';

/**
 * The HTTP surface: what the server refuses before GraphQL runs (batches, large bodies, simple
 * cross-site requests, mutations over GET), the production profile, probes, metrics and logs,
 * and the GraphQL-over-HTTP audit of the graphql-http package.
 */

let server: ObservedServer;
let production: ObservedServer;
let driver: Driver;

beforeAll(async () => {
  driver = testDriver();
  [server, production] = await Promise.all([startObservedServer(), startObservedServer({ PROFILE: 'production' })]);
}, 60_000);
afterAll(async () => {
  await Promise.all([server?.close(), production?.close()]);
  await driver?.close();
});

const json = { 'content-type': 'application/json', accept: 'application/graphql-response+json' };
const lastRequest = (observed: ObservedServer) => observed.requests().at(-1)!;

describe('refused before GraphQL runs', () => {
  it('refuses batched operations', async () => {
    const response = await fetch(server.url, {
      method: 'POST',
      headers: json,
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ author(name: "Baixu Chen") { name } }' }]),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toEqual(['BAD_REQUEST']);
    expect(lastRequest(server).cypherStatements).toBe(0);
  });

  it('refuses a body over 1 MB, whether it declares its length or streams it', async () => {
    const body = JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(1_100_000) } });
    const declared = await fetch(server.url, { method: 'POST', headers: json, body });
    expect(declared.status).toBe(413);
    expect(((await declared.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('REQUEST_ENTITY_TOO_LARGE');

    const bytes = new TextEncoder().encode(body);
    const streamed = await fetch(server.url, {
      method: 'POST',
      headers: json,
      body: new ReadableStream({
        start(controller) {
          for (let offset = 0; offset < bytes.length; offset += 64 * 1024) controller.enqueue(bytes.slice(offset, offset + 64 * 1024));
          controller.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // Just under the limit is served.
    const fits = await fetch(server.url, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ query: '{ __typename }', variables: { padding: 'x'.repeat(900_000) } }),
    });
    expect(fits.status).toBe(200);
  });

  it('refuses requests a browser sends cross-site without a preflight: GET or a simple POST without the CSRF header', async () => {
    const query = encodeURIComponent('{ author(name: "Baixu Chen") { name } }');
    const get = await fetch(`${server.url}?query=${query}`);
    expect(get.status).toBe(403);
    expect(((await get.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('FORBIDDEN');
    for (const contentType of ['text/plain', 'application/x-www-form-urlencoded']) {
      const post = await fetch(server.url, {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: contentType === 'text/plain' ? JSON.stringify({ query: '{ __typename }' }) : `query=${query}`,
      });
      expect(post.status).toBe(403);
    }
    const withHeader = await fetch(`${server.url}?query=${query}`, { headers: { [CSRF_HEADER]: '1' } });
    expect(withHeader.status).toBe(200);
    expect(((await withHeader.json()) as { data: { author: { name: string } } }).data.author.name).toBe('Baixu Chen');
  });

  it('refuses a mutation over GET, even with the CSRF header, and writes nothing', async () => {
    const before = await graphFingerprint(driver, testDatabase());
    const mutation = encodeURIComponent('mutation Forge { upsertAuthor(input: { name: "Mallory Over Get" }) { id } }');
    const response = await fetch(`${server.url}?query=${mutation}`, { headers: { [CSRF_HEADER]: '1' } });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
    expect(((await response.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('BAD_REQUEST');
    expect(await graphFingerprint(driver, testDatabase())).toEqual(before);
  });
});

describe('slow clients', () => {
  /** Sends `head` on a raw connection, then nothing; resolves with what the server says, and when. */
  function stall(port: number, head: string): Promise<{ reply: string; ms: number }> {
    return new Promise((resolve, reject) => {
      const started = performance.now();
      let reply = '';
      const socket = connect(port, '127.0.0.1', () => socket.write(head));
      socket.setEncoding('utf8');
      socket.on('data', (chunk: string) => (reply += chunk));
      socket.on('close', () => resolve({ reply, ms: performance.now() - started }));
      socket.on('error', reject);
    });
  }

  it('lose their connection when headers or body stop arriving (408)', async () => {
    const strict = await startObservedServer({ HTTP_HEADERS_TIMEOUT_MS: '500', HTTP_REQUEST_TIMEOUT_MS: '1000' });
    try {
      const port = Number(new URL(strict.url).port);
      const headers = await stall(port, 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n');
      // The 408 shows which limit ended it; the bounds, that it was these (0.5 s, 1 s) and not
      // Node's defaults (60 s, 300 s), with room for a loaded machine.
      expect(headers.reply).toMatch(/^HTTP\/1\.1 408/);
      expect(headers.ms).toBeLessThan(10_000);
      const body = await stall(port, 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"query":');
      expect(body.reply).toMatch(/^HTTP\/1\.1 408/);
      expect(body.ms).toBeLessThan(10_000);
      // The server itself is fine.
      expect((await graphql(strict.url, '{ __typename }')).body.data).toEqual({ __typename: 'Query' });
    } finally {
      await strict.close();
    }
  });
});

describe('production profile', () => {
  it('answers no introspection, in any spelling', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __type(name: "Author") { fields { name } } }', 'query { a: __schema { queryType { name } } }']) {
      const answer = await graphql(production.url, query);
      expect(answer.status).toBe(400);
      expect(answer.body.data).toBeUndefined();
      expect(answer.text).toMatch(/introspection has been disabled/);
    }
    // __typename is not introspection: clients need it for unions and interfaces.
    expect((await graphql(production.url, '{ __typename }')).body.data).toEqual({ __typename: 'Query' });
    // The development profile does answer it.
    expect((await graphql(server.url, '{ __schema { queryType { name } } }')).body.data.__schema.queryType.name).toBe('Query');
  });

  it('serves no GraphiQL page', async () => {
    const page = await fetch(production.url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type') ?? '').not.toMatch(/html/);
    expect(await page.text()).not.toMatch(/graphiql/i);
    const development = await fetch(server.url, { headers: { accept: 'text/html' } });
    expect(development.headers.get('content-type')).toMatch(/text\/html/);
    expect(await development.text()).toMatch(/graphiql/i);
  });

  it('gives no field suggestions', async () => {
    const answer = await graphql(production.url, '{ autor(name: "Baixu Chen") { name } }');
    expect(errorCodes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
    expect(answer.text).not.toMatch(/Did you mean/);
    const development = await graphql(server.url, '{ autor(name: "Baixu Chen") { name } }');
    expect(development.body.errors![0]!.message).toMatch(/Did you mean "author"/);
  });
});

describe('probes, metrics and logs', () => {
  it('answers /health and /ready', async () => {
    expect((await fetch(`${server.base}/health`)).status).toBe(200);
    expect((await fetch(`${server.base}/ready`)).status).toBe(200);
  });

  it('logs one JSON line per request: id, operation, status, duration, Cypher statements, error codes', async () => {
    const answer = await graphql(server.url, 'query Headline { author(name: "Baixu Chen") { name papers { totalCount } } }', {}, { 'x-request-id': 'trace-42' });
    expect(answer.headers.get('x-request-id')).toBe('trace-42');
    expect(lastRequest(server)).toMatchObject({
      level: 30,
      reqId: 'trace-42',
      method: 'POST',
      path: '/graphql',
      status: 200,
      operationName: 'Headline',
      operationType: 'query',
      // the name lookup, the author, the page of papers (which brings the papers), the count
      cypherStatements: 4,
    });
    expect(lastRequest(server).durationMs).toBeGreaterThan(0);

    // A request id that is long or not plain is replaced by a fresh one.
    for (const id of ['x'.repeat(65), '{"level":60} forged']) {
      const forged = await graphql(server.url, '{ __typename }', {}, { 'x-request-id': id });
      expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    }
    await graphql(server.url, '{ author(id: "not-an-id") { name } }');
    expect(lastRequest(server)).toMatchObject({ status: 200, errorCodes: ['BAD_USER_INPUT'] });
  });

  it('exposes Prometheus metrics on their own loopback port, not on the API port', async () => {
    await graphql(server.url, '{ author(name: "Baixu Chen") { name } }');
    expect(new URL(server.metricsUrl).hostname).toBe('127.0.0.1');
    expect(new URL(server.metricsUrl).port).not.toBe(new URL(server.url).port);
    expect((await fetch(`${server.base}/metrics`)).status).toBe(404);
    expect((await fetch(new URL('/other', server.metricsUrl))).status).toBe(404);
    const response = await fetch(server.metricsUrl);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await response.text();
    expect(text).toMatch(/^scholar_graph_http_requests_total\{route="graphql",status="200"\} \d+$/m);
    expect(text).toMatch(/^scholar_graph_graphql_errors_total\{code="BAD_USER_INPUT"\} \d+$/m);
    expect(text).toMatch(/^scholar_graph_cypher_statements_per_request_count \d+$/m);
    expect(text).toMatch(/^scholar_graph_neo4j_up 1$/m);
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
  });

  it('serves /metrics on the API port only to a caller with the metrics token', async () => {
    const token = 'metrics-token-'.padEnd(40, 'x');
    const guarded = await startObservedServer({ METRICS_TOKEN: token });
    try {
      const refused = await fetch(`${guarded.base}/metrics`);
      expect(refused.status).toBe(401);
      expect(refused.headers.get('www-authenticate')).toMatch(/^Bearer/);
      expect((await fetch(`${guarded.base}/metrics`, { headers: { authorization: 'Bearer wrong-token' } })).status).toBe(401);
      const scraped = await fetch(`${guarded.base}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(scraped.status).toBe(200);
      expect(await scraped.text()).toMatch(/^scholar_graph_http_requests_total\{route="metrics",status="401"\} 2$/m);
    } finally {
      await guarded.close();
    }
  });
});

describe('GraphQL over HTTP', () => {
  it('passes every MUST audit of graphql-http in the default profile', async () => {
    const results = await Promise.all(serverAudits({ url: server.url }).map((audit) => audit.fn()));
    const must = results.filter((result) => result.name.startsWith('MUST'));
    expect(must.length).toBeGreaterThan(10);
    expect(must.filter((result) => result.status !== 'ok').map((result) => `${result.name}: ${'reason' in result ? result.reason : ''}`)).toEqual([]);
  });
});
