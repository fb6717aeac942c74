import { isObjectType, parse, specifiedRules, validate } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { costEstimator } from '../../src/limits/cost.js';
import { pageSizeRule } from '../../src/limits/page-size.js';
import type { Repositories } from '../../src/repositories/index.js';
import { defaultCost, LIST_SIZE } from '../../src/schema/cost.js';
import { schema } from '../../src/schema/index.js';
import { createYogaServer } from '../../src/yoga.js';

/** The cost model and the page-size rule on the real schema, and refusals that reach no repository. */

const cost = (query: string, variables: Record<string, unknown> = {}) =>
  getComplexity({ schema, query: parse(query), variables, estimators: [costEstimator] });

describe('cost model', () => {
  it('prices a connection by its page: 1 for the page, `first` times an item', () => {
    expect(cost('{ author(name: "x") { name } }')).toBe(1);
    expect(cost('{ author(name: "x") { coauthors(first: 10) { edges { node { name } } } } }')).toBe(1 + 1 + 10);
    expect(cost('{ author(name: "x") { coauthors(first: 100) { edges { node { name } } } } }')).toBe(1 + 1 + 100);
    // The default page is 20; totalCount and pageInfo come with the page.
    expect(cost('{ author(name: "x") { coauthors { totalCount pageInfo { hasNextPage } edges { cursor node { name } } } } }')).toBe(1 + 1 + 20);
  });

  it('multiplies nested pages, and reads `first` from variables', () => {
    const nested = 'query($n: Int) { author(name: "x") { coauthors(first: $n) { edges { node { coauthors(first: $n) { edges { node { name } } } } } } } }';
    expect(cost(nested, { n: 10 })).toBe(1 + 1 + 10 * (1 + 1 + 10));
    expect(cost(nested, { n: 100 })).toBe(1 + 1 + 100 * (1 + 1 + 100));
  });

  it('prices the look-ups by external id as the other root look-ups: one object and its selection', () => {
    for (const lookup of ['author(orcid: "x")', 'author(openalexId: "x")', 'paper(doi: "x")', 'paper(openalexId: "x")', 'paper(arxivId: "x")']) {
      expect(cost(`{ ${lookup} { id } }`), lookup).toBe(cost('{ author(id: "x") { id } }'));
      expect(cost(`{ ${lookup} { __typename ... on Node { id } } }`), lookup).toBe(1);
    }
    expect(cost('{ paper(doi: "x") { authors { name } } }')).toBe(1 + LIST_SIZE);
  });

  it('clamps an out-of-range `first` (the page-size rule reports it, not the cost)', () => {
    expect(cost('{ papers(first: 1000000000) { edges { node { title } } } }')).toBe(1 + 100);
  });

  it('prices plain lists at LIST_SIZE items, nodes(ids:) per id, ego networks by depth and maxNodes', () => {
    expect(cost('{ paper(id: "x") { authors { name } } }')).toBe(1 + LIST_SIZE);
    expect(cost('query($ids: [ID!]!) { nodes(ids: $ids) { id } }', { ids: Array.from({ length: 40 }, (_, i) => String(i)) })).toBe(40);
    expect(cost('{ author(name: "x") { egoNetwork(depth: 3, maxNodes: 500) { nodesTruncated } } }')).toBe(1 + 1500);
    expect(cost('{ author(name: "x") { egoNetwork { nodesTruncated } } }')).toBe(1 + 100);
  });

  it('leaves introspection and __typename free (the token limit and production profile bound them)', () => {
    expect(cost('{ __schema { types { name fields { name type { name ofType { name } } } } } }')).toBe(0);
    expect(cost('{ author(name: "x") { __typename coauthors(first: 10) { edges { node { __typename name } } } } }')).toBe(1 + 1 + 10);
  });

  it('leaves out what @skip and @include leave out, and prices an abstract type by its dearest member', () => {
    expect(cost('{ author(name: "x") { name papers @skip(if: true) { totalCount } coauthors @include(if: false) { totalCount } } }')).toBe(1);
    const both = '{ nodes(ids: ["a"]) { ... on Author { coauthors(first: 10) { totalCount } } ... on Paper { topics { name } } } }';
    // The Paper branch (a list of topics) is the dearer: 1 per id and LIST_SIZE topics, not both branches.
    expect(cost(both)).toBe(1 * (1 + LIST_SIZE));
  });

  it('has every field with a `first` argument declare its cost', () => {
    const undeclared = Object.values(schema.getTypeMap())
      .filter(isObjectType)
      .flatMap((type) => Object.values(type.getFields()).map((field) => ({ name: `${type.name}.${field.name}`, field })))
      .filter(({ field }) => field.args.some((arg) => arg.name === 'first') && field.extensions.complexity === defaultCost)
      .map(({ name }) => name);
    expect(undeclared).toEqual([]);
  });

  it('lets the README example and a 100-author coauthor query through the default limit of 25,000', () => {
    expect(cost('{ author(name: "Baixu Chen") { papers(first: 10) { totalCount edges { node { title authors { name } } } } } }')).toBeLessThan(100);
    const hundred = `query($ids: [ID!]!) { nodes(ids: $ids) { ... on Author { name affiliations { organization { name } }
      coauthors(first: 10) { totalCount edges { node { name affiliations { organization { name } } } } } } } }`;
    expect(cost(hundred, { ids: Array.from({ length: 100 }, (_, i) => String(i)) })).toBeLessThan(25_000);
  });
});

describe('page-size rule', () => {
  const errors = (query: string, variables: Record<string, unknown> = {}) =>
    validate(schema, parse(query), [...specifiedRules, pageSizeRule(variables)]).map((error) => [error.message, error.extensions.code]);

  it('accepts 1 to 100, and leaves `first` unset to the default', () => {
    expect(errors('{ papers(first: 1) { totalCount } authors(search: "x", first: 100) { totalCount } topics { totalCount } }')).toEqual([]);
  });

  it.each([0, -1, 101, 1_000_000_000])('refuses %i as a literal, a variable and a variable default', (first) => {
    const refusal = ['`first` must be between 1 and 100.', 'BAD_USER_INPUT'];
    expect(errors(`{ papers(first: ${first}) { totalCount } }`)).toEqual([refusal]);
    expect(errors('query($n: Int) { papers(first: $n) { totalCount } }', { n: first })).toEqual([refusal]);
    expect(errors(`query($n: Int = ${first}) { papers(first: $n) { totalCount } }`)).toEqual([refusal]);
  });

  it('leaves values that are no Int to graphql-js', () => {
    expect(errors('{ papers(first: 2147483648) { totalCount } }').map(([, code]) => code)).not.toContain('BAD_USER_INPUT');
    expect(errors('{ papers(first: "ten") { totalCount } }').map(([, code]) => code)).not.toContain('BAD_USER_INPUT');
  });
});

/** Repositories that record every call (and fail it): a refused query must make none. */
function recordingRepositories() {
  const calls: string[] = [];
  const member = (path: string): unknown =>
    new Proxy(function () {}, {
      get: (_target, property) => (property === 'then' ? undefined : member(`${path}.${String(property)}`)),
      apply: () => {
        calls.push(path);
        return Promise.reject(new Error(`${path} was called`));
      },
    });
  return { repositories: member('repositories') as Repositories, calls };
}

describe('a refused query', () => {
  const deep = (levels: number) => {
    let selection = 'name';
    for (let i = 0; i < levels; i++) selection = `coauthors { edges { node { ${selection} } } }`;
    return `{ author(name: "Baixu Chen") { ${selection} } }`;
  };

  it.each([
    ['too deep', deep(50), 'QUERY_TOO_COMPLEX'],
    ['too many aliases', `{ ${Array.from({ length: 16 }, (_, i) => `a${i}: author(name: "x") { name }`).join(' ')} }`, 'QUERY_TOO_COMPLEX'],
    ['too costly', '{ papers(first: 100) { edges { node { authors { coauthors(first: 100) { edges { node { name } } } } } } } }', 'QUERY_TOO_COMPLEX'],
    ['a page too large', '{ author(name: "Baixu Chen") { coauthors(first: 1000000000) { totalCount } } }', 'BAD_USER_INPUT'],
    ['circular', '{ author(name: "x") { ...A } } fragment A on Author { coauthors { edges { node { ...A } } } }', 'GRAPHQL_VALIDATION_FAILED'],
  ])('(%s) reaches no repository', async (_name, query, code) => {
    const { repositories, calls } = recordingRepositories();
    const yoga = createYogaServer({ repositories: () => repositories, logger: pino({ level: 'silent' }) });
    const response = await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query }),
    });
    const body = (await response.json()) as { errors: { extensions: { code: string } }[] };
    expect(body.errors.map((error) => error.extensions.code)).toContain(code);
    expect(calls).toEqual([]);
  });

  it('while an accepted one does (the recorder works)', async () => {
    const { repositories, calls } = recordingRepositories();
    const yoga = createYogaServer({ repositories: () => repositories, logger: pino({ level: 'silent' }) });
    await yoga.fetch('http://yoga/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ author(name: "Baixu Chen") { name } }' }),
    });
    expect(calls.length).toBeGreaterThan(0);
  });
});
