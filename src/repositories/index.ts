import type { Driver } from 'neo4j-driver';
import { createRead } from '../db/read.js';
import { createAuthorRepository } from './authors.js';
import { createNetworkRepository } from './network.js';
import { createOrganizationRepository } from './organizations.js';
import { createPaperRepository } from './papers.js';
import { createSourceRepository } from './sources.js';
import { createTopicRepository } from './topics.js';
import { createWrites } from './writes.js';

export function createRepositories(driver: Driver, database: string) {
  const read = createRead(driver, database);
  return {
    authors: createAuthorRepository(read),
    papers: createPaperRepository(read),
    organizations: createOrganizationRepository(read),
    topics: createTopicRepository(read),
    sources: createSourceRepository(read),
    network: createNetworkRepository(read),
    /** Imports and identity fixes; only mutations reach these, and only authenticated. */
    writes: createWrites(driver, database),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
