import { setTimeout as sleep } from 'node:timers/promises';
import { GraphQLError } from 'graphql';
import { Neo4jError } from 'neo4j-driver';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { ReadBreaker } from '../../src/db/breaker.js';
import { DatabaseAwayError, ReadTimeoutError } from '../../src/db/failures.js';
import { logLevelOf, maskError } from '../../src/errors.js';
import type { Repositories } from '../../src/repositories/index.js';
import { createYogaServer } from '../../src/yoga.js';

/** What clients see of failures: a code for each, no server detail in any. */

const newError = (message: string, code = 'N/A') => new Neo4jError(message, code, '50N42', 'error: general processing exception');

/** Repositories whose every call fails with `error`. */
function failingRepositories(error: Error): Repositories {
  const member = (): unknown =>
    new Proxy(function () {}, {
      get: (_target, property) => (property === 'then' ? undefined : member()),
      apply: () => Promise.reject(error),
    });
  return member() as Repositories;
}

async function ask(error: Error) {
  const yoga = createYogaServer({ repositories: () => failingRepositories(error), logger: pino({ level: 'silent' }) });
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ author(name: "Baixu Chen") { name } }' }),
  });
  return { status: response.status, text: await response.clone().text(), body: (await response.json()) as { errors: { message: string; path?: string[]; extensions: { code: string } }[] } };
}

const SECRET = 'bolt://10.1.2.3:7687 MATCH (a:Author {id: $id}) RETURN a';

describe('database failures reach clients as codes', () => {
  it.each([
    ['Neo4j unreachable', newError(`Failed to connect to server ${SECRET}`, 'ServiceUnavailable'), 'SERVICE_UNAVAILABLE'],
    ['a connection lost mid-read', newError(`Connection lost ${SECRET}`, 'SessionExpired'), 'SERVICE_UNAVAILABLE'],
    ['the database starting', newError(SECRET, 'Neo.TransientError.General.DatabaseUnavailable'), 'SERVICE_UNAVAILABLE'],
    ['refused by the breaker', new DatabaseAwayError(1_500), 'SERVICE_UNAVAILABLE'],
    ['Neo4j stopping a read at its timeout', newError(SECRET, 'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'), 'TIMEOUT'],
    ['the client stopping a read at its timeout', new ReadTimeoutError(5_000), 'TIMEOUT'],
    ['no pooled connection in time', newError('Connection acquisition timed out in 5000 ms. Pool status: Active conn count = 50, Idle conn count = 0.'), 'TIMEOUT'],
    ['a Cypher error', newError(`Invalid input ${SECRET}`, 'Neo.ClientError.Statement.SyntaxError'), 'INTERNAL_SERVER_ERROR'],
    ['a bug', new TypeError(`Cannot read properties of undefined (${SECRET})`), 'INTERNAL_SERVER_ERROR'],
  ])('%s', async (_name, error, code) => {
    const { status, text, body } = await ask(error);
    expect(status).toBe(200);
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]!.extensions).toEqual({ code });
    expect(body.errors[0]!.path).toEqual(['author']);
    for (const leak of ['10.1.2.3', 'bolt', 'MATCH', 'Neo4j', 'Neo.', 'stack', 'Pool status']) expect(text).not.toContain(leak);
  });

  it('gives a request error without a code one from its HTTP status, in place', () => {
    const forbidden = new GraphQLError('Required CSRF header(s) not present', { extensions: { http: { status: 403 } } });
    expect(maskError(forbidden, 'Unexpected error.', false)).toBe(forbidden);
    expect(forbidden.extensions.code).toBe('FORBIDDEN');
    const coercion = new GraphQLError('Variable "$n" got invalid value "x"');
    expect((maskError(coercion, 'Unexpected error.', false) as GraphQLError).extensions.code).toBe('BAD_USER_INPUT');
  });

  it('logs client mistakes at debug, database trouble as a warning, bugs as errors', () => {
    expect(logLevelOf(new DatabaseAwayError(10))).toBe('debug');
    expect(logLevelOf(newError('x', 'ServiceUnavailable'))).toBe('warn');
    expect(logLevelOf(new ReadTimeoutError(10))).toBe('warn');
    expect(logLevelOf(new TypeError('x'))).toBe('error');
  });
});

describe('read breaker', () => {
  const unavailable = () => Promise.reject(newError('connect ECONNREFUSED', 'ServiceUnavailable'));

  it('refuses reads at once after Neo4j was found away, tries one at a time, and lets all through once one succeeds', async () => {
    const changes: boolean[] = [];
    const breaker = new ReadBreaker(50);
    breaker.onChange = (away) => changes.push(away);
    expect(await breaker.run(async () => 1)).toBe(1);

    await expect(breaker.run(unavailable)).rejects.toThrow(/ECONNREFUSED/);
    expect(breaker.away).toBe(true);
    let calls = 0;
    const counted = async () => (calls++, 2);
    await expect(breaker.run(counted)).rejects.toBeInstanceOf(DatabaseAwayError);
    expect(calls).toBe(0);

    await sleep(60);
    let release!: () => void;
    const trial = breaker.run(() => new Promise<number>((resolve) => (release = () => resolve(3))));
    // Only one trial at a time.
    await expect(breaker.run(counted)).rejects.toBeInstanceOf(DatabaseAwayError);
    release();
    expect(await trial).toBe(3);
    expect(breaker.away).toBe(false);
    expect(await breaker.run(counted)).toBe(2);
    expect(changes).toEqual([true, false]);
  });

  it('is not tripped by timeouts or other errors', async () => {
    const breaker = new ReadBreaker(50);
    await expect(breaker.run(() => Promise.reject(new ReadTimeoutError(10)))).rejects.toBeInstanceOf(ReadTimeoutError);
    await expect(breaker.run(() => Promise.reject(newError('bad', 'Neo.ClientError.Statement.SyntaxError')))).rejects.toThrow('bad');
    expect(breaker.away).toBe(false);
  });
});
