import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../paths.js';

/**
 * Cypher lives in cypher/*.cypher so it can be read, profiled and reviewed as Cypher. Each file
 * starts with a `// name` comment, which Neo4j's query log shows with the query.
 *
 * A node's fields are written once, in cypher/read/node/<Label>.cypher, and a query asks for them
 * with `x {%Label%}`. Every query that returns an author (by id, in a page of coauthors, in a
 * byline) so returns the same row, and a row that names a node can carry it, read with it, in
 * place of a read by id (src/schema/carried.ts). An unknown label fails at load.
 */
export function cypher(path: string): string {
  let text = loaded.get(path);
  if (text === undefined) loaded.set(path, (text = expandNodeFields(readCypherFile(path), path)));
  return text;
}

/** Files are read once: repositories are made per request (src/repositories/index.ts). */
const loaded = new Map<string, string>();

const readCypherFile = (path: string) => readFileSync(join(projectRoot, 'cypher', `${path}.cypher`), 'utf8');

const nodeFields = new Map<string, string>();

function fieldsOf(label: string, path: string): string {
  let fields = nodeFields.get(label);
  if (fields === undefined) {
    try {
      fields = withoutComments(readCypherFile(`read/node/${label}`)).trim();
    } catch {
      throw new Error(`cypher/${path}.cypher asks for {%${label}%}, but cypher/read/node/${label}.cypher does not exist`);
    }
    nodeFields.set(label, fields);
  }
  return fields;
}

const expandNodeFields = (text: string, path: string) =>
  text.replace(/(\w+) \{%(\w+)%\}/g, (_match, variable: string, label: string) =>
    `${variable} {${fieldsOf(label, path).replaceAll('this.', `${variable}.`)}}`,
  );

const withoutComments = (text: string) =>
  text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('//'))
    .join('\n');

/** Splits a file of `;`-terminated statements (e.g. schema.cypher) into runnable statements. */
export function cypherStatements(path: string): string[] {
  return withoutComments(cypher(path))
    .split(/;\s*$/m)
    .map((statement) => statement.trim())
    .filter(Boolean);
}
