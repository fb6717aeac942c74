import { describe, expect, it } from 'vitest';
import { SCORE_HALF_WEIGHT, nameList, relatedSummary, scoreOfWeight, type RelatedFacts } from '../../src/domain/related.js';

const NONE: RelatedFacts = {
  sharedAuthors: { names: [], count: 0 },
  viaCoauthors: { names: [], count: 0 },
  sharedTopics: [],
  sharedKeywords: [],
  cites: false,
  citedBy: false,
  referencesInCommon: 0,
  citersInCommon: 0,
};

describe('the score of related papers', () => {
  it('is 0 for nothing in common, 0.5 at SCORE_HALF_WEIGHT, and grows towards 1', () => {
    expect(scoreOfWeight(0)).toBe(0);
    expect(scoreOfWeight(SCORE_HALF_WEIGHT)).toBe(0.5);
    expect(scoreOfWeight(4)).toBeLessThan(scoreOfWeight(6));
    expect(scoreOfWeight(1_000)).toBeLessThan(1);
  });
});

describe('names in a summary', () => {
  it('lists one, two, or the first two and how many others', () => {
    expect(nameList([])).toBe('');
    expect(nameList(['A'])).toBe('A');
    expect(nameList(['A', 'B'])).toBe('A and B');
    expect(nameList(['A', 'B', 'C'])).toBe('A, B and 1 other');
    expect(nameList(['A', 'B', 'C', 'D', 'E'], 7)).toBe('A, B and 5 others');
  });
});

describe('the summary of a related paper', () => {
  it('says every reason, strongest first, counted in words', () => {
    expect(
      relatedSummary({
        ...NONE,
        sharedAuthors: { names: ['Ada', 'Bo'], count: 2 },
        cites: true,
        sharedKeywords: ['graph transformers'],
        referencesInCommon: 3,
        citersInCommon: 1,
        sharedTopics: ['Machine Learning', 'Vision'],
      }),
    ).toBe(
      '2 authors in common (Ada and Bo); cited by this paper; 1 keyword in common (graph transformers); 3 references in common; cited together by 1 paper; 2 topics in common (Machine Learning and Vision)',
    );
    expect(relatedSummary({ ...NONE, viaCoauthors: { names: ['Ada'], count: 1 }, citedBy: true })).toBe('by 1 coauthor (Ada); cites this paper');
    expect(relatedSummary({ ...NONE, cites: true, citedBy: true })).toBe('they cite each other');
    expect(relatedSummary(NONE)).toBe('');
  });
});
