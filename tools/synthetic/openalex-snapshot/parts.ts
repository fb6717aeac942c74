/**
 * Writing the snapshot's files: gzipped JSON Lines parts of at most `partSize` records
 * (`data/jsonl/<entity>/updated_date=<date>/part_NNNN.gz`), the manifest per entity, merged-id
 * CSVs. gzip level 1: zlib compresses on libuv's thread pool, so the JSON is built on one core
 * while the other compresses. A manifest is written last (temporary file, then rename), so a run
 * killed half way leaves only parts no manifest lists, which the importer refuses.
 */
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { createGzip, gzipSync, type Gzip } from 'node:zlib';
import { SNAPSHOT_ENTITIES, type SnapshotEntity } from '../../../src/ingest/snapshot/layout.js';

/** The entities a snapshot holds: the reader's own list, so that what is written is what is read. */
export const ENTITIES = SNAPSHOT_ENTITIES;
export type Entity = SnapshotEntity;

export interface WrittenPart {
  /** Path relative to the snapshot root. */
  file: string;
  url: string;
  records: number;
  bytes: number;
}

/** `current`: data/jsonl/<entity>, merged_ids/; `older` (OpenAlex's earlier layout): data/<entity>, legacy-data/merged_ids/. */
export type Layout = 'current' | 'older';
export const entityDir = (entity: string, layout: Layout = 'current') => (layout === 'older' ? `data/${entity}` : `data/jsonl/${entity}`);
export const mergedIdsDir = (layout: Layout = 'current') => (layout === 'older' ? 'legacy-data/merged_ids' : 'merged_ids');
export const partitionDir = (entity: string, date: string, layout: Layout = 'current') => `${entityDir(entity, layout)}/updated_date=${date}`;
export const partUrl = (entity: string, date: string, part: number) => `s3://openalex/data/${entity}/updated_date=${date}/${partName(part)}`;
const partName = (part: number) => `part_${String(part).padStart(4, '0')}.gz`;

const CHUNK_BYTES = 1 << 20;

/** Parts of one entity in one partition, written as records come. */
export class PartWriter {
  readonly parts: WrittenPart[] = [];
  private gzip: Gzip | undefined;
  private file: WriteStream | undefined;
  /** Lines are encoded straight into a chunk (no joined string), handed to gzip when full. */
  private chunk = Buffer.allocUnsafe(CHUNK_BYTES);
  private used = 0;
  private inPart = 0;
  private pending: Promise<void> | undefined;

  constructor(
    private readonly root: string,
    private readonly entity: Entity,
    private readonly date: string,
    private readonly partSize: number,
    /** Number of the first part (a worker writes part k alone). */
    private part = 0,
    private readonly layout: Layout = 'current',
  ) {}

  get records(): number {
    return this.parts.reduce((sum, part) => sum + part.records, 0) + this.inPart;
  }

  /** Add a record (or its JSON); a promise only when the caller must wait (a part to finish, a full stream). */
  add(record: object | string): Promise<void> | undefined {
    if (this.pending) {
      const wait = this.pending.then(() => this.add(record));
      return wait;
    }
    if (!this.gzip) this.open();
    const line = typeof record === 'string' ? record : JSON.stringify(record);
    let full = false;
    // At most 3 bytes of UTF-8 per UTF-16 unit, and the newline.
    if (this.used + 3 * line.length + 1 > this.chunk.length) full = !this.flush();
    if (3 * line.length + 1 > this.chunk.length) {
      full = !this.gzip!.write(`${line}\n`) || full;
    } else {
      this.used += this.chunk.write(line, this.used, 'utf8');
      this.chunk[this.used++] = 10;
    }
    this.inPart++;
    if (this.inPart >= this.partSize) return this.track(this.closePart());
    if (full) return this.track(once(this.gzip!, 'drain').then(() => undefined));
    return undefined;
  }

  async close(): Promise<WrittenPart[]> {
    if (this.pending) await this.pending;
    if (this.gzip) await this.closePart();
    return this.parts;
  }

  private track(promise: Promise<void>): Promise<void> {
    const tracked = promise.finally(() => {
      if (this.pending === tracked) this.pending = undefined;
    });
    this.pending = tracked;
    return tracked;
  }

  private open() {
    const file = path.join(this.root, partitionDir(this.entity, this.date, this.layout), partName(this.part));
    this.gzip = createGzip({ level: 1, memLevel: 9, chunkSize: 256 * 1024 });
    this.file = createWriteStream(file);
    this.gzip.pipe(this.file);
  }

  /** False when the stream wants the caller to wait for 'drain'. */
  private flush(): boolean {
    if (!this.used) return true;
    const chunk = this.chunk.subarray(0, this.used);
    // gzip keeps the chunk until it has compressed it: a new one for what comes next.
    this.chunk = Buffer.allocUnsafe(CHUNK_BYTES);
    this.used = 0;
    return this.gzip!.write(chunk);
  }

  private async closePart() {
    this.flush();
    const gzip = this.gzip!;
    const file = this.file!;
    this.gzip = undefined;
    this.file = undefined;
    const finished = once(file, 'finish');
    gzip.end();
    await finished;
    const relative = `${partitionDir(this.entity, this.date, this.layout)}/${partName(this.part)}`;
    const { size } = await stat(path.join(this.root, relative));
    this.parts.push({ file: relative, url: partUrl(this.entity, this.date, this.part), records: this.inPart, bytes: size });
    this.part++;
    this.inPart = 0;
  }
}

/** A fresh partition directory (a half-written one from a killed run is replaced). */
export async function preparePartition(root: string, entity: Entity, date: string, layout: Layout = 'current') {
  const dir = path.join(root, partitionDir(entity, date, layout));
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
}

export interface Manifest {
  entries: { url: string; meta: { content_length: number; record_count: number } }[];
  meta: { content_length: number; record_count: number };
}

export const manifestPath = (root: string, entity: Entity, layout: Layout = 'current') => path.join(root, entityDir(entity, layout), 'manifest.json');

export async function readManifest(root: string, entity: Entity, layout: Layout = 'current'): Promise<Manifest> {
  try {
    return JSON.parse(await readFile(manifestPath(root, entity, layout), 'utf8')) as Manifest;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { entries: [], meta: { content_length: 0, record_count: 0 } };
    throw error;
  }
}

/** The manifest listing `existing` entries plus `parts`, sorted by url; atomically replaced. */
export async function writeManifest(root: string, entity: Entity, existing: Manifest['entries'], parts: WrittenPart[], layout: Layout = 'current') {
  const entries = [...existing, ...parts.map((part) => ({ url: part.url, meta: { content_length: part.bytes, record_count: part.records } }))];
  entries.sort((a, b) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0));
  const manifest: Manifest = {
    entries,
    meta: {
      content_length: entries.reduce((sum, entry) => sum + entry.meta.content_length, 0),
      record_count: entries.reduce((sum, entry) => sum + entry.meta.record_count, 0),
    },
  };
  const file = manifestPath(root, entity, layout);
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(`${file}.tmp`, `${JSON.stringify(manifest, null, 2)}\n`);
  await rename(`${file}.tmp`, file);
  return manifest;
}

/** `merged_ids/<entity>/<date>.csv.gz`: header merge_date,id,merge_into_id. */
export async function writeMergedIds(root: string, entity: Entity, date: string, rows: [string, string][], layout: Layout = 'current'): Promise<string> {
  const relative = `${mergedIdsDir(layout)}/${entity}/${date}.csv.gz`;
  const file = path.join(root, relative);
  await mkdir(path.dirname(file), { recursive: true });
  const text = ['merge_date,id,merge_into_id', ...rows.map(([id, into]) => `${date},${id},${into}`)].join('\n') + '\n';
  await writeFile(`${file}.tmp`, gzipSync(text, { level: 1 }));
  await rename(`${file}.tmp`, file);
  return relative;
}
