import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { findSnapshot, readMergedIds, readPart, type SnapshotPart } from '../../src/ingest/snapshot/layout.js';

/** Tiny hand-made snapshots in a temporary folder, in either layout. */
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

const write = (path: string, content: string | Buffer) => {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), content);
};
const jsonl = (records: unknown[]) => gzipSync(records.map((record) => `${JSON.stringify(record)}\n`).join(''));

/** Parts (`updated_date=.../part_N.gz` → records) of one entity, with a manifest listing them (or `listed`). */
function entity(base: string, name: string, parts: Record<string, unknown[]>, listed = Object.keys(parts)) {
  for (const [path, records] of Object.entries(parts)) write(`${base}/${name}/${path}`, jsonl(records));
  const entries = listed.map((path) => ({
    url: `s3://openalex/data/${name}/${path}`,
    meta: { content_length: readFileSync(join(root, base, name, path)).length, record_count: (parts[path] ?? []).length },
  }));
  write(`${base}/${name}/manifest.json`, JSON.stringify({ entries, meta: { record_count: entries.reduce((n, e) => n + e.meta.record_count, 0) } }));
}

const collect = async <T>(items: AsyncIterable<T>) => {
  const all: T[] = [];
  for await (const item of items) all.push(item);
  return all;
};

describe('the snapshot layout', () => {
  it('lists each entity’s parts in updated_date order with ids in the current layout’s form, and the merged-id files by date', () => {
    root = mkdtempSync(join(tmpdir(), 'snapshot-'));
    entity('data/jsonl', 'works', {
      'updated_date=2025-02-01/part_0000.gz': [{ id: 'W2' }],
      'updated_date=2025-01-01/part_0001.gz': [{ id: 'W1' }],
      'updated_date=2025-01-01/part_0000.gz': [{ id: 'W0' }, { id: 'W3' }],
    });
    entity('data/jsonl', 'authors', { 'updated_date=2025-01-01/part_0000.gz': [{ id: 'A1' }] });
    write('merged_ids/authors/2025-02-01.csv.gz', gzipSync('merge_date,id,merge_into_id\n'));
    write('merged_ids/works/2025-01-15.csv.gz', gzipSync('merge_date,id,merge_into_id\n'));
    const snapshot = findSnapshot(root);
    expect(snapshot.layout).toBe('current');
    expect(snapshot.parts.works.map((part) => [part.id, part.records])).toEqual([
      ['data/jsonl/works/updated_date=2025-01-01/part_0000.gz', 2],
      ['data/jsonl/works/updated_date=2025-01-01/part_0001.gz', 1],
      ['data/jsonl/works/updated_date=2025-02-01/part_0000.gz', 1],
    ]);
    expect(Object.keys(snapshot.parts).sort()).toEqual(['authors', 'works']);
    expect(snapshot.mergedIds.map((file) => file.id)).toEqual(['merged_ids/works/2025-01-15.csv.gz', 'merged_ids/authors/2025-02-01.csv.gz']);
  });

  it('reads the older layout (data/<entity>, legacy-data/merged_ids) under the same ids', () => {
    root = mkdtempSync(join(tmpdir(), 'snapshot-'));
    entity('data', 'works', { 'updated_date=2025-01-01/part_0000.gz': [{ id: 'W1' }] });
    write('legacy-data/merged_ids/authors/2025-02-01.csv.gz', gzipSync('merge_date,id,merge_into_id\n'));
    const snapshot = findSnapshot(root);
    expect(snapshot.layout).toBe('older');
    expect(snapshot.parts.works[0]!.id).toBe('data/jsonl/works/updated_date=2025-01-01/part_0000.gz');
    expect(snapshot.parts.works[0]!.path).toBe(join(root, 'data/works/updated_date=2025-01-01/part_0000.gz'));
    expect(snapshot.mergedIds.map((file) => file.id)).toEqual(['merged_ids/authors/2025-02-01.csv.gz']);
  });

  it('refuses a part the manifest does not list (still being written), a listed part that is missing, and counts that disagree', () => {
    root = mkdtempSync(join(tmpdir(), 'snapshot-'));
    entity('data/jsonl', 'works', { 'updated_date=2025-01-01/part_0000.gz': [{ id: 'W1' }], 'updated_date=2025-02-01/part_0000.gz': [{ id: 'W2' }] }, ['updated_date=2025-01-01/part_0000.gz']);
    expect(() => findSnapshot(root)).toThrow('data/jsonl/works/updated_date=2025-02-01/part_0000.gz: not listed in data/jsonl/works/manifest.json, so it is still being written');

    rmSync(join(root, 'data/jsonl/works/updated_date=2025-02-01'), { recursive: true });
    rmSync(join(root, 'data/jsonl/works/updated_date=2025-01-01/part_0000.gz'));
    expect(() => findSnapshot(root)).toThrow('data/jsonl/works/updated_date=2025-01-01/part_0000.gz: listed in data/jsonl/works/manifest.json but missing');

    entity('data/jsonl', 'works', { 'updated_date=2025-01-01/part_0000.gz': [{ id: 'W1' }] });
    const manifest = JSON.parse(readFileSync(join(root, 'data/jsonl/works/manifest.json'), 'utf8'));
    write('data/jsonl/works/manifest.json', JSON.stringify({ ...manifest, meta: { record_count: 5 } }));
    expect(() => findSnapshot(root)).toThrow('data/jsonl/works/manifest.json: meta.record_count is 5, its entries add up to 1');
    manifest.entries[0].meta.content_length += 1;
    write('data/jsonl/works/manifest.json', JSON.stringify(manifest));
    expect(() => findSnapshot(root)).toThrow(/part_0000.gz: \d+ bytes, data\/jsonl\/works\/manifest.json says \d+/);

    rmSync(join(root, 'data/jsonl/works/manifest.json'));
    expect(() => findSnapshot(root)).toThrow('data/jsonl/works/manifest.json: no manifest.json');
    rmSync(join(root, 'data'), { recursive: true });
    expect(() => findSnapshot(root)).toThrow('No OpenAlex snapshot in');
  });
});

describe('reading a part', () => {
  const part = (path: string, records: number): SnapshotPart => ({ id: path, entity: 'works', updatedDate: '2025-01-01', path: join(root, path), records });

  it('gives each record with its line', async () => {
    root = mkdtempSync(join(tmpdir(), 'snapshot-'));
    write('p.gz', gzipSync('{"id":"W1"}\n\n{"id":"W2"}'));
    expect(await collect(readPart(part('p.gz', 2), 'p.gz'))).toEqual([{ line: 1, record: { id: 'W1' } }, { line: 3, record: { id: 'W2' } }]);
  });

  it('names file and line of invalid JSON, a truncated last line, a corrupt gzip stream and a count its manifest does not give', async () => {
    root = mkdtempSync(join(tmpdir(), 'snapshot-'));
    write('bad.gz', gzipSync('{"id":"W1"}\n{"id":\n{"id":"W3"}\n'));
    await expect(collect(readPart(part('bad.gz', 3), 'x/bad.gz'))).rejects.toThrow(/^x\/bad.gz:2: invalid JSON/);
    write('cut.gz', gzipSync('{"id":"W1"}\n{"id":"W2","ti'));
    await expect(collect(readPart(part('cut.gz', 2), 'cut.gz'))).rejects.toThrow(/^cut.gz:2: truncated line/);
    const whole = gzipSync(Array.from({ length: 2000 }, (_, i) => `{"id":"W${i}","title":"${'x'.repeat(i % 97)}"}\n`).join(''));
    write('short.gz', whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(collect(readPart(part('short.gz', 2000), 'short.gz'))).rejects.toThrow(/^short.gz: not a readable gzip file after line \d+ \(unexpected end of file\)/);
    write('plain.gz', '{"id":"W1"}\n');
    await expect(collect(readPart(part('plain.gz', 1), 'plain.gz'))).rejects.toThrow(/^plain.gz: not a readable gzip file after line 0/);
    write('few.gz', gzipSync('{"id":"W1"}\n'));
    await expect(collect(readPart(part('few.gz', 2), 'few.gz'))).rejects.toThrow('few.gz: 1 records, its manifest lists 2');
  });

  it('reads merged ids as short ids, and names the line of a row that is not one', async () => {
    root = mkdtempSync(join(tmpdir(), 'snapshot-'));
    write('m.csv.gz', gzipSync('merge_date,id,merge_into_id\n2025-02-01,https://openalex.org/A1,https://openalex.org/A2\n2025-02-01,A3,A4\n'));
    const file = { id: 'merged_ids/authors/2025-02-01.csv.gz', entity: 'authors', mergeDate: '2025-02-01', path: join(root, 'm.csv.gz') };
    expect(await collect(readMergedIds(file, 'm.csv.gz'))).toEqual([
      { line: 2, mergeDate: '2025-02-01', id: 'A1', mergeInto: 'A2' },
      { line: 3, mergeDate: '2025-02-01', id: 'A3', mergeInto: 'A4' },
    ]);
    write('m.csv.gz', gzipSync('merge_date,id,merge_into_id\n2025-02-01,A1\n'));
    await expect(collect(readMergedIds(file, 'm.csv.gz'))).rejects.toThrow('m.csv.gz:2: not a merged id row');
  });
});
