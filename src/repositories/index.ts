import type { Driver } from 'neo4j-driver';
import { createRead } from '../db/read.js';
import { createAuthorRepository } from './authors.js';
import { createPaperRepository } from './papers.js';

export function createRepositories(driver: Driver, database: string) {
  const read = createRead(driver, database);
  return {
    authors: createAuthorRepository(read),
    papers: createPaperRepository(read),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
