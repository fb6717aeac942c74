/** The generator's state for one snapshot: sizes, seed, partitions; saved beside the data so an update can rebuild any record. */
import { readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Authors } from './authors.js';
import type { Layout } from './parts.js';
import { SnapshotIds } from './ids.js';
import { Institutions, institutionCount } from './institutions.js';
import { Sources, sourceCount } from './sources.js';
import { type AddedWorks, Works } from './works.js';

export const STATE_FILE = 'generator.json';

export interface UpdateState {
  date: string;
  seed: number;
  updatedWorks: number;
  newWorks: AddedWorks;
  mergedAuthors: number;
  mergedWorks: number;
  /** Offsets of the Spreads that picked the updated works and the merged authors. */
  updatedOffset: number;
  mergedOffset: number;
  /** Author index space and work count when the update was made (its Spreads' totals). */
  authorTotal: number;
  workTotal: number;
  /** Works merged away by this update (a few). */
  mergedWorkIndices: number[];
}

export interface SnapshotState {
  generator: 'scholar-graph openalex-snapshot';
  version: 1;
  seed: number;
  date: string;
  works: number;
  partSize: number;
  /** Absent in files of the first version: current. */
  layout?: Layout;
  updates: UpdateState[];
}

export function contextOf(state: SnapshotState) {
  const ids = new SnapshotIds(state.seed);
  const institutions = new Institutions(state.seed, ids, institutionCount(state.works));
  const authors = new Authors(state.seed, ids, institutions, state.works);
  const sources = new Sources(ids, sourceCount(state.works));
  const works = new Works({
    seed: state.seed,
    ids,
    authors,
    sources,
    baseWorks: state.works,
    added: state.updates.map((update) => update.newWorks),
    baseDate: state.date,
  });
  return { ids, institutions, authors, sources, works };
}

export async function readState(root: string): Promise<SnapshotState> {
  let text: string;
  try {
    text = await readFile(path.join(root, STATE_FILE), 'utf8');
  } catch {
    throw new Error(`${root} is not a snapshot made by this generator (no ${STATE_FILE}): generate one first (--format openalex-snapshot --works N --out DIR)`);
  }
  const state = JSON.parse(text) as SnapshotState;
  if (state.version !== 1) throw new Error(`${path.join(root, STATE_FILE)}: unknown version ${state.version}`);
  return state;
}

export async function writeState(root: string, state: SnapshotState) {
  const file = path.join(root, STATE_FILE);
  await writeFile(`${file}.tmp`, `${JSON.stringify(state, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
}
