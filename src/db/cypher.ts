import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../local-neo4j/paths.js';

/**
 * Cypher lives in cypher/*.cypher so it can be read, profiled and reviewed as Cypher. Each file
 * starts with a `// name` comment, which Neo4j's query log shows with the query.
 */
export function cypher(path: string): string {
  return readFileSync(join(projectRoot, 'cypher', `${path}.cypher`), 'utf8');
}

/** Splits a file of `;`-terminated statements (e.g. schema.cypher) into runnable statements. */
export function cypherStatements(path: string): string[] {
  return cypher(path)
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n')
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
