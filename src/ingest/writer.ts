import { createHash } from 'node:crypto';
import neo4j, { isRetriableError } from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import type { GraphDatabase } from '../db/driver.js';
import { createWrite, type Write, type WriteTransaction } from '../db/write.js';
import { resolveNodes, resolvePapers } from './batch-identity.js';
import { batchStatements, importQueries } from './batch-statements.js';
import { authorRow, refreshSummaries, writeBylines, writeLinks, writeNodes, writePapers } from './batch-writes.js';
import { authorKey, decideAuthors, keyOf, type Resolution } from './identity.js';
import { placePendingAuthors, type Move } from './place-authors.js';
import type { PaperRecord, RecordAuthor } from './record.js';

/**
 * Writes checked paper records, a batch per transaction, deciding who and what each record is
 * (the keys and the decisions are in identity.ts; this module asks the graph and writes):
 *
 * - Papers: a fixed id, else DOI / OpenAlex / arXiv / OpenReview id, else normalized title with
 *   a year (±1) and shared-author check. New papers get an id from their strongest external id.
 * - Authors and organizations: external ids first (OpenAlex, ORCID, OpenReview; ROR, OpenAlex);
 *   else the normalized name, joining the one node that has it. When several nodes share the
 *   name (the ambiguous case) the record joins the name's own node, `author:<name>` /
 *   `org:<name>`, never one of the identified people; `mergeAuthors` can then fix it by hand.
 * - A record a source gave before, unchanged (same hash on RECORDED_IN), is skipped whole, so a
 *   second run writes nothing, and fixes made meanwhile (merges, splits) are not undone.
 *
 * Everything is MERGE (or CREATE of what resolution found absent) on ids held unique by
 * constraints, so a batch can be repeated and two imports of the same data can race without
 * making duplicates (the loser retries).
 */

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface BatchResult {
  papers: KindCounts;
  authors: { created: number; matched: number; ambiguous: number };
  organizations: { created: number; matched: number; ambiguous: number };
  topics: { created: number };
  /** The node id each record was written to (or found unchanged at), in record order. */
  paperIds: string[];
  /** Where the batch's time went: deciding who and what each record is, writing, committing. */
  ms: { resolve: number; write: number; commit: number };
  /** Milliseconds per statement, by the name in its first comment line (import/write-papers...). */
  statementMs: Record<string, number>;
  /** Parameter rows sent to the write statements (one per node, link or refresh). */
  rowsWritten: number;
}

export interface ImportWriteOptions {
  /**
   * Bulk imports: leave the authors a batch touches marked (StaleSummary) instead of recomputing
   * their summaries in it; `refreshStaleAuthors` recomputes each once at the end. Single writes
   * (the API) refresh at once.
   */
  deferSummaries?: boolean;
}

/** One batch in its transaction: who and what each record is, then the writes, then the report. */
async function resolveAndWrite(tx: WriteTransaction, records: PaperRecord[], options: ImportWriteOptions): Promise<BatchResult> {
  const started = performance.now();
  const statements = batchStatements(tx);
  // Papers first: a record this source gave before, unchanged, needs nothing else resolved.
  const { papers, unchanged } = await resolvePapers(statements, records);
  const changed = papers.filter((paper) => !unchanged.has(paper.key));
  const created = changed.filter((paper) => !paper.existed);
  const updated = changed.filter((paper) => paper.existed);
  const result: BatchResult = {
    papers: { created: created.length, updated: updated.length, unchanged: unchanged.size },
    authors: { created: 0, matched: 0, ambiguous: 0 },
    organizations: { created: 0, matched: 0, ambiguous: 0 },
    topics: { created: 0 },
    paperIds: papers.map((paper) => paper.id),
    ms: { resolve: performance.now() - started, write: 0, commit: 0 },
    statementMs: statements.statementMs,
    rowsWritten: 0,
  };
  if (changed.length === 0) return result;

  const nodes = await resolveNodes(statements, changed.map((paper) => paper.record));
  result.ms.resolve = performance.now() - started;
  const resolved = performance.now();

  const { topicsCreated, organizationsCreated, authorsCreated } = await writeNodes(statements, changed, nodes);
  await writePapers(statements, created, updated);
  const bereft = await writeBylines(statements, created, updated, nodes);
  await writeLinks(statements, created, updated, nodes);
  await refreshSummaries(statements, nodes, bereft, options);

  result.topics.created = topicsCreated;
  result.organizations = { created: organizationsCreated, matched: nodes.organizations.size - organizationsCreated, ambiguous: nodes.ambiguousOrganizations };
  result.authors = { created: authorsCreated, matched: nodes.authors.size - authorsCreated, ambiguous: nodes.ambiguousAuthors };
  result.rowsWritten = statements.rowsWritten();
  result.ms.write = performance.now() - resolved;
  return result;
}

const CONSTRAINT_RACE = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/**
 * Runs a transaction that reads before it writes, again (up to 3 times) when another import
 * created one of its nodes between its reading and its writing: it reads again and finds it.
 */
export async function retryingConstraintRaces<T>(transaction: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await transaction();
    } catch (error) {
      if ((error as { code?: string }).code !== CONSTRAINT_RACE || attempt >= 3) throw error;
    }
  }
}

/**
 * The import writer over a write path (src/db/write.ts): by default an import's own, each
 * transaction under NEO4J_IMPORT_TIMEOUT_MS; the API passes the request's, under
 * NEO4J_WRITE_TIMEOUT_MS and counting its statements.
 */
export function createImportWriter(
  db: GraphDatabase,
  write: Write = createWrite(db, { timeoutMs: db.write.importTimeoutMs }),
) {
  const writer = {
    /**
     * One transaction: the whole batch lands or none of it. A single write (summaries not
     * deferred) then places its name-only authorships and refreshes what that moved.
     */
    async writeBatch(records: PaperRecord[], options: ImportWriteOptions = {}): Promise<BatchResult> {
      const result = await retryingConstraintRaces(async () => {
        let worked = 0;
        const written = await write.transaction(async (tx) => {
          const batch = await resolveAndWrite(tx, records, options);
          worked = performance.now();
          return batch;
        });
        written.ms.commit = performance.now() - worked;
        return written;
      });
      if (!options.deferSummaries) await writer.refreshStaleAuthors();
      return result;
    },

    /** Places the name-only authorships of the names the batches marked (place-authors.ts). */
    placePendingAuthors: (onMoved?: (move: Move) => unknown) => placePendingAuthors(write, { onMoved }),

    /** One author by the same identity rules as an import; returns the node id. */
    async upsertAuthor(author: RecordAuthor): Promise<{ id: string; created: boolean }> {
      return write.transaction(async (tx) => {
        const key = authorKey(author);
        const refs = new Map([[key, { ...author, nameKey: keyOf(author.name) }]]);
        const resolved = (await tx.run(importQueries.resolveAuthors, { refs: [...refs].map(([k, ref]) => ({ key: k, ...ref, openalexId: ref.openalexId ?? null, orcid: ref.orcid ?? null, openreviewId: ref.openreviewId ?? null })) })).records.map((r) => r.toObject() as Resolution);
        const id = decideAuthors(refs, resolved).ids.get(key)!;
        const { summary } = await tx.run(importQueries.authors, { authors: [authorRow(id, author)] });
        return { id, created: summary.counters.updates().nodesCreated > 0 };
      });
    },

    /**
     * Recomputes the summaries of every author a bulk import marked, a chunk per transaction,
     * once the authorships still to place are placed (which moves some); returns how many.
     * `concurrency` above 1 (the bulk load: one a core, as Neo4j runs each transaction on one)
     * streams the marked ids once and refreshes that many chunks at a time. Two chunks can
     * deadlock on an organization both link to (seen at 10M works): Neo4j rolls one back, its
     * marks stay, and the pass one chunk at a time that follows refreshes it.
     */
    async refreshStaleAuthors(chunk = 5_000, onProgress?: (refreshed: number) => void, concurrency = 1): Promise<number> {
      await placePendingAuthors(write);
      let refreshed = 0;
      const refresh = async (authorIds: unknown[]) => {
        await write.statement(importQueries.refreshAuthors, { authorIds });
        refreshed += authorIds.length;
        onProgress?.(refreshed);
      };
      const refreshOrLeave = async (authorIds: unknown[]) => {
        try {
          await refresh(authorIds);
        } catch (error) {
          if (!isRetriableError(error as Error)) throw error;
        }
      };
      if (concurrency > 1) await inConcurrentChunks(streamedIds(db, importQueries.allStaleAuthors), chunk, concurrency, refreshOrLeave);
      // Whatever is left (everything, one chunk at a time, without concurrency).
      for (;;) {
        const { records } = await write.statement(importQueries.staleAuthors, { limit: neo4j.int(chunk) });
        if (records.length === 0) return refreshed;
        await refresh(records.map((record) => record.get('id')));
      }
    },

    /**
     * Removes the name-only organizations an import unlinked that nothing names any more (once
     * per import, after the authors' summaries: AFFILIATED_WITH is what they hold), then clears
     * the marks of the rest. Returns how many went.
     */
    async removeOrphanOrganizations(): Promise<number> {
      let removed = 0;
      for (;;) {
        const { records } = await write.statement(importQueries.removeOrphanOrganizations, {});
        const count = neo4j.integer.toNumber(records[0]?.get('removed') ?? 0);
        removed += count;
        if (count === 0) break;
      }
      await write.statement(importQueries.clearOrphanCandidates, {});
      return removed;
    },

    /** Links citations whose cited paper arrived after the citing one (once per import). */
    async linkReferences(): Promise<number> {
      const { summary } = await write.statement(importQueries.linkReferences, {});
      return summary.counters.updates().relationshipsCreated;
    },
  };
  return writer;
}

export type ImportWriter = ReturnType<typeof createImportWriter>;

/** The `id` column of a read, streamed (the driver fetches a batch at a time as they are taken). */
async function* streamedIds(db: GraphDatabase, query: string): AsyncGenerator<unknown> {
  const session = db.driver.session({ database: db.database, defaultAccessMode: neo4j.session.READ });
  try {
    for await (const record of session.run(query)) yield record.get('id');
  } finally {
    await session.close();
  }
}

/** Ids in chunks of `size`, up to `concurrency` chunks handled at once; the first failure fails it, once the others ended. */
async function inConcurrentChunks(ids: AsyncIterable<unknown>, size: number, concurrency: number, handle: (chunk: unknown[]) => Promise<void>) {
  const running = new Set<Promise<void>>();
  let failure: unknown;
  const start = (chunk: unknown[]) => {
    const task: Promise<void> = handle(chunk).catch((error) => void (failure ??= error)).finally(() => running.delete(task));
    running.add(task);
  };
  let chunk: unknown[] = [];
  for await (const id of ids) {
    chunk.push(id);
    if (chunk.length < size) continue;
    start(chunk);
    chunk = [];
    if (running.size >= concurrency) await Promise.race(running);
    if (failure) break;
  }
  if (chunk.length && !failure) start(chunk);
  await Promise.all(running);
  if (failure) throw failure;
}
