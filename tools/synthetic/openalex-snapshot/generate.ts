/**
 * A new snapshot: institutions and topics first (small), then the works in parts, the authors
 * entity streaming beside them (AuthorTally finishes each author once no later work can name it),
 * then the manifests and the generator's state file. Large snapshots build their works parts on
 * worker threads (worker.ts; the main thread tallies the authors, in work order).
 */
import { mkdir, readdir } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startModuleWorker } from '../../../src/worker-thread.js';
import { AuthorTally } from './authors.js';
import { type SnapshotState, contextOf, writeState } from './context.js';
import { ENTITIES, type Entity, type Layout, PartWriter, type WrittenPart, preparePartition, writeManifest } from './parts.js';
import { TOPIC_COUNT, topicRecord } from './taxonomy.js';
import { type PartJob, type PartStats, type TallyBatch, type WorkerSetup, writeWorksPart } from './work-parts.js';

export interface GenerateSnapshotOptions {
  /** The snapshot's root directory (created; must be empty or absent). */
  dir: string;
  works: number;
  seed?: number;
  /** Records per part file (default 100,000; OpenAlex's are up to ~400k). */
  partSize?: number;
  /** The partition's updated_date, YYYY-MM-DD (default 2025-01-01). */
  date?: string;
  /** `older` writes OpenAlex's earlier layout: data/<entity>/..., merged ids under legacy-data/ (default current). */
  layout?: Layout;
  /** Worker threads for the works parts; 0 builds them on this thread (default: 2 from 50k works on, else 0; 0 under vitest). */
  workers?: number;
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
  /** Every part file written, relative to the root. */
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

  const layout = options.layout ?? 'current';
  if (layout !== 'current' && layout !== 'older') throw new RangeError(`layout must be current or older, not "${String(layout)}"`);
  const state: SnapshotState = { generator: 'scholar-graph openalex-snapshot', version: 1, seed, date, works: workCount, partSize, layout, updates: [] };
  const context = contextOf(state);
  for (const entity of ENTITIES) await preparePartition(dir, entity, date, layout);
  const writers = {
    authors: new PartWriter(dir, 'authors', date, partSize, 0, layout),
    institutions: new PartWriter(dir, 'institutions', date, partSize, 0, layout),
    topics: new PartWriter(dir, 'topics', date, partSize, 0, layout),
  };
  for (let k = 0; k < context.institutions.count; k++) await writers.institutions.add(context.institutions.record(k, date));
  for (let t = 0; t < TOPIC_COUNT; t++) await writers.topics.add(topicRecord(t, date));

  // The authors tally, fed batches of works in index order.
  const waits: Promise<void>[] = [];
  const tally = new AuthorTally(context.authors, date, (record) => {
    const wait = writers.authors.add(record);
    if (wait) waits.push(wait);
  });
  let tallied = 0;
  const tallyBatch = async (batch: TallyBatch) => {
    let next = 0;
    for (let k = 0; k < batch.to - batch.from; k++) {
      for (let n = 0; n < batch.authorCounts[k]!; n++) tally.add(batch.authors[next++]!, batch.cited[k]!, batch.years[k]!);
    }
    tally.passed(batch.to - 1);
    tallied = batch.to;
    options.onProgress?.(tallied);
    if (waits.length) await Promise.all(waits.splice(0));
  };

  const jobs: PartJob[] = [];
  for (let part = 0, from = 0; from < workCount; part++, from += partSize) jobs.push({ part, from, to: Math.min(workCount, from + partSize) });
  // Not under vitest by default: its transform does not reach a worker's modules.
  const defaultWorkers = workCount >= 50_000 && !process.env.VITEST ? Math.min(2, availableParallelism()) : 0;
  const workers = Math.min(options.workers ?? defaultWorkers, jobs.length);
  const stats =
    workers > 0
      ? await onWorkers(workers, { state, root: dir, date }, jobs, tallyBatch)
      : await (async () => {
          const all: PartStats[] = [];
          for (const job of jobs) all.push(await writeWorksPart(context.works, dir, date, job.part, job.from, job.to, tallyBatch, layout));
          return all;
        })();
  tally.end();
  await Promise.all(waits);

  const parts = {} as Record<Entity, number>;
  const files: string[] = [];
  const written: Record<Entity, WrittenPart[]> = {
    works: stats.map((s) => s.part),
    authors: await writers.authors.close(),
    institutions: await writers.institutions.close(),
    topics: await writers.topics.close(),
  };
  for (const entity of ENTITIES) {
    parts[entity] = written[entity].length;
    files.push(...written[entity].map((part) => part.file));
    await writeManifest(dir, entity, [], written[entity], layout);
  }
  await writeState(dir, state);
  return {
    works: workCount,
    authors: writers.authors.records,
    authorships: stats.reduce((sum, s) => sum + s.authorships, 0),
    nameOnlyAuthorships: stats.reduce((sum, s) => sum + s.nameOnly, 0),
    unnamedWorks: stats.reduce((sum, s) => sum + s.unnamed, 0),
    institutions: context.institutions.count,
    topics: TOPIC_COUNT,
    parts,
    files,
  };
}

/** A worker running worker.ts, with a bounded heap: V8 would otherwise let garbage grow far past what a worker holds (about 100 MB). */
const startWorker = (setup: WorkerSetup): Worker => startModuleWorker(import.meta.url, 'worker', { workerData: setup, resourceLimits: { maxOldGenerationSizeMb: 384 } });

/** Parts on `count` worker threads, handed out one at a time; batches tallied in work order. */
function onWorkers(count: number, setup: WorkerSetup, jobs: PartJob[], tallyBatch: (batch: TallyBatch) => Promise<void>): Promise<PartStats[]> {
  return new Promise((resolve, reject) => {
    const queue = [...jobs];
    const stats: PartStats[] = [];
    const early = new Map<number, TallyBatch>();
    let nextWork = 0;
    let chain = Promise.resolve();
    let failed = false;
    let running = count;
    const threads: Worker[] = [];
    const fail = (error: Error) => {
      if (failed) return;
      failed = true;
      for (const thread of threads) void thread.terminate();
      reject(error);
    };
    const drain = async () => {
      for (let batch = early.get(nextWork); batch; batch = early.get(nextWork)) {
        early.delete(nextWork);
        nextWork = batch.to;
        await tallyBatch(batch);
      }
    };
    const finish = () => {
      chain = chain.then(drain).then(() => {
        if (early.size) throw new Error(`works batches missing before index ${nextWork}`);
        stats.sort((a, b) => (a.part.file < b.part.file ? -1 : 1));
        resolve(stats);
      }, fail);
    };
    for (let w = 0; w < count; w++) {
      const thread = startWorker(setup);
      threads.push(thread);
      const next = () => {
        const job = queue.shift();
        if (job) thread.postMessage(job);
        else {
          thread.postMessage('exit');
          if (--running === 0) finish();
        }
      };
      thread.on('message', (message: { type: string; batch?: TallyBatch; stats?: PartStats; message?: string }) => {
        if (failed) return;
        if (message.type === 'ready') next();
        else if (message.type === 'batch') {
          early.set(message.batch!.from, message.batch!);
          chain = chain.then(drain).catch(fail);
        } else if (message.type === 'done') {
          stats.push(message.stats!);
          next();
        } else if (message.type === 'error') fail(new Error(`works part worker: ${message.message}`));
      });
      thread.on('error', fail);
    }
  });
}
