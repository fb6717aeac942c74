import { recordHash } from '../batch-identity.js';
import { paperRow } from '../batch-writes.js';
import { paperIdFor } from '../identity.js';
import { identityKeys } from '../import.js';
import type { PaperRecord } from '../record.js';

/**
 * What the bulk converter derives from a record alone, before it looks at its key tables: the
 * paper's node id, its identity keys, its hash and its row. Made on the part reader threads
 * (part-reader-worker.ts), so that the converter's own thread only resolves and writes.
 */
export interface PreparedRecord {
  record: PaperRecord;
  paperId: string;
  /** identityKeys and the node id, once each. */
  keys: string[];
  row: ReturnType<typeof paperRow>;
}

export function prepareRecord(record: PaperRecord): PreparedRecord {
  const paperId = paperIdFor(record);
  // The node id too (a DOI's or OpenAlex id's node id is that key already: no second entry).
  const keys = [...new Set([...identityKeys(record), paperId])];
  return { record, paperId, keys, row: paperRow({ record, id: paperId, hash: recordHash(record) }) };
}

/** A record as it comes, or prepared (the converter prepares what is not). */
export type ConverterInput = PaperRecord | PreparedRecord;

export const prepared = (input: ConverterInput): PreparedRecord => ('paperId' in input && 'row' in input ? input : prepareRecord(input as PaperRecord));
