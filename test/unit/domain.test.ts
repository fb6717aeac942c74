import { describe, expect, it } from 'vitest';
import { buildEgoNetwork, type CoauthorLink } from '../support/ego-network-reference.js';
import { computeMetrics } from '../../src/domain/metrics.js';
import { SEARCH_CANDIDATES, searchTerms } from '../../src/domain/search.js';

describe('computeMetrics', () => {
  it('computes counts, the h-index and years from the papers', () => {
    const metrics = computeMetrics([
      { year: 2020, citationCount: 10 },
      { year: 2021, citationCount: 4 },
      { year: 2021, citationCount: 3 },
      { year: 2023, citationCount: 1 },
      { year: null, citationCount: null },
    ]);
    expect(metrics).toEqual({
      paperCount: 5,
      citationCount: 18,
      hIndex: 3,
      firstYear: 2020,
      lastYear: 2023,
      papersPerYear: [
        { year: 2020, paperCount: 1 },
        { year: 2021, paperCount: 2 },
        { year: 2023, paperCount: 1 },
      ],
    });
    expect(computeMetrics([]).hIndex).toBe(0);
  });
});

describe('searchTerms', () => {
  it('folds what is typed into words of letters and digits, so no Lucene syntax reaches the index', () => {
    expect(searchTerms('Sergey  Lev')).toEqual({
      key: 'sergey lev', words: ['sergey'], last: 'lev', allWords: '+sergey +(lev lev*)', anyWord: 'sergey (lev lev*)', candidates: SEARCH_CANDIDATES,
    });
    expect(searchTerms('Département d\'Informatique, ÉNS')!.key).toBe('departement d informatique ens');
    expect(searchTerms('a:b (c) [d] "e" ~f* ?g \\h /i +j -k && l || m ! ^')!.anyWord).toBe('a b c d e f g h i j k l m');
    expect(searchTerms('NOT AND OR')!.allWords).toBe('+not +and +(or or*)');
    expect(searchTerms(' *** ')).toBeNull();
  });

  it('matches the last word as a prefix from two characters to 40', () => {
    expect(searchTerms('Baixu C')!.allWords).toBe('+baixu +c');
    expect(searchTerms('Aishwa')!.anyWord).toBe('(aishwa aishwa*)');
    expect(searchTerms('a'.repeat(41))!.anyWord).toBe('a'.repeat(41));
    expect(searchTerms(Array.from({ length: 200 }, (_, i) => `t${i}`).join(' '))!.words).toHaveLength(31);
  });
});

describe('buildEgoNetwork', () => {
  // A star with a chain: c - a1..a3, a1 - b1 - d1; a1 and a2 also linked.
  const links: CoauthorLink[] = [
    ['c', 'a1', 3], ['c', 'a2', 2], ['c', 'a3', 1], ['a1', 'a2', 1], ['a1', 'b1', 1], ['b1', 'd1', 1],
  ].flatMap(([x, y, w]) => [
    { source: x as string, target: y as string, sharedPaperCount: w as number, firstYear: 2020, lastYear: 2021 },
    { source: y as string, target: x as string, sharedPaperCount: w as number, firstYear: 2020, lastYear: 2021 },
  ]);
  const fetcher = () => {
    const calls: string[][] = [];
    const fetch = async (ids: string[]) => (calls.push(ids), links.filter((link) => ids.includes(link.source)));
    return { calls, fetch };
  };

  it('walks out level by level with one fetch per level plus one for the outer links', async () => {
    const { calls, fetch } = fetcher();
    const network = await buildEgoNetwork('c', { depth: 2, maxNodes: 100, maxEdges: 100 }, fetch);
    expect(network.nodes).toEqual([
      { authorId: 'c', depth: 0 },
      { authorId: 'a1', depth: 1 },
      { authorId: 'a2', depth: 1 },
      { authorId: 'a3', depth: 1 },
      { authorId: 'b1', depth: 2 },
    ]);
    expect(network.edges).toHaveLength(5);
    expect(network.edges[0]).toMatchObject({ sharedPaperCount: 3 });
    expect(calls).toHaveLength(3);
    expect(network.nodesTruncated).toBe(false);
  });

  it('keeps the strongest links when the node cap cuts a level, and says so', async () => {
    const network = await buildEgoNetwork('c', { depth: 1, maxNodes: 3, maxEdges: 100 }, fetcher().fetch);
    expect(network.nodes.map((node) => node.authorId)).toEqual(['c', 'a1', 'a2']);
    expect(network.edges.map((edge) => [edge.source, edge.target].sort().join('-')).sort()).toEqual(['a1-a2', 'a1-c', 'a2-c']);
    expect(network.nodesTruncated).toBe(true);
  });

  it('caps edges, strongest first', async () => {
    const network = await buildEgoNetwork('c', { depth: 1, maxNodes: 10, maxEdges: 2 }, fetcher().fetch);
    expect(network.edges.map((edge) => edge.sharedPaperCount)).toEqual([3, 2]);
    expect(network.edgesTruncated).toBe(true);
  });
});
