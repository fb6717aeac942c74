import { join } from 'node:path';
import { lexicographicSortSchema, printSchema } from 'graphql';
import { projectRoot } from '../paths.js';
import { schema } from './index.js';

export const SCHEMA_FILE = join(projectRoot, 'schema', 'schema.graphql');

/** Sorted, so the committed file changes only when the API does. */
export function printedSchema(): string {
  return `${printSchema(lexicographicSortSchema(schema))}\n`;
}
