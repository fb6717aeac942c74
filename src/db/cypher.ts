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
 * place of a read by id (src/schema/carried.ts). An unknown label fails at load. A page's count
 * includes the page's match with `{%match path%}` (below).
 */
export function cypher(path: string): string {
  let text = loaded.get(path);
  if (text === undefined) loaded.set(path, (text = expandNodeFields(expandMatches(readCypherFile(path), path), path)));
  return text;
}

/** Files are read once: repositories are made per request (src/repositories/index.ts). */
const loaded = new Map<string, string>();

const readCypherFile = (path: string) => readFileSync(join(projectRoot, 'cypher', `${path}.cypher`), 'utf8');

/**
 * A page's total count (`<page>.count.cypher`) counts what the page matches: its line
 * `{%match <page path>%}` stands for the page query's statements above the page's
 * `// end of match` line, so that a change to the page's match changes its count too.
 */
const MATCH_END = /^\/\/ end of match\b/;

const expandMatches = (text: string, path: string) =>
  text.replace(/^\{%match ([\w/-]+)%\}$/gm, (_line, page: string) => {
    const lines = readCypherFile(page).split('\n');
    const end = lines.findIndex((line) => MATCH_END.test(line.trim()));
    if (end < 0) throw new Error(`cypher/${path}.cypher counts the match of cypher/${page}.cypher, which has no "// end of match" line`);
    return withoutComments(lines.slice(0, end).join('\n')).trim();
  });

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
    `${variable} {${fieldsOf(label, path).replace(/\bthis\b/g, variable)}}`,
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
