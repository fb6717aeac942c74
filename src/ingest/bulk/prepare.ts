import { recordHash } from '../batch-identity.js';
import { paperIdFor } from '../identity.js';
import { identityKeys } from '../import.js';
import type { PaperRecord } from '../record.js';

/**
 * What the bulk converter derives from a record alone, before it looks at its key tables: the
 * paper's node id, its identity keys and its hash (a SHA-256 of the record: the costliest). Made
 * on the part reader threads (part-reader-worker.ts), so that the converter's own thread does
 * less. Not the paper's row: its strings (title, abstract) would cross to the converter twice.
 */
export interface PreparedRecord {
  record: PaperRecord;
  paperId: string;
  /** identityKeys and the node id, once each. */
  keys: string[];
  hash: string;
}

export function prepareRecord(record: PaperRecord): PreparedRecord {
  const paperId = paperIdFor(record);
  // The node id too (a DOI's or OpenAlex id's node id is that key already: no second entry).
  const keys = [...new Set([...identityKeys(record), paperId])];
  return { record, paperId, keys, hash: recordHash(record) };
}

/** A record as it comes, or prepared (the converter prepares what is not). */
export type ConverterInput = PaperRecord | PreparedRecord;

const isPrepared = (input: ConverterInput): input is PreparedRecord => 'paperId' in input && 'hash' in input;

export const prepared = (input: ConverterInput): PreparedRecord => (isPrepared(input) ? input : prepareRecord(input));

/** The record itself, prepared or not (nothing computed). */
export const recordOf = (input: ConverterInput): PaperRecord => (isPrepared(input) ? input.record : input);
