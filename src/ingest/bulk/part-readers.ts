import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { ImportInputError, type CheckedItem } from '../import.js';
import { startModuleWorker } from '../../worker-thread.js';
import type { PreparedRecord } from './prepare.js';
import type { SnapshotPart } from '../snapshot/layout.js';

/**
 * Works parts read on reader threads (part-reader-worker.ts), their checked items yielded in
 * part order, as one thread reading them in turn would yield them. Reading (gunzip, JSON,
 * parsing, checking) is about half of the bulk conversion's CPU and needs no shared state, so it
 * goes to other cores; what needs the key tables stays on this thread (convert.ts). Each thread
 * reads one part at a time and holds at most a few batches ahead (part-reader-worker.ts CREDIT),
 * so memory stays bounded whatever the snapshot's size. A reader's error (a corrupt part, a
 * truncated line) is rethrown here as the same ImportInputError, once the parts before it are
 * through, as a single thread would have thrown it.
 */

/** A part for a reader thread; `index` is its place in the order. */
export interface ReadJob {
  index: number;
  part: SnapshotPart;
  shown: string;
}

export type ReaderMessage =
  | { type: 'batch'; index: number; items: ReadItem[]; last: boolean }
  | { type: 'error'; index: number; name: string; message: string };

/** A checked item, its record prepared for the converter. */
export type ReadItem = CheckedItem & { prepared?: PreparedRecord };

/**
 * Reader threads by default: every core but the converter's, at least one, at most four. The
 * converter's own thread sets the pace past that: at 10M generated works on 2 cores, one reader
 * and the converter used 133% CPU, two readers 134% at the same rate.
 */
export const defaultReaders = () => Math.min(4, Math.max(1, availableParallelism() - 1));

interface PartQueue {
  batches: ReadItem[][];
  done: boolean;
  error?: Error;
  worker?: Worker;
}

export async function* readPartsOnThreads(jobs: Omit<ReadJob, 'index'>[], threads = defaultReaders()): AsyncGenerator<ReadItem> {
  const queues: PartQueue[] = jobs.map(() => ({ batches: [], done: false }));
  let nextJob = 0;
  let wake: (() => void) | undefined;
  const signal = () => {
    wake?.();
    wake = undefined;
  };
  const workers: Worker[] = [];
  let failure: Error | undefined;
  const assign = (worker: Worker) => {
    if (nextJob >= jobs.length) return;
    const index = nextJob++;
    queues[index]!.worker = worker;
    worker.postMessage({ index, ...jobs[index]! } satisfies ReadJob);
  };
  for (let t = 0; t < Math.min(threads, jobs.length); t++) {
    const worker = startModuleWorker(import.meta.url, 'part-reader-worker');
    workers.push(worker);
    worker.on('message', (message: ReaderMessage | 'ready') => {
      if (message === 'ready') return assign(worker);
      const queue = queues[message.index]!;
      if (message.type === 'error') {
        queue.error = Object.assign(message.name === 'ImportInputError' ? new ImportInputError(message.message) : new Error(message.message), { name: message.name });
        queue.done = true;
      } else {
        queue.batches.push(message.items);
        if (message.last) {
          queue.done = true;
          assign(worker);
        }
      }
      signal();
    });
    // A thread that fails outside a part (it could not start, it ran out of memory) fails the read.
    worker.on('error', (error) => {
      failure ??= error;
      signal();
    });
    worker.on('exit', (code) => {
      if (code !== 0) failure ??= new Error(`a part reader thread stopped (exit code ${code})`);
      signal();
    });
  }
  try {
    for (const queue of queues) {
      for (;;) {
        const batch = queue.batches.shift();
        if (batch) {
          queue.worker!.postMessage('ack');
          yield* batch;
        } else if (queue.error) throw queue.error;
        else if (queue.done) break;
        else if (failure) throw failure;
        else await new Promise<void>((resolve) => (wake = resolve));
      }
    }
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
