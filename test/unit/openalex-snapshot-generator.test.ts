import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseOpenAlexWork } from '../../src/ingest/formats/openalex.js';
import { cleanAuthorName } from '../../src/ingest/names.js';
import {
  DELETED_WORK, ENTITIES, type Manifest, type SnapshotCounts, addSnapshotUpdate, bylineLengthOf, contextOf, generateOpenAlexSnapshot,
} from '../../tools/synthetic/openalex-snapshot/index.js';
import { Spread } from '../../tools/synthetic/openalex-snapshot/hash.js';

const WORKS = 3_000;
const SEED = 3;
let root: string;
let dir: string;
let counts: SnapshotCounts;

const readJson = (file: string) => JSON.parse(readFileSync(file, 'utf8'));
const linesOf = (file: string) => gunzipSync(readFileSync(file)).toString('utf8').split('\n').filter(Boolean);
/** Every record of an entity, in part order, from the manifest. */
function records(snapshot: string, entity: string): any[] {
  const manifest = readJson(path.join(snapshot, 'data/jsonl', entity, 'manifest.json')) as Manifest;
  return manifest.entries.flatMap((entry) => linesOf(path.join(snapshot, 'data/jsonl', entity, entry.url.split(`data/${entity}/`)[1]!)).map((line) => JSON.parse(line)));
}
const short = (url: string) => url.split('/').pop()!;

let works: any[];
let authors: any[];

beforeAll(async () => {
  root = mkdtempSync(path.join(tmpdir(), 'openalex-snapshot-'));
  dir = path.join(root, 'snapshot');
  counts = await generateOpenAlexSnapshot({ dir, works: WORKS, seed: SEED, partSize: 1_000 });
  works = records(dir, 'works');
  authors = records(dir, 'authors');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('generateOpenAlexSnapshot', () => {
  it('writes the layout with manifests that agree with the parts', () => {
    expect(counts.parts.works).toBe(3);
    for (const entity of ENTITIES) {
      const manifest = readJson(path.join(dir, 'data/jsonl', entity, 'manifest.json')) as Manifest;
      const partition = path.join(dir, 'data/jsonl', entity, 'updated_date=2025-01-01');
      const files = readdirSync(partition).sort();
      expect(files.every((file) => /^part_\d{4}\.gz$/.test(file))).toBe(true);
      expect(manifest.entries.map((entry) => entry.url)).toEqual(files.map((file) => `s3://openalex/data/${entity}/updated_date=2025-01-01/${file}`));
      for (const entry of manifest.entries) {
        const file = path.join(partition, short(entry.url));
        expect(entry.meta.content_length).toBe(statSync(file).size);
        expect(entry.meta.record_count).toBe(linesOf(file).length);
      }
      expect(manifest.meta.record_count).toBe(manifest.entries.reduce((sum, entry) => sum + entry.meta.record_count, 0));
    }
    expect(works).toHaveLength(WORKS);
    expect(authors).toHaveLength(counts.authors);
    expect(counts.authorships).toBe(works.reduce((sum, work) => sum + work.authorships.length, 0));
  });

  it('writes works shaped as OpenAlex works, with unique ids and DOIs and only older references', () => {
    const byId = new Map(works.map((work) => [work.id, work]));
    expect(byId.size).toBe(WORKS);
    const dois = works.map((work) => work.doi).filter(Boolean);
    expect(new Set(dois).size).toBe(dois.length);
    expect(dois.length).toBeGreaterThan(WORKS * 0.8);
    expect(dois.length).toBeLessThan(WORKS);
    for (const work of works) {
      expect(work.id).toMatch(/^https:\/\/openalex\.org\/W\d+$/);
      expect(work.display_name).toBe(work.title);
      expect(work.publication_date.slice(0, 4)).toBe(String(work.publication_year));
      expect(work.primary_topic).toEqual(work.topics[0]);
      expect(work.primary_topic.subfield.id).toMatch(/^https:\/\/openalex\.org\/subfields\/\d+$/);
      expect(work.primary_topic.field.id).toMatch(/^https:\/\/openalex\.org\/fields\/\d+$/);
      expect(work.primary_topic.domain.id).toMatch(/^https:\/\/openalex\.org\/domains\/[1-4]$/);
      expect(typeof work.primary_location.source.display_name).toBe('string');
      expect(work.referenced_works_count).toBe(work.referenced_works.length);
      for (const reference of work.referenced_works) expect(byId.get(reference).publication_date < work.publication_date).toBe(true);
      work.authorships.forEach((authorship: any, k: number) => {
        expect(authorship.author_position).toBe(k === 0 ? 'first' : k === work.authorships.length - 1 ? 'last' : 'middle');
        for (const institution of authorship.institutions) {
          expect(institution.ror).toMatch(/^https:\/\/ror\.org\/0[0-9a-z]{6}\d{2}$/);
          expect(institution.country_code).toMatch(/^[A-Z]{2}$/);
          expect(authorship.countries).toContain(institution.country_code);
        }
      });
    }
    const arxiv = works.flatMap((work) => work.locations.map((l: any) => l.landing_page_url)).filter((url: string) => url.startsWith('https://arxiv.org/abs/'));
    expect(arxiv.length).toBeGreaterThan(WORKS / 20);
    expect(arxiv.every((url: string) => /^https:\/\/arxiv\.org\/abs\/\d{4}\.\d{5}$/.test(url))).toBe(true);
    expect(new Set(arxiv).size).toBe(arxiv.length);
    expect(works.filter((work) => work.abstract_inverted_index).length).toBeGreaterThan(WORKS / 10);
    // The project's parser takes every work but the unnamed ones.
    const parsed = works.map((work, k) => parseOpenAlexWork(work, String(k)));
    expect(parsed.every((result) => 'record' in result)).toBe(true);
  });

  it('writes authors whose counts are those of the works, some ghosts left out', () => {
    const tally = new Map<string, number>();
    for (const work of works) for (const authorship of work.authorships) if (authorship.author?.id) tally.set(authorship.author.id, (tally.get(authorship.author.id) ?? 0) + 1);
    for (const author of authors) {
      expect(author.works_count).toBe(tally.get(author.id));
      expect(author.summary_stats.h_index).toBeLessThanOrEqual(author.works_count);
      expect(author.last_known_institutions[0].ror).toMatch(/^https:\/\/ror\.org\//);
      if (author.orcid) expect(author.orcid).toMatch(/^https:\/\/orcid\.org\/\d{4}-\d{4}-\d{4}-\d{3}[\dX]$/);
    }
    const listed = new Set(authors.map((author) => author.id));
    const ghosts = [...tally.keys()].filter((id) => !listed.has(id));
    expect(ghosts.length).toBeGreaterThan(0);
    expect(ghosts.length).toBeLessThan(tally.size / 50);
    expect(authors.filter((author) => author.orcid).length).toBeGreaterThan(authors.length * 0.3);
  });

  it('has heavy-tailed productivity and byline lengths', () => {
    const productivity = authors.map((author) => author.works_count).sort((a, b) => b - a);
    expect(productivity.filter((n) => n <= 2).length).toBeGreaterThan(authors.length / 2);
    expect(productivity[0]).toBeGreaterThanOrEqual(30);
    const bylines = works.map((work) => work.authorships.length);
    const mean = bylines.reduce((sum, n) => sum + n, 0) / bylines.length;
    expect(mean).toBeGreaterThan(3.5);
    expect(mean).toBeLessThan(4.8);
    expect(Math.max(...bylines)).toBeGreaterThanOrEqual(50);
    // The long tail: about 1 work in 100k has 1,000-3,000 authors, all distinct.
    const long: number[] = [];
    for (let i = 0; i < 1_000_000; i++) if (bylineLengthOf(SEED, i) >= 1_000) long.push(i);
    expect(long.length).toBeGreaterThanOrEqual(3);
    expect(long.length).toBeLessThanOrEqual(30);
    const big = contextOf({ generator: 'scholar-graph openalex-snapshot', version: 1, seed: SEED, date: '2025-01-01', works: 1_000_000, partSize: 1, updates: [] });
    const work = JSON.parse(big.works.build(long[0]!, '2025-01-01').json);
    expect(work.authorships.length).toBeGreaterThanOrEqual(950);
    const ids = work.authorships.map((authorship: any) => authorship.author?.id).filter(Boolean);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has the pitfalls: name-only authorships with names of their own, a work with no named author', () => {
    const all = works.flatMap((work) => work.authorships);
    const nameOnly = all.filter((authorship) => !authorship.author?.id && authorship.raw_author_name);
    expect(nameOnly.some((authorship) => authorship.author === null)).toBe(true);
    expect(nameOnly.some((authorship) => authorship.author !== null && authorship.author.display_name === null)).toBe(true);
    const names = nameOnly.map((authorship) => authorship.raw_author_name);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(cleanAuthorName(name)).toEqual({ name });
    const identified = new Set(all.filter((authorship) => authorship.author?.display_name).map((authorship) => authorship.author.display_name));
    expect(names.some((name) => identified.has(name))).toBe(false);
    expect(counts.nameOnlyAuthorships).toBe(nameOnly.length);
    const unnamed = works.filter((work) => work.authorships.every((authorship: any) => !authorship.author?.display_name && !authorship.raw_author_name));
    expect(unnamed.length).toBe(counts.unnamedWorks);
    expect(unnamed.length).toBeGreaterThanOrEqual(1);
  });

  it('writes topics with the four-level hierarchy and institutions with ROR ids', () => {
    const topics = records(dir, 'topics');
    expect(topics).toHaveLength(counts.topics);
    expect(new Set(topics.map((topic) => topic.domain.id)).size).toBe(4);
    expect(new Set(topics.map((topic) => topic.field.id)).size).toBe(24);
    const institutions = records(dir, 'institutions');
    expect(institutions).toHaveLength(counts.institutions);
    expect(new Set(institutions.map((institution) => institution.ror)).size).toBe(institutions.length);
    for (const institution of institutions) expect(institution.lineage[0]).toBe(institution.id);
  });

  it('is deterministic by seed', async () => {
    const again = path.join(root, 'again');
    await generateOpenAlexSnapshot({ dir: again, works: 500, seed: SEED, partSize: 1_000 });
    const other = path.join(root, 'other');
    await generateOpenAlexSnapshot({ dir: other, works: 500, seed: SEED + 1, partSize: 1_000 });
    const first = path.join(root, 'first');
    await generateOpenAlexSnapshot({ dir: first, works: 500, seed: SEED, partSize: 1_000 });
    const part = 'data/jsonl/works/updated_date=2025-01-01/part_0000.gz';
    expect(linesOf(path.join(first, part))).toEqual(linesOf(path.join(again, part)));
    expect(records(first, 'authors')).toEqual(records(again, 'authors'));
    expect(linesOf(path.join(other, part))).not.toEqual(linesOf(path.join(again, part)));
    await expect(generateOpenAlexSnapshot({ dir: first, works: 10 })).rejects.toThrow(/not empty/);
  });
});

describe('Spread', () => {
  it('picks distinct indices and knows them without a set', () => {
    for (const [count, total, offset] of [[0, 10, 0.5], [1, 1, 0], [7, 100, 0.99], [333, 1_000, 0.25], [1_000, 1_000, 0.7], [5_000, 12_345, 0.123]] as const) {
      const spread = new Spread(count, total, offset);
      const picked = new Set(Array.from({ length: count }, (_, k) => spread.at(k)));
      expect(picked.size).toBe(count);
      for (let i = -1; i <= total; i++) expect(spread.has(i)).toBe(picked.has(i));
    }
  });
});

describe('the older layout', () => {
  it('writes data/<entity>/... and legacy-data/merged_ids/..., updates included', async () => {
    const older = path.join(root, 'older');
    const made = await generateOpenAlexSnapshot({ dir: older, works: 200, seed: SEED, layout: 'older' });
    expect(made.files).toContain('data/works/updated_date=2025-01-01/part_0000.gz');
    expect(readdirSync(path.join(older, 'data')).sort()).toEqual([...ENTITIES].sort());
    const update = await addSnapshotUpdate({ dir: older, works: 20, mergedAuthors: 3 });
    expect(update.files).toEqual(['data/works/updated_date=2025-01-02/part_0000.gz', 'legacy-data/merged_ids/authors/2025-01-02.csv.gz', 'legacy-data/merged_ids/works/2025-01-02.csv.gz']);
    const manifest = readJson(path.join(older, 'data/works/manifest.json')) as Manifest;
    expect(manifest.entries.map((entry) => entry.url)).toEqual([
      's3://openalex/data/works/updated_date=2025-01-01/part_0000.gz',
      's3://openalex/data/works/updated_date=2025-01-02/part_0000.gz',
    ]);
  });
});

describe('addSnapshotUpdate', () => {
  it('adds a later partition of updated and new works and merged ids, listed in the manifest', async () => {
    const update = await addSnapshotUpdate({ dir, works: 600, mergedAuthors: 100, date: '2025-02-01' });
    expect(update).toMatchObject({ date: '2025-02-01', updatedWorks: 600, newWorks: 60, works: 660, mergedAuthors: 100, mergedWorks: 6, parts: 1 });
    const manifest = readJson(path.join(dir, 'data/jsonl/works/manifest.json')) as Manifest;
    expect(manifest.entries.map((entry) => entry.url).at(-1)).toBe('s3://openalex/data/works/updated_date=2025-02-01/part_0000.gz');
    expect(manifest.meta.record_count).toBe(WORKS + 660);
    const part = path.join(dir, 'data/jsonl/works/updated_date=2025-02-01/part_0000.gz');
    expect(manifest.entries.at(-1)!.meta).toEqual({ content_length: statSync(part).size, record_count: 660 });

    const base = new Map(works.map((work) => [work.id, work]));
    const fresh = linesOf(part).map((line) => JSON.parse(line));
    const updated = fresh.filter((work) => base.has(work.id));
    expect(updated).toHaveLength(600);
    expect(fresh.every((work) => work.updated_date.startsWith('2025-02-01'))).toBe(true);
    expect(updated.every((work) => work.cited_by_count > base.get(work.id).cited_by_count)).toBe(true);
    const rest = ({ updated_date, cited_by_count, title, display_name, authorships, ...work }: any) => work;
    for (const work of updated) expect(rest(work)).toEqual(rest(base.get(work.id)));
    expect(updated.filter((work) => work.title !== base.get(work.id).title)).toHaveLength(update.titleFixes);
    expect(update.titleFixes).toBeGreaterThan(20);
    const bylineOf = (work: any) => work.authorships.map((authorship: any) => authorship.author?.id ?? authorship.raw_author_name).join('|');
    expect(updated.filter((work) => bylineOf(work) !== bylineOf(base.get(work.id)))).toHaveLength(update.bylineChanges);
    expect(update.bylineChanges).toBeGreaterThan(5);

    const csv = (entity: string) => gunzipSync(readFileSync(path.join(dir, `merged_ids/${entity}/2025-02-01.csv.gz`))).toString('utf8').trim().split('\n');
    const authorMerges = csv('authors');
    expect(authorMerges[0]).toBe('merge_date,id,merge_into_id');
    expect(authorMerges).toHaveLength(101);
    const sources = new Set(authorMerges.slice(1).map((row) => row.split(',')[1]));
    for (const row of authorMerges.slice(1)) {
      const [mergeDate, id, into] = row.split(',');
      expect(mergeDate).toBe('2025-02-01');
      expect(id).toMatch(/^A\d+$/);
      expect(sources.has(into)).toBe(false);
      expect(into).not.toMatch(/9$/);
    }
    const workMerges = csv('works').slice(1).map((row) => row.split(','));
    expect(workMerges).toHaveLength(6);
    expect(workMerges.at(-1)![2]).toBe(`https://openalex.org/${DELETED_WORK}`);
    const mergedAway = new Set(workMerges.map((row) => row[1]));
    expect(fresh.some((work) => mergedAway.has(work.id))).toBe(false);
    for (const [, id, into] of workMerges.slice(0, -1)) expect(base.has(id!) && base.has(into!)).toBe(true);

    await expect(addSnapshotUpdate({ dir, works: 10, date: '2025-01-15' })).rejects.toThrow(/after the snapshot's latest partition/);
    const next = await addSnapshotUpdate({ dir, works: 10, mergedAuthors: 5 });
    expect(next.date).toBe('2025-02-02');
    expect((readJson(path.join(dir, 'data/jsonl/works/manifest.json')) as Manifest).entries).toHaveLength(5);
  });
});
