import { createSubgraphAnalytics } from '../analytics/subgraph.js';
import type { GraphDatabase } from '../db/driver.js';
import { createRead, type Read } from '../db/read.js';
import { DEFAULT_MAX_AUTHORS_PER_PAPER } from '../domain/bylines.js';
import { DEFAULT_MAX_PAPERS_PER_HUB, MAX_RELATED_NEIGHBOURS } from '../domain/related.js';
import type { Causality, StatementCounter } from '../request-scope.js';
import { createAnalyticsRepository } from './analytics.js';
import { createAuthorRepository } from './authors.js';
import { createIdentityRepository } from './identity.js';
import { createNetworkRepository } from './network.js';
import { createOrganizationRepository } from './organizations.js';
import { createPaperRepository } from './papers.js';
import { createRelatedRepository } from './related.js';
import { createSourceRepository } from './sources.js';
import { createSuggestionRepository, type CollaboratorRanking } from './suggestions.js';
import { createTopicRepository } from './topics.js';
import { createWrites } from './writes.js';

/** Settings of the server that what repositories read depends on (src/config.ts). */
export interface RepositorySettings {
  /** Papers with more authors make no coauthor links (MAX_AUTHORS_PER_PAPER). */
  maxAuthorsPerPaper: number;
  /** The collaborator ranking's weights: COLLABORATOR_RANKING; eval:suggestions tries others. */
  collaboratorRanking?: CollaboratorRanking;
}

function readRepositories(read: Read, settings: RepositorySettings) {
  return {
    /** The settings these reads were made with, for fields that report them. */
    settings,
    authors: createAuthorRepository(read, settings),
    identity: createIdentityRepository(read, settings),
    papers: createPaperRepository(read),
    organizations: createOrganizationRepository(read),
    topics: createTopicRepository(read),
    sources: createSourceRepository(read),
    network: createNetworkRepository(read, settings),
    related: createRelatedRepository(read, { ...settings, maxPapersPerHub: DEFAULT_MAX_PAPERS_PER_HUB, maxNeighbours: MAX_RELATED_NEIGHBOURS }),
    suggestions: createSuggestionRepository(read, settings),
    analytics: createAnalyticsRepository(read),
    /** Graph Data Science over a subgraph picked on demand (src/analytics/subgraph.ts). */
    subgraph: createSubgraphAnalytics(read, settings.maxAuthorsPerPaper),
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
export function createRepositoryFactory(db: GraphDatabase, settings: Partial<RepositorySettings> = {}): RepositoriesFor {
  const read: RepositorySettings = { ...settings, maxAuthorsPerPaper: settings.maxAuthorsPerPaper ?? DEFAULT_MAX_AUTHORS_PER_PAPER };
  return (scope) => {
    let writes: Repositories['writes'] | undefined;
    return {
      ...readRepositories(createRead(db, { counter: scope, causality: scope }), read),
      // Made on first use: most requests only read.
      get writes() {
        return (writes ??= createWrites(db, scope));
      },
    };
  };
}
