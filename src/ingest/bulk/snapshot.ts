import { OPENALEX_SOURCE, parseOpenAlexWork } from '../formats/openalex.js';
import { checkedRecords, countChecked, noRecordsCounted, type Item, type RecordCounts } from '../import.js';
import type { PaperRecord } from '../record.js';
import { findSnapshot, readPart, shownPath, snapshotRecordId, type Snapshot } from '../snapshot/layout.js';
import type { AppliedPart } from '../snapshot/state.js';
import { defaultReaders, readPartsOnThreads } from './part-readers.js';
import { recordOf, type ConverterInput } from './prepare.js';

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
  /** The same records for the bulk converter: prepared on the reader threads when there are some. */
  inputs: () => AsyncGenerator<ConverterInput>;
}

/**
 * `readers`: threads that read the parts (part-readers.ts; every core but one by default); 0 reads
 * them on this thread.
 */
export function snapshotRecords(root: string, report: (line: Record<string, string>) => void, { readers = defaultReaders() } = {}): SnapshotRecords {
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
  async function* inputs(): AsyncGenerator<ConverterInput> {
    if (readers === 0) {
      for await (const { record } of checkedRecords(items(), counts, report)) yield record;
      return;
    }
    const jobs = works.map((part) => ({ part, shown: shownPath(snapshot, part) }));
    for await (const item of readPartsOnThreads(jobs, readers)) for await (const { record } of countChecked(item, counts, report)) yield item.prepared ?? record;
  }
  async function* records(): AsyncGenerator<PaperRecord> {
    for await (const input of inputs()) yield recordOf(input);
  }
  return {
    snapshot,
    counts,
    parts: works.map((part) => ({ id: part.id, entity: part.entity, records: part.records })),
    total: works.reduce((sum, part) => sum + part.records, 0),
    records,
    inputs,
  };
}

export const SNAPSHOT_SOURCE = OPENALEX_SOURCE.id;
