import { appendFileSync, writeFileSync } from 'node:fs';
import type { GraphDocument } from '../graph-document.js';
import { checkedRecords, findFiles, noRecordsCounted, readItems, type Format, type RecordCounts } from '../import.js';
import type { PaperRecord } from '../record.js';

/**
 * The records of `npm run import` input files as the bulk converter takes them: every item
 * parsed by its format's parser and checked by runImport's own checkedRecords (import.ts), so
 * skipped, rejected and left-out byline entries are counted and reported the same way. Duplicates are the
 * converter's to find (it keeps the keys in bounded memory).
 */

export interface FileRecords {
  counts: RecordCounts;
  /** The project's JSON form's documents (their reported figures are written after the load). */
  documents: GraphDocument[];
  /** Appends a line to the report (the converter's duplicates, counted by the converter). */
  report: (line: Record<string, string>) => void;
  records: () => AsyncGenerator<PaperRecord>;
}

export function fileRecords(format: Format, paths: string[], options: { includeUnpublished?: boolean; reportFile?: string } = {}): FileRecords {
  const files = findFiles(format, paths);
  if (options.reportFile) writeFileSync(options.reportFile, '');
  const counts = noRecordsCounted();
  const documents: GraphDocument[] = [];
  const report = (line: Record<string, string>) => {
    if (options.reportFile) appendFileSync(options.reportFile, `${JSON.stringify(line)}\n`);
  };
  async function* records(): AsyncGenerator<PaperRecord> {
    const items = readItems(format, files, { format, paths, includeUnpublished: options.includeUnpublished }, documents);
    for await (const { record } of checkedRecords(items, counts, report)) yield record;
  }
  return { counts, documents, report, records };
}
