import { describe, expect, it } from 'vitest';
import { neighbourScores, rankingFigures, reachable, sample, temporalSplit, topK } from '../../eval/lib/suggestion-measures.js';

const bylines = [
  { year: 2020, authors: ['a', 'b'] },
  { year: 2021, authors: ['b', 'c', 'd'] },
  { year: 2022, authors: ['e', 'c'] },
  // After the split: a meets c (new), a and b again (not new), a and z (z unknown before).
  { year: 2023, authors: ['a', 'c', 'z'] },
  { year: 2024, authors: ['a', 'b'] },
];

describe('the temporal split', () => {
  it('takes the graph up to the split year and, as truth, first meetings after it among its authors', () => {
    const split = temporalSplit(bylines, 2022);
    expect([...split.coauthors.get('b')!].sort()).toEqual(['a', 'c', 'd']);
    expect([...split.truth.keys()].sort()).toEqual(['a', 'c']);
    expect([...split.truth.get('a')!]).toEqual(['c']);
    expect(split.coauthors.has('z')).toBe(false);
  });

  it('scores the non-coauthors two hops away by common neighbours and Adamic-Adar', () => {
    const { coauthors } = temporalSplit(bylines, 2022);
    expect(Object.fromEntries(neighbourScores(coauthors, 'a', 'common-neighbours'))).toEqual({ c: 1, d: 1 });
    // b has 3 coauthors: each path through b weighs 1 / ln 3.
    expect(neighbourScores(coauthors, 'a', 'adamic-adar').get('c')).toBeCloseTo(1 / Math.log(3));
    // e wrote with c alone, so both of c's other coauthors are one path away.
    expect(Object.fromEntries(neighbourScores(coauthors, 'e', 'common-neighbours'))).toEqual({ b: 1, d: 1 });
  });

  it('breaks ties by id, highest first', () => {
    expect(topK(new Map([['y', 1], ['x', 1], ['w', 2]]), 2)).toEqual(['w', 'x']);
  });
});

describe('ranking figures', () => {
  it('averages hit, precision, recall and reciprocal rank over the authors', () => {
    const figures = rankingFigures(
      [
        { ranked: ['x', 'y'], truth: new Set(['y', 'q']) }, // hit, 1 of 2 right at rank 2
        { ranked: ['p'], truth: new Set(['r']) }, // miss
      ],
      2,
    );
    expect(figures).toEqual({ hit: 0.5, precision: 0.25, recall: 0.25, mrr: 0.25, authors: 2 });
  });

  it('draws the same sample for the same seed, another for another', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    expect(sample(items, 10, 1)).toEqual(sample(items, 10, 1));
    expect(sample(items, 10, 1)).not.toEqual(sample(items, 10, 2));
    expect(new Set(sample(items, 100, 3)).size).toBe(100);
  });
});

describe('reach', () => {
  it('says whether a new coauthor is within two or three coauthor hops', () => {
    // a - b - c - d, and a chain's far end e unreachable.
    const coauthors = new Map([['a', new Set(['b'])], ['b', new Set(['a', 'c'])], ['c', new Set(['b', 'd'])], ['d', new Set(['c'])], ['e', new Set<string>()]]);
    expect(reachable(coauthors, 'a', new Set(['c']), 2)).toBe(true);
    expect(reachable(coauthors, 'a', new Set(['d']), 2)).toBe(false);
    expect(reachable(coauthors, 'a', new Set(['d']), 3)).toBe(true);
    expect(reachable(coauthors, 'a', new Set(['e']), 3)).toBe(false);
  });
});
