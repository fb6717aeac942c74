import DataLoader from 'dataloader';
import type { AuthorRow } from './repositories/authors.js';
import type { Repositories } from './repositories/index.js';
import type { AuthorPapersRequest, BylineEntry, PagedPaperRow, PaperRow } from './repositories/papers.js';

/**
 * Per-request DataLoaders: the only place batching happens. Every lookup a resolver makes for a
 * parent object goes through one of these, so a request's round trips to Neo4j grow with the
 * depth of the query, not with the number of parents.
 */

const MAX_BATCH = 500;

/** Loaders whose keys are objects (a page request) share one key for equal requests. */
const byValue = { cacheKeyFn: (key: unknown) => JSON.stringify(key), maxBatchSize: MAX_BATCH };

export function createLoaders(repositories: Repositories) {
  const { authors, papers } = repositories;
  return {
    author: new DataLoader<string, AuthorRow | null>((ids) => authors.authorsByIds(ids), { maxBatchSize: MAX_BATCH }),
    authorIdsByNameKey: new DataLoader<string, string[]>((keys) => authors.authorIdsByNameKeys(keys), {
      maxBatchSize: MAX_BATCH,
    }),
    paper: new DataLoader<string, PaperRow | null>((ids) => papers.papersByIds(ids), { maxBatchSize: MAX_BATCH }),
    byline: new DataLoader<string, BylineEntry[]>((ids) => papers.bylinesByPaperIds(ids), { maxBatchSize: MAX_BATCH }),
    authorPapersPage: new DataLoader<AuthorPapersRequest, PagedPaperRow[], string>(
      (requests) => papers.authorPapersPages(requests),
      byValue,
    ),
    authorPaperCount: new DataLoader<Pick<AuthorPapersRequest, 'authorId' | 'sharedWith'>, number, string>(
      (requests) => papers.authorPaperCounts(requests),
      byValue,
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
