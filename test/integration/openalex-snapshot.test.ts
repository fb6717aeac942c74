import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { syncSnapshot, type SnapshotSyncOptions } from '../../src/ingest/snapshot/incremental.js';
import { readMergedIds } from '../../src/ingest/snapshot/layout.js';
import { addSnapshotUpdate, generateOpenAlexSnapshot } from '../../tools/synthetic/openalex-snapshot/index.js';
import { graphFingerprint } from '../support/fingerprint.js';
import { ownEmptyNeo4jPerTest } from '../support/own-neo4j.js';

/**
 * `npm run import -- openalex-snapshot DIR` end to end on small hand-built snapshots, on an
 * instance of its own (each test starts from an empty graph; one kills a sync half way).
 */

const own = await ownEmptyNeo4jPerTest('snapshot');
const { database } = own;

const rows = async (cypher: string, params: Record<string, unknown> = {}) =>
  (await own.driver.executeQuery(cypher, params, { database })).records.map((record) => record.toObject());
const sync = (dir: string, options: Partial<SnapshotSyncOptions> = {}) =>
  syncSnapshot(graphDatabaseOn(own.driver, database), { dir, reportFile: join(dir, 'report.jsonl'), batchSize: 10, ...options });
/** The whole graph, but when parts were applied (a killed run and a clean one differ only there). */
const fingerprint = async () => {
  await own.driver.executeQuery('MATCH (p:SnapshotPart) REMOVE p.appliedAt', {}, { database });
  return graphFingerprint(own.driver, database);
};

// --- a small snapshot in OpenAlex's layout -------------------------------------------------

const url = (id: string) => `https://openalex.org/${id}`;
const hierarchy = {
  subfield: { id: url('subfields/1702'), display_name: 'Artificial Intelligence' },
  field: { id: url('fields/17'), display_name: 'Computer Science' },
  domain: { id: url('domains/3'), display_name: 'Physical Sciences' },
};
const topic = (n: number) => ({ id: url(`T${n}`), display_name: `Topic ${n}`, ...hierarchy });
const institution = (n: number) => ({ id: url(`I${n}`), display_name: `University ${n}`, ror: `https://ror.org/0${n}abcde${n}`, country_code: 'GB', type: 'education' });
const authorId = (n: number) => `A${5000 + n}`;
/** A name without digits (the name cleaner drops trailing numbers). */
const nameOf = (id: string) => {
  const k = Number(id.slice(1)) - 5000;
  return `Person ${String.fromCharCode(65 + (k % 26))}${k >= 26 ? 'x' : ''} Example`;
};

/** Work n: three authors out of 30, references to two earlier works, topics, institutions. */
function work(n: number, changes: { title?: string; citations?: number; authors?: string[] } = {}) {
  const authors = changes.authors ?? [authorId(n % 30), authorId((n * 7 + 3) % 30), authorId((n * 11 + 5) % 30)];
  return {
    id: url(`W${1000 + n}`),
    doi: `https://doi.org/10.5555/work.${n}`,
    title: changes.title ?? `Work number ${n}`,
    publication_year: 2000 + (n % 20),
    publication_date: `${2000 + (n % 20)}-03-01`,
    cited_by_count: changes.citations ?? n,
    authorships: [...new Set(authors)].map((id, index) => ({
      author_position: index === 0 ? 'first' : 'middle',
      author: { id: url(id), display_name: nameOf(id) },
      raw_author_name: index === 1 ? `P. ${nameOf(id)}` : nameOf(id),
      is_corresponding: index === 0,
      institutions: [institution(Number(id.slice(1)) % 4)],
    })),
    primary_topic: { ...topic(n % 3), score: 0.9 },
    topics: [{ ...topic(n % 3), score: 0.9 }, { ...topic((n + 1) % 3), score: 0.4 }],
    referenced_works: [n - 1, n - 7].filter((m) => m >= 0).map((m) => url(`W${1000 + m}`)),
  };
}
const author = (n: number) => ({ id: url(authorId(n)), display_name: nameOf(authorId(n)), orcid: `https://orcid.org/0000-0002-0000-${String(n).padStart(4, '0')}`, works_count: 10 + n, cited_by_count: 100 + n, summary_stats: { h_index: n % 7 } });

function writePart(dir: string, entity: string, date: string, index: number, records: unknown[] | Buffer) {
  const folder = join(dir, 'data', 'jsonl', entity, `updated_date=${date}`);
  mkdirSync(folder, { recursive: true });
  const content = Buffer.isBuffer(records) ? records : gzipSync(records.map((record) => `${JSON.stringify(record)}\n`).join(''));
  writeFileSync(join(folder, `part_${String(index).padStart(4, '0')}.gz`), content);
}
/** The entity's manifest, listing every part on disk (`counts` overrides record counts, for parts that are not JSON Lines). */
function writeManifest(dir: string, entity: string, counts: Record<string, number> = {}) {
  const base = join(dir, 'data', 'jsonl', entity);
  const entries = readdirSync(base).filter((name) => name.startsWith('updated_date=')).sort().flatMap((partition) =>
    readdirSync(join(base, partition)).sort().map((name) => {
      const path = `${partition}/${name}`;
      const lines = counts[path] ?? readGzLines(join(base, path));
      return { url: `s3://openalex/data/${entity}/${path}`, meta: { content_length: statSync(join(base, path)).size, record_count: lines } };
    }),
  );
  writeFileSync(join(base, 'manifest.json'), JSON.stringify({ entries, meta: { content_length: 0, record_count: entries.reduce((n, e) => n + e.meta.record_count, 0) } }));
}
const readGzLines = (path: string) => {
  try {
    return gunzipSync(readFileSync(path)).toString('utf8').split('\n').filter(Boolean).length;
  } catch {
    return 1;
  }
};
function writeMergedIds(dir: string, entity: string, date: string, merges: [string, string][]) {
  mkdirSync(join(dir, 'merged_ids', entity), { recursive: true });
  writeFileSync(join(dir, 'merged_ids', entity, `${date}.csv.gz`), gzipSync(`merge_date,id,merge_into_id\n${merges.map(([from, into]) => `${date},${url(from)},${url(into)}`).join('\n')}\n`));
}

/** A first snapshot: topics, 40 works in two parts, 30 authors, 4 institutions. */
function firstSnapshot() {
  const dir = mkdtempSync(join(tmpdir(), 'openalex-snapshot-'));
  writePart(dir, 'topics', '2025-01-01', 0, [0, 1, 2].map(topic));
  writePart(dir, 'works', '2025-01-01', 0, Array.from({ length: 20 }, (_, n) => work(n)));
  writePart(dir, 'works', '2025-01-01', 1, Array.from({ length: 20 }, (_, n) => work(n + 20)));
  writePart(dir, 'authors', '2025-01-01', 0, Array.from({ length: 30 }, (_, n) => author(n)));
  writePart(dir, 'institutions', '2025-01-01', 0, [0, 1, 2, 3].map(institution));
  for (const entity of ['topics', 'works', 'authors', 'institutions']) writeManifest(dir, entity);
  return dir;
}

/**
 * A later partition updating works 0-4 and adding 40-41 (41 by the soon-merged author A5029),
 * and merged ids: A5029 into A5001, A5028 deleted, A5027 into an author not in the graph; W1010
 * into W1011, W1012 deleted.
 */
function addUpdate(dir: string) {
  writePart(dir, 'works', '2025-02-01', 0, [
    ...Array.from({ length: 5 }, (_, n) => work(n, { title: `Work number ${n}, revised`, citations: 500 + n })),
    work(40),
    work(41, { authors: [authorId(29), authorId(2)] }),
  ]);
  writeManifest(dir, 'works');
  writeMergedIds(dir, 'authors', '2025-02-01', [[authorId(29), authorId(1)], [authorId(28), 'A9999999999'], [authorId(27), 'A4242424242']]);
  writeMergedIds(dir, 'works', '2025-02-01', [['W1010', 'W1011'], ['W1012', 'W4285719527']]);
}

describe('an OpenAlex snapshot', () => {
  it('syncs once with works, authors, institutions, topics and their hierarchy, and a second time writes nothing', async () => {
    const dir = firstSnapshot();
    const first = await sync(dir);
    expect(first.parts.applied.map((part) => part.id)).toEqual([
      'data/jsonl/topics/updated_date=2025-01-01/part_0000.gz',
      'data/jsonl/works/updated_date=2025-01-01/part_0000.gz',
      'data/jsonl/works/updated_date=2025-01-01/part_0001.gz',
      'data/jsonl/institutions/updated_date=2025-01-01/part_0000.gz',
      'data/jsonl/authors/updated_date=2025-01-01/part_0000.gz',
    ]);
    expect(first).toMatchObject({ records: 77, works: { records: 40, rejected: 0, papers: { created: 40 } }, authors: { records: 30, matched: 30 }, institutions: { records: 4, matched: 4 } });
    expect(first.works.citationsLinked).toBeGreaterThanOrEqual(0);
    expect(await rows('MATCH (p:Paper) RETURN count(*) AS papers, count{ ()-[:CITES]->() } AS cites')).toEqual([{ papers: 40, cites: 39 + 33 }]);
    const [byline] = await rows(`MATCH (a:Author)-[w:AUTHORED]->(:Paper {openalexId: 'W1001'}) WITH a, w ORDER BY w.position
      RETURN collect([a.openalexId, w.position, w.corresponding, w.rawName]) AS byline`);
    expect(byline!.byline).toEqual([['A5001', 1, true, null], ['A5010', 2, null, 'P. Person K Example'], ['A5016', 3, null, null]]);
    expect(await rows(`MATCH (a:Author {openalexId: 'A5001'})-[r:REPORTED_IN]->(:Source {id: 'source:openalex'})
      RETURN a.orcid AS orcid, r.paperCount AS works, r.citationCount AS citations, r.hIndex AS h`)).toEqual([{ orcid: '0000-0002-0000-0001', works: 11, citations: 101, h: 1 }]);
    expect(await rows(`MATCH (o:Organization {openalexId: 'I1'}) RETURN o.name AS name, o.ror AS ror, o.type AS type, o.country AS country`)).toEqual([
      { name: 'University 1', ror: '01abcde1', type: 'education', country: 'GB' },
    ]);
    expect(await rows(`MATCH (:Paper {openalexId: 'W1001'})-[h:HAS_TOPIC]->(t)-[:PART_OF]->(s)-[:PART_OF]->(f)-[:PART_OF]->(d)
      RETURN t.id AS topic, h.primary AS primary, [s.id, f.id, d.id, d.name] AS hierarchy ORDER BY topic`)).toEqual([
      { topic: 'openalex:T1', primary: true, hierarchy: ['openalex:subfields/1702', 'openalex:fields/17', 'openalex:domains/3', 'Physical Sciences'] },
      { topic: 'openalex:T2', primary: null, hierarchy: ['openalex:subfields/1702', 'openalex:fields/17', 'openalex:domains/3', 'Physical Sciences'] },
    ]);
    expect(await rows('MATCH (p:SnapshotPart) RETURN p.entity AS entity, sum(p.records) AS records ORDER BY entity')).toEqual([
      { entity: 'authors', records: 30 }, { entity: 'institutions', records: 4 }, { entity: 'topics', records: 3 }, { entity: 'works', records: 40 },
    ]);

    const before = await fingerprint();
    const second = await sync(dir);
    expect(second).toMatchObject({ parts: { applied: [], alreadyApplied: 5 }, records: 0, writeTransactions: 0, rowsWritten: 0 });
    expect(await fingerprint()).toEqual(before);
  }, 120_000); // The first sync on this file's fresh instance plans every statement: 10 s alone.

  it('applies an update partition and merged ids: the old ids lead to their targets, sentinels delete, missing targets are reported', async () => {
    const dir = firstSnapshot();
    await sync(dir);
    addUpdate(dir);
    const update = await sync(dir);
    expect(update.parts.applied.map((part) => part.id)).toEqual([
      'data/jsonl/works/updated_date=2025-02-01/part_0000.gz', 'merged_ids/authors/2025-02-01.csv.gz', 'merged_ids/works/2025-02-01.csv.gz',
    ]);
    expect(update).toMatchObject({ works: { records: 7, papers: { created: 2, updated: 5 } }, merges: { files: 2, rows: 5, merged: 2, deleted: 2, missingTarget: 1 } });
    // The latest partition's record of a work is OpenAlex's word on it.
    expect(await rows(`MATCH (p:Paper {openalexId: 'W1003'}) RETURN p.title AS title, p.citationCount AS citations`)).toEqual([{ title: 'Work number 3, revised', citations: 503 }]);
    // A5029's works (W1041 among them) are A5001's now, and A5029 leads there.
    expect(await rows(`MATCH (a:Author) WHERE a.openalexId IN ['A5029', 'A5028'] RETURN a.openalexId AS id`)).toEqual([]);
    expect(await rows(`MATCH (:AuthorAlias {openalexId: 'A5029'})-[:ALIAS_OF]->(a:Author) RETURN a.openalexId AS id, 'W1041' IN [(a)-[:AUTHORED]->(p) | p.openalexId] AS wrote`)).toEqual([{ id: 'A5001', wrote: true }]);
    expect(await rows(`MATCH (a:Author {openalexId: 'A5027'}) RETURN count{ (a)-[:AUTHORED]->() } > 0 AS kept`)).toEqual([{ kept: true }]);
    expect(readFileSync(join(dir, 'report.jsonl'), 'utf8')).toContain('A5027 -> A4242424242');
    // W1010 is W1011 now (its citations with it); W1012 is gone.
    expect(await rows(`MATCH (p:Paper) WHERE p.openalexId IN ['W1010', 'W1012'] RETURN p.id AS id`)).toEqual([]);
    expect(await rows(`MATCH (:PaperAlias {openalexId: 'W1010'})-[:ALIAS_OF]->(p:Paper) RETURN p.openalexId AS id, p.mergedIds AS merged, 'W1009' IN [(p)-[:CITES]->(c) | c.openalexId] AS cites`)).toEqual([
      { id: 'W1011', merged: ['doi:10.5555/work.10'], cites: true },
    ]);

    // A later partition naming the merged author id lands on the target.
    writePart(dir, 'works', '2025-03-01', 0, [work(42, { authors: [authorId(29)] })]);
    writeManifest(dir, 'works');
    expect((await sync(dir)).works.authors).toEqual({ created: 0, matched: 1, ambiguous: 0 });
    expect(await rows(`MATCH (a:Author)-[:AUTHORED]->(:Paper {openalexId: 'W1042'}) RETURN a.openalexId AS id`)).toEqual([{ id: 'A5001' }]);
  }, 60_000);

  it('refuses a corrupt part, a truncated line and an unlisted part, naming file and line, with nothing written', async () => {
    const dir = firstSnapshot();
    await sync(dir);
    const before = await fingerprint();
    writePart(dir, 'works', '2025-02-01', 0, [work(50), work(51)]);
    writePart(dir, 'works', '2025-02-01', 1, gzipSync(`${JSON.stringify(work(52))}\n{"id": "https://openalex.org/W1053", "ti`));
    writeManifest(dir, 'works', { 'updated_date=2025-02-01/part_0001.gz': 2 });
    await expect(sync(dir)).rejects.toThrow(/^data\/jsonl\/works\/updated_date=2025-02-01\/part_0001.gz:2: truncated line/);
    writePart(dir, 'works', '2025-02-01', 1, gzipSync(`${JSON.stringify(work(52))}\n`).subarray(0, 30));
    writeManifest(dir, 'works', { 'updated_date=2025-02-01/part_0001.gz': 1 });
    await expect(sync(dir)).rejects.toThrow(/^data\/jsonl\/works\/updated_date=2025-02-01\/part_0001.gz: not a readable gzip file after line 0/);
    writePart(dir, 'works', '2025-02-01', 1, [work(52)]);
    writePart(dir, 'works', '2025-02-01', 2, [work(53)]); // not in the manifest yet
    await expect(sync(dir)).rejects.toThrow('data/jsonl/works/updated_date=2025-02-01/part_0002.gz: not listed in data/jsonl/works/manifest.json, so it is still being written');
    expect(await fingerprint()).toEqual(before);
  });

  it('generated, with an update partition and merged ids: killed half way and run again, ends in the graph one clean run makes', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'openalex-generated-'));
    await generateOpenAlexSnapshot({ dir, works: 200, seed: 21, partSize: 100 });
    await addSnapshotUpdate({ dir, works: 40, newWorks: 10, mergedAuthors: 8, mergedWorks: 3 });
    const clean = await sync(dir, { batchSize: 50 });
    expect(clean).toMatchObject({ works: { records: 250, papers: { created: 210, updated: 40 } } });
    expect(clean.merges.merged + clean.merges.deleted).toBeGreaterThan(0);
    // Every merged author id leads to its target (or, if the old author never had a work, nowhere).
    for await (const merge of readMergedIds({ id: '', entity: 'authors', mergeDate: '', path: join(dir, 'merged_ids/authors', readdirSync(join(dir, 'merged_ids/authors'))[0]!) }, 'authors')) {
      const [found] = await rows(`OPTIONAL MATCH (old:Author {openalexId: $id}) OPTIONAL MATCH (:AuthorAlias {openalexId: $id})-[:ALIAS_OF]->(a:Author)
        RETURN old IS NULL AS gone, a.openalexId AS target`, { id: merge.id });
      expect(found).toEqual({ gone: true, target: merge.mergeInto });
    }
    const cleanGraph = await fingerprint();

    await own.driver.executeQuery('MATCH (n) DETACH DELETE n', {}, { database });
    // Stopped in the middle of the works, then in the merged ids (topics, works, institutions and authors applied).
    await expect(sync(dir, { batchSize: 50, stopAfter: ({ phase, batches }) => phase === 'works' && batches === 3 })).rejects.toThrow('stopped after 3 works batches');
    await expect(sync(dir, { batchSize: 50, stopAfter: ({ phase }) => phase === 'merges' })).rejects.toThrow('stopped after 1 merges batches');
    await sync(dir, { batchSize: 50 });
    expect(await fingerprint()).toEqual(cleanGraph);
    expect(await sync(dir)).toMatchObject({ writeTransactions: 0, parts: { applied: [] } });
  }, 120_000); // Five syncs of a few hundred works and 1.5k topics: 16 s alone, a minute on a loaded machine.
});
