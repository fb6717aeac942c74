import { describe, expect, it } from 'vitest';
import { InstitutionMatcher, joinedNameReason, rankFigures, rankOf, typedPrefix } from '../../eval/lib/search-measures.js';

describe('eval:search measures', () => {
  const matcher = new InstitutionMatcher([
    { id: 'google', names: ['Google'] },
    { id: 'deepmind', names: ['Google DeepMind'] },
    { id: 'berkeley', names: ['University of California, Berkeley', 'UC Berkeley'] },
    { id: 'uc', names: ['University of California'] },
    { id: 'eth', names: ['ETH Zürich'] },
  ]);

  it('finds the institutions a raw string names, longest names first', () => {
    expect(matcher.named('Google DeepMind, London')).toEqual(new Set(['deepmind']));
    expect(matcher.named('Google Research; Google DeepMind')).toEqual(new Set(['google', 'deepmind']));
    expect(matcher.named('Dept. of EECS, University of California, Berkeley, USA')).toEqual(new Set(['berkeley']));
    expect(matcher.named('University of California+Los Angeles')).toEqual(new Set(['uc']));
    expect(matcher.named('uc berkeley')).toEqual(new Set(['berkeley']));
  });

  it('matches whole words, folding case and accents', () => {
    expect(matcher.named('ETH Zurich')).toEqual(new Set(['eth']));
    expect(matcher.named('Googleplex Inc.')).toEqual(new Set());
  });

  it('tells joined names from single ones', () => {
    expect(joinedNameReason('Criteo AI Lab, Paris, France+University of California, Berkeley, USA')).toMatch(/\+/);
    expect(joinedNameReason('1The University of Texas at Austin, 2Stanford University')).toBe('a numbered list');
    expect(joinedNameReason('University of Oxford, Stanford University')).toBe('two universities in one name');
    expect(joinedNameReason('University College London')).toBeNull();
    expect(joinedNameReason('Department of Computer Science, Stanford University')).toBeNull();
    expect(joinedNameReason('The Hong Kong University of Science and Technology (Guangzhou)')).toBeNull();
    expect(joinedNameReason('Laboratory 3D Vision')).toBeNull();
    expect(joinedNameReason('2IDEMIA, France')).toBeNull();
    expect(joinedNameReason('Department of Computing, The Hong Kong Polytechnic University')).toBeNull();
  });

  it('ranks and sums up ranks', () => {
    expect(rankOf(['a', 'b', 'c'], 'b')).toBe(2);
    expect(rankOf(['a'], 'z')).toBeNull();
    expect(rankFigures([1, 2, null, 1])).toEqual({ n: 4, top1: 0.5, mrr: (1 + 0.5 + 0 + 1) / 4 });
    expect(rankFigures([])).toEqual({ n: 0, top1: 0, mrr: 0 });
  });

  it('types what a person types', () => {
    expect(typedPrefix('Sergey Levine', 3)).toBe('Sergey Lev');
    expect(typedPrefix('Levine', 3)).toBeNull();
    expect(typedPrefix('Bo Li', 3)).toBe('Bo Li');
  });
});
