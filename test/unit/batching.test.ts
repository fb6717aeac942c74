import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import type { AuthorRow } from '../../src/repositories/authors.js';
import type { Repositories } from '../../src/repositories/index.js';
import type { AuthorPapersRequest, BylineEntry, PagedPaperRow } from '../../src/repositories/papers.js';
import { createYogaServer } from '../../src/yoga.js';

/**
 * A fake graph behind the repository interface, to count batches: the number of repository
 * calls a request makes must follow the depth of the query, not the number of objects in it.
 */
function fakeRepositories(authorCount: number, papersPerAuthor: number) {
  const calls: Record<string, number> = {};
  const count = (name: string) => (calls[name] = (calls[name] ?? 0) + 1);
  const authors: AuthorRow[] = Array.from({ length: authorCount }, (_, i) => ({ id: `a${i}`, name: `Author ${i}` }));
  // Author i wrote papers p{i}-{j}; each paper also has author i+1 (wrapping) as second author.
  const papersOf = (authorId: string): PagedPaperRow[] =>
    Array.from({ length: papersPerAuthor }, (_, j) => ({
      id: `p${authorId.slice(1)}-${j}`,
      title: `Paper ${authorId}-${j}`,
      year: 2020 + j,
      publishedOn: null,
      sortKey: `${2020 + j}|${authorId}-${j}`,
    }));
  const repositories: Repositories = {
    authors: {
      authorsByIds: async (ids) => (count('authorsByIds'), ids.map((id) => authors.find((a) => a.id === id) ?? null)),
      authorIdsByNameKeys: async (keys) => (count('authorIdsByNameKeys'), keys.map((key) => authors.filter((a) => a.name.toLowerCase() === key).map((a) => a.id))),
    },
    papers: {
      papersByIds: async (ids) => (count('papersByIds'), ids.map(() => null)),
      bylinesByPaperIds: async (paperIds) => {
        count('bylinesByPaperIds');
        return paperIds.map((paperId): BylineEntry[] => {
          const first = Number(paperId.slice(1).split('-')[0]);
          const second = (first + 1) % authorCount;
          return [first, second].map((i, position) => ({ ...authors[i]!, position: position + 1 }));
        });
      },
      authorPapersPages: async (requests: readonly AuthorPapersRequest[]) => (
        count('authorPapersPages'), requests.map((request) => papersOf(request.authorId).slice(0, request.limit))
      ),
      authorPaperCounts: async (requests) => (count('authorPaperCounts'), requests.map(() => papersPerAuthor)),
    },
  };
  return { repositories, calls };
}

const QUERY = /* GraphQL */ `
  {
    author(name: "author 0") {
      papers(first: 100) {
        totalCount
        edges { node { title authors { name papers(first: 5) { totalCount edges { node { authors { name } } } } } } }
      }
    }
  }
`;

async function run(authorCount: number, papersPerAuthor: number) {
  const { repositories, calls } = fakeRepositories(authorCount, papersPerAuthor);
  const yoga = createYogaServer({ repositories, logger: pino({ level: 'silent' }) });
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
      authorsByIds: 1,
      authorPapersPages: 2,
      authorPaperCounts: 2,
      bylinesByPaperIds: 2,
    });
  });
});
