/** A worker thread writing works parts (generate.ts hands out the parts, tallies the authors). */
import { parentPort, workerData } from 'node:worker_threads';
import { type PartJob, type WorkerSetup, worksOf, writeWorksPart } from './work-parts.js';

const setup = workerData as WorkerSetup;
const works = worksOf(setup.state);
parentPort!.on('message', (job: PartJob | 'exit') => {
  if (job === 'exit') return process.exit(0);
  writeWorksPart(works, setup.root, setup.date, job.part, job.from, job.to, (batch) =>
    parentPort!.postMessage({ type: 'batch', batch }, [batch.authorCounts.buffer, batch.authors.buffer, batch.cited.buffer, batch.years.buffer] as ArrayBuffer[]),
    setup.state.layout,
  ).then(
    (stats) => parentPort!.postMessage({ type: 'done', stats }),
    (error: Error) => parentPort!.postMessage({ type: 'error', message: error.stack ?? error.message }),
  );
});
parentPort!.postMessage({ type: 'ready' });
