import type { Driver } from 'neo4j-driver';
import { createSubgraphAnalytics } from '../analytics/subgraph.js';
import { createRead, type Read } from '../db/read.js';
import type { Causality, StatementCounter } from '../request-scope.js';
import { createAnalyticsRepository } from './analytics.js';
import { createAuthorRepository } from './authors.js';
import { createNetworkRepository } from './network.js';
import { createOrganizationRepository } from './organizations.js';
import { createPaperRepository } from './papers.js';
import { createSourceRepository } from './sources.js';
import { createTopicRepository } from './topics.js';
import { createWrites } from './writes.js';

function readRepositories(read: Read) {
  return {
    authors: createAuthorRepository(read),
    papers: createPaperRepository(read),
    organizations: createOrganizationRepository(read),
    topics: createTopicRepository(read),
    sources: createSourceRepository(read),
    network: createNetworkRepository(read),
    analytics: createAnalyticsRepository(read),
    /** Graph Data Science over a subgraph picked on demand (src/analytics/subgraph.ts). */
    subgraph: createSubgraphAnalytics(read),
  };
}

export type Repositories = ReturnType<typeof readRepositories> & {
  /** Imports and identity fixes; only mutations reach these, and only authenticated. */
  writes: ReturnType<typeof createWrites>;
};

/**
 * Repositories whose statements count on a request's counter, and whose reads and writes follow
 * its bookmarks (src/request-scope.ts: the request scope is both).
 */
export type RepositoriesFor = (scope: StatementCounter & Causality) => Repositories;

/**
 * The server's repositories, made per request (a few dozen closures over queries loaded once) so
 * that each request's reads and writes count on its own counter and share its bookmarks: a
 * mutation's answer, read after its write, sees that write even on a read replica.
 */
export function createRepositoryFactory(driver: Driver, database: string): RepositoriesFor {
  return (scope) => {
    let writes: Repositories['writes'] | undefined;
    return {
      ...readRepositories(createRead(driver, database, { counter: scope, causality: scope })),
      // Made on first use: most requests only read.
      get writes() {
        return (writes ??= createWrites(driver, database, scope));
      },
    };
  };
}
