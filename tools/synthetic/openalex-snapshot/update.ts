/**
 * An update partition for a snapshot this generator wrote, the way OpenAlex publishes changes:
 * `data/jsonl/works/updated_date=<date>/` holds new versions of existing works (more citations,
 * for some a fixed title or a changed byline) and some new works; `merged_ids/authors/<date>.csv.gz`
 * merges authors into a neighbour (duplicates of one person), `merged_ids/works/<date>.csv.gz` a
 * few works, one of them into the deleted-works sentinel W4285719527; the works manifest is
 * rewritten to list the new parts.
 *
 * OpenAlex keeps a record only in its latest partition; here the old version stays in its old
 * partition as well (rewriting the base parts would cost as much as generating them). The
 * importer applies partitions in date order and upserts by id, so the newer version wins either
 * way. The authors entity is not rewritten (its counts stay those of the base snapshot).
 *
 * Safe to re-run after a crash: the partition's files are replaced, the manifest entries of the
 * same partition replaced, and generator.json (written last) records the update.
 */
import type { Random } from '../random.js';
import { type UpdateState, contextOf, readState, writeState } from './context.js';
import { checkDate } from './generate.js';
import { SALT, Spread, hash32, randomFor, unit } from './hash.js';
import { DELETED_WORK, OPENALEX, endsInNine } from './ids.js';
import { PartWriter, type WrittenPart, preparePartition, readManifest, writeManifest, writeMergedIds } from './parts.js';
import { SNAPSHOT_SHAPE as SHAPE } from './shape.js';
import type { Authorship, Works } from './works.js';

export interface SnapshotUpdateOptions {
  /** A snapshot written by generateOpenAlexSnapshot. */
  dir: string;
  /** Existing works to write again, updated. */
  works: number;
  /** New works in the partition (default a tenth of `works`). */
  newWorks?: number;
  /** Authors merged into another author (default 0). */
  mergedAuthors?: number;
  /** Works merged into another work (default 5), plus one into the deleted sentinel. */
  mergedWorks?: number;
  /** The partition's date, after every earlier one (default: the day after the latest). */
  date?: string;
  /** Seed of this update's draws (default: from the snapshot's seed and the update's number). */
  seed?: number;
  partSize?: number;
}

export interface SnapshotUpdateCounts {
  date: string;
  /** Records in the new works partition. */
  works: number;
  updatedWorks: number;
  newWorks: number;
  titleFixes: number;
  bylineChanges: number;
  mergedAuthors: number;
  /** Works merges, the deleted one included. */
  mergedWorks: number;
  parts: number;
  /** New files, relative to the root: the parts, then the merged-id files. */
  files: string[];
}

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function addSnapshotUpdate(options: SnapshotUpdateOptions): Promise<SnapshotUpdateCounts> {
  const { dir, works: updatedCount } = options;
  const state = await readState(dir);
  const latest = state.updates.at(-1)?.date ?? state.date;
  const date = options.date ?? nextDay(latest);
  checkDate(date);
  if (date <= latest) throw new RangeError(`the update's date ${date} must be after the snapshot's latest partition (${latest})`);
  const newCount = options.newWorks ?? Math.round(updatedCount * SHAPE.newWorksShare);
  const mergedAuthors = options.mergedAuthors ?? 0;
  const mergedWorks = options.mergedWorks ?? 5;
  const partSize = options.partSize ?? state.partSize;
  for (const [name, value] of Object.entries({ works: updatedCount, newWorks: newCount, mergedAuthors, mergedWorks, partSize })) {
    if (!Number.isInteger(value) || value < (name === 'partSize' ? 1 : 0)) throw new RangeError(`${name} must be a whole number, not ${value}`);
  }
  const seed = options.seed ?? hash32(state.seed, SALT.update, state.updates.length + 1);

  const before = contextOf(state);
  const workTotal = before.works.total;
  const authorTotal = state.works;
  const gone = new Set(state.updates.flatMap((update) => update.mergedWorkIndices));
  const aliveWorks = workTotal - gone.size;
  if (updatedCount + mergedWorks + 1 > aliveWorks) throw new RangeError(`the snapshot has ${aliveWorks} works: cannot update ${updatedCount} and merge ${mergedWorks + 1}`);
  if (2 * mergedAuthors > authorTotal) throw new RangeError(`the snapshot has ${authorTotal} authors: cannot merge ${mergedAuthors} (at most half)`);

  const updated = new Spread(updatedCount, workTotal, unit(seed, 1));
  const mergedSources = new Spread(mergedAuthors, authorTotal, unit(seed, 2));
  const update: UpdateState = {
    date,
    seed,
    updatedWorks: updatedCount,
    newWorks: { from: workTotal, to: workTotal + newCount, date },
    mergedAuthors,
    mergedWorks,
    updatedOffset: updated.offset,
    mergedOffset: mergedSources.offset,
    authorTotal,
    workTotal,
    mergedWorkIndices: [],
  };
  const after = { ...state, updates: [...state.updates, update] };
  const context = contextOf(after);
  const random = randomFor(seed, 3);

  // Works merges: a few works into a neighbour, the last into the deleted sentinel. None of them updated.
  const workMerges: [string, string][] = [];
  const mergedAway = new Set<number>();
  for (let k = 0; k <= mergedWorks; k++) {
    let source = random.int(0, workTotal - 1);
    for (let tries = 0; (gone.has(source) || mergedAway.has(source) || updated.has(source)) && tries < 1_000; tries++) source = (source + 1) % workTotal;
    mergedAway.add(source);
    let target = (source + 1) % workTotal;
    while (gone.has(target) || mergedAway.has(target) || endsInNine(context.ids.work(target))) target = (target + 1) % workTotal;
    workMerges.push([OPENALEX + context.ids.work(source), k === mergedWorks ? OPENALEX + DELETED_WORK : OPENALEX + context.ids.work(target)]);
  }
  update.mergedWorkIndices = [...mergedAway];

  // Author merges: into the next author that stays (not merged now or before, id not ending in 9).
  const previous = state.updates.map((u) => new Spread(u.mergedAuthors, u.authorTotal, u.mergedOffset));
  const isGone = (a: number) => mergedSources.has(a) || previous.some((spread) => spread.has(a));
  const authorMerges: [string, string][] = [];
  for (let k = 0; k < mergedAuthors; k++) {
    const source = mergedSources.at(k);
    if (previous.some((spread) => spread.has(source))) continue;
    let target = source + 1;
    while (target < authorTotal && (isGone(target) || endsInNine(context.ids.author(target)) || context.authors.facts(target).ghost)) target++;
    if (target >= authorTotal) continue;
    authorMerges.push([context.ids.author(source), context.ids.author(target)]);
  }

  // The works partition.
  const layout = state.layout ?? 'current';
  await preparePartition(dir, 'works', date, layout);
  const writer = new PartWriter(dir, 'works', date, partSize, 0, layout);
  let titleFixes = 0;
  let bylineChanges = 0;
  let updatedWritten = 0;
  for (let k = 0; k < updatedCount; k++) {
    const i = updated.at(k);
    if (gone.has(i)) continue;
    const record = JSON.parse(context.works.build(i, date).json) as WorkRecord;
    const change = randomFor(seed, i, SALT.update);
    record.cited_by_count += 1 + Math.floor(change.next() * (1 + record.cited_by_count / 10));
    if (change.chance(SHAPE.titleFixShare)) {
      record.title = record.display_name = fixedTitle(record.title);
      titleFixes++;
    }
    if (change.chance(SHAPE.bylineChangeShare) && changeByline(record, context.works, i, change)) bylineChanges++;
    const wait = writer.add(record);
    if (wait) await wait;
    updatedWritten++;
  }
  for (let i = update.newWorks.from; i < update.newWorks.to; i++) {
    const wait = writer.add(context.works.build(i, date).json);
    if (wait) await wait;
  }
  const parts: WrittenPart[] = await writer.close();

  const files = parts.map((part) => part.file);
  files.push(await writeMergedIds(dir, 'authors', date, authorMerges, layout));
  files.push(await writeMergedIds(dir, 'works', date, workMerges, layout));
  const manifest = await readManifest(dir, 'works', layout);
  const prefix = `s3://openalex/data/works/updated_date=${date}/`;
  await writeManifest(dir, 'works', manifest.entries.filter((entry) => !entry.url.startsWith(prefix)), parts, layout);
  await writeState(dir, after);
  return {
    date,
    works: updatedWritten + newCount,
    updatedWorks: updatedWritten,
    newWorks: newCount,
    titleFixes,
    bylineChanges,
    mergedAuthors: authorMerges.length,
    mergedWorks: workMerges.length,
    parts: parts.length,
    files,
  };
}

interface WorkRecord {
  title: string;
  display_name: string;
  cited_by_count: number;
  authorships: Authorship[];
}

/** A corrected title: what was a subtitle-less draft gets its final form. */
const fixedTitle = (title: string) => (title.includes(': ') ? title.split(': ')[0]! : `${title}: Revisited`);

/** One author more (drawn from the work's neighbourhood) or the last one dropped. */
function changeByline(record: WorkRecord, works: Works, i: number, random: Random): boolean {
  const authorships = record.authorships;
  if (authorships.length >= 2 && random.chance(0.5)) {
    authorships.pop();
    const last = authorships.at(-1)!;
    if (authorships.length > 1) last.author_position = 'last';
    return true;
  }
  const present = new Set(authorships.map((authorship) => authorship.author?.id));
  const [a] = works.draw(random, works.centreOf(i), 1);
  if (a === undefined) return false;
  const authorship = works.authorship(a, 'last', false);
  if (present.has(authorship.author!.id)) return false;
  if (authorships.length > 1) authorships.at(-1)!.author_position = 'middle';
  authorships.push(authorship);
  return true;
}
