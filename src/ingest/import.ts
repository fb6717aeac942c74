import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { appendFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import type { GraphDatabase } from '../db/driver.js';
import { createWrite, type Write } from '../db/write.js';
import { normalizeKey, slug } from '../domain/normalize.js';
import { parseGraphDocument } from './formats/graph-document.js';
import { openAlexWorks, parseOpenAlexWork } from './formats/openalex.js';
import { parsePaperlistItem } from './formats/paperlist.js';
import type { GraphDocument } from './graph-document.js';
import { checkRecord, type Parsed, type PaperRecord } from './record.js';
import type { PlacementSummary } from './place-authors.js';
import { createImportWriter, type BatchResult } from './writer.js';

/**
 * An import run: finds the files, parses every item with its format's parser, checks it, drops
 * later duplicates, writes in batches, and keeps a summary and a report of what it rejected.
 */

export const FORMATS = ['openalex', 'paperlist', 'json'] as const;
export type Format = (typeof FORMATS)[number];

export interface ImportOptions {
  format: Format;
  paths: string[];
  batchSize?: number;
  /** Paper lists: keep rejected and withdrawn submissions too. */
  includeUnpublished?: boolean;
  /** JSON Lines file: one line per rejected record with its reason, and one per authorship placement moved (`placed`: the paper id, from, to, method, score, evidence). */
  reportFile?: string;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface ImportSummary {
  records: number;
  skipped: number;
  skippedReasons: Record<string, number>;
  rejected: number;
  /** Byline entries that were not names (a list, a sentence, a number), left out of their paper. */
  namesDropped: number;
  papers: BatchResult['papers'];
  authors: BatchResult['authors'];
  organizations: BatchResult['organizations'];
  topics: BatchResult['topics'];
  citationsLinked: number;
  /** Name-only organizations nothing named any more after the import (an earlier import's reading of affiliations). */
  organizationsRemoved: number;
  batches: number;
  rowsWritten: number;
  /** Milliseconds: reading, parsing and checking records; then the writer's phases (BatchResult.ms). */
  /** Name-only authorships placed after the batches (place-authors.ts): how many names, by which method, how many moved. */
  identity: PlacementSummary;
  ms: { parse: number; resolve: number; write: number; commit: number; place: number; refresh: number };
  statementMs: Record<string, number>;
}

export class ImportInputError extends Error {
  override name = 'ImportInputError';
}

const EXTENSIONS: Record<Format, RegExp> = {
  openalex: /\.(json|jsonl|ndjson)(\.gz)?$/i,
  paperlist: /\.json$/i,
  json: /\.json$/i,
};

/** The files named, folders searched recursively, in a stable order. */
export function findFiles(format: Format, paths: string[]): string[] {
  return findFilesMatching(paths, EXTENSIONS[format], `No ${format} files in ${paths.join(', ')}`);
}

/** The files named whose names match `pattern`, folders searched recursively, in a stable order; none: `noneFound`. */
export function findFilesMatching(paths: string[], pattern: RegExp, noneFound: string): string[] {
  const files: string[] = [];
  const visit = (path: string) => {
    if (!existsSync(path)) throw new ImportInputError(`No such file or folder: ${path}`);
    if (statSync(path).isDirectory()) {
      for (const entry of readdirSync(path).sort()) visit(join(path, entry));
    } else if (pattern.test(path)) files.push(path);
  };
  for (const path of paths) visit(path);
  if (files.length === 0) throw new ImportInputError(noneFound);
  return files;
}

/** The records per transaction an import was asked for (500 by default), refused outside 1 to 50,000. */
export function checkedBatchSize(batchSize = 500): number {
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) throw new ImportInputError('batch size must be 1 to 50000');
  return batchSize;
}

/** The import's report (JSON Lines of rejected records), emptied now; the function appends a line (nothing without a file). */
export async function openReport(reportFile: string | undefined): Promise<(line: Record<string, unknown>) => Promise<void>> {
  if (reportFile) await writeFile(reportFile, '');
  return async (line) => {
    if (reportFile) await appendFile(reportFile, `${JSON.stringify(line)}\n`);
  };
}

export interface Item {
  recordId: string;
  parsed: Parsed;
}

/** What reading counts: items, those skipped (by reason) or rejected, byline entries left out. */
export interface RecordCounts {
  records: number;
  skipped: number;
  skippedReasons: Record<string, number>;
  rejected: number;
  namesDropped: number;
}

export const noRecordsCounted = (): RecordCounts => ({ records: 0, skipped: 0, skippedReasons: {}, rejected: 0, namesDropped: 0 });

/**
 * Parsed items to the checked records the writer (or the bulk converter) takes: skipped ones
 * counted by reason, rejected ones and byline entries that are not names counted and reported.
 * The one place every load path decides this, so that they count and report alike.
 */
export async function* checkedRecords(
  items: AsyncIterable<Item>,
  counts: RecordCounts,
  report: (line: Record<string, string>) => void | Promise<void>,
): AsyncGenerator<{ recordId: string; record: PaperRecord }> {
  for await (const item of items) yield* countChecked(checkItem(item), counts, report);
}

/** What checking decided of an item (checkItem): pure, so that reader threads can decide it (bulk/part-readers.ts). */
export type CheckedItem = { recordId: string; dropped?: string[] } & ({ skipped: string } | { rejected: string } | { record: PaperRecord });

/** An item's record validated (checkRecord), or why it is skipped or rejected; the byline entries left out. */
export function checkItem({ recordId, parsed }: Item): CheckedItem {
  if ('skipped' in parsed) return { recordId, skipped: parsed.skipped };
  if ('rejected' in parsed) return { recordId, rejected: parsed.rejected };
  const checked = checkRecord(parsed.record);
  return { recordId, dropped: parsed.dropped, ...checked };
}

/** Counts and reports a checked item (checkItem), yielding its record when it has one. */
export async function* countChecked(
  item: CheckedItem,
  counts: RecordCounts,
  report: (line: Record<string, string>) => void | Promise<void>,
): AsyncGenerator<{ recordId: string; record: PaperRecord }> {
  const { recordId } = item;
  counts.records++;
  if ('skipped' in item) {
    counts.skipped++;
    counts.skippedReasons[item.skipped] = (counts.skippedReasons[item.skipped] ?? 0) + 1;
    return;
  }
  for (const reason of item.dropped ?? []) {
    counts.namesDropped++;
    await report({ record: recordId, dropped: reason });
  }
  if ('rejected' in item) {
    counts.rejected++;
    await report({ record: recordId, reason: item.rejected });
  } else yield { recordId, record: item.record };
}

async function* jsonLines(file: string): AsyncGenerator<unknown> {
  const input = file.endsWith('.gz') ? createReadStream(file).pipe(createGunzip()) : createReadStream(file);
  for await (const line of createInterface({ input, crlfDelay: Infinity })) {
    if (line.trim()) yield JSON.parse(line);
  }
}

/** Every item of every file, parsed; a file that is not valid JSON is one rejected item. */
export async function* readItems(format: Format, files: string[], options: ImportOptions, documents: GraphDocument[]): AsyncGenerator<Item> {
  for (const file of files) {
    const name = basename(file);
    try {
      if (format === 'openalex' && /\.(jsonl|ndjson)(\.gz)?$/i.test(file)) {
        let index = 0;
        for await (const work of jsonLines(file)) yield { recordId: `${name}#${index}`, parsed: parseOpenAlexWork(work, `${name}#${index++}`) };
        continue;
      }
      const content = JSON.parse(readFileSync(file, 'utf8')) as unknown;
      if (format === 'openalex') {
        const works = openAlexWorks(content);
        for (const [index, work] of works.entries()) yield { recordId: `${name}#${index}`, parsed: parseOpenAlexWork(work, `${name}#${index}`) };
      } else if (format === 'paperlist') {
        if (!Array.isArray(content)) throw new Error('a paper list is a JSON array');
        for (const [index, item] of content.entries()) {
          yield { recordId: `${name}#${index}`, parsed: parsePaperlistItem(item, index, { file: name, includeUnpublished: options.includeUnpublished }) };
        }
      } else {
        const { items, document } = parseGraphDocument(content, name);
        if (document) documents.push(document);
        for (const [index, parsed] of items.entries()) yield { recordId: `${name}#${index}`, parsed };
      }
    } catch (error) {
      yield { recordId: name, parsed: { rejected: `unreadable file: ${(error as Error).message}` } };
    }
  }
}

/** Keys under which two records are the same paper; a later record with a seen key is a duplicate. */
export function identityKeys(record: PaperRecord): string[] {
  const keys = [
    record.id && `id:${record.id}`,
    record.doi && `doi:${record.doi.toLowerCase()}`,
    record.openalexId && `openalex:${record.openalexId}`,
    record.arxivId && `arxiv:${record.arxivId}`,
    record.openreviewId && `openreview:${record.openreviewId}`,
  ].filter((key): key is string => Boolean(key));
  return keys.length ? keys : [`title:${normalizeKey(record.title)}|${record.year}|${normalizeKey(record.authors[0]!.name)}`];
}

/** Counts items without writing, for the progress bar's total. */
export async function countItems(format: Format, files: string[], options: Pick<ImportOptions, 'includeUnpublished'> = {}) {
  let total = 0;
  for await (const _item of readItems(format, files, { format, paths: [], ...options }, [])) total++;
  return total;
}

export async function runImport(db: GraphDatabase, options: ImportOptions): Promise<ImportSummary> {
  // Each transaction under NEO4J_IMPORT_TIMEOUT_MS (src/db/write.ts).
  const write = createWrite(db, { timeoutMs: db.write.importTimeoutMs });
  const writer = createImportWriter(db, write);
  const files = findFiles(options.format, options.paths);
  const total = options.onProgress ? await countItems(options.format, files, options) : 0;
  const batchSize = checkedBatchSize(options.batchSize);
  const report = await openReport(options.reportFile);

  const summary: ImportSummary = {
    records: 0, skipped: 0, skippedReasons: {}, rejected: 0, namesDropped: 0, citationsLinked: 0, organizationsRemoved: 0, batches: 0, rowsWritten: 0,
    papers: { created: 0, updated: 0, unchanged: 0 },
    authors: { created: 0, matched: 0, ambiguous: 0 },
    organizations: { created: 0, matched: 0, ambiguous: 0 },
    topics: { created: 0 },
    identity: { names: 0, placed: {}, moved: 0, ambiguousNames: 0 },
    ms: { parse: 0, resolve: 0, write: 0, commit: 0, place: 0, refresh: 0 },
    statementMs: {},
  };
  const reject = async (recordId: string, reason: string) => {
    summary.rejected++;
    await report({ record: recordId, reason });
  };
  const add = (result: BatchResult) => {
    for (const kind of ['papers', 'authors', 'organizations', 'topics'] as const) {
      for (const [field, value] of Object.entries(result[kind])) (summary[kind] as Record<string, number>)[field]! += value;
    }
    for (const phase of ['resolve', 'write', 'commit'] as const) summary.ms[phase] += result.ms[phase];
    for (const [name, ms] of Object.entries(result.statementMs)) summary.statementMs[name] = (summary.statementMs[name] ?? 0) + ms;
    summary.batches++;
    summary.rowsWritten += result.rowsWritten;
  };

  const documents: GraphDocument[] = [];
  const seen = new Map<string, string>();
  let batch: PaperRecord[] = [];
  let hasReferences = false;
  let writing = 0;
  const flush = async () => {
    const started = performance.now();
    if (batch.length) add(await writer.writeBatch(batch, { deferSummaries: true }));
    writing += performance.now() - started;
    batch = [];
  };
  const reading = performance.now();
  for await (const { recordId, record } of checkedRecords(readItems(options.format, files, options, documents), summary, report)) {
    const keys = identityKeys(record);
    const earlier = keys.map((key) => seen.get(key)).find(Boolean);
    if (earlier) {
      await reject(recordId, `duplicate of ${earlier} in this import`);
    } else {
      for (const key of keys) seen.set(key, recordId);
      // New citing or cited works: the citations between them are linked at the end.
      hasReferences ||= record.references.length > 0 || Boolean(record.openalexId);
      batch.push(record);
      if (batch.length >= batchSize) await flush();
    }
    options.onProgress?.({ done: summary.records, total });
  }
  await flush();
  summary.ms.parse = performance.now() - reading - writing;
  options.onProgress?.({ done: summary.records, total });

  // Name-only authorships placed by evidence (a killed run's marks too), then every author the
  // batches or the placement touched gets its summaries once.
  const placing = performance.now();
  // The report says where each placement moved an authorship, and why.
  summary.identity = await writer.placePendingAuthors(({ paperId, ...move }) => report({ placed: paperId, ...move }));
  summary.authors.ambiguous = summary.identity.ambiguousNames;
  summary.ms.place = performance.now() - placing;
  const refreshing = performance.now();
  await writer.refreshStaleAuthors();
  summary.ms.refresh = performance.now() - refreshing;
  // What an earlier import made of affiliations that this one reads differently goes.
  summary.organizationsRemoved = await writer.removeOrphanOrganizations();
  if (hasReferences) summary.citationsLinked = await writer.linkReferences();
  for (const document of documents) await writeReported(write, document);
  return summary;
}

const writeReportedQuery = cypher('import/write-reported');

export async function writeReported(write: Write, document: GraphDocument) {
  const reports = document.authors
    .filter((author) => author.reported)
    .map((author) => ({
      sourceId: document.source.id,
      nameKey: normalizeKey(author.name),
      nameId: `author:${slug(author.name)}`,
      // Whole numbers stored as integers, as Neo4j would from any other client.
      figures: Object.fromEntries(Object.entries(author.reported!).map(([k, v]) => [k, typeof v === 'number' && Number.isInteger(v) ? neo4j.int(v) : v])),
    }));
  if (reports.length) await write.statement(writeReportedQuery, { reports });
}
