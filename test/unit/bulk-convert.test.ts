import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { convertRecords } from '../../src/ingest/bulk/convert.js';
import { HashIndex } from '../../src/ingest/bulk/hash-index.js';
import type { PaperRecord } from '../../src/ingest/record.js';
import { remoteSteps } from '../../tools/bulk-load.js';
import { graphRecordStream, graphRecords } from '../../tools/synthetic/records.js';
import { generateGraph } from '../../tools/synthetic/generate.js';

const work = mkdtempSync(join(tmpdir(), 'bulk-convert-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const source = { id: 'source:test', kind: 'test', name: 'Test' };
const paper = (openalexId: string, extra: Partial<PaperRecord> = {}): PaperRecord => ({
  source, recordId: `r-${openalexId}`, title: `Paper ${openalexId}`, year: 2020, openalexId, authorListComplete: true,
  authors: [{ name: 'Ada Lovelace', openalexId: 'A1', organizations: [{ name: 'Uni', ror: '01abcde23' }] }],
  otherAuthors: [], organizations: [], topics: [], references: [], ...extra,
});
const rows = (dir: string, file: string) => gunzipSync(readFileSync(join(dir, file))).toString('utf8').split('\n').filter(Boolean);

describe('HashIndex', () => {
  it('keeps a value per key through growth, and tells unseen keys apart', () => {
    const index = new HashIndex(1024);
    for (let i = 0; i < 50_000; i++) expect(index.add(`key:${i}`, i)).toBe(i);
    expect(index.size).toBe(50_000);
    expect(index.add('key:7', 99)).toBe(7);
    for (let i = 0; i < 50_000; i += 997) expect(index.get(`key:${i}`)).toBe(i);
    expect(index.get('key:50000')).toBeUndefined();
    expect(index.bytes).toBeLessThan(50_000 * 40);
  });
});

describe('convertRecords', () => {
  it('writes typed headers, each node once, duplicates reported, citations to later works resolved', async () => {
    const dir = join(work, 'small');
    const rejected: string[] = [];
    const summary = await convertRecords(
      [
        paper('W1', { references: ['W2', 'W404'], doi: '10.1/A', publishedOn: '2020-05-01', abstract: 'two\nlines' }),
        paper('W2', { authors: [{ name: 'Ada Lovelace', openalexId: 'A1', organizations: [] }, { name: 'Bob "B" Babbage', organizations: [{ name: 'Uni', openalexId: 'I9', ror: '01abcde23' }] }] }),
        paper('W3', { doi: '10.1/a' }),
      ],
      { dir, onRejected: (record, reason) => void rejected.push(`${record}: ${reason}`) },
    );
    expect(rejected).toEqual([expect.stringMatching(/^r-W3: duplicate of an earlier record in this import \(doi:10\.1\/a\)/)]);
    expect(summary.nodes).toMatchObject({ Paper: 2, Author: 2, Organization: 1, Source: 1 });
    expect(summary.relationships).toMatchObject({ AUTHORED: 3, CITES: 1, RECORDED_IN: 2, FROM_ORGANIZATION: 2 });
    expect(summary.referencesOutside).toBe(1);
    expect(readFileSync(join(dir, 'nodes-Paper.header.csv'), 'utf8')).toMatch(/^:ID\(Paper\),id,title,titleKey,year:long,publishedOn:date,.*citationCount:long,authorListComplete:boolean,referencedWorks:string\[\]/);
    expect(readFileSync(join(dir, 'relationships-AUTHORED.header.csv'), 'utf8')).toMatch(/^:START_ID\(Author\),:END_ID\(Paper\),position:long,name,sources:string\[\],organizationIds:string\[\]/);
    // The row with a line break in the abstract goes to the multi-line file.
    expect(readdirSync(dir)).toContain('nodes-Paper.multiline.csv.gz');
    expect(rows(dir, 'nodes-Author-StaleSummary.csv.gz')).toEqual(['0,"openalex:A1","Ada Lovelace","ada lovelace","A1",,']);
    // A name-only author: the name's own node, marked for placement by evidence after the load.
    expect(rows(dir, 'nodes-Author-StaleSummary-PlacementPending.csv.gz')).toEqual([expect.stringMatching(/^1,"author:bob-b-babbage","Bob ""B"" Babbage"/)]);
    // W2's citation of... none; W1 cites W2 (later in the stream): resolved at the end.
    expect(rows(dir, 'relationships-CITES.csv.gz')).toEqual(['0,1']);
  });

  it('resolves authors as the writer does: an identified one by its ids alone, a name-only one to the name\'s own node, to be placed', async () => {
    const dir = join(work, 'names');
    const summary = await convertRecords(
      [
        paper('W1', { authors: [{ id: 'x:author:1', name: 'Jane Roe', organizations: [] }, { name: 'Sam Poe', organizations: [] }] }),
        // Same name, other ids: a node of its own, never the first Jane Roe by her name.
        paper('W2', { authors: [{ name: 'Jane Roe', openalexId: 'A9', orcid: '0000-0001', organizations: [] }, { name: 'Sam Poe', organizations: [] }] }),
        paper('W3', { authors: [{ name: 'Jane Roe', openalexId: 'A9', organizations: [] }, { name: 'Jane Roe', organizations: [] }] }),
      ],
      { dir },
    );
    expect(summary.nodes.Author).toBe(4);
    expect(rows(dir, 'relationships-AUTHORED.csv.gz').map((row) => row.split(',').slice(0, 2).join(','))).toEqual(['0,0', '1,0', '2,1', '1,1', '2,2', '3,2']);
    expect(rows(dir, 'nodes-Author-StaleSummary-PlacementPending.csv.gz').map((row) => row.split(',')[1])).toEqual(['"author:sam-poe"', '"author:jane-roe"']);
    // Name-only authorships carry nameOnly (placed after the load); identified ones their method.
    expect(rows(dir, 'relationships-AUTHORED.csv.gz').map((row) => row.split(',').slice(-2).join(','))).toEqual(['"id",', ',true', '"id",', ',true', '"id",', ',true']);
  });

  it('streams the same records as the generated graph', () => {
    const options = { authors: 400, prefix: 'eq', seed: 3 };
    expect(JSON.stringify([...graphRecordStream(options)])).toBe(JSON.stringify(graphRecords(generateGraph(options))));
  });

  it('against a remote database: the neo4j-admin command to run there, and what to run after', async () => {
    const dir = join(work, 'remote');
    await convertRecords([paper('W1'), paper('W2', { references: ['W1'] })], { dir });
    const steps = remoteSteps(dir, 'neo4j', { finishCommand: 'npm run import -- openalex x --bulk-finish' });
    expect(steps.command).toMatch(/^neo4j-admin database import full neo4j --overwrite-destination=true --id-type=integer --array-delimiter=U\+001F /);
    expect(steps.command).toContain('--nodes=Author:StaleSummary=/path/on/host/bulk/nodes-Author-StaleSummary.header.csv,/path/on/host/bulk/nodes-Author-StaleSummary.csv.gz');
    expect(steps.command).toContain('--relationships=CITES=/path/on/host/bulk/relationships-CITES.header.csv');
    expect(steps.command).not.toContain('--threads');
    expect(steps.then.join('\n')).toMatch(/copy .*remote.*\n.*stop the database.*\n.*npm run import -- openalex x --bulk-finish/);
  });
});
