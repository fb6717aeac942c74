import { rmSync } from 'node:fs';
import { convertRecords } from '../../src/ingest/bulk/convert.js';
import { prepareRecord, type PreparedRecord } from '../../src/ingest/bulk/prepare.js';
import { parseOpenAlexWork } from '../../src/ingest/formats/openalex.js';
import { checkItem } from '../../src/ingest/import.js';
import { findSnapshot, readPart, shownPath, snapshotRecordId } from '../../src/ingest/snapshot/layout.js';

/**
 * Where the bulk converter's CPU goes, stage by stage, on one thread: the works of a snapshot
 * read (gunzip and JSON.parse), parsed and checked (parseOpenAlexWork, checkItem), prepared
 * (identity keys and the record's SHA-256: prepare.ts), cloned as they cross from a reader thread
 * (structuredClone, what postMessage does), and converted (the converter's own thread: key
 * tables, rows, CSV, gzip). Each stage is a pass of its own over the same works, doing the
 * earlier stages' work again; a stage's cost is its pass's CPU (user + system, gzip's pool threads
 * included) less the pass it adds to (clone and convert add to prepare). CPU, not wall time: the
 * figure that tells how many cores a conversion needs, and the one a loaded machine disturbs least.
 * The read loop mirrors snapshotRecords (bulk/snapshot.ts) rather than calling it, because each
 * pass must stop at its own stage.
 */

export type Stage = 'read' | 'parse' | 'prepare' | 'clone' | 'convert';
export const STAGES: Stage[] = ['read', 'parse', 'prepare', 'clone', 'convert'];

async function* works(root: string, upTo: Stage): AsyncGenerator<PreparedRecord | null> {
  const snapshot = findSnapshot(root);
  for (const part of [...(snapshot.parts.works ?? [])].reverse()) {
    for await (const { line, record: work } of readPart(part, shownPath(snapshot, part))) {
      if (upTo === 'read') {
        yield null;
        continue;
      }
      const recordId = snapshotRecordId(part, line);
      const item = checkItem({ recordId, parsed: parseOpenAlexWork(work, recordId) });
      if (upTo === 'parse' || !('record' in item)) {
        yield null;
        continue;
      }
      const prepared = prepareRecord(item.record);
      yield upTo === 'clone' ? structuredClone(prepared) : prepared;
    }
  }
}

/** CPU milliseconds of each pass (cumulative) and of each stage (the difference), and the works read. */
export async function convertStages(root: string, dir: string) {
  const cpu: Record<Stage, number> = { read: 0, parse: 0, prepare: 0, clone: 0, convert: 0 };
  let count = 0;
  for (const stage of STAGES) {
    const before = process.cpuUsage();
    count = 0;
    if (stage === 'convert') {
      async function* inputs() {
        for await (const input of works(root, 'prepare')) {
          count++;
          if (input) yield input;
        }
      }
      await convertRecords(inputs(), { dir });
      rmSync(dir, { recursive: true, force: true });
    } else for await (const _ of works(root, stage)) count++;
    const used = process.cpuUsage(before);
    cpu[stage] = (used.user + used.system) / 1000;
  }
  // Each pass less the pass it adds to (clone and convert both add to prepare).
  const base: Record<Stage, number> = { read: 0, parse: cpu.read, prepare: cpu.parse, clone: cpu.prepare, convert: cpu.prepare };
  const own = Object.fromEntries(STAGES.map((stage) => [stage, cpu[stage] - base[stage]])) as Record<Stage, number>;
  return { works: count, passes: cpu, stages: own };
}
