import { once } from 'node:events';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { authorRow, bylineRows, linkRow, onceByAuthor, organizationRow, paperRow, topicRows } from '../batch-writes.js';
import { authorKey, isNameOnly, organizationKey } from '../identity.js';
import type { RecordAuthor, RecordOrganization, Source } from '../record.js';
import { CsvGroup, GZIP_LEVEL, type Column, type GroupFiles } from './csv.js';
import { hash64, HashIndex } from './hash-index.js';
import { prepared, type ConverterInput } from './prepare.js';

/**
 * The bulk first load's converter: checked paper records (src/ingest/record.ts), streamed, to
 * `neo4j-admin database import full` files that make the graph the transactional writer
 * (src/ingest/writer.ts) makes of the same records in an empty database:
 *
 * - the same node ids (identity.ts: paperIdFor, authorKey, organizationKey) and the same rows
 *   (batch-writes.ts: paperRow, authorRow, organizationRow, topicRow, newAuthorshipRows,
 *   linkRow), written as create-papers, create-authorships and create-paper-links store them;
 * - authors labelled StaleSummary, so that the writer's own refreshStaleAuthors computes their
 *   AFFILIATED_WITH and display names after the load;
 * - a later record with a seen id, DOI, OpenAlex, arXiv or OpenReview id (import.ts
 *   identityKeys) is a duplicate: reported, not written;
 * - an author or organization reference is the node an earlier reference gave the same id
 *   (fixed id, OpenAlex id, ORCID, OpenReview id; ROR, OpenAlex id), as a later batch of the
 *   writer finds it; otherwise a new node under its own key. Unlike the writer, no reference
 *   joins another node by its name alone: a name-only reference is the name's own node
 *   (`author:<slug>`, `org:<slug>`), as the writer makes it when the name matches no one. A
 *   node's properties are those of its first reference (the writer's first batch).
 * - CITES for every reference to a work of the load (the writer's create-paper-links plus
 *   link-references), the rest counted.
 *
 * Memory: the keys live in HashIndex (64-bit hashes in typed arrays, no strings); references to
 * works not seen yet wait in a binary file on disk. What grows with the data is about 12-24 bytes
 * per key, plus the organizations' ids (the world has ~110k institutions) and the sources.
 */

const id = (space: string): Column => ({ name: '', type: 'ID', space });
const start = (space: string): Column => ({ name: '', type: 'START_ID', space });
const end = (space: string): Column => ({ name: '', type: 'END_ID', space });

/** A stored property: its column, and how the writer's Cypher makes it from the row (the row's field of the same name by default). */
interface Property extends Column {
  value?: (row: Record<string, unknown>) => unknown;
}
const s = (name: string, value?: Property['value']): Property => ({ name, type: 'string', value });
const long = (name: string): Property => ({ name, type: 'long' });
/** `CASE WHEN row.x THEN true END`: true or absent. */
const onlyTrue = (name: string): Property => ({ name, type: 'boolean', value: (row) => (row[name] === true ? true : null) });

/**
 * The stored properties, as the writer's Cypher stores each row (create-papers.cypher,
 * create-authorships.cypher, create-paper-links.cypher, write-*.cypher). `consumed` names the
 * row fields stored elsewhere (on a relationship) or not at all. A row field in neither is a
 * property the writer gained and this table not: the converter refuses it (checkFields), so that
 * both paths keep making the same graph.
 */
const SCHEMA = {
  Source: { columns: [s('id'), s('kind'), s('name')], consumed: [] },
  // partOf: PART_OF.
  Topic: { columns: [s('id'), s('name'), s('scheme'), s('code')], consumed: ['partOf'] },
  // partOf: PART_OF to the institution.
  Organization: { columns: [s('id'), s('name'), s('nameKey'), s('ror'), s('openalexId'), s('country'), s('city')], consumed: ['partOf'] },
  Author: { columns: [s('id'), s('name'), s('nameKey'), s('openalexId'), s('orcid'), s('openreviewId')], consumed: [] },
  Paper: {
    columns: [
      s('id'), s('title'), s('titleKey'), long('year'), { name: 'publishedOn', type: 'date' }, s('venue'), s('abstract'), s('doi'), s('arxivId'),
      s('openreviewId'), s('openalexId'), s('url'), s('codeUrl'), long('citationCount'), { name: 'authorListComplete', type: 'boolean' },
      { name: 'referencedWorks', type: 'string[]', value: (row) => row.references },
    ],
    // RECORDED_IN's, and CITES.
    consumed: ['hash', 'recordId', 'sourceId', 'references'],
  },
  AUTHORED: {
    columns: [
      long('position'), s('name'), { name: 'sources', type: 'string[]', value: (row) => [row.sourceId] }, { name: 'organizationIds', type: 'string[]' },
      onlyTrue('corresponding'), s('rawName'), s('identityMethod'), { name: 'nameOnly', type: 'boolean', value: (row) => (row.loose === true ? true : null) },
    ],
    consumed: ['authorId', 'paperId', 'sourceId', 'complete', 'loose'],
  },
  HAS_TOPIC: { columns: [{ name: 'score', type: 'double' }, onlyTrue('primary')], consumed: ['id'] },
  links: { columns: [], consumed: ['paperId', 'topics', 'organizationIds', 'references'] },
} satisfies Record<string, { columns: Property[]; consumed: string[] }>;

type Kind = keyof typeof SCHEMA;
const checked = new Set<Kind>();
/** The first row of each kind: every field is a column or consumed (see SCHEMA). */
function checkFields(kind: Kind, row: object) {
  if (checked.has(kind)) return;
  const spec = SCHEMA[kind];
  const known = new Set<string>([...spec.columns.map((c) => c.name), ...spec.consumed]);
  const unknown = Object.keys(row).filter((field) => !known.has(field));
  if (unknown.length) {
    throw new Error(`The writer's ${kind} rows have fields the bulk converter does not store (${unknown.join(', ')}): add them to SCHEMA in src/ingest/bulk/convert.ts as the writer's Cypher stores them`);
  }
  checked.add(kind);
}

const values = (kind: Kind, row: Record<string, unknown>) => {
  checkFields(kind, row);
  return (SCHEMA[kind].columns as Property[]).map((column) => (column.value ? column.value(row) : row[column.name]));
};

export interface ConvertOptions {
  /** Where the files go (emptied of earlier conversion files first). */
  dir: string;
  /** gzip level of the data files (1 by default: the import is what takes time, not disk). */
  gzipLevel?: number;
  /** A record that is not written, and why (duplicates). */
  onRejected?: (recordId: string, reason: string) => void | Promise<void>;
  /** Called every `progressEvery` records and at the end. */
  onProgress?: (records: number) => void;
  progressEvery?: number;
}

export interface ConvertSummary {
  dir: string;
  records: number;
  duplicates: number;
  /** Rows per node label and relationship type. */
  nodes: Record<string, number>;
  relationships: Record<string, number>;
  /** References to works that are not in the load (no CITES, as with the writer). */
  referencesOutside: number;
  /** Whether some record cites or is a work another may cite (the writer's late link-references). */
  hasReferences: boolean;
  groups: GroupFiles[];
  /** Bytes the key indexes held at the end. */
  indexBytes: number;
  ms: number;
}

/** Records, or records prepared on other threads (prepare.ts). */
export type RecordStream = AsyncIterable<ConverterInput> | Iterable<ConverterInput>;

/** The converter's files, listed for the import (admin-import.ts). */
export const MANIFEST = 'bulk-import.json';

const CONVERTER_FILE = /^(nodes|relationships)-.*\.csv(\.gz)?$|^pending-references\.bin$|^bulk-import\.json$|^import\.report$/;

/**
 * Removes what a conversion and its import write into `dir` (an earlier one's, or this one's once
 * loaded: the CSV files, the manifest, neo4j-admin's report) and nothing else; the folder itself only when that leaves it empty. `--bulk-dir` may name a folder
 * that holds other files.
 */
export function removeConverterFiles(dir: string, { folderIfEmpty = false } = {}): void {
  if (!existsSync(dir)) return;
  for (const file of readdirSync(dir)) if (CONVERTER_FILE.test(file)) rmSync(join(dir, file));
  if (folderIfEmpty && readdirSync(dir).length === 0) rmdirSync(dir);
}

export async function convertRecords(records: RecordStream, options: ConvertOptions): Promise<ConvertSummary> {
  const started = performance.now();
  const { dir } = options;
  mkdirSync(dir, { recursive: true });
  removeConverterFiles(dir);
  const level = options.gzipLevel ?? GZIP_LEVEL;
  const node = (labels: string, kind: Kind) => new CsvGroup(dir, 'nodes', labels, [id(labels.split(':')[0]!), ...SCHEMA[kind].columns], level);
  const files = {
    Source: node('Source', 'Source'),
    Topic: node('Topic', 'Topic'),
    Organization: node('Organization', 'Organization'),
    // Marked as the writer's authorship statements mark them: refreshStaleAuthors sums them up.
    Author: node('Author:StaleSummary', 'Author'),
    NameAuthor: node('Author:StaleSummary:PlacementPending', 'Author'),
    Paper: node('Paper', 'Paper'),
    AUTHORED: new CsvGroup(dir, 'relationships', 'AUTHORED', [start('Author'), end('Paper'), ...SCHEMA.AUTHORED.columns], level),
    PART_OF: new CsvGroup(dir, 'relationships', 'PART_OF', [start('Topic'), end('Topic')], level),
    UNIT_OF: new CsvGroup(dir, 'relationships', 'PART_OF', [start('Organization'), end('Organization')], level, 'PART_OF-Organization'),
    RECORDED_IN: new CsvGroup(dir, 'relationships', 'RECORDED_IN', [start('Paper'), end('Source'), s('recordHash'), s('recordId')], level),
    HAS_TOPIC: new CsvGroup(dir, 'relationships', 'HAS_TOPIC', [start('Paper'), end('Topic'), ...SCHEMA.HAS_TOPIC.columns], level),
    FROM_ORGANIZATION: new CsvGroup(dir, 'relationships', 'FROM_ORGANIZATION', [start('Paper'), end('Organization')], level),
    CITES: new CsvGroup(dir, 'relationships', 'CITES', [start('Paper'), end('Paper')], level),
  };

  // Keys to node numbers, per label (see hash-index.ts).
  const paperKeys = new HashIndex(1 << 20);
  const authorKeys = new HashIndex(1 << 20);
  const organizationKeys = new HashIndex(1 << 12);
  const topicKeys = new HashIndex(1 << 10);
  const organizationIds: string[] = [];
  const sources = new Map<string, { number: number; source: Source }>();
  let papers = 0;
  let authors = 0;
  let duplicates = 0;
  let hasReferences = false;

  // References to works not seen yet: (citing paper, hash of `openalex:<id>`), 12 bytes each.
  const pendingPath = join(dir, 'pending-references.bin');
  const pending = createWriteStream(pendingPath);
  let pendingBuffer = Buffer.alloc(12 * 8192);
  let pendingUsed = 0;
  let pendingCount = 0;
  const hash = new Uint32Array(2);
  const flushPending = async () => {
    if (pendingUsed === 0) return;
    const full = pendingBuffer.subarray(0, pendingUsed);
    pendingBuffer = Buffer.alloc(pendingBuffer.length);
    pendingUsed = 0;
    if (!pending.write(full)) await once(pending, 'drain');
  };

  const sourceNumber = (source: Source) => {
    let entry = sources.get(source.id);
    if (!entry) sources.set(source.id, (entry = { number: sources.size, source }));
    // The writer's write-sources SETs kind and name: the last record's win.
    entry.source = source;
    return entry.number;
  };

  const organizationOf = (org: RecordOrganization): number => {
    // The writer's resolve-organizations: fixed id, ROR, OpenAlex id.
    const key = organizationKey(org);
    const known = (org.id && organizationKeys.get(`id:${org.id}`)) ?? (org.ror && organizationKeys.get(`ror:${org.ror}`)) ?? (org.openalexId && organizationKeys.get(`oa:${org.openalexId}`)) ?? organizationKeys.get(`id:${key}`);
    if (typeof known === 'number') return known;
    // A unit's institution first, as the writer writes it (write-organizations: PART_OF).
    const institution = org.partOf ? organizationOf(org.partOf) : undefined;
    const number = organizationIds.length;
    organizationIds.push(key);
    organizationKeys.add(`id:${key}`, number);
    if (org.ror) organizationKeys.add(`ror:${org.ror}`, number);
    if (org.openalexId) organizationKeys.add(`oa:${org.openalexId}`, number);
    const partOf = institution === undefined || institution === number ? null : organizationIds[institution]!;
    files.Organization.write([number, ...values('Organization', organizationRow(key, org, partOf))]);
    if (partOf !== null) files.UNIT_OF.write([number, institution]);
    return number;
  };

  const registerIds = (author: RecordAuthor, number: number) => {
    if (author.openalexId) authorKeys.add(`oa:${author.openalexId}`, number);
    if (author.orcid) authorKeys.add(`orcid:${author.orcid}`, number);
    if (author.openreviewId) authorKeys.add(`or:${author.openreviewId}`, number);
  };

  // A byline row asks for its author's key twice in a row (isLoose, authorIdOf): made once.
  let keyed: RecordAuthor | undefined;
  let keyedKey = '';
  const keyOfAuthor = (author: RecordAuthor) => (author === keyed ? keyedKey : ((keyed = author), (keyedKey = authorKey(author))));

  // The writer's resolve-authors: an identified reference by its fixed id, OpenAlex id, ORCID,
  // OpenReview id, else a new node; a name-only one the name's own node, placed by evidence after
  // the import (PlacementPending: the writer's place-authors), as the writer leaves it.
  const authorOf = (author: RecordAuthor): number => {
    const key = keyOfAuthor(author);
    const known = (author.id && authorKeys.get(`id:${author.id}`)) ?? (author.openalexId && authorKeys.get(`oa:${author.openalexId}`)) ?? (author.orcid && authorKeys.get(`orcid:${author.orcid}`)) ??
      (author.openreviewId && authorKeys.get(`or:${author.openreviewId}`)) ?? authorKeys.get(`id:${key}`);
    if (typeof known === 'number') return known;
    const number = authors++;
    // Found again by their external ids (registerIds); by their own key only fixed ids and names.
    const nameOnly = isNameOnly(key);
    if (author.id || nameOnly) authorKeys.add(`id:${key}`, number);
    registerIds(author, number);
    (nameOnly ? files.NameAuthor : files.Author).write([number, ...values('Author', authorRow(key, author))]);
    return number;
  };

  // What the writer's row builders ask: node ids. Authors are known to the files by number.
  const nodeIds = {
    authorIdOf: (author: RecordAuthor) => String(authorOf(author)),
    isLoose: (author: RecordAuthor) => isNameOnly(keyOfAuthor(author)),
    organizationIdOf: (org: RecordOrganization) => organizationIds[organizationOf(org)]!,
  };

  let count = 0;
  const every = options.progressEvery ?? 10_000;
  for await (const input of records) {
    count++;
    const { record, paperId, keys, hash: recordHash } = prepared(input);
    const seen = keys.find((key) => paperKeys.has(key));
    if (seen) {
      duplicates++;
      await options.onRejected?.(record.recordId, `duplicate of an earlier record in this import (${seen})`);
      continue;
    }
    const number = papers++;
    for (const key of keys) paperKeys.add(key, number);
    hasReferences ||= record.references.length > 0 || Boolean(record.openalexId);

    // The topics and the hierarchy they are part of, each node once, a parent before its child.
    for (const topic of topicRows([record])) {
      if (topicKeys.has(topic.id)) continue;
      const topicNumber = topicKeys.size;
      files.Topic.write([topicNumber, ...values('Topic', topic)]);
      topicKeys.add(topic.id, topicNumber);
      if (topic.partOf) files.PART_OF.write([topicNumber, topicKeys.get(topic.partOf)]);
    }
    const paper = { record, id: paperId, hash: recordHash };
    const row = paperRow(paper);
    files.Paper.write([number, ...values('Paper', row)]);
    files.RECORDED_IN.write([number, sourceNumber(record.source), row.hash, row.recordId]);

    for (const authorship of onceByAuthor(bylineRows(paper, nodeIds))) files.AUTHORED.write([authorship.authorId, number, ...values('AUTHORED', authorship)]);
    const links = linkRow(paper, nodeIds);
    checkFields('links', links);
    for (const topic of links.topics) files.HAS_TOPIC.write([number, topicKeys.get(topic.id), ...values('HAS_TOPIC', topic)]);
    for (const orgId of links.organizationIds) files.FROM_ORGANIZATION.write([number, organizationKeys.get(`id:${orgId}`)]);
    for (const reference of links.references) {
      const cited = paperKeys.get(`openalex:${reference}`);
      if (cited !== undefined) files.CITES.write([number, cited]);
      else {
        hash64(`openalex:${reference}`, hash);
        pendingBuffer.writeUInt32LE(number, pendingUsed);
        pendingBuffer.writeUInt32LE(hash[0]!, pendingUsed + 4);
        pendingBuffer.writeUInt32LE(hash[1]!, pendingUsed + 8);
        pendingUsed += 12;
        pendingCount++;
        if (pendingUsed === pendingBuffer.length) await flushPending();
      }
    }
    if (count % 64 === 0) for (const group of Object.values(files)) await group.flush();
    if (count % every === 0) options.onProgress?.(count);
  }
  await flushPending();
  pending.end();
  await once(pending, 'close');

  // References to works that came later in the stream: resolved now that every work is known.
  let referencesOutside = 0;
  if (pendingCount > 0) {
    for await (const chunk of createReadStream(pendingPath, { highWaterMark: 12 * 65536 }) as AsyncIterable<Buffer>) {
      // highWaterMark is a multiple of 12, and a file stream reads whole chunks but at the end.
      for (let at = 0; at + 12 <= chunk.length; at += 12) {
        const cited = paperKeys.getByHash(chunk.readUInt32LE(at + 4), chunk.readUInt32LE(at + 8));
        if (cited === undefined) referencesOutside++;
        else files.CITES.write([chunk.readUInt32LE(at), cited]);
      }
      await files.CITES.flush();
    }
  }
  rmSync(pendingPath, { force: true });

  for (const { number, source } of sources.values()) files.Source.write([number, ...values('Source', { ...source })]);
  options.onProgress?.(count);

  const groups: GroupFiles[] = [];
  for (const group of Object.values(files)) groups.push(await group.close());
  const summary: ConvertSummary = {
    dir,
    records: count,
    duplicates,
    nodes: groups.filter((g) => g.kind === 'nodes').reduce<Record<string, number>>((byLabel, g) => ({ ...byLabel, [g.name.split(':')[0]!]: (byLabel[g.name.split(':')[0]!] ?? 0) + g.rows }), {}),
    relationships: groups.filter((g) => g.kind === 'relationships').reduce<Record<string, number>>((byType, g) => ({ ...byType, [g.name]: (byType[g.name] ?? 0) + g.rows }), {}),
    referencesOutside,
    hasReferences,
    groups,
    indexBytes: paperKeys.bytes + authorKeys.bytes + organizationKeys.bytes + topicKeys.bytes,
    ms: performance.now() - started,
  };
  writeFileSync(join(dir, MANIFEST), `${JSON.stringify({ groups, idType: 'integer' }, null, 2)}\n`);
  return summary;
}
