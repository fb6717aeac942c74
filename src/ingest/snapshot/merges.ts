import { cypher } from '../../db/cypher.js';
import type { Write } from '../../db/write.js';
import { importQueries } from '../batch-statements.js';
import { readMergedIds, type MergedId, type MergedIdsFile } from './layout.js';

/**
 * OpenAlex's merged ids (`merged_ids/<entity>/<date>.csv.gz`, rows `merge_date,id,merge_into_id`):
 * the old entity is gone and the target carries on. For authors and works:
 *
 * - both in the graph: the old one's authorships (works: also citations, topics, organizations)
 *   move to the target, by fix/merge-authors for authors (the project's own merge: it leaves
 *   `(:AuthorAlias {openalexId})-[:ALIAS_OF]->(target)`) and import/snapshot/merge-works for works
 *   (`(:PaperAlias {openalexId})`); the old node is deleted;
 * - the old id not in the graph, the target is: the alias alone, so later records naming the old
 *   id join the target;
 * - a sentinel target (a "deleted" id: `SENTINEL_IDS`, or an id ending in seven or more 9s such as
 *   A9999999999): the old entity is deleted;
 * - the target not in the graph: reported, the old node left as it is;
 * - applied before (the old id is an alias of the target already): skipped, so a file applied
 *   again, or a run killed half way through one and run again, changes nothing more.
 *
 * Other entities' merged ids (institutions, sources, ...) are counted as skipped.
 */

/** Targets OpenAlex uses for "deleted" (W4285719527 for works). */
export const SENTINEL_IDS: ReadonlySet<string> = new Set(['W4285719527']);
export const isSentinel = (id: string) => SENTINEL_IDS.has(id) || /9{7,}$/.test(id);

export interface MergeCounts {
  /** Old entity moved into its target and deleted. */
  merged: number;
  /** Old id not in the graph: made an alias of its target. */
  aliased: number;
  /** Merged into a sentinel: deleted. */
  deleted: number;
  /** Target not in the graph: the old node is left (reported). */
  missingTarget: number;
  skipped: number;
  skippedReasons: Record<string, number>;
}

export const emptyMergeCounts = (): MergeCounts => ({ merged: 0, aliased: 0, deleted: 0, missingTarget: 0, skipped: 0, skippedReasons: {} });

const queries = {
  authorMerges: cypher('import/snapshot/author-merges'),
  workMerges: cypher('import/snapshot/work-merges'),
  mergeAuthors: cypher('fix/merge-authors'),
  mergeWorks: cypher('import/snapshot/merge-works'),
  aliasAuthors: cypher('import/snapshot/alias-authors'),
  aliasWorks: cypher('import/snapshot/alias-works'),
  deleteAuthors: cypher('import/snapshot/delete-authors'),
  deleteWorks: cypher('import/snapshot/delete-works'),
  markStale: cypher('import/snapshot/mark-stale'),
};

const KINDS = {
  authors: { classify: queries.authorMerges, merge: queries.mergeAuthors, alias: queries.aliasAuthors, remove: queries.deleteAuthors },
  works: { classify: queries.workMerges, merge: queries.mergeWorks, alias: queries.aliasWorks, remove: queries.deleteWorks },
} as const;

export interface MergeFileOptions {
  write: Write;
  /** Where the file is on disk, relative to the snapshot (for messages and the report). */
  shown: string;
  counts: MergeCounts;
  report: (line: Record<string, unknown>) => Promise<void>;
  /** After each committed transaction (the sync counts batches; a test stops there). */
  onBatch: () => void;
  batchSize?: number;
}

/**
 * Chunks of rows, one transaction each. A chunk never names a node that an earlier row of the
 * same chunk deletes (the rows are classified before the chunk writes): a row whose old id or
 * target is an earlier row's old id starts a new chunk. The last row of an old id wins.
 */
export function mergeChunks(rows: MergedId[], size: number): MergedId[][] {
  const latest = new Map<string, MergedId>();
  for (const row of rows) {
    latest.delete(row.id);
    latest.set(row.id, row);
  }
  const chunks: MergedId[][] = [];
  let chunk: MergedId[] = [];
  let olds = new Set<string>();
  for (const row of latest.values()) {
    if (chunk.length >= size || olds.has(row.mergeInto)) {
      chunks.push(chunk);
      chunk = [];
      olds = new Set();
    }
    chunk.push(row);
    olds.add(row.id);
  }
  if (chunk.length) chunks.push(chunk);
  return chunks;
}

const skip = (counts: MergeCounts, reason: string, n = 1) => {
  counts.skipped += n;
  counts.skippedReasons[reason] = (counts.skippedReasons[reason] ?? 0) + n;
};

/** Reads a merged-ids file whole (its rows are few: ids only), then applies it chunk by chunk. */
export async function applyMergedIds(file: MergedIdsFile, options: MergeFileOptions): Promise<number> {
  const rows: MergedId[] = [];
  for await (const row of readMergedIds(file, options.shown)) rows.push(row);
  const kind = file.entity === 'authors' || file.entity === 'works' ? KINDS[file.entity] : undefined;
  if (!kind) {
    skip(options.counts, `merged ${file.entity} (only authors and works are merged)`, rows.length);
    return rows.length;
  }
  const { counts, report } = options;
  for (const chunk of mergeChunks(rows, options.batchSize ?? 500)) {
    const reports: Record<string, unknown>[] = [];
    const outcome = emptyMergeCounts();
    await options.write.transaction(async (tx) => {
      Object.assign(outcome, emptyMergeCounts());
      reports.length = 0;
      const found = new Map(
        (await tx.run(kind.classify, { merges: chunk.map((row) => ({ id: row.id, into: row.mergeInto })) })).records.map((record) => [
          record.get('id') as string,
          { fromId: record.get('fromId') as string | null, intoId: record.get('intoId') as string | null, aliasOf: record.get('aliasOf') as string | null },
        ]),
      );
      const removals: string[] = [];
      const aliases: { openalexId: string; into: string }[] = [];
      const staleAuthors = new Set<string>();
      for (const row of chunk) {
        const { fromId, intoId, aliasOf } = found.get(row.id)!;
        if (isSentinel(row.mergeInto)) {
          if (fromId) removals.push(fromId);
          else skip(outcome, 'deleted, not in the graph');
        } else if (fromId && intoId) {
          if (fromId === intoId) {
            skip(outcome, 'one node already');
            continue;
          }
          await tx.run(kind.merge, { from: fromId, into: intoId, openalexId: row.id });
          if (file.entity === 'authors') staleAuthors.add(intoId);
          outcome.merged++;
        } else if (fromId) {
          outcome.missingTarget++;
          reports.push({ record: `${options.shown}:${row.line}`, merge: `${row.id} -> ${row.mergeInto}`, reason: 'target not in the graph: the old one is left' });
        } else if (intoId && aliasOf !== intoId) {
          aliases.push({ openalexId: row.id, into: intoId });
        } else {
          skip(outcome, intoId ? 'applied before' : 'neither id in the graph');
        }
      }
      if (aliases.length) {
        await tx.run(kind.alias, { aliases });
        outcome.aliased += aliases.length;
      }
      if (removals.length) {
        const { records } = await tx.run(kind.remove, { ids: removals });
        outcome.deleted += removals.length;
        const bereft = [...new Set(records.flatMap((record) => (record.has('authorIds') ? (record.get('authorIds') as string[]) : [])))];
        if (bereft.length) await tx.run(importQueries.removeOrphanAuthors, { authorIds: bereft });
      }
      if (staleAuthors.size) await tx.run(queries.markStale, { authorIds: [...staleAuthors] });
    });
    for (const key of ['merged', 'aliased', 'deleted', 'missingTarget', 'skipped'] as const) counts[key] += outcome[key];
    for (const [reason, n] of Object.entries(outcome.skippedReasons)) counts.skippedReasons[reason] = (counts.skippedReasons[reason] ?? 0) + n;
    for (const line of reports) await report(line);
    options.onBatch();
  }
  return rows.length;
}
