import { createReadStream, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip } from 'node:zlib';
import { ImportInputError } from '../import.js';

/**
 * An OpenAlex snapshot on disk (https://docs.openalex.org/download-all-data/snapshot-data-format):
 * where its parts and merged-id files are, in which order they apply, and their records read
 * line by line. Both layouts OpenAlex has published are read:
 *
 * - current: `DIR/data/jsonl/<entity>/updated_date=YYYY-MM-DD/part_NNNN.gz`, merged ids under
 *   `DIR/merged_ids/<entity>/<YYYY-MM-DD>.csv.gz`;
 * - older: `DIR/data/<entity>/...`, merged ids under `DIR/legacy-data/merged_ids/...`.
 *
 * Every file is known by its id, its path in the *current* layout form (so a snapshot moved to
 * the other layout is the same snapshot to the applied-parts state, snapshot/state.ts). Each
 * entity's `manifest.json` lists its parts: a part on disk it does not list is still being
 * written (refused), a part it lists must be there, and its record counts must agree with the
 * parts. Errors are ImportInputErrors naming the file (and the line).
 */

export const SNAPSHOT_ENTITIES = ['works', 'authors', 'institutions', 'topics'] as const;
export type SnapshotEntity = (typeof SNAPSHOT_ENTITIES)[number];

export interface SnapshotPart {
  /** `data/jsonl/<entity>/updated_date=YYYY-MM-DD/part_NNNN.gz`, whatever the layout on disk. */
  id: string;
  entity: SnapshotEntity;
  updatedDate: string;
  /** The file on disk. */
  path: string;
  /** The record count its manifest gives. */
  records: number;
}

export interface MergedIdsFile {
  /** `merged_ids/<entity>/<YYYY-MM-DD>.csv.gz`, whatever the layout on disk. */
  id: string;
  /** As OpenAlex names it: authors, works, institutions, sources, ... */
  entity: string;
  mergeDate: string;
  path: string;
}

export interface Snapshot {
  root: string;
  layout: 'current' | 'older';
  /** Each entity's parts (only the entities present), in the order they apply: by updated_date, then name. */
  parts: Record<SnapshotEntity, SnapshotPart[]>;
  /** Merged-id files, by merge date, then entity. */
  mergedIds: MergedIdsFile[];
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PARTITION = /^updated_date=(\d{4}-\d{2}-\d{2})$/;

const fail = (message: string): never => {
  throw new ImportInputError(message);
};
const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();
const byKey = <T>(key: (item: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);

interface ManifestEntry {
  /** The part's path under its entity folder: `updated_date=YYYY-MM-DD/part_NNNN.gz`. */
  path: string;
  records: number;
  bytes?: number;
}

/** An entity's manifest.json: its entries, matched to files by what follows `data/<entity>/` in their url. */
function readManifest(file: string, entity: string, shown: string): ManifestEntry[] {
  if (!existsSync(file)) fail(`${shown}: no manifest.json (a snapshot lists every part of an entity in one)`);
  let manifest: unknown;
  try {
    manifest = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    return fail(`${shown}: not valid JSON (${(error as Error).message})`);
  }
  const entries = (manifest as { entries?: unknown })?.entries;
  if (!Array.isArray(entries)) return fail(`${shown}: no "entries" list`);
  const within = new RegExp(`(?:^|/)data/(?:jsonl/)?${entity}/(.+)$`);
  const listed = entries.map((entry: any, index): ManifestEntry => {
    const url = typeof entry?.url === 'string' ? entry.url : '';
    const path = within.exec(url)?.[1];
    if (!path || !PARTITION.test(path.split('/')[0]!)) fail(`${shown}: entry ${index + 1} has no part url of the form s3://openalex/data/${entity}/updated_date=YYYY-MM-DD/part_NNNN.gz (${JSON.stringify(entry?.url)})`);
    const records = entry?.meta?.record_count;
    if (!Number.isInteger(records) || records < 0) fail(`${shown}: entry ${index + 1} (${path}) has no record_count`);
    const bytes = entry?.meta?.content_length;
    return { path: path!, records, bytes: Number.isInteger(bytes) ? bytes : undefined };
  });
  const total = (manifest as { meta?: { record_count?: unknown } }).meta?.record_count;
  const sum = listed.reduce((n, entry) => n + entry.records, 0);
  if (total !== undefined && total !== sum) fail(`${shown}: meta.record_count is ${String(total)}, its entries add up to ${sum}`);
  const seen = new Set<string>();
  for (const entry of listed) {
    if (seen.has(entry.path)) fail(`${shown}: ${entry.path} is listed twice`);
    seen.add(entry.path);
  }
  return listed;
}

/** The part files under an entity folder, as `updated_date=.../name` paths. */
function partsOnDisk(folder: string): string[] {
  const found: string[] = [];
  for (const partition of readdirSync(folder)) {
    if (!PARTITION.test(partition) || !isDirectory(join(folder, partition))) continue;
    for (const name of readdirSync(join(folder, partition))) if (name.endsWith('.gz')) found.push(`${partition}/${name}`);
  }
  return found;
}

function entityParts(root: string, folder: string, entity: SnapshotEntity): SnapshotPart[] {
  const shown = (path: string) => relative(root, join(folder, path)) || path;
  const listed = readManifest(join(folder, 'manifest.json'), entity, shown('manifest.json'));
  const listedPaths = new Set(listed.map((entry) => entry.path));
  const unlisted = partsOnDisk(folder).filter((path) => !listedPaths.has(path)).sort();
  if (unlisted.length) {
    fail(`${shown(unlisted[0]!)}: not listed in ${shown('manifest.json')}, so it is still being written${unlisted.length > 1 ? ` (and ${unlisted.length - 1} more)` : ''}; run again once the snapshot is complete`);
  }
  return listed
    .map((entry) => {
      const path = join(folder, entry.path);
      if (!existsSync(path)) fail(`${shown(entry.path)}: listed in ${shown('manifest.json')} but missing`);
      if (entry.bytes !== undefined && statSync(path).size !== entry.bytes) {
        fail(`${shown(entry.path)}: ${statSync(path).size} bytes, ${shown('manifest.json')} says ${entry.bytes} (incomplete or replaced)`);
      }
      return { id: `data/jsonl/${entity}/${entry.path}`, entity, updatedDate: PARTITION.exec(entry.path.split('/')[0]!)![1]!, path, records: entry.records };
    })
    .sort(byKey((part) => `${part.updatedDate}/${part.id}`));
}

function mergedIdFiles(root: string): MergedIdsFile[] {
  const folder = [join(root, 'merged_ids'), join(root, 'legacy-data', 'merged_ids')].find(isDirectory);
  if (!folder) return [];
  const files: MergedIdsFile[] = [];
  for (const entity of readdirSync(folder).sort()) {
    if (!isDirectory(join(folder, entity))) continue;
    for (const name of readdirSync(join(folder, entity))) {
      const date = /^(.+)\.csv\.gz$/.exec(name)?.[1];
      if (!date) continue;
      if (!DATE.test(date)) fail(`${relative(root, join(folder, entity, name))}: a merged-ids file is named <YYYY-MM-DD>.csv.gz`);
      files.push({ id: `merged_ids/${entity}/${name}`, entity, mergeDate: date, path: join(folder, entity, name) });
    }
  }
  return files.sort(byKey((file) => `${file.mergeDate}/${file.entity}`));
}

/** The snapshot under `root`, checked against its manifests (throws ImportInputError naming the file). */
export function findSnapshot(root: string): Snapshot {
  if (!isDirectory(root)) fail(`No such folder: ${root}`);
  const current = join(root, 'data', 'jsonl');
  const layout = isDirectory(current) ? 'current' : 'older';
  const data = layout === 'current' ? current : join(root, 'data');
  const parts = {} as Record<SnapshotEntity, SnapshotPart[]>;
  for (const entity of SNAPSHOT_ENTITIES) {
    if (isDirectory(join(data, entity))) parts[entity] = entityParts(root, join(data, entity), entity);
  }
  const mergedIds = mergedIdFiles(root);
  if (Object.keys(parts).length === 0 && mergedIds.length === 0) {
    fail(`No OpenAlex snapshot in ${root}: expected data/jsonl/<entity>/ (or the older data/<entity>/) with ${SNAPSHOT_ENTITIES.join(', ')}`);
  }
  return { root, layout, parts, mergedIds };
}

/** Where a part or merged-ids file sits on disk, relative to the snapshot root, for messages. */
/** Where a snapshot record sits: the part's id (current layout form) and its line. */
export const snapshotRecordId = (part: SnapshotPart, line: number) => `${part.id}:${line}`;

export const shownPath = (snapshot: Pick<Snapshot, 'root'>, file: { path: string }) => relative(snapshot.root, file.path);

/**
 * The lines of a gzipped text file, numbered from 1 (empty lines skipped). A corrupt or cut-off
 * gzip stream fails naming the file and the last line read whole.
 */
export async function* gzipLines(path: string, shown: string): AsyncGenerator<{ line: number; text: string; last: boolean }> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  let line = 0;
  const gunzip = createReadStream(path).pipe(createGunzip());
  try {
    for await (const chunk of gunzip) {
      pending += decoder.write(chunk as Buffer);
      // Lines cut from the buffered text by offset; the rest kept once a chunk (not once a line).
      let start = 0;
      let end: number;
      while ((end = pending.indexOf('\n', start)) >= 0) {
        const text = pending.charCodeAt(end - 1) === 13 ? pending.slice(start, end - 1) : pending.slice(start, end);
        start = end + 1;
        line++;
        if (text.trim()) yield { line, text, last: false };
      }
      pending = pending.slice(start);
    }
  } catch (error) {
    gunzip.destroy();
    fail(`${shown}: not a readable gzip file after line ${line} (${(error as Error).message})`);
  }
  pending += decoder.end();
  if (pending.trim()) yield { line: line + 1, text: pending, last: true };
}

/**
 * The records of a part, one JSON object a line, numbered from 1. Fails naming file and line on
 * a line that is not JSON (a last line without its newline: truncated), and when the part holds
 * a record count other than its manifest's.
 */
export async function* readPart(part: SnapshotPart, shown: string): AsyncGenerator<{ line: number; record: unknown }> {
  let count = 0;
  for await (const { line, text, last } of gzipLines(part.path, shown)) {
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      fail(`${shown}:${line}: ${last ? 'truncated line (the file ends inside a record)' : 'invalid JSON'} (${(error as Error).message})`);
    }
    count++;
    yield { line, record };
  }
  if (count !== part.records) fail(`${shown}: ${count} records, its manifest lists ${part.records}`);
}

export interface MergedId {
  line: number;
  mergeDate: string;
  /** Short form: `A123`, `W123`. */
  id: string;
  mergeInto: string;
}

const shortId = (value: string) => value.trim().replace(/^"|"$/g, '').split('/').pop()!;

/** The rows of a merged-ids file (`merge_date,id,merge_into_id`), ids in short form. */
export async function* readMergedIds(file: MergedIdsFile, shown: string): AsyncGenerator<MergedId> {
  let columns: { mergeDate: number; id: number; mergeInto: number } | undefined;
  for await (const { line, text } of gzipLines(file.path, shown)) {
    const cells = text.split(',').map((cell) => cell.trim().replace(/^"|"$/g, ''));
    if (!columns) {
      const at = (name: string) => cells.indexOf(name);
      columns = { mergeDate: at('merge_date'), id: at('id'), mergeInto: at('merge_into_id') };
      if (columns.id < 0 || columns.mergeInto < 0) fail(`${shown}:${line}: the header is not merge_date,id,merge_into_id (${text.slice(0, 100)})`);
      continue;
    }
    const id = cells[columns.id] ? shortId(cells[columns.id]!) : '';
    const mergeInto = cells[columns.mergeInto] ? shortId(cells[columns.mergeInto]!) : '';
    if (!/^[A-Z]\d+$/i.test(id) || !/^[A-Z]\d+$/i.test(mergeInto)) fail(`${shown}:${line}: not a merged id row (${text.slice(0, 100)})`);
    yield { line, mergeDate: columns.mergeDate >= 0 ? (cells[columns.mergeDate] ?? file.mergeDate) : file.mergeDate, id: id.toUpperCase(), mergeInto: mergeInto.toUpperCase() };
  }
  if (!columns) fail(`${shown}: empty (no header merge_date,id,merge_into_id)`);
}
