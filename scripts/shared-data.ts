import { join, resolve } from 'node:path';
import { projectRoot } from '../src/local-neo4j/paths.js';

/** The read-only data beside the project (paper lists, OpenAlex samples): SHARED_DATA_DIR, else ../shared/data. */
export const sharedDataDir = resolve(process.env.SHARED_DATA_DIR ?? join(projectRoot, '..', 'shared', 'data'));
