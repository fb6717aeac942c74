import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { PageRequest } from '../../src/repositories/batch.js';
import type { Repositories } from '../../src/repositories/index.js';
import { createYogaServer } from '../../src/yoga.js';

/**
 * A fake graph behind the repository functions a query uses, to count batches: the number of
 * repository calls a request makes must follow the depth of the query, not the number of objects
 * in it. (Integration tests count real Cypher queries at the driver.)
 */
function fakeRepositories(authorCount: number, papersPerAuthor: number) {
  const calls: Record<string, number> = {};
  const counted =
    <Args extends unknown[], Result>(name: string, fn: (...args: Args) => Result) =>
    (...args: Args) => {
      calls[name] = (calls[name] ?? 0) + 1;
      return fn(...args);
    };
  const author = (i: number) => ({ id: `a${i}`, name: `Author ${i}` });
  // Author i wrote papers p{i}-{j}; author i+1 (wrapping) is the second author of each.
  const paperIds = (authorId: string) => Array.from({ length: papersPerAuthor }, (_, j) => `p${authorId.slice(1)}-${j}`);
  const authorOf = (paperId: string) => Number(paperId.slice(1).split('-')[0]);
  const fake = {
    authors: {
      authorsByIds: counted('authorsByIds', async (ids: readonly string[]) => ids.map((id) => author(Number(id.slice(1))))),
      authorIdsByNameKeys: counted('authorIdsByNameKeys', async (keys: readonly string[]) => keys.map(() => ['a0'])),
      affiliationsByAuthorIds: counted('affiliationsByAuthorIds', async (ids: readonly string[]) =>
        ids.map(() => [{ organizationId: 'o1', paperCount: 1, firstYear: 2020, lastYear: 2020 }]),
      ),
      papers: {
        pages: counted('authorPapers', async (requests: readonly PageRequest[]) =>
          requests.map((request) => paperIds(request.parentId).map((id) => ({ id, sortKey: id })).slice(0, request.limit)),
        ),
        counts: counted('authorPaperCounts', async (requests: readonly unknown[]) => requests.map(() => papersPerAuthor)),
      },
    },
    papers: {
      papersByIds: counted('papersByIds', async (ids: readonly string[]) =>
        ids.map((id) => ({ id, title: `Paper ${id}`, year: 2020, publishedOn: null })),
      ),
      bylinesByPaperIds: counted('bylinesByPaperIds', async (ids: readonly string[]) =>
        ids.map((id) => [authorOf(id), (authorOf(id) + 1) % authorCount].map((i, position) => ({ authorId: `a${i}`, position: position + 1 }))),
      ),
    },
    organizations: {
      organizationsByIds: counted('organizationsByIds', async (ids: readonly string[]) => ids.map((id) => ({ id, name: id }))),
    },
  };
  return { repositories: withUnfakedMembers(fake, 'repositories') as Repositories, calls };
}

/** Members the fake does not define fail loudly if a query reaches them. */
function withUnfakedMembers(target: object, path: string): unknown {
  return new Proxy(target, {
    get(object, property) {
      const name = `${path}.${String(property)}`;
      if (property in object) {
        const value = (object as Record<PropertyKey, unknown>)[property];
        return typeof value === 'object' && value !== null ? withUnfakedMembers(value, name) : value;
      }
      const unfaked = () => Promise.reject(new Error(`${name} is not faked`));
      return withUnfakedMembers(unfaked, name);
    },
  });
}

const QUERY = /* GraphQL */ `
  {
    author(name: "author 0") {
      papers(first: 100) {
        totalCount
        edges {
          node {
            title
            authors {
              name
              affiliations { organization { name } }
              papers(first: 5) { totalCount edges { node { authors { name } } } }
            }
          }
        }
      }
    }
  }
`;

async function run(authorCount: number, papersPerAuthor: number) {
  const { repositories, calls } = fakeRepositories(authorCount, papersPerAuthor);
  const yoga = createYogaServer({ repositories: () => repositories, logger: pino({ level: 'silent' }) });
  const response = await yoga.fetch('http://yoga/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ query: QUERY }),
  });
  const body = (await response.json()) as { errors?: unknown; data: { author: { papers: { edges: unknown[] } } } };
  expect(body.errors).toBeUndefined();
  return { calls, papers: body.data.author.papers.edges.length };
}

describe('per-request batching', () => {
  it('makes one repository call per level of the query, however many objects each level holds', async () => {
    const small = await run(3, 1);
    const large = await run(100, 100);
    expect(small.papers).toBe(1);
    expect(large.papers).toBe(100);
    expect(large.calls).toEqual(small.calls);
    expect(large.calls).toEqual({
      authorIdsByNameKeys: 1,
      authorsByIds: 3,
      authorPapers: 2,
      authorPaperCounts: 2,
      papersByIds: 2,
      bylinesByPaperIds: 2,
      affiliationsByAuthorIds: 1,
      organizationsByIds: 1,
    });
  });
});
