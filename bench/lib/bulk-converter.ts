import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { convertRecords } from '../../src/ingest/bulk/convert.js';
import type { PaperRecord } from '../../src/ingest/record.js';

/**
 * The bulk converter alone on cheap made-up works (no generator structure held): `works` works
 * of 4 authorships each on average, authors drawn from `works` OpenAlex-style ids (so about as
 * many authors as works), 10 references each to earlier or later works, one of 5,000
 * institutions per authorship. What the converter's own memory is at a size (peak RSS), apart
 * from what any record source holds.
 */
export async function converterOnly(works: number, dir: string, onProgress: (done: number) => void) {
  const source = { id: 'source:bench', kind: 'bench', name: 'Bench' };
  // A fixed mix (splitmix-like) of the work index: the same works every run.
  const mix = (a: number, b: number) => {
    let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    return (h ^ (h >>> 12)) >>> 0;
  };
  function* records(): Generator<PaperRecord> {
    for (let w = 0; w < works; w++) {
      const count = 1 + (mix(w, 1) % 7);
      yield {
        source, recordId: `bench#${w}`, title: `Bench work ${w} on topic ${mix(w, 2) % 1000}`, year: 1990 + (mix(w, 3) % 35), doi: `10.9999/bench.${w}`,
        openalexId: `W${w + 1}`, authorListComplete: true, citationCount: mix(w, 4) % 500,
        authors: Array.from({ length: count }, (_, k) => {
          const a = mix(w, 10 + k) % works;
          const i = mix(a, 5) % 5000;
          return { name: `Author ${a}`, openalexId: `A${a + 1}`, organizations: [{ name: `Institution ${i}`, openalexId: `I${i + 1}`, ror: `0bench${i}` }] };
        }),
        otherAuthors: [], organizations: [],
        topics: [{ id: `openalex:T${mix(w, 6) % 4500}`, scheme: 'openalex', name: `Topic ${mix(w, 6) % 4500}`, score: 0.9 }],
        references: Array.from({ length: 10 }, (_, k) => `W${1 + (mix(w, 20 + k) % works)}`),
      };
    }
  }
  rmSync(dir, { recursive: true, force: true });
  const started = performance.now();
  const summary = await convertRecords(records(), { dir, onProgress, progressEvery: 100_000 });
  const seconds = (performance.now() - started) / 1000;
  rmSync(join(dir), { recursive: true, force: true });
  return { summary, seconds, peakRssMiB: process.resourceUsage().maxRSS / 1024 };
}
