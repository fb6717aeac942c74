import { cypher } from '../db/cypher.js';
import type { WriteTransaction } from '../db/write.js';

/** The import's Cypher statements (cypher/import/), by what they do. */
const q = (name: string) => cypher(`import/${name}`);
export const importQueries = {
  resolveOrganizations: q('resolve-organizations'),
  resolveAuthors: q('resolve-authors'),
  resolvePapers: q('resolve-papers'),
  unchanged: q('unchanged-records'),
  sources: q('write-sources'),
  topics: q('write-topics'),
  organizations: q('write-organizations'),
  authors: q('write-authors'),
  papers: q('write-papers'),
  createPapers: q('create-papers'),
  authorships: q('write-authorships'),
  createAuthorships: q('create-authorships'),
  retireAuthorships: q('retire-authorships'),
  removeOrphanAuthors: q('remove-orphan-authors'),
  removeOrphanOrganizations: q('remove-orphan-organizations'),
  clearOrphanCandidates: q('clear-orphan-candidates'),
  links: q('write-paper-links'),
  createLinks: q('create-paper-links'),
  refreshAuthors: q('refresh-authors'),
  staleAuthors: q('stale-authors'),
  allStaleAuthors: q('all-stale-authors'),
  linkReferences: q('link-references'),
};

/**
 * A batch's statements in its transaction, each timed under the name in its first comment line
 * (import/write-papers...), and the parameter rows sent to the writes counted: what the batch
 * report says about where the time went.
 */
export function batchStatements(tx: WriteTransaction) {
  const statementMs: Record<string, number> = {};
  let rowsWritten = 0;
  const exec = async (query: string, params: Record<string, unknown>) => {
    const started = performance.now();
    const outcome = await tx.run(query, params);
    const name = /^\/\/ (\S+?):?\s/.exec(query)?.[1] ?? 'other';
    statementMs[name] = (statementMs[name] ?? 0) + performance.now() - started;
    return outcome;
  };
  return {
    statementMs,
    rowsWritten: () => rowsWritten,
    /** A read (or a write that answers): its rows as plain objects. */
    rows: async <T>(query: string, params: Record<string, unknown>) => (await exec(query, params)).records.map((record) => record.toObject() as T),
    /** A write statement over `rows` (bound to `$<name>`); says how many nodes it created. */
    write: async (query: string, name: string, rows: unknown[]) => {
      rowsWritten += rows.length;
      return (await exec(query, { [name]: rows })).summary.counters.updates().nodesCreated;
    },
  };
}

export type BatchStatements = ReturnType<typeof batchStatements>;
