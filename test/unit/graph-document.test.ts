import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraphDocument } from '../../src/ingest/formats/graph-document.js';
import { checkRecord, type PaperRecord } from '../../src/ingest/record.js';
import { SEED_FILE } from '../../src/ingest/seed.js';

const seed = () => JSON.parse(readFileSync(SEED_FILE, 'utf8'));
const records = (input: unknown) =>
  parseGraphDocument(input, 'seed.json').items.map((item) => {
    if (!('record' in item)) throw new Error(JSON.stringify(item));
    const checked = checkRecord(item.record);
    if (!('record' in checked)) throw new Error(checked.rejected);
    return checked.record;
  });

describe('the seed document', () => {
  it('names ten authors and puts Baixu Chen on all six papers', () => {
    const papers = records(seed());
    expect(papers).toHaveLength(6);
    const names = new Set(papers.flatMap((p) => [...p.authors, ...p.otherAuthors].map((a) => a.name)));
    expect(names.size).toBe(10);
    for (const paper of papers) expect([...paper.authors, ...paper.otherAuthors].map((a) => a.name)).toContain('Baixu Chen');
  });

  it('keeps the byline in order and Baixu Chen at an unknown position where the list was cut', () => {
    const collapse = records(seed()).find((paper) => paper.id === 'paper:embedding-collapse-2023') as PaperRecord;
    expect(collapse.authors.map((a) => a.name)).toEqual(['Xingzhuo Guo', 'Junwei Pan', 'Ximei Wang']);
    expect(collapse.otherAuthors.map((a) => a.name)).toEqual(['Baixu Chen']);
    expect(collapse).toMatchObject({ authorListComplete: false, year: 2023, publishedOn: '2023-10-06', organizations: [{ name: 'tencent-ai' }] });
  });
});

describe('graph documents', () => {
  it('reject papers that name topics or organizations they do not define', () => {
    const document = seed();
    document.papers[0].topics = ['arxiv:cs.XX'];
    const items = parseGraphDocument(document, 'x.json').items;
    expect(items[0]).toEqual({ rejected: expect.stringContaining('arxiv:cs.XX') });
    expect(items.slice(1).every((item) => 'record' in item)).toBe(true);
  });

  it('reject a document without a byline or with a malformed date', () => {
    const document = seed();
    document.papers[0].byline = [];
    expect(parseGraphDocument(document, 'x.json').items).toEqual([{ rejected: expect.stringContaining('byline') }]);
    document.papers[0].byline = ['Someone'];
    document.papers[0].publishedOn = 'Oct 6, 2023';
    expect(parseGraphDocument(document, 'x.json').items).toEqual([{ rejected: expect.stringContaining('publishedOn') }]);
  });
});
