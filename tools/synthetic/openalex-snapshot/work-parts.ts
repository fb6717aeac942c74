/**
 * Writing the works of a range of indices into one part, and what the authors tally needs of each
 * work, in compact arrays: shared by the single-thread path and the workers (worker.ts).
 */
import type { SnapshotState } from './context.js';
import { contextOf } from './context.js';
import { type Layout, PartWriter, type WrittenPart } from './parts.js';
import type { Works } from './works.js';

/** Per work of a batch: its identified authors, cited_by_count, year. */
export interface TallyBatch {
  from: number;
  to: number;
  /** authorCounts[k]: identified authors of work from + k, listed in order in `authors`. */
  authorCounts: Uint32Array;
  authors: Uint32Array;
  cited: Uint32Array;
  years: Uint16Array;
}

export interface PartStats {
  part: WrittenPart;
  authorships: number;
  nameOnly: number;
  unnamed: number;
}

const BATCH = 5_000;

export async function writeWorksPart(
  works: Works,
  root: string,
  date: string,
  part: number,
  from: number,
  to: number,
  onBatch: (batch: TallyBatch) => Promise<void> | void,
  layout: Layout = 'current',
): Promise<PartStats> {
  const writer = new PartWriter(root, 'works', date, Number.POSITIVE_INFINITY, part, layout);
  let authorships = 0;
  let nameOnly = 0;
  let unnamed = 0;
  for (let start = from; start < to; start += BATCH) {
    const end = Math.min(to, start + BATCH);
    const authorCounts = new Uint32Array(end - start);
    const cited = new Uint32Array(end - start);
    const years = new Uint16Array(end - start);
    let authors: number[] = [];
    for (let i = start; i < end; i++) {
      const built = works.build(i, date);
      authorships += built.authorships;
      nameOnly += built.nameOnly;
      if (built.unnamed) unnamed++;
      authorCounts[i - start] = built.authors.length;
      for (const a of built.authors) authors.push(a);
      cited[i - start] = built.citedByCount;
      years[i - start] = built.year;
      const wait = writer.add(built.json);
      if (wait) await wait;
    }
    const wait = onBatch({ from: start, to: end, authorCounts, authors: Uint32Array.from(authors), cited, years });
    if (wait) await wait;
    authors = [];
  }
  const [written] = await writer.close();
  return { part: written!, authorships, nameOnly, unnamed };
}

/** A worker's job: the base state and the partition, then parts one by one. */
export interface WorkerSetup {
  state: SnapshotState;
  root: string;
  date: string;
}
export interface PartJob {
  part: number;
  from: number;
  to: number;
}

export const worksOf = (state: SnapshotState) => contextOf(state).works;
