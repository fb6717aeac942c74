import { describe, expect, it } from 'vitest';
import { isSentinel, mergeChunks } from '../../src/ingest/snapshot/merges.js';

const row = (id: string, mergeInto: string, line = 0) => ({ line, mergeDate: '2025-01-01', id, mergeInto });

describe('merged ids', () => {
  it('take W4285719527 and ids ending in seven or more 9s for "deleted"', () => {
    expect(['W4285719527', 'A9999999999', 'W1239999999'].map(isSentinel)).toEqual([true, true, true]);
    expect(['W4285719528', 'A5023888391', 'A999999', 'W99'].map(isSentinel)).toEqual([false, false, false, false]);
  });

  it('apply in chunks that never name a node an earlier row of the chunk deletes, the last row of an old id winning', () => {
    const chunks = mergeChunks([row('A1', 'A2'), row('A3', 'A2'), row('A2', 'A4'), row('A5', 'A1'), row('A1', 'A6'), row('A7', 'A8')], 10);
    // A1's first row is superseded by its last (to A6); A5 -> A1 comes before A1 goes: one chunk, in order.
    expect(chunks.map((chunk) => chunk.map((r) => `${r.id}>${r.mergeInto}`))).toEqual([['A3>A2', 'A2>A4', 'A5>A1', 'A1>A6', 'A7>A8']]);
    // A3 -> A1 after A1 -> A2 names a node the chunk deletes before it: a new chunk (classified after the first committed).
    expect(mergeChunks([row('A1', 'A2'), row('A3', 'A1'), row('A4', 'A5')], 10).map((chunk) => chunk.map((r) => r.id))).toEqual([['A1'], ['A3', 'A4']]);
    expect(mergeChunks(Array.from({ length: 5 }, (_, i) => row(`A${i}`, 'A100')), 2).map((chunk) => chunk.length)).toEqual([2, 2, 1]);
  });
});
