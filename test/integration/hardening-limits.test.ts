import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCodes, graphql, type Answer } from '../support/hardening.js';
import { inProcessServer, type InProcessServer } from '../support/server.js';

/**
 * Query limits, sent in-process (yoga.fetch) against the suite's Neo4j: each abusive query is
 * refused with a coded error before anything runs, which the request's log line shows (0 Cypher
 * statements), and queries just inside the limits still work.
 */

let server: InProcessServer;

beforeAll(async () => {
  server = inProcessServer();
}, 60_000);
afterAll(() => server?.close());

/** Sends a query and returns the answer with the Cypher statements its request sent. */
async function ask(query: string, variables: Record<string, unknown> = {}) {
  const before = server.requests().length;
  const answer = await graphql(server, query, variables);
  const line = server.requests()[before];
  expect(line, 'one log line per request').toBeDefined();
  return { ...answer, statements: line!.cypherStatements as number };
}

function expectRefused(answer: Answer & { statements: number }, code: string, message?: RegExp) {
  expect(answer.status).toBe(400);
  expect(answer.body.data).toBeUndefined();
  expect(errorCodes(answer)).toContain(code);
  if (message) expect(answer.body.errors!.map((error) => error.message).join('\n')).toMatch(message);
  expect(answer.statements).toBe(0);
}

const CENTRE = 'author(name: "Baixu Chen")';

/** `levels` coauthor hops, written out or as a chain of fragments. */
function coauthorNesting(levels: number, through: 'fields' | 'fragments'): string {
  if (through === 'fields') {
    let selection = 'name';
    for (let i = 0; i < levels; i++) selection = `coauthors(first: 2) { edges { node { name ${selection} } } }`;
    return `query Deep { ${CENTRE} { ${selection} } }`;
  }
  const fragments = Array.from(
    { length: levels },
    (_, i) => `fragment Level${i} on Author { name coauthors(first: 2) { edges { node { ...Level${i + 1} } } } }`,
  );
  return `query DeepFragments { ${CENTRE} { ...Level0 } } ${fragments.join('\n')} fragment Level${levels} on Author { name }`;
}

describe('depth', () => {
  it('refuses coauthors nested 50 deep, written out and through fragments', async () => {
    expectRefused(await ask(coauthorNesting(50, 'fields')), 'QUERY_TOO_COMPLEX', /depth limit of 10 exceeded/);
    expectRefused(await ask(coauthorNesting(50, 'fragments')), 'QUERY_TOO_COMPLEX', /depth limit of 10 exceeded/);
  });

  it('serves coauthors of coauthors with their affiliations (depth 10), fragments adding no depth', async () => {
    const query = `query Near { ${CENTRE} { ...Hop } }
      fragment Hop on Author { coauthors(first: 3) { edges { node { ...Next } } } }
      fragment Next on Author { coauthors(first: 3) { edges { node { ...Leaf } } } }
      fragment Leaf on Author { name affiliations { organization { name } } }`;
    const answer = await ask(query);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.author.coauthors.edges.length).toBeGreaterThan(0);
    expect(answer.statements).toBeGreaterThan(0);
  });
});

describe('aliases', () => {
  const aliased = (count: number) =>
    `{ ${Array.from({ length: count }, (_, i) => `a${i}: ${CENTRE} { name }`).join(' ')} }`;

  it('serves 15 aliases and refuses 16', async () => {
    const fifteen = await ask(aliased(15));
    expect(fifteen.body.errors).toBeUndefined();
    expect(Object.keys(fifteen.body.data)).toHaveLength(15);
    expectRefused(await ask(aliased(16)), 'QUERY_TOO_COMPLEX', /Aliases limit of 15 exceeded, found 16/);
  });

  it('refuses 1000 aliases (past the token limit too) and 1000 cheap ones', async () => {
    expectRefused(await ask(aliased(1000)), 'QUERY_TOO_COMPLEX');
    expectRefused(await ask(`{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: __typename`).join(' ')} }`), 'QUERY_TOO_COMPLEX');
  });
});

describe('page size', () => {
  const coauthorsFirst = (first: string) => `{ ${CENTRE} { coauthors(first: ${first}) { totalCount } } }`;
  const withVariable = `query Page($first: Int) { ${CENTRE} { coauthors(first: $first) { totalCount } } }`;

  it.each([['1000000000'], ['-1'], ['0'], ['101']])('refuses first: %s before reading the author', async (first) => {
    expectRefused(await ask(coauthorsFirst(first)), 'BAD_USER_INPUT', /`first` must be between 1 and 100/);
    expectRefused(await ask(withVariable, { first: Number(first) }), 'BAD_USER_INPUT');
  });

  it('refuses first: 2^31, which is no GraphQL Int, as a literal and as a variable', async () => {
    const literal = await ask(coauthorsFirst(String(2 ** 31)));
    expectRefused(literal, 'GRAPHQL_VALIDATION_FAILED', /32-bit/);
    const variable = await ask(withVariable, { first: 2 ** 31 });
    expectRefused(variable, 'GRAPHQL_VALIDATION_FAILED', /32-bit/);
  });

  it('refuses a default that is out of range, and serves 1 and 100', async () => {
    expectRefused(await ask(`query($first: Int = 5000) { papers(first: $first) { totalCount } }`), 'BAD_USER_INPUT');
    for (const first of [1, 100]) {
      const answer = await ask(withVariable, { first });
      expect(answer.body.errors).toBeUndefined();
      expect(answer.body.data.author.coauthors.totalCount).toBeGreaterThan(0);
    }
  });
});

describe('fragments', () => {
  it('refuses circular fragments without running or hanging', async () => {
    const cycle = `query Cycle { ${CENTRE} { ...A } }
      fragment A on Author { coauthors { edges { node { ...B } } } }
      fragment B on Author { name ...A }`;
    expectRefused(await ask(cycle), 'GRAPHQL_VALIDATION_FAILED', /Cannot spread fragment "A" within itself/);
    expectRefused(await ask(`query Self { ${CENTRE} { ...S } } fragment S on Author { name ...S }`), 'GRAPHQL_VALIDATION_FAILED');
  });

  it('refuses a fragment spread 2^30 times (a few hundred tokens) quickly', async () => {
    const doubling = Array.from({ length: 30 }, (_, i) => `fragment F${i + 1} on Author { ...F${i} ...F${i} }`).join('\n');
    const started = performance.now();
    expectRefused(await ask(`query Bomb { ${CENTRE} { ...F30 } } fragment F0 on Author { name } ${doubling}`), 'QUERY_TOO_COMPLEX');
    expect(performance.now() - started).toBeLessThan(2_000);
  });
});

describe('cost, tokens, directives', () => {
  it('refuses a query whose lists multiply past the cost limit, within depth and aliases', async () => {
    const query = `{ papers(first: 100) { edges { node { authors { coauthors(first: 100) { edges { node { name } } } } } } } }`;
    expectRefused(await ask(query), 'QUERY_TOO_COMPLEX', /cost limit of 25000 exceeded/);
  });

  it('prices by the variables of the request', async () => {
    const query = `query Cost($outer: Int, $inner: Int) {
      papers(first: $outer) { edges { node { authors { coauthors(first: $inner) { edges { node { name } } } } } } } }`;
    expectRefused(await ask(query, { outer: 100, inner: 100 }), 'QUERY_TOO_COMPLEX');
    const cheap = await ask(query, { outer: 2, inner: 2 });
    expect(cheap.body.errors).toBeUndefined();
    // The same document again, now expensive: no validation result is reused across variables.
    expectRefused(await ask(query, { outer: 100, inner: 100 }), 'QUERY_TOO_COMPLEX');
  });

  it('refuses more than 2000 tokens and more than 10 directives', async () => {
    expectRefused(await ask(`{ ${'__typename '.repeat(2001)}}`), 'QUERY_TOO_COMPLEX', /Token limit of 2000/);
    const directives = Array.from({ length: 11 }, (_, i) => `f${i}: __typename @include(if: true)`).join(' ');
    expectRefused(await ask(`{ ${directives} }`), 'QUERY_TOO_COMPLEX', /Directives limit of 10/);
  });
});
