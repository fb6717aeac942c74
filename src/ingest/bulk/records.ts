import { appendFileSync, writeFileSync } from 'node:fs';
import type { GraphDocument } from '../graph-document.js';
import { findFiles, readItems, type Format } from '../import.js';
import { checkRecord, type PaperRecord } from '../record.js';

/**
 * The records of `npm run import` input files as the bulk converter takes them: every item
 * parsed by its format's parser and checked, exactly as runImport does (import.ts); skipped,
 * rejected and left-out byline entries counted and reported the same way. Duplicates are the
 * converter's to find (it keeps the keys in bounded memory).
 */

export interface RecordCounts {
  records: number;
  skipped: number;
  skippedReasons: Record<string, number>;
  rejected: number;
  namesDropped: number;
}

export interface FileRecords {
  counts: RecordCounts;
  /** The project's JSON form's documents (their reported figures are written after the load). */
  documents: GraphDocument[];
  /** Appends a line to the report (also the converter's duplicates). */
  report: (line: Record<string, string>) => void;
  records: () => AsyncGenerator<PaperRecord>;
}

export function fileRecords(format: Format, paths: string[], options: { includeUnpublished?: boolean; reportFile?: string } = {}): FileRecords {
  const files = findFiles(format, paths);
  if (options.reportFile) writeFileSync(options.reportFile, '');
  const counts: RecordCounts = { records: 0, skipped: 0, skippedReasons: {}, rejected: 0, namesDropped: 0 };
  const documents: GraphDocument[] = [];
  const report = (line: Record<string, string>) => {
    if (line.reason) counts.rejected++;
    if (options.reportFile) appendFileSync(options.reportFile, `${JSON.stringify(line)}\n`);
  };
  async function* records(): AsyncGenerator<PaperRecord> {
    for await (const { recordId, parsed } of readItems(format, files, { format, paths, includeUnpublished: options.includeUnpublished }, documents)) {
      counts.records++;
      if ('skipped' in parsed) {
        counts.skipped++;
        counts.skippedReasons[parsed.skipped] = (counts.skippedReasons[parsed.skipped] ?? 0) + 1;
        continue;
      }
      if ('rejected' in parsed) {
        report({ record: recordId, reason: parsed.rejected });
        continue;
      }
      for (const reason of parsed.dropped ?? []) {
        counts.namesDropped++;
        report({ record: recordId, dropped: reason });
      }
      const checked = checkRecord(parsed.record);
      if ('rejected' in checked) report({ record: recordId, reason: checked.rejected });
      else yield checked.record;
    }
  }
  return { counts, documents, report, records };
}
