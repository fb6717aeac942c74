import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher.js';
import type { GraphDatabase } from '../../db/driver.js';
import { createWrite, type Write } from '../../db/write.js';
import { OPENALEX_SOURCE } from '../formats/openalex.js';

/**
 * Which parts of a snapshot the graph holds: one `(:SnapshotPart {id, source, entity, records,
 * appliedAt})` per part (or merged-ids file) whose writes have all committed, `id` its path in
 * the current layout's form (snapshot/layout.ts), unique (cypher/schema.cypher). A sync applies
 * only the parts not recorded; both load paths record what they loaded, the incremental one
 * (snapshot/incremental.ts) after each part's writes, the bulk one after its import.
 */

export interface AppliedPart {
  /** `data/jsonl/works/updated_date=2025-01-01/part_0000.gz`, `merged_ids/authors/2025-01-01.csv.gz` */
  id: string;
  /** works, authors, institutions, topics; `merged_ids/<entity>` for merged-id files. */
  entity: string;
  records: number;
}

const queries = {
  applied: cypher('import/snapshot/applied-parts'),
  record: cypher('import/snapshot/record-parts'),
};

/** The parts of `source` (OpenAlex by default) applied so far, by id. */
export async function appliedParts(db: GraphDatabase, source = OPENALEX_SOURCE.id): Promise<Map<string, AppliedPart>> {
  const { records } = await db.driver.executeQuery(queries.applied, { source }, { database: db.database, routing: neo4j.routing.READ });
  return new Map(records.map((record) => [record.get('id') as string, { id: record.get('id'), entity: record.get('entity'), records: Number(record.get('records')) }]));
}

/**
 * Records parts as applied (one transaction). Call it only once everything the parts hold has
 * committed: a part recorded is never read again. The bulk path calls it after its import with
 * every part it loaded.
 */
export async function recordAppliedParts(db: GraphDatabase, parts: AppliedPart[], { source = OPENALEX_SOURCE.id, write }: { source?: string; write?: Write } = {}): Promise<void> {
  if (parts.length === 0) return;
  const path = write ?? createWrite(db, { timeoutMs: db.write.importTimeoutMs });
  for (let start = 0; start < parts.length; start += 10_000) {
    await path.statement(queries.record, { source, parts: parts.slice(start, start + 10_000).map((part) => ({ ...part, records: neo4j.int(part.records) })) });
  }
}
