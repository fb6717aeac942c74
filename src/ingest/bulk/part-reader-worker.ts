import { parentPort } from 'node:worker_threads';
import { parseOpenAlexWork } from '../formats/openalex.js';
import { checkItem } from '../import.js';
import { readPart, snapshotRecordId } from '../snapshot/layout.js';
import { prepareRecord } from './prepare.js';
import type { ReaderMessage, ReadItem, ReadJob } from './part-readers.js';

/**
 * One reader thread of part-readers.ts: a works part gunzipped, parsed, checked and prepared for
 * the converter (prepare.ts), posted back in batches: about a third of what the converter's thread
 * did alone (its CPU 27 s against 17 s a 100k works, measured). At most
 * CREDIT batches wait unread in the main thread; then the worker waits for an `ack`.
 */

export const BATCH = 500;
export const CREDIT = 4;

const port = parentPort!;
let unacknowledged = 0;
let resume: (() => void) | undefined;

port.on('message', (message: ReadJob | 'ack' | 'exit') => {
  if (message === 'ack') {
    unacknowledged--;
    resume?.();
    resume = undefined;
  } else if (message === 'exit') port.close();
  else void read(message);
});

async function post(index: number, items: ReadItem[], last: boolean) {
  port.postMessage({ type: 'batch', index, items, last } satisfies ReaderMessage);
  unacknowledged++;
  while (unacknowledged >= CREDIT) await new Promise<void>((resolve) => (resume = resolve));
}

async function read({ index, part, shown }: ReadJob) {
  let items: ReadItem[] = [];
  try {
    for await (const { line, record: work } of readPart(part, shown)) {
      const recordId = snapshotRecordId(part, line);
      const item: ReadItem = checkItem({ recordId, parsed: parseOpenAlexWork(work, recordId) });
      // The record goes once: structured cloning keeps the prepared record's reference to it.
      if ('record' in item) item.prepared = prepareRecord(item.record);
      items.push(item);
      if (items.length === BATCH) {
        await post(index, items, false);
        items = [];
      }
    }
    await post(index, items, true);
  } catch (error) {
    // The records before the bad line first, as one thread reading the part yields them.
    if (items.length) port.postMessage({ type: 'batch', index, items, last: false } satisfies ReaderMessage);
    port.postMessage({ type: 'error', index, name: (error as Error).name, message: (error as Error).message } satisfies ReaderMessage);
  }
}

port.postMessage('ready');
