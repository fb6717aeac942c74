import type { Driver } from 'neo4j-driver';
import { createSubgraphAnalytics } from '../analytics/subgraph.js';
import { createRead, type Read } from '../db/read.js';
import { DEFAULT_MAX_AUTHORS_PER_PAPER } from '../domain/bylines.js';
import type { StatementCounter } from '../request-scope.js';
import { createAnalyticsRepository } from './analytics.js';
import { createAuthorRepository } from './authors.js';
import { createNetworkRepository } from './network.js';
import { createOrganizationRepository } from './organizations.js';
import { createPaperRepository } from './papers.js';
import { createSourceRepository } from './sources.js';
import { createTopicRepository } from './topics.js';
import { createWrites } from './writes.js';

/** Settings of the server that reads depend on (src/config.ts). */
export interface ReadSettings {
  /** Papers with more authors make no coauthor links (MAX_AUTHORS_PER_PAPER). */
  maxAuthorsPerPaper: number;
}

function readRepositories(read: Read, settings: ReadSettings) {
  return {
    /** The settings these reads were made with, for fields that report them. */
    settings,
    authors: createAuthorRepository(read, settings),
    papers: createPaperRepository(read),
    organizations: createOrganizationRepository(read),
    topics: createTopicRepository(read),
    sources: createSourceRepository(read),
    network: createNetworkRepository(read, settings),
    analytics: createAnalyticsRepository(read),
    /** Graph Data Science over a subgraph picked on demand (src/analytics/subgraph.ts). */
    subgraph: createSubgraphAnalytics(read, settings.maxAuthorsPerPaper),
  };
}

export type Repositories = ReturnType<typeof readRepositories> & {
  /** Imports and identity fixes; only mutations reach these, and only authenticated. */
  writes: ReturnType<typeof createWrites>;
};

/** Repositories whose reads count their statements on a request's counter. */
export type RepositoriesFor = (counter: StatementCounter) => Repositories;

/**
 * The server's repositories, made per request (a few dozen closures over queries loaded once) so
 * that each request's reads count on its own counter; the writes are shared.
 */
export function createRepositoryFactory(driver: Driver, database: string, settings: Partial<ReadSettings> = {}): RepositoriesFor {
  const writes = createWrites(driver, database);
  const read: ReadSettings = { maxAuthorsPerPaper: settings.maxAuthorsPerPaper ?? DEFAULT_MAX_AUTHORS_PER_PAPER };
  return (counter) => ({ ...readRepositories(createRead(driver, database, { counter }), read), writes });
}
