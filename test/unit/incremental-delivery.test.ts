import { parse } from 'graphql';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { usesIncrementalDelivery } from '../../src/http/incremental-delivery.js';
import type { Repositories } from '../../src/repositories/index.js';
import { createYogaServer } from '../../src/yoga.js';

describe('usesIncrementalDelivery', () => {
  it('finds @defer and @stream anywhere in a document, and nothing else', () => {
    expect(usesIncrementalDelivery(parse('{ author(name: "a") { name ...F } } fragment F on Author { ... @defer { metrics { paperCount } } }'))).toBe(true);
    expect(usesIncrementalDelivery(parse('{ author(name: "a") { egoNetwork { nodes @stream { id } } } }'))).toBe(true);
    expect(usesIncrementalDelivery(parse('{ author(name: "a") { name @include(if: true) } }'))).toBe(false);
  });
});

describe('@defer in-process', () => {
  it('answers in two parts, not compiled whole by graphql-jit', async () => {
    // Nothing in this query reaches a repository: any member the loaders take fails if called.
    const unreachable: Repositories = new Proxy(() => Promise.reject(new Error('no repository here')), { get: () => unreachable }) as never;
    const yoga = createYogaServer({ repositories: () => unreachable, logger: pino({ level: 'silent' }) });
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'multipart/mixed' },
      body: JSON.stringify({ query: '{ __typename ... @defer(label: "later") { later: __typename } }' }),
    });
    const parts = (await response.text())
      .split('\r\n---')
      .filter((part) => part.includes('\r\n\r\n'))
      .map((part) => JSON.parse(part.slice(part.indexOf('\r\n\r\n') + 4)));
    expect(parts).toEqual([
      { data: { __typename: 'Query' }, hasNext: true },
      { incremental: [{ data: { later: 'Query' }, path: [], label: 'later' }], hasNext: false },
    ]);
  });
});
