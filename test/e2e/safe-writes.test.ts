import { request } from 'node:http';
import { encodeGlobalID } from '@pothos/plugin-relay';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphFingerprint } from '../support/fingerprint.js';
import { errorCodes, graphql, startObservedServer, until, type ObservedServer } from '../support/hardening.js';
import { testDatabase, testDriver } from '../support/server.js';

/**
 * Writes under a time limit, counted like reads, and not started while the server drains
 * (src/db/write.ts, src/http/draining.ts), over real HTTP against the real Neo4j.
 */

const TOKEN = 'safe-writes-test-token-0123456789abcdef';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const INTO = 'author:safe-writes-into';
const FROM = 'author:safe-writes-from';
let driver: Driver;
/** Writes under the default limit. */
let server: ObservedServer;
/** Writes under a 1 s limit; only the test that holds a lock writes through it. */
let strict: ObservedServer;

const run = (query: string, params: Record<string, unknown> = {}) => driver.executeQuery(query, params, { database: testDatabase() });
const removeTestAuthors = () =>
  run(`MATCH (n) WHERE (n:Author AND (n.id STARTS WITH 'author:safe-writes' OR n.name STARTS WITH 'Safe Writes'))
         OR (n:AuthorAlias AND n.nameKey STARTS WITH 'safe writes') DETACH DELETE n`);

beforeAll(async () => {
  driver = testDriver();
  await removeTestAuthors();
  await run('UNWIND $authors AS author CREATE (a:Author) SET a = author', {
    authors: [
      { id: INTO, name: 'Safe Writes Into', nameKey: 'safe writes into' },
      { id: FROM, name: 'Safe Writes From', nameKey: 'safe writes from' },
    ],
  });
  server = await startObservedServer({ API_TOKENS: TOKEN });
  strict = await startObservedServer({ API_TOKENS: TOKEN, NEO4J_WRITE_TIMEOUT_MS: '1000' });
}, 60_000);

afterAll(async () => {
  await server?.close();
  await strict?.close();
  await removeTestAuthors();
  await driver?.close();
});

const MERGE = 'mutation Merge($into: ID!, $from: [ID!]!) { mergeAuthors(into: $into, from: $from) { id name } }';
const mergeVariables = { into: encodeGlobalID('Author', INTO), from: [encodeGlobalID('Author', FROM)] };

async function metric(name: string, of = server): Promise<number> {
  const text = await (await fetch(of.metricsUrl)).text();
  const line = text.split('\n').find((entry) => entry.startsWith(`${name} `));
  return line ? Number(line.split(' ')[1]) : 0;
}

describe('a write over its time limit', () => {
  it('waits on a lock another transaction holds, is stopped with TIMEOUT, and writes nothing', async () => {
    const before = await graphFingerprint(driver, testDatabase());
    // Another writer holds the author the merge must change, and keeps its transaction open.
    const holder = driver.session({ database: testDatabase() });
    const held = await holder.beginTransaction();
    try {
      await held.run('MATCH (a:Author {id: $id}) SET a.lockedByTest = true', { id: INTO });
      const answer = await graphql(strict.url, MERGE, mergeVariables, AUTH);
      expect(errorCodes(answer)).toEqual(['TIMEOUT']);
      expect(answer.body.errors![0]!.message).toMatch(/nothing was written/);
      expect(answer.body.data).toEqual({ mergeAuthors: null });
    } finally {
      await held.rollback();
      await holder.close();
    }
    // The merge's transaction was rolled back: both authors are as they were, and so is the rest.
    expect(await graphFingerprint(driver, testDatabase())).toEqual(before);
    const line = strict.requests().find((entry) => entry.operationName === 'Merge');
    expect(line).toMatchObject({ operationType: 'mutation', errorCodes: ['TIMEOUT'] });
    // It read the two authors and sent the merge before it was stopped.
    expect(line!.cypherStatements).toBe(2);
    expect(await metric('scholar_graph_mutations_total{outcome="TIMEOUT"}', strict)).toBe(1);
  });

  it('lands once the lock is gone', async () => {
    const answer = await graphql(server.url, MERGE, mergeVariables, AUTH);
    expect(answer.body).toEqual({ data: { mergeAuthors: { id: encodeGlobalID('Author', INTO), name: 'Safe Writes Into' } } });
    const { records } = await run('MATCH (a:Author) WHERE a.id IN $ids RETURN a.id AS id', { ids: [INTO, FROM] });
    expect(records.map((record) => record.get('id'))).toEqual([INTO]);
  });
});

describe('statements of writes', () => {
  it('count in the request log and the statements histogram, like reads', async () => {
    const histogramBefore = await metric('scholar_graph_cypher_statements_per_request_sum');
    const okBefore = await metric('scholar_graph_mutations_total{outcome="ok"}');
    const answer = await graphql(
      server.url,
      'mutation Upsert($input: AuthorInput!) { upsertAuthor(input: $input) { name } }',
      { input: { name: 'Safe Writes Counted' } },
      AUTH,
    );
    expect(answer.body).toEqual({ data: { upsertAuthor: { name: 'Safe Writes Counted' } } });
    const line = server.requests().find((entry) => entry.operationName === 'Upsert');
    // Two in the write transaction (resolve the author, write it), one read of the answer.
    expect(line!.cypherStatements).toBe(3);
    expect((await metric('scholar_graph_cypher_statements_per_request_sum')) - histogramBefore).toBe(3);
    expect((await metric('scholar_graph_mutations_total{outcome="ok"}')) - okBefore).toBe(1);
  });
});

/** A POST whose body arrives in two parts, the second only when `finish` is called. */
function slowPost(port: number, body: object, headers: Record<string, string>) {
  const bytes = Buffer.from(JSON.stringify(body));
  const half = Math.floor(bytes.length / 2);
  let finish!: () => void;
  const answer = new Promise<{ status: number; headers: Record<string, unknown>; body: any }>((resolve, reject) => {
    const post = request(
      { host: '127.0.0.1', port, path: '/graphql', method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': bytes.length, ...headers } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: JSON.parse(text) }));
      },
    );
    post.on('error', reject);
    post.write(bytes.subarray(0, half));
    finish = () => post.end(bytes.subarray(half));
  });
  return { answer, finish: () => finish() };
}

describe('while the server drains', () => {
  it('refuses a mutation with SERVICE_UNAVAILABLE and Retry-After, writing nothing, and still answers reads', async () => {
    const draining = await startObservedServer({ API_TOKENS: TOKEN });
    const port = Number(new URL(draining.base).port);
    // Both requests are in flight, their bodies half sent, when the shutdown begins.
    const mutation = slowPost(port, { query: 'mutation { upsertAuthor(input: {name: "Safe Writes Drained"}) { id } }' }, AUTH);
    const read = slowPost(port, { query: '{ author(name: "Baixu Chen") { name } }' }, {});
    // Both taken in by the server (in flight: those two; the scrape goes to the metrics port).
    await until(async () => (await metric('scholar_graph_http_requests_in_flight', draining)) === 2, 10_000, 'both requests to arrive');
    const closing = draining.close(); // sets the server draining at once
    mutation.finish();
    read.finish();
    const [refused, served] = await Promise.all([mutation.answer, read.answer]);
    await closing;

    expect(refused.status).toBe(503);
    expect(refused.headers['retry-after']).toBe('1');
    expect(refused.body.errors.map((error: { extensions: unknown }) => error.extensions)).toEqual([{ code: 'SERVICE_UNAVAILABLE', reason: 'DRAINING' }]);
    expect(served).toMatchObject({ status: 200, body: { data: { author: { name: 'Baixu Chen' } } } });
    const { records } = await run('MATCH (a:Author {nameKey: $key}) RETURN count(a) AS n', { key: 'safe writes drained' });
    expect(records[0]!.get('n')).toBe(0);
    expect(draining.requests().find((entry) => entry.operationType === 'mutation')).toMatchObject({ status: 503, cypherStatements: 0, errorCodes: ['SERVICE_UNAVAILABLE'] });
  });
});
