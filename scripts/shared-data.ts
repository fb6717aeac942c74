import { join, resolve } from 'node:path';
import { projectRoot } from '../src/paths.js';

/**
 * The read-only data beside the project (paper lists, OpenAlex samples) that benchmarks and the
 * real-data tests use: SHARED_DATA_DIR (relative to the project root), else ../shared/data.
 */
export const sharedDataDir = resolve(projectRoot, process.env.SHARED_DATA_DIR || join('..', 'shared', 'data'));
