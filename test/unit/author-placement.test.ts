import { describe, expect, it } from 'vitest';
import { JOIN_ABOVE, namePrior, placeBlock, splitNodeId, type BlockAuthorship } from '../../src/ingest/author-placement.js';

const NAME = 'author:bo-li';
const authorship = (paperId: string, authorId: string, loose: boolean, facts: Partial<BlockAuthorship> = {}): BlockAuthorship => ({
  authorId, paperId, year: 2021, coauthorKeys: [], organizationIds: [], topicIds: [], loose, ...facts,
});
const block = (authorships: BlockAuthorship[]) => ({ nameKey: 'bo li', nameNodeId: NAME, authorships });
const COMMON = 5; // a name prior: five other people expected
const RARE = 0.001;

describe('placing name-only authorships', () => {
  it('joins the person a coauthor in common points to, naming the coauthor, and never the other person of the name', () => {
    const placements = placeBlock(block([
      authorship('p1', 'openreview:~Bo_Li1', false, { coauthorKeys: ['ann lee', 'cy wu'] }),
      authorship('p2', 'openreview:~Bo_Li2', false, { coauthorKeys: ['dan ho'] }),
      authorship('p3', NAME, true, { coauthorKeys: ['cy wu', 'eve ng'] }),
      authorship('p4', NAME, true, { coauthorKeys: ['dan ho'], organizationIds: ['org:x'] }),
    ]), COMMON);
    expect(placements).toEqual([
      { paperId: 'p3', from: NAME, to: 'openreview:~Bo_Li1', method: 'coauthors', score: 1, evidence: ['coauthor: cy wu'] },
      { paperId: 'p4', from: NAME, to: 'openreview:~Bo_Li2', method: 'coauthors', score: 1, evidence: ['coauthor: dan ho'] },
    ]);
  });

  it('joins on an institution in common, and leaves an authorship with nothing in common on the name when the name is common', () => {
    const placements = placeBlock(block([
      authorship('p1', 'openreview:~Bo_Li1', false, { organizationIds: ['org:tsinghua'] }),
      authorship('p2', 'openreview:~Bo_Li2', false, { organizationIds: ['org:mit'] }),
      authorship('p3', NAME, true, { organizationIds: ['org:mit'] }),
      authorship('p4', NAME, true, { coauthorKeys: ['zed'] }),
    ]), COMMON);
    expect(placements.map(({ paperId, to, method }) => [paperId, to, method])).toEqual([
      ['p3', 'openreview:~Bo_Li2', 'affiliation'],
      ['p4', NAME, 'name'],
    ]);
  });

  it('joins the one person of a rare name on the evidence of the name itself, with the likelihood as its score', () => {
    const [placement] = placeBlock(block([
      authorship('p1', 'openreview:~Bo_Li1', false, { coauthorKeys: ['ann lee'], topicIds: ['keyword:graphs'] }),
      authorship('p2', NAME, true, { coauthorKeys: ['zed'], topicIds: ['keyword:graphs'] }),
    ]), RARE);
    expect(placement).toMatchObject({ to: 'openreview:~Bo_Li1', method: 'evidence' });
    expect(placement!.score).toBeGreaterThan(JOIN_ABOVE);
    expect(placement!.evidence).toEqual(expect.arrayContaining(['topics in common: keyword:graphs']));
  });

  it('sets apart groups of a common name that nothing links: the largest keeps the name, the others get nodes of their own', () => {
    const placements = placeBlock(block([
      authorship('p1', NAME, true, { coauthorKeys: ['ann lee'] }),
      authorship('p2', NAME, true, { coauthorKeys: ['ann lee'] }),
      authorship('p3', NAME, true, { coauthorKeys: ['ann lee', 'bo wu'] }),
      authorship('p4', NAME, true, { coauthorKeys: ['dan ho'] }),
      authorship('p5', NAME, true, { coauthorKeys: ['dan ho'] }),
    ]), COMMON);
    const apart = splitNodeId(NAME, 'p4');
    expect(apart).toMatch(/^author:bo-li~[0-9a-f]{8}$/);
    expect(placements.map(({ paperId, to }) => [paperId, to])).toEqual([['p1', NAME], ['p2', NAME], ['p3', NAME], ['p4', apart], ['p5', apart]]);
    expect(placements.every((p) => p.method === 'coauthors')).toBe(true);
  });

  it('gives the same placements whatever order the authorships come in', () => {
    const authorships = [
      authorship('p1', 'openreview:~Bo_Li1', false, { coauthorKeys: ['ann lee'] }),
      authorship('p2', 'openreview:~Bo_Li2', false, { coauthorKeys: ['cy wu'], organizationIds: ['org:x'] }),
      ...Array.from({ length: 12 }, (_, i) => authorship(`q${i}`, i % 3 ? NAME : 'openreview:~Bo_Li1', true, {
        coauthorKeys: [['ann lee', 'cy wu', 'eve ng'][i % 3]!], organizationIds: i % 4 ? [] : ['org:x'], year: 2019 + (i % 4),
      })),
    ];
    const expected = placeBlock(block(authorships), COMMON);
    for (let seed = 1; seed <= 5; seed++) {
      const shuffled = [...authorships].sort((a, b) => ((a.paperId.charCodeAt(1) * seed) % 7) - ((b.paperId.charCodeAt(1) * seed) % 7) || (seed % 2 ? 1 : -1));
      expect(placeBlock(block(shuffled), COMMON)).toEqual(expected);
    }
  });

  it('places a name-only entry of a paper a person holds under the name with that person, and never joins two persons', () => {
    const placements = placeBlock(block([
      authorship('p1', 'openreview:~Bo_Li1', false, { coauthorKeys: ['ann lee'] }),
      authorship('p2', 'openreview:~Bo_Li2', false, { coauthorKeys: ['ann lee'] }),
      authorship('p1', NAME, true, { coauthorKeys: ['ann lee'] }),
    ]), RARE);
    expect(placements).toEqual([{ paperId: 'p1', from: NAME, to: 'openreview:~Bo_Li1', method: 'same-paper', score: null, evidence: [expect.stringContaining('~Bo_Li1')] }]);
  });

  it('leaves an authorship two persons claim equally on the name, on direct evidence and on the name alone', () => {
    const twins = [
      authorship('p1', 'openreview:~Bo_Li1', false, { coauthorKeys: ['ann lee'] }),
      authorship('p2', 'openreview:~Bo_Li2', false, { coauthorKeys: ['cy wu'] }),
    ];
    expect(placeBlock(block([...twins, authorship('p3', NAME, true, { coauthorKeys: ['ann lee', 'cy wu'] })]), COMMON).map((p) => [p.to, p.method])).toEqual([[NAME, 'name']]);
    // A rare name: either person is likely, neither clearly more.
    expect(placeBlock(block([...twins, authorship('p3', NAME, true)]), RARE).map((p) => [p.to, p.method])).toEqual([[NAME, 'name']]);
  });

  it('places nothing in a name with no name-only authorship', () => {
    expect(placeBlock(block([authorship('p1', 'openreview:~Bo_Li1', false)]), COMMON)).toEqual([]);
  });

  it('expects more people to share a name made of common words', () => {
    const counts = { first: new Map([['bo', 400], ['ada', 2]]), last: new Map([['li', 900], ['lovelace', 1]]) };
    expect(namePrior('bo li', counts)).toBeCloseTo((400 * 900) / 50_000);
    expect(namePrior('ada lovelace', counts)).toBeLessThan(0.001);
    expect(namePrior('li', counts)).toBe(10);
  });
});
