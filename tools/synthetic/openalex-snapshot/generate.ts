/**
 * A new snapshot: institutions and topics first (small), then the works in index order, the
 * authors entity streaming beside them (AuthorTally finishes each author once no later work can
 * name it), then the manifests and the generator's state file.
 */
import { mkdir, readdir } from 'node:fs/promises';
import { AuthorTally } from './authors.js';
import { type SnapshotState, contextOf, writeState } from './context.js';
import { ENTITIES, type Entity, PartWriter, type WrittenPart, preparePartition, writeManifest } from './parts.js';
import { TOPIC_COUNT, topicRecord } from './taxonomy.js';

export interface GenerateSnapshotOptions {
  /** The snapshot's root directory (created; must be empty or absent). */
  dir: string;
  works: number;
  seed?: number;
  /** Records per part file (default 100,000; OpenAlex's are up to ~400k). */
  partSize?: number;
  /** The partition's updated_date, YYYY-MM-DD (default 2025-01-01). */
  date?: string;
  onProgress?: (works: number) => void;
}

export interface SnapshotCounts {
  works: number;
  /** Records of the authors entity (identified authors with a work, ghosts excluded). */
  authors: number;
  authorships: number;
  nameOnlyAuthorships: number;
  unnamedWorks: number;
  institutions: number;
  topics: number;
  /** Part files written, by entity. */
  parts: Record<Entity, number>;
  files: string[];
}

export const DEFAULT_PART_SIZE = 100_000;
export const DEFAULT_DATE = '2025-01-01';
const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkDate(date: string) {
  if (!DATE.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`))) throw new RangeError(`date must be YYYY-MM-DD, not "${date}"`);
}

export async function generateOpenAlexSnapshot(options: GenerateSnapshotOptions): Promise<SnapshotCounts> {
  const { dir, works: workCount, seed = 42, partSize = DEFAULT_PART_SIZE, date = DEFAULT_DATE } = options;
  if (!Number.isInteger(workCount) || workCount < 1) throw new RangeError(`works must be a positive integer, not ${workCount}`);
  if (!Number.isInteger(seed)) throw new RangeError(`seed must be an integer, not ${seed}`);
  if (!Number.isInteger(partSize) || partSize < 1) throw new RangeError(`partSize must be a positive integer, not ${partSize}`);
  checkDate(date);
  await mkdir(dir, { recursive: true });
  if ((await readdir(dir)).length) throw new Error(`${dir} is not empty: give a new directory (or --update it to add a partition)`);

  const state: SnapshotState = { generator: 'scholar-graph openalex-snapshot', version: 1, seed, date, works: workCount, partSize, updates: [] };
  const context = contextOf(state);
  for (const entity of ENTITIES) await preparePartition(dir, entity, date);
  const writers = Object.fromEntries(ENTITIES.map((entity) => [entity, new PartWriter(dir, entity, date, partSize)])) as Record<Entity, PartWriter>;

  for (let k = 0; k < context.institutions.count; k++) await writers.institutions.add(context.institutions.record(k, date));
  for (let t = 0; t < TOPIC_COUNT; t++) await writers.topics.add(topicRecord(t, date));

  const waits: Promise<void>[] = [];
  const tally = new AuthorTally(context.authors, date, (record) => {
    const wait = writers.authors.add(record);
    if (wait) waits.push(wait);
  });
  let authorships = 0;
  let nameOnly = 0;
  let unnamed = 0;
  for (let i = 0; i < workCount; i++) {
    const built = context.works.build(i, date);
    authorships += built.record.authorships.length;
    nameOnly += built.nameOnly;
    if (built.unnamed) unnamed++;
    for (const a of built.authors) tally.add(a, built.citedByCount, built.year);
    const wait = writers.works.add(built.record);
    if (wait) await wait;
    tally.passed(i);
    if (waits.length) await Promise.all(waits.splice(0));
    if (options.onProgress && (i + 1) % 10_000 === 0) options.onProgress(i + 1);
  }
  tally.end();
  await Promise.all(waits);
  options.onProgress?.(workCount);

  const parts = {} as Record<Entity, number>;
  const files: string[] = [];
  for (const entity of ENTITIES) {
    const written: WrittenPart[] = await writers[entity].close();
    parts[entity] = written.length;
    files.push(...written.map((part) => part.file));
    await writeManifest(dir, entity, [], written);
  }
  await writeState(dir, state);
  return {
    works: workCount,
    authors: writers.authors.records,
    authorships,
    nameOnlyAuthorships: nameOnly,
    unnamedWorks: unnamed,
    institutions: context.institutions.count,
    topics: TOPIC_COUNT,
    parts,
    files,
  };
}
