import { OPENALEX_SOURCE, parseOpenAlexWork } from '../formats/openalex.js';
import { checkedRecords, noRecordsCounted, type Item, type RecordCounts } from '../import.js';
import type { PaperRecord } from '../record.js';
import { findSnapshot, readPart, shownPath, type Snapshot, type SnapshotPart } from '../snapshot/layout.js';
import type { AppliedPart } from '../snapshot/state.js';

/**
 * An OpenAlex snapshot's works as the bulk converter takes them (snapshot/layout.ts finds and
 * reads the parts: both layouts, manifests, file:line errors). The newest partition is read
 * first: a work that a later partition updated is loaded as that version, and its older copies
 * are the converter's duplicates (reported). A corrupt part fails the conversion, before
 * anything is imported. Merged ids are not applied by the first load and not recorded: the next
 * `npm run import -- openalex-snapshot DIR` applies them, as it applies the parts of the other
 * entities (authors, institutions, topics), which the first load does not read either.
 */

export interface SnapshotRecords {
  snapshot: Snapshot;
  counts: RecordCounts;
  /** The works parts loaded, for the applied-parts state (snapshot/state.ts), once the load committed. */
  parts: AppliedPart[];
  /** Records in the parts (the manifests' counts). */
  total: number;
  records: () => AsyncGenerator<PaperRecord>;
}

/** Where a snapshot record sits: the part's id (current layout form) and its line. */
export const snapshotRecordId = (part: SnapshotPart, line: number) => `${part.id}:${line}`;

export function snapshotRecords(root: string, report: (line: Record<string, string>) => void): SnapshotRecords {
  const snapshot = findSnapshot(root);
  const works = [...(snapshot.parts.works ?? [])].reverse();
  const counts = noRecordsCounted();
  async function* items(): AsyncGenerator<Item> {
    for (const part of works) {
      for await (const { line, record: work } of readPart(part, shownPath(snapshot, part))) {
        const recordId = snapshotRecordId(part, line);
        yield { recordId, parsed: parseOpenAlexWork(work, recordId) };
      }
    }
  }
  async function* records(): AsyncGenerator<PaperRecord> {
    for await (const { record } of checkedRecords(items(), counts, report)) yield record;
  }
  return {
    snapshot,
    counts,
    parts: works.map((part) => ({ id: part.id, entity: part.entity, records: part.records })),
    total: works.reduce((sum, part) => sum + part.records, 0),
    records,
  };
}

export const SNAPSHOT_SOURCE = OPENALEX_SOURCE.id;
