/**
 * `npm run generate -- --format openalex-snapshot ...` (scripts/generate-graph.ts hands over here):
 * a new snapshot (`--works N --out DIR`) or an update partition (`--update DIR --works N`).
 */
import path from 'node:path';
import { generateOpenAlexSnapshot } from './generate.js';
import { addSnapshotUpdate } from './update.js';

export interface SnapshotCliOptions {
  works?: number;
  out?: string;
  update?: string;
  seed?: number;
  /** The graph generator's default seed was given, not one of ours. */
  seedGiven: boolean;
  partSize?: number;
  date?: string;
  mergedAuthors?: number;
  mergedWorks?: number;
  newWorks?: number;
  workers?: number;
  layout?: string;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const count = (n: number) => n.toLocaleString('en-US');

/** Runs the command; throws (with a message for the user) on bad options. */
export async function runSnapshotCli(options: SnapshotCliOptions): Promise<void> {
  if (options.works === undefined) throw new Error('--works N is required with --format openalex-snapshot');
  if (options.update && options.out) throw new Error('give either --out DIR (a new snapshot) or --update DIR (a partition for an existing one), not both');
  const started = performance.now();
  if (options.update) {
    const dir = path.resolve(options.update);
    const counts = await addSnapshotUpdate({
      dir,
      works: options.works,
      newWorks: options.newWorks,
      mergedAuthors: options.mergedAuthors,
      mergedWorks: options.mergedWorks,
      date: options.date,
      seed: options.seedGiven ? options.seed : undefined,
      partSize: options.partSize,
    });
    console.log(
      `Added partition updated_date=${counts.date} to ${dir}: ${count(counts.works)} works (${count(counts.updatedWorks)} updated: ` +
        `${count(counts.titleFixes)} title fixes, ${count(counts.bylineChanges)} byline changes; ${count(counts.newWorks)} new) in ${counts.parts} parts, ` +
        `${count(counts.mergedAuthors)} merged authors, ${count(counts.mergedWorks)} merged works (one deleted), in ${seconds(performance.now() - started)}.`,
    );
    for (const file of counts.files) console.log(`  ${file}`);
    return;
  }
  if (!options.out) throw new Error('--out DIR is required with --format openalex-snapshot (or --update DIR)');
  const dir = path.resolve(options.out);
  let shown = performance.now();
  const counts = await generateOpenAlexSnapshot({
    dir,
    works: options.works,
    seed: options.seed,
    partSize: options.partSize,
    date: options.date,
    workers: options.workers,
    layout: options.layout as 'current' | 'older' | undefined,
    onProgress: (works) => {
      const now = performance.now();
      if (now - shown < 5_000) return;
      shown = now;
      console.log(`  ${count(works)} / ${count(options.works!)} works, ${count(Math.round(works / ((now - started) / 1000)))} works/s`);
    },
  });
  const ms = performance.now() - started;
  console.log(
    `Wrote an OpenAlex snapshot to ${dir} (seed ${options.seed ?? 42}) in ${seconds(ms)} (${count(Math.round(counts.works / (ms / 1000)))} works/s):\n` +
      `  works        ${count(counts.works).padStart(12)}  (${counts.parts.works} parts; ${count(counts.unnamedWorks)} with every authorship unnamed)\n` +
      `  authorships  ${count(counts.authorships).padStart(12)}  (${count(counts.nameOnlyAuthorships)} name-only)\n` +
      `  authors      ${count(counts.authors).padStart(12)}  (${counts.parts.authors} parts)\n` +
      `  institutions ${count(counts.institutions).padStart(12)}\n` +
      `  topics       ${count(counts.topics).padStart(12)}\n` +
      `Import it with: npm run import -- openalex-snapshot ${options.out}`,
  );
}
