import { describe, expect, it } from 'vitest';
import {
  normalizeArxivId,
  normalizeDoi,
  normalizeExternalId,
  normalizeOpenalexAuthorId,
  normalizeOpenalexWorkId,
  normalizeOrcid,
} from '../../src/domain/external-ids.js';

describe('external ids: the short form the graph stores, from what users paste', () => {
  it('OpenAlex author ids, bare or as URLs, any case', () => {
    for (const text of [
      'A5023888391',
      'a5023888391',
      ' https://openalex.org/A5023888391 ',
      'http://openalex.org/a5023888391',
      'openalex.org/A5023888391',
      'https://openalex.org/authors/A5023888391',
      'https://api.openalex.org/authors/A5023888391',
      'openalex:A5023888391',
    ]) {
      expect(normalizeOpenalexAuthorId(text), text).toBe('A5023888391');
    }
  });

  it('OpenAlex work ids, and each kind refuses the other', () => {
    expect(normalizeOpenalexWorkId('https://openalex.org/W2741809807')).toBe('W2741809807');
    expect(normalizeOpenalexWorkId('https://api.openalex.org/works/w2741809807')).toBe('W2741809807');
    expect(normalizeOpenalexWorkId('A5023888391')).toBeNull();
    expect(normalizeOpenalexAuthorId('W2741809807')).toBeNull();
    expect(normalizeOpenalexAuthorId('https://openalex.org/works/A5023888391')).toBeNull();
  });

  it('ORCID iDs, with or without the URL, hyphens and the X check digit', () => {
    for (const text of ['0000-0003-3260-0660', 'https://orcid.org/0000-0003-3260-0660', 'http://www.orcid.org/0000-0003-3260-0660', 'orcid.org/0000000332600660', 'orcid:0000-0003-3260-0660']) {
      expect(normalizeOrcid(text), text).toBe('0000-0003-3260-0660');
    }
    expect(normalizeOrcid('0000-0002-1694-233x')).toBe('0000-0002-1694-233X');
  });

  it('DOIs: prefixes dropped, lower case, URL escapes decoded', () => {
    for (const text of [
      '10.1038/nature12373',
      '10.1038/NATURE12373',
      'https://doi.org/10.1038/nature12373',
      'HTTPS://DOI.ORG/10.1038/Nature12373',
      'http://dx.doi.org/10.1038/nature12373',
      'doi.org/10.1038/nature12373',
      'doi:10.1038/nature12373',
      'DOI: 10.1038/nature12373',
    ]) {
      expect(normalizeDoi(text), text).toBe('10.1038/nature12373');
    }
    expect(normalizeDoi('https://doi.org/10.1002/(SICI)1097-4636%28199706%2935%3A4')).toBe('10.1002/(sici)1097-4636(199706)35:4');
    expect(normalizeDoi('10.1002/(SICI)1097-4636(199706)35:4<511::AID-JBM12>3.0.CO;2-C')).toBe('10.1002/(sici)1097-4636(199706)35:4<511::aid-jbm12>3.0.co;2-c');
    // Without a URL, a % is part of the DOI as written.
    expect(normalizeDoi('10.1000/100%25')).toBe('10.1000/100%25');
    expect(normalizeDoi('10.1000.10/abc')).toBe('10.1000.10/abc');
  });

  it('arXiv ids: prefixes and the version dropped, old-style ids too', () => {
    for (const text of ['2101.00001', 'arXiv:2101.00001', 'ARXIV:2101.00001v3', 'https://arxiv.org/abs/2101.00001v2', 'http://export.arxiv.org/abs/2101.00001', 'arxiv.org/pdf/2101.00001v1.pdf', 'https://arxiv.org/pdf/2101.00001']) {
      expect(normalizeArxivId(text), text).toBe('2101.00001');
    }
    expect(normalizeArxivId('0704.0001v1')).toBe('0704.0001');
    expect(normalizeArxivId('hep-th/9901001v2')).toBe('hep-th/9901001');
    expect(normalizeArxivId('arXiv:math.GT/0309136')).toBe('math/0309136');
    expect(normalizeArxivId('https://arxiv.org/abs/cond-mat/0011001')).toBe('cond-mat/0011001');
  });

  it('malformed ids are null, whatever the kind', () => {
    const malformed: [Parameters<typeof normalizeExternalId>[0], string][] = [
      ['openalexAuthor', ''],
      ['openalexAuthor', '   '],
      ['openalexAuthor', 'A'],
      ['openalexAuthor', 'A12x'],
      ['openalexAuthor', 'https://example.org/A123'],
      ['openalexAuthor', `A${'1'.repeat(600)}`],
      ['openalexWork', 'W-123'],
      ['orcid', '0000-0003-3260'],
      ['orcid', '0000-0003-3260-066Y'],
      ['orcid', 'https://orcid.org/'],
      ['doi', '10.1038'],
      ['doi', '10.12/short-registrant'],
      ['doi', 'nature12373'],
      ['doi', 'https://example.org/10.1038/nature12373'],
      ['doi', '10.1038/with space'],
      ['doi', 'https://doi.org/10.1000/bad%E0%A4%A'],
      ['arxiv', '2101.001'],
      ['arxiv', '2101.00001v'],
      ['arxiv', 'arXiv:'],
      ['arxiv', 'https://arxiv.org/list/2101.00001'],
      ['arxiv', 'hep-th/99010'],
    ];
    for (const [kind, text] of malformed) expect(normalizeExternalId(kind, text), `${kind} ${text}`).toBeNull();
  });
});
