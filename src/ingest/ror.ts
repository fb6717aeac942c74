import { createHash } from 'node:crypto';
import { createReadStream, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { createGunzip } from 'node:zlib';
import streamArray from 'stream-json/streamers/stream-array.js';
import { cypher } from '../db/cypher.js';
import type { GraphDatabase } from '../db/driver.js';
import { createWrite, type Write } from '../db/write.js';
import { parseRorRecord, type RorOrganization } from './formats/ror.js';
import { checkedBatchSize, findFilesMatching, ImportInputError, openReport } from './import.js';
import { createImportWriter, retryingConstraintRaces } from './writer.js';

/**
 * `npm run import -- ror FILE`: the ROR registry's data dump (a JSON array of organization
 * records, https://zenodo.org/communities/ror-data), streamed record by record (the whole dump
 * is ~120k records, ~250 MB), into Organization nodes keyed by ROR, a batch per transaction:
 *
 * 1. each record (formats/ror.ts) is written unless the graph has it unchanged (`rorHash`): the
 *    node with its ROR id, else `ror:<id>`; its names, country, city, types, aliases, acronyms and
 *    the keys of all its names (aliasKeys, and OrganizationAlias nodes that index them);
 * 2. PART_OF between a record and its parents and children once both are in the graph;
 * 3. after the last batch, each name-only organization (`org:<name>`, what paper lists make of an
 *    affiliation) whose name key exactly one registry organization has is joined to it
 *    (cypher/import/ror/merge-organizations), and the summaries of the authors it moved are
 *    recomputed.
 *
 * Withdrawn records are skipped and counted; a second run writes nothing.
 */

export interface RorImportOptions {
  paths: string[];
  batchSize?: number;
  /** JSON Lines file: one line per rejected record with its reason. */
  reportFile?: string;
  /** Bytes read of all the files (the dump has no record count up front), and records so far. */
  onProgress?: (progress: { done: number; total: number; records: number }) => void;
}

export interface RorImportSummary {
  records: number;
  organizations: { created: number; updated: number; unchanged: number };
  skipped: number;
  skippedReasons: Record<string, number>;
  rejected: number;
  /** PART_OF relationships made between registry organizations. */
  partOfCreated: number;
  /** Name-only organizations joined to a registry organization, and the papers they brought. */
  joined: { organizations: number; papers: number; authorsRefreshed: number };
  batches: number;
  ms: { read: number; write: number; join: number };
}

const queries = {
  unchanged: cypher('import/ror/unchanged'),
  organizations: cypher('import/ror/write-organizations'),
  partOf: cypher('import/ror/write-part-of'),
  nameOnlyJoins: cypher('import/ror/name-only-joins'),
  merge: cypher('import/ror/merge-organizations'),
};

const DUMP_FILE = /\.json(\.gz)?$/i;

/** The dump files named, folders searched recursively, in a stable order. */
export const findRorFiles = (paths: string[]) =>
  findFilesMatching(paths, DUMP_FILE, `No ROR dump files (.json, .json.gz) in ${paths.join(', ')}; unzip the dump first`);

/** A record's facts hashed: the same hash on the node means the record is unchanged. */
export const rorHash = (organization: RorOrganization) => createHash('sha256').update(JSON.stringify(organization)).digest('hex');

/** The elements of a dump file's top-level array, one at a time, with the bytes read so far. */
async function* dumpRecords(file: string, onBytes: (bytes: number) => void): AsyncGenerator<unknown> {
  const raw = createReadStream(file);
  const records = (file.endsWith('.gz') ? raw.pipe(createGunzip()) : raw).pipe(streamArray.withParserAsStream());
  try {
    for await (const { value } of records as AsyncIterable<{ value: unknown }>) {
      onBytes(raw.bytesRead);
      yield value;
    }
  } catch (error) {
    throw new ImportInputError(`${basename(file)}: not a JSON array of ROR records (${(error as Error).message})`);
  }
}

/** One batch in one transaction, read again when another import created one of its nodes first. */
const writeBatch = (write: Write, batch: RorOrganization[]) => retryingConstraintRaces(() => writeBatchOnce(write, batch));

/** What changed is written, with its PART_OF links. */
async function writeBatchOnce(write: Write, batch: RorOrganization[]) {
  return write.transaction(async (tx) => {
    const rows = batch.map((organization) => ({ ...organization, hash: rorHash(organization) }));
    const unchanged = new Set((await tx.run(queries.unchanged, { records: rows.map(({ ror, hash }) => ({ ror, hash })) })).records.map((r) => r.get('ror') as string));
    const changed = rows.filter((row) => !unchanged.has(row.ror));
    if (changed.length === 0) return { created: 0, updated: 0, unchanged: unchanged.size, partOfCreated: 0 };
    const written = await tx.run(queries.organizations, { organizations: changed });
    const created = Number(written.records[0]?.get('created') ?? 0);
    const linked = await tx.run(queries.partOf, { records: changed.map(({ ror, parents, children }) => ({ ror, parents, children })) });
    return { created, updated: changed.length - created, unchanged: unchanged.size, partOfCreated: linked.summary.counters.updates().relationshipsCreated };
  });
}

/**
 * The name-only organizations a registry organization names, joined to it, a chunk per
 * transaction; then their members' summaries. Returns what moved.
 */
export async function joinNameOnlyOrganizations(db: GraphDatabase, write: Write, chunk = 500) {
  const { records } = await write.statement(queries.nameOnlyJoins);
  const merges = records.map((record) => ({ fromId: record.get('fromId') as string, intoId: record.get('intoId') as string }));
  let organizations = 0;
  let papers = 0;
  for (let start = 0; start < merges.length; start += chunk) {
    const { records: [row] } = await write.statement(queries.merge, { merges: merges.slice(start, start + chunk) });
    organizations += Number(row?.get('merged') ?? 0);
    papers += Number(row?.get('papers') ?? 0);
  }
  const authorsRefreshed = merges.length ? await createImportWriter(db, write).refreshStaleAuthors() : 0;
  return { organizations, papers, authorsRefreshed };
}

export async function runRorImport(db: GraphDatabase, options: RorImportOptions): Promise<RorImportSummary> {
  const write = createWrite(db, { timeoutMs: db.write.importTimeoutMs });
  const files = findRorFiles(options.paths);
  const batchSize = checkedBatchSize(options.batchSize);
  const report = await openReport(options.reportFile);

  const summary: RorImportSummary = {
    records: 0, organizations: { created: 0, updated: 0, unchanged: 0 }, skipped: 0, skippedReasons: {}, rejected: 0,
    partOfCreated: 0, joined: { organizations: 0, papers: 0, authorsRefreshed: 0 }, batches: 0, ms: { read: 0, write: 0, join: 0 },
  };
  const total = files.reduce((bytes, file) => bytes + statSync(file).size, 0);
  let bytesBefore = 0;
  let batch: RorOrganization[] = [];
  const seen = new Set<string>();
  const flush = async () => {
    if (!batch.length) return;
    const started = performance.now();
    const result = await writeBatch(write, batch);
    summary.ms.write += performance.now() - started;
    summary.batches++;
    summary.organizations.created += result.created;
    summary.organizations.updated += result.updated;
    summary.organizations.unchanged += result.unchanged;
    summary.partOfCreated += result.partOfCreated;
    batch = [];
  };

  const reading = performance.now();
  for (const file of files) {
    const name = basename(file);
    let index = 0;
    for await (const item of dumpRecords(file, (bytes) => options.onProgress?.({ done: bytesBefore + bytes, total, records: summary.records }))) {
      summary.records++;
      const recordId = `${name}#${index++}`;
      const parsed = parseRorRecord(item);
      if ('skipped' in parsed) {
        summary.skipped++;
        summary.skippedReasons[parsed.skipped] = (summary.skippedReasons[parsed.skipped] ?? 0) + 1;
      } else if ('rejected' in parsed) {
        summary.rejected++;
        await report({ record: recordId, reason: parsed.rejected });
      } else if (seen.has(parsed.organization.ror)) {
        summary.rejected++;
        await report({ record: recordId, reason: `duplicate of ROR ${parsed.organization.ror} in this import` });
      } else {
        seen.add(parsed.organization.ror);
        batch.push(parsed.organization);
        if (batch.length >= batchSize) await flush();
      }
    }
    bytesBefore += statSync(file).size;
  }
  await flush();
  summary.ms.read = performance.now() - reading - summary.ms.write;
  options.onProgress?.({ done: total, total, records: summary.records });

  const joining = performance.now();
  summary.joined = await joinNameOnlyOrganizations(db, write);
  summary.ms.join = performance.now() - joining;
  return summary;
}
