import type { Driver } from 'neo4j-driver';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { createImportWriter, type BatchResult } from '../../src/ingest/writer.js';
import type { SyntheticGraph } from './graph.js';
import { graphRecords } from './records.js';

export interface GraphWriteProgress {
  /** Records (papers) written so far, and of how many. */
  records: number;
  totalRecords: number;
}

export interface GraphWriteOptions {
  /** Records (papers) per write transaction. */
  batchSize?: number;
  onProgress?: (progress: GraphWriteProgress) => void;
}

export interface GraphWriteSummary {
  records: number;
  batches: number;
  papers: BatchResult['papers'];
  authorsCreated: number;
  organizationsCreated: number;
  /** Authors whose summaries (AFFILIATED_WITH, display name) were computed at the end. */
  authorsRefreshed: number;
  /** Milliseconds: the batches, then the summaries. */
  ms: { batches: number; summaries: number };
}

/**
 * Writes a generated graph the way `npm run import` writes any source (src/ingest/writer.ts):
 * its records (records.ts) in batches, each one transaction under the importer's identity
 * rules, then every touched author's summaries once. The same graph again changes nothing
 * (every record is found unchanged); another prefix adds a second graph beside the first.
 */
export async function writeGraph(
  driver: Driver,
  database: string,
  graph: SyntheticGraph,
  { batchSize = 1_000, onProgress }: GraphWriteOptions = {},
): Promise<GraphWriteSummary> {
  if (!Number.isInteger(batchSize) || batchSize < 1) throw new RangeError(`batchSize must be a positive integer, not ${batchSize}`);
  const writer = createImportWriter(graphDatabaseOn(driver, database));
  const records = graphRecords(graph);
  const summary: GraphWriteSummary = {
    records: records.length,
    batches: 0,
    papers: { created: 0, updated: 0, unchanged: 0 },
    authorsCreated: 0,
    organizationsCreated: 0,
    authorsRefreshed: 0,
    ms: { batches: 0, summaries: 0 },
  };
  const started = performance.now();
  // One after the other: concurrent batches would contend for the locks of the same authors.
  for (let start = 0; start < records.length; start += batchSize) {
    const result = await writer.writeBatch(records.slice(start, start + batchSize), { deferSummaries: true });
    for (const kind of ['created', 'updated', 'unchanged'] as const) summary.papers[kind] += result.papers[kind];
    summary.authorsCreated += result.authors.created;
    summary.organizationsCreated += result.organizations.created;
    summary.batches++;
    onProgress?.({ records: Math.min(start + batchSize, records.length), totalRecords: records.length });
  }
  const batched = performance.now();
  summary.ms.batches = batched - started;
  // Citations need no late linking: a record only cites older papers, written before it.
  summary.authorsRefreshed = await writer.refreshStaleAuthors();
  summary.ms.summaries = performance.now() - batched;
  return summary;
}
