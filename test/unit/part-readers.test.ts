import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { readPartsOnThreads } from '../../src/ingest/bulk/part-readers.js';
import { prepareRecord } from '../../src/ingest/bulk/prepare.js';
import { parseOpenAlexWork } from '../../src/ingest/formats/openalex.js';
import { checkItem, ImportInputError, type CheckedItem } from '../../src/ingest/import.js';
import { readPart, snapshotRecordId, type SnapshotPart } from '../../src/ingest/snapshot/layout.js';

/** Works parts read on reader threads give what one thread reading them in turn gives. */
let root: string;
afterEach(() => rmSync(root, { recursive: true, force: true }));

const work = (n: number) => ({
  id: `https://openalex.org/W${n}`,
  display_name: n % 7 === 3 ? '' : `Paper ${n}`,
  publication_year: 2000 + (n % 20),
  authorships: [{ author: { id: `https://openalex.org/A${n % 11}`, display_name: `Author ${n % 11}` }, raw_author_name: `Author ${n % 11}` }],
});

function part(name: string, lines: string[]): { part: SnapshotPart; shown: string } {
  writeFileSync(join(root, name), gzipSync(lines.join('\n')));
  return { part: { id: name, entity: 'works', updatedDate: '2025-01-01', path: join(root, name), records: lines.filter((l) => l.trim()).length }, shown: `works/${name}` };
}

async function inTurn(jobs: { part: SnapshotPart; shown: string }[]): Promise<CheckedItem[]> {
  const items: CheckedItem[] = [];
  for (const { part, shown } of jobs) {
    for await (const { line, record } of readPart(part, shown)) items.push(checkItem({ recordId: snapshotRecordId(part, line), parsed: parseOpenAlexWork(record, snapshotRecordId(part, line)) }));
  }
  return items;
}

describe('reading parts on threads', () => {
  it('yields every part’s checked items in part order, whatever the threads', async () => {
    root = mkdtempSync(join(tmpdir(), 'readers-'));
    // Parts of different sizes (one past a batch), so a later part can finish before an earlier one.
    const jobs = [
      part('a.gz', Array.from({ length: 1_234 }, (_, i) => JSON.stringify(work(i)))),
      part('b.gz', ['', JSON.stringify(work(5_000)), `${JSON.stringify(work(5_001))}\r`]),
      part('c.gz', Array.from({ length: 700 }, (_, i) => JSON.stringify(work(9_000 + i)))),
    ];
    const expected = await inTurn(jobs);
    expect(expected.length).toBe(1_936);
    expect(expected.some((item) => 'rejected' in item)).toBe(true);
    for (const threads of [1, 2, 3]) {
      const items: CheckedItem[] = [];
      const preparedRight: boolean[] = [];
      for await (const { prepared, ...item } of readPartsOnThreads(jobs, threads)) {
        items.push(item);
        // Each record prepared as the converter would prepare it, holding the record itself.
        if ('record' in item) preparedRight.push(prepared?.record === item.record && JSON.stringify(prepared) === JSON.stringify(prepareRecord(item.record)));
      }
      expect(items.length).toBe(expected.length);
      expect(items).toEqual(expected);
      expect(preparedRight.filter((right) => !right)).toEqual([]);
    }
    // Six thread starts, each loading the TypeScript loader: past vitest's 5 s on a loaded machine (seen in CI).
  }, 60_000);

  it('throws a part’s error as the ImportInputError one thread throws, after the parts before it', async () => {
    root = mkdtempSync(join(tmpdir(), 'readers-'));
    const jobs = [part('a.gz', [JSON.stringify(work(1)), JSON.stringify(work(2))]), part('b.gz', [JSON.stringify(work(3)), '{"id":']), part('c.gz', [JSON.stringify(work(4))])];
    const seen: string[] = [];
    const reading = (async () => {
      for await (const item of readPartsOnThreads(jobs, 2)) seen.push(item.recordId);
    })();
    await expect(reading).rejects.toThrow(new ImportInputError('works/b.gz:2: truncated line (the file ends inside a record) (Unexpected end of JSON input)'));
    await expect(reading).rejects.toBeInstanceOf(ImportInputError);
    expect(seen).toEqual(['a.gz:1', 'a.gz:2', 'b.gz:1']);
  }, 60_000);
});
