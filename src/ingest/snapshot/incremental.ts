import neo4j from 'neo4j-driver';
import { cypher } from '../../db/cypher.js';
import type { GraphDatabase } from '../../db/driver.js';
import { createWrite, type Write } from '../../db/write.js';
import { importQueries } from '../batch-statements.js';
import { topicNodeRows } from '../batch-writes.js';
import { keyOf } from '../identity.js';
import { OPENALEX_SOURCE, parseOpenAlexAuthor, parseOpenAlexInstitution, parseOpenAlexTopic, parseOpenAlexWork } from '../formats/openalex.js';
import { checkedBatchSize, checkedRecords, identityKeys, openReport, type ImportSummary, type Item } from '../import.js';
import type { PaperRecord } from '../record.js';
import { createImportWriter, type BatchResult } from '../writer.js';
import { findSnapshot, readMergedIds, readPart, shownPath, type SnapshotEntity, type SnapshotPart } from './layout.js';
import { applyMergedIds, emptyMergeCounts, type MergeCounts } from './merges.js';
import { appliedParts, recordAppliedParts, type AppliedPart } from './state.js';

/**
 * `npm run import -- openalex-snapshot DIR`: brings the graph up to date with an OpenAlex
 * snapshot, transactionally, applying only what it has not applied before (snapshot/state.ts):
 *
 * 1. the snapshot is found and checked against its manifests (snapshot/layout.ts), and every
 *    part and merged-ids file not applied yet is read whole once before anything is written: a
 *    corrupt gzip, a truncated or invalid line, a count the manifest does not give fails the run
 *    naming file and line, with nothing written;
 * 2. topics parts (names and the hierarchy), then works parts through the importer's writer
 *    (writer.ts, a batch per transaction, summaries deferred), in updated_date order: a later
 *    partition's record of a work updates it (upsert by id); then the author summaries, the
 *    citations to the works written from papers that arrived before them (one pass over the
 *    papers' referencedWorks, looking up only references to those works), and the works parts
 *    are recorded applied;
 * 3. institutions and authors parts: what they say about the organizations and authors the works
 *    brought (names, ROR, country, type; ORCID and the figures OpenAlex reports);
 * 4. merged-ids files (snapshot/merges.ts), then the summaries of the authors merges changed.
 *
 * Each part is recorded applied only once all its writes committed; until then a run killed half
 * way leaves it pending, and the next run writes it again (records written before are found
 * unchanged and skipped, merges applied before are skipped), so it ends in the graph one clean
 * run makes. A run with nothing new writes nothing.
 */

export interface SnapshotSyncOptions {
  dir: string;
  /** Records (works) or rows (other entities) per transaction. */
  batchSize?: number;
  /** JSON Lines: rejected records, byline entries left out and merges not applied, with reasons. */
  reportFile?: string;
  onProgress?: (progress: { done: number; total: number }) => void;
  /**
   * Tests: asked after each committed batch (its phase, and how many batches of that phase this
   * run committed); true stops the run there (throws SnapshotSyncStopped), as a kill would.
   */
  stopAfter?: (batch: { phase: SyncPhase; batches: number }) => boolean;
}

export type SyncPhase = 'topics' | 'works' | 'institutions' | 'authors' | 'merges';

export class SnapshotSyncStopped extends Error {
  override name = 'SnapshotSyncStopped';
}

type EntityCounts = { records: number; rejected: number; matched: number };

export interface SnapshotSyncSummary {
  snapshot: string;
  layout: 'current' | 'older';
  /** Parts and merged-ids files applied by this run, in order; how many were applied before. */
  parts: { applied: AppliedPart[]; alreadyApplied: number };
  /** Records read from the parts applied (every entity). */
  records: number;
  works: Pick<ImportSummary, 'records' | 'skipped' | 'skippedReasons' | 'rejected' | 'namesDropped' | 'papers' | 'authors' | 'organizations' | 'topics' | 'citationsLinked'>;
  /** Entity parts: records read, rejected, and how many matched a node of the graph (topics: written). */
  authors: EntityCounts;
  institutions: EntityCounts;
  topics: EntityCounts;
  merges: MergeCounts & { files: number; rows: number };
  batches: number;
  rowsWritten: number;
  /** Write transactions committed (0 when there was nothing new). */
  writeTransactions: number;
  ms: { validate: number; topics: number; works: number; entities: number; merges: number; refresh: number; link: number };
}

/** Parts apply in this order: topics name the hierarchy works link to; entities describe what works brought. */
const ENTITY_ORDER: SnapshotEntity[] = ['topics', 'works', 'institutions', 'authors'];

const queries = {
  authors: cypher('import/snapshot/write-authors'),
  institutions: cypher('import/snapshot/write-institutions'),
  topics: cypher('import/snapshot/write-topics'),
  linkReferences: cypher('import/snapshot/link-references'),
  anyStale: 'MATCH (a:StaleSummary) RETURN a.id AS id LIMIT 1',
};

/** Up to this many works in a sync, citations are linked to them alone; past it, over the whole graph. */
const TARGETED_LINKING = 1_000_000;

/** A write path that counts the transactions it runs. */
function counting(inner: Write) {
  const count = { transactions: 0 };
  const write: Write = {
    transaction: (work) => {
      count.transactions++;
      return inner.transaction(work);
    },
    statement: (query, params) => {
      count.transactions++;
      return inner.statement(query, params);
    },
  };
  return { write, count };
}

export async function syncSnapshot(db: GraphDatabase, options: SnapshotSyncOptions): Promise<SnapshotSyncSummary> {
  const batchSize = checkedBatchSize(options.batchSize);
  const snapshot = findSnapshot(options.dir);
  const shown = (file: { path: string }) => shownPath(snapshot, file);
  const applied = await appliedParts(db);
  const parts = ENTITY_ORDER.flatMap((entity) => snapshot.parts[entity] ?? []);
  const pending = parts.filter((part) => !applied.has(part.id));
  const pendingMerges = snapshot.mergedIds.filter((file) => !applied.has(file.id));

  const entityCounts = (): EntityCounts => ({ records: 0, rejected: 0, matched: 0 });
  const summary: SnapshotSyncSummary = {
    snapshot: snapshot.root,
    layout: snapshot.layout,
    parts: { applied: [], alreadyApplied: parts.length + snapshot.mergedIds.length - pending.length - pendingMerges.length },
    records: 0,
    works: {
      records: 0, skipped: 0, skippedReasons: {}, rejected: 0, namesDropped: 0, citationsLinked: 0,
      papers: { created: 0, updated: 0, unchanged: 0 }, authors: { created: 0, matched: 0, ambiguous: 0 },
      organizations: { created: 0, matched: 0, ambiguous: 0 }, topics: { created: 0 },
    },
    authors: entityCounts(),
    institutions: entityCounts(),
    topics: entityCounts(),
    merges: { ...emptyMergeCounts(), files: 0, rows: 0 },
    batches: 0,
    rowsWritten: 0,
    writeTransactions: 0,
    ms: { validate: 0, topics: 0, works: 0, entities: 0, merges: 0, refresh: 0, link: 0 },
  };

  // 1. Everything this run will apply is read whole once before anything is written.
  let started = performance.now();
  for (const part of pending) for await (const _record of readPart(part, shown(part)));
  for (const file of pendingMerges) for await (const _row of readMergedIds(file, shown(file)));
  summary.ms.validate = performance.now() - started;

  // A run killed while refreshing author summaries left marks (and its parts recorded): finish them.
  const stale = (await db.driver.executeQuery(queries.anyStale, {}, { database: db.database, routing: neo4j.routing.READ })).records.length > 0;
  if (pending.length === 0 && pendingMerges.length === 0 && !stale) return summary;

  const { write, count } = counting(createWrite(db, { timeoutMs: db.write.importTimeoutMs }));
  const writer = createImportWriter(db, write);
  const report = await openReport(options.reportFile);
  const total = pending.reduce((n, part) => n + part.records, 0);
  let done = 0;
  const progress = () => options.onProgress?.({ done, total });
  const phaseBatches: Partial<Record<SyncPhase, number>> = {};
  const committed = (phase: SyncPhase) => {
    summary.batches++;
    summary.writeTransactions = count.transactions;
    const batches = (phaseBatches[phase] = (phaseBatches[phase] ?? 0) + 1);
    if (options.stopAfter?.({ phase, batches })) throw new SnapshotSyncStopped(`stopped after ${batches} ${phase} batches (stopAfter)`);
  };
  const recordApplied = async (done: SnapshotPart[] | { id: string; entity: string; records: number }[]) => {
    const list = done.map((part) => ({ id: part.id, entity: part.entity, records: part.records }));
    await recordAppliedParts(db, list, { write });
    summary.parts.applied.push(...list);
  };
  progress();

  /** An entity part, a batch of rows per transaction. */
  const entityPart = async <Row>(phase: SyncPhase, part: SnapshotPart, counts: EntityCounts, parse: (record: unknown) => { row: Row } | { rejected: string }, writeRows: (rows: Row[]) => Promise<number>) => {
    let rows: Row[] = [];
    const flush = async () => {
      if (rows.length === 0) return;
      counts.matched += await writeRows(rows);
      summary.rowsWritten += rows.length;
      done += rows.length;
      rows = [];
      committed(phase);
      progress();
    };
    for await (const { line, record } of readPart(part, shown(part))) {
      counts.records++;
      summary.records++;
      const parsed = parse(record);
      if ('rejected' in parsed) {
        counts.rejected++;
        done++;
        await report({ record: `${shown(part)}:${line}`, reason: parsed.rejected });
      } else rows.push(parsed.row);
      if (rows.length >= batchSize) await flush();
    }
    await flush();
    progress();
    await recordApplied([part]);
  };
  const statementRows = async (query: string, params: Record<string, unknown>) => {
    const { records } = await write.statement(query, params);
    return records.length ? Number(records[0]!.get('matched') ?? records.length) : 0;
  };

  // 2. Topics, then works.
  started = performance.now();
  for (const part of pending.filter((p) => p.entity === 'topics')) {
    await entityPart('topics', part, summary.topics, (record) => {
      const parsed = parseOpenAlexTopic(record);
      return 'topic' in parsed ? { row: parsed.topic } : parsed;
    }, async (topics) => {
      const rows = topicNodeRows(topics);
      await write.statement(queries.topics, { topics: rows });
      return topics.length;
    });
  }
  summary.ms.topics = performance.now() - started;

  started = performance.now();
  const workParts = pending.filter((p) => p.entity === 'works');
  const add = (result: BatchResult) => {
    for (const kind of ['papers', 'authors', 'organizations', 'topics'] as const) {
      for (const [field, value] of Object.entries(result[kind])) (summary.works[kind] as Record<string, number>)[field]! += value;
    }
    summary.rowsWritten += result.rowsWritten;
  };
  let batch: PaperRecord[] = [];
  const inBatch = new Set<string>();
  // The works this sync writes (or finds written by a run killed before it recorded their parts).
  let written: Set<string> | undefined = new Set<string>();
  const flush = async () => {
    if (batch.length) {
      add(await writer.writeBatch(batch, { deferSummaries: true }));
      batch = [];
      inBatch.clear();
      committed('works');
    }
    progress();
  };
  // Reports name the part as it is on disk (`where`); the records, by the part's id whatever the
  // layout (the bulk path names them so too). checkedRecords reports an item before it reads the next.
  let where = '';
  const reportWork = (line: Record<string, string>) => report({ ...line, record: where });
  async function* workItems(part: SnapshotPart): AsyncGenerator<Item> {
    for await (const { line, record } of readPart(part, shown(part))) {
      summary.records++;
      done++;
      const recordId = `${part.id}:${line}`;
      where = `${shown(part)}:${line}`;
      yield { recordId, parsed: parseOpenAlexWork(record, recordId) };
    }
  }
  for (const part of workParts) {
    for await (const { record } of checkedRecords(workItems(part), summary.works, reportWork)) {
      // A work twice in one batch (a later partition's update next to the earlier one) would be
      // resolved twice against the same graph: the earlier one is written first.
      const keys = identityKeys(record);
      if (keys.some((key) => inBatch.has(key))) await flush();
      for (const key of keys) inBatch.add(key);
      if (written && record.openalexId) {
        written.add(record.openalexId);
        if (written.size > TARGETED_LINKING) written = undefined;
      }
      batch.push(record);
      if (batch.length >= batchSize) await flush();
    }
    await flush();
  }
  summary.ms.works = performance.now() - started;
  if (workParts.length || stale) {
    started = performance.now();
    await writer.refreshStaleAuthors();
    // Organizations an updated work no longer names, if nothing else does.
    await writer.removeOrphanOrganizations();
    summary.ms.refresh += performance.now() - started;
  }
  if (workParts.length) {
    started = performance.now();
    summary.works.citationsLinked = written
      ? (await write.statement(queries.linkReferences, { ids: [...written] })).summary.counters.updates().relationshipsCreated
      : await writer.linkReferences();
    summary.ms.link = performance.now() - started;
    await recordApplied(workParts);
  }

  // 3. Institutions and authors.
  started = performance.now();
  for (const part of pending.filter((p) => p.entity === 'institutions')) {
    await entityPart('institutions', part, summary.institutions, parseOpenAlexInstitution, (rows) =>
      statementRows(queries.institutions, { institutions: rows.map((row) => ({ ...row, nameKey: keyOf(row.name) })) }),
    );
  }
  const authorParts = pending.filter((p) => p.entity === 'authors');
  if (authorParts.length) await write.statement(importQueries.sources, { sources: [OPENALEX_SOURCE] });
  for (const part of authorParts) {
    await entityPart('authors', part, summary.authors, parseOpenAlexAuthor, (rows) => statementRows(queries.authors, { authors: rows, sourceId: OPENALEX_SOURCE.id }));
  }
  summary.ms.entities = performance.now() - started;

  // 4. Merged ids, then the summaries of the authors they changed.
  started = performance.now();
  for (const file of pendingMerges) {
    const rows = await applyMergedIds(file, { write, shown: shown(file), counts: summary.merges, report, onBatch: () => committed('merges'), batchSize });
    summary.merges.rows += rows;
    summary.merges.files++;
    await recordApplied([{ id: file.id, entity: `merged_ids/${file.entity}`, records: rows }]);
  }
  summary.ms.merges = performance.now() - started;
  if (pendingMerges.length) {
    started = performance.now();
    await writer.refreshStaleAuthors();
    summary.ms.refresh += performance.now() - started;
  }
  summary.writeTransactions = count.transactions;
  progress();
  return summary;
}
