import { describe, expect, it } from 'vitest';
import { parseOpenAlexWork } from '../../src/ingest/formats/openalex.js';
import { paperlistSource, parsePaperlistItem } from '../../src/ingest/formats/paperlist.js';
import { checkRecord, type PaperRecord } from '../../src/ingest/record.js';
import { topicRows } from '../../src/ingest/batch-writes.js';

const record = (parsed: ReturnType<typeof parsePaperlistItem>) => {
  if (!('record' in parsed)) throw new Error(JSON.stringify(parsed));
  const checked = checkRecord(parsed.record);
  if (!('record' in checked)) throw new Error(checked.rejected);
  return checked.record;
};

describe('paper lists', () => {
  it('name the venue and year after the file', () => {
    expect(paperlistSource('nips2023.json')).toMatchObject({ venue: 'NeurIPS 2023', year: 2023, source: { id: 'source:paperlist:nips2023' } });
    expect(paperlistSource('notes.json')).toBeNull();
  });

  it("split authors on ';' or ', ' and align OpenReview ids and affiliations when counts agree", () => {
    const semi = record(parsePaperlistItem({ id: 'abcDEF12345', title: 'T', status: 'Poster', author: 'A One;B Two', authorids: '~A_One1;~B_Two1', aff: 'X U + Y Lab;Z Inc' }, 0, { file: 'iclr2021.json' }));
    expect(semi.authors).toEqual([
      { name: 'A One', openreviewId: '~A_One1', organizations: [{ name: 'X U' }, { name: 'Y Lab' }] },
      { name: 'B Two', openreviewId: '~B_Two1', organizations: [{ name: 'Z Inc' }] },
    ]);
    expect(semi.openreviewId).toBe('abcDEF12345');
    const comma = record(parsePaperlistItem({ id: '1234', title: 'T', status: 'Oral', authors: 'A One, B Two, C Three', aff: 'One Place' }, 0, { file: 'nips2020.json' }));
    expect(comma.authors.map((a) => a.name)).toEqual(['A One', 'B Two', 'C Three']);
    expect(comma.organizations).toEqual([{ name: 'One Place' }]);
    expect(comma.openreviewId).toBeUndefined();
  });

  it('skip rejected, withdrawn and desk-rejected submissions unless asked, and keep accepted ones', () => {
    for (const status of ['Reject', 'Withdraw', 'Desk Reject']) {
      expect(parsePaperlistItem({ title: 'T', status, author: 'A' }, 0, { file: 'iclr2020.json' })).toEqual({ skipped: `status ${status}` });
      expect('record' in parsePaperlistItem({ title: 'T', status, author: 'A' }, 0, { file: 'iclr2020.json', includeUnpublished: true })).toBe(true);
    }
    for (const status of ['Poster', 'Oral', 'Spotlight', '']) expect('record' in parsePaperlistItem({ title: 'T', status, author: 'A' }, 0, { file: 'kdd2023.json' })).toBe(true);
  });

  it('turn keywords into topics and Google Scholar counts into citation counts', () => {
    const paper = record(parsePaperlistItem({ title: 'T', status: 'Poster', author: 'A', keywords: 'Graph Learning; graph  learning;x', gs_citation: 7 }, 0, { file: 'www2024.json' }));
    expect(paper.topics).toEqual([{ id: 'keyword:graph-learning', scheme: 'keyword', name: 'graph  learning' }]);
    expect(paper.citationCount).toBe(7);
  });
});

describe('OpenAlex works', () => {
  const work = {
    id: 'https://openalex.org/W1',
    doi: 'https://doi.org/10.1/ABC',
    title: 'Title',
    publication_year: 2020,
    publication_date: '2020-05-01',
    cited_by_count: 3,
    authorships: [{ author: { id: 'https://openalex.org/A1', display_name: 'Ada', orcid: 'https://orcid.org/0000-0001' }, institutions: [{ id: 'https://openalex.org/I1', display_name: 'Uni', ror: 'https://ror.org/0abc', country_code: 'GB' }] }],
    abstract_inverted_index: { world: [1], Hello: [0] },
    referenced_works: ['https://openalex.org/W0'],
    locations: [{ landing_page_url: 'https://arxiv.org/abs/2001.00001' }],
  };

  it('use the ids, the byline with ORCID and ROR, the abstract and the references', () => {
    const parsed = parseOpenAlexWork(work, 'w#0');
    expect('record' in parsed && checkRecord(parsed.record)).toMatchObject({
      record: {
        openalexId: 'W1', doi: '10.1/abc', arxivId: '2001.00001', abstract: 'Hello world', citationCount: 3, references: ['W0'],
        authors: [{ name: 'Ada', openalexId: 'A1', orcid: '0000-0001', organizations: [{ name: 'Uni', ror: '0abc', openalexId: 'I1', country: 'GB' }] }],
      },
    });
  });

  it('keep corresponding authors, raw names that differ, and the topic hierarchy with the primary topic', () => {
    const hierarchy = {
      subfield: { id: 'https://openalex.org/subfields/1702', display_name: 'Artificial Intelligence' },
      field: { id: 'https://openalex.org/fields/17', display_name: 'Computer Science' },
      domain: { id: 'https://openalex.org/domains/3', display_name: 'Physical Sciences' },
    };
    const parsed = parseOpenAlexWork({
      ...work,
      authorships: [
        { author: { id: 'https://openalex.org/A1', display_name: 'Ada Lovelace' }, raw_author_name: 'A. Lovelace', is_corresponding: true },
        { author: { id: 'https://openalex.org/A2', display_name: 'Alan Turing' }, raw_author_name: 'Alan Turing', is_corresponding: false },
        { author: { id: 'https://openalex.org/A3', display_name: 'Grace Hopper' } },
      ],
      primary_topic: { id: 'https://openalex.org/T2', display_name: 'Graphs', score: 0.9, ...hierarchy },
      topics: [{ id: 'https://openalex.org/T1', display_name: 'Learning', score: 0.5, ...hierarchy }, { id: 'https://openalex.org/T2', display_name: 'Graphs', score: 0.9, ...hierarchy }],
    }, 'w');
    const { record } = checkRecord('record' in parsed ? parsed.record : null) as { record: PaperRecord };
    expect(record.authors.map(({ name, corresponding, rawName }) => ({ name, corresponding, rawName }))).toEqual([
      { name: 'Ada Lovelace', corresponding: true, rawName: 'A. Lovelace' },
      { name: 'Alan Turing', corresponding: false, rawName: undefined },
      { name: 'Grace Hopper', corresponding: undefined, rawName: undefined },
    ]);
    const partOf = [
      { id: 'openalex:subfields/1702', scheme: 'openalex-subfield', code: '1702', name: 'Artificial Intelligence' },
      { id: 'openalex:fields/17', scheme: 'openalex-field', code: '17', name: 'Computer Science' },
      { id: 'openalex:domains/3', scheme: 'openalex-domain', code: '3', name: 'Physical Sciences' },
    ];
    expect(record.topics).toEqual([
      { id: 'openalex:T1', scheme: 'openalex', code: 'T1', name: 'Learning', score: 0.5, partOf },
      { id: 'openalex:T2', scheme: 'openalex', code: 'T2', name: 'Graphs', score: 0.9, primary: true, partOf },
    ]);
    // Every node once, each after the one it is part of.
    expect(topicRows([record]).map(({ id, partOf: parent }) => [id, parent])).toEqual([
      ['openalex:domains/3', null], ['openalex:fields/17', 'openalex:domains/3'], ['openalex:subfields/1702', 'openalex:fields/17'],
      ['openalex:T1', 'openalex:subfields/1702'], ['openalex:T2', 'openalex:subfields/1702'],
    ]);
    const alone = parseOpenAlexWork({ ...work, primary_topic: { id: 'https://openalex.org/T9', display_name: 'Elsewhere' }, topics: [] }, 'w');
    expect('record' in alone && (alone.record as PaperRecord).topics).toEqual([{ id: 'openalex:T9', scheme: 'openalex', code: 'T9', name: 'Elsewhere', score: undefined, primary: true }]);
  });

  it('skip paratext and reject works whose fields have the wrong types', () => {
    expect(parseOpenAlexWork({ ...work, is_paratext: true }, 'w')).toEqual({ skipped: expect.any(String) });
    expect(parseOpenAlexWork({ ...work, authorships: 'x' }, 'w')).toEqual({ rejected: 'authorships is not a list' });
    const badYear = parseOpenAlexWork({ ...work, publication_year: '2020' }, 'w');
    expect('record' in badYear && checkRecord(badYear.record)).toEqual({ rejected: expect.stringContaining('year') });
  });
});
