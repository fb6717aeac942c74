import { describe, expect, it } from 'vitest';
import { FIRST_USE_MS as FIRST_USE, networkx, type NetworkxMeasures as Measures } from '../support/networkx.js';

const sum = (values: Record<string, number>) => Object.values(values).reduce((a, b) => a + b, 0);

describe('the networkx reference', () => {
  it('computes measures of a triangle with a pendant', { timeout: FIRST_USE }, async () => {
    // a, b, c form a triangle; d hangs off c.
    const graph = { nodes: ['a', 'b', 'c', 'd'], edges: [['a', 'b', 1], ['b', 'c', 1], ['a', 'c', 1], ['c', 'd', 5]] };
    const measures = await networkx<Measures>('measures', graph);
    expect(measures.coreNumber).toEqual({ a: 2, b: 2, c: 2, d: 1 });
    expect(measures.clustering).toEqual({ a: 1, b: 1, c: 1 / 3, d: 0 });
    // Only c lies between others: on the shortest paths from d to a and from d to b.
    expect(measures.betweenness).toEqual({ a: 0, b: 0, c: 2, d: 0 });
    expect(sum(measures.pageRank)).toBeCloseTo(1, 10);
    expect(sum(measures.weightedPageRank)).toBeCloseTo(1, 10);
    expect(measures.pageRank.a).toBeCloseTo(measures.pageRank.b!, 12);
    expect(measures.pageRank.c).toBeGreaterThan(measures.pageRank.a!);
    // The heavy c–d link sends d more rank when weights count.
    expect(measures.weightedPageRank.d).toBeGreaterThan(measures.pageRank.d!);
  });

  it('scores the agreement of partitions', { timeout: FIRST_USE }, async () => {
    const truth = { a: 1, b: 1, c: 1, d: 2, e: 2, f: 2 };
    const nmi = async (found: Record<string, unknown>) =>
      (await networkx<{ nmi: number }>('nmi', { truth, found })).nmi;
    expect(await nmi(truth)).toBeCloseTo(1, 12);
    expect(await nmi({ a: 'x', b: 'x', c: 'x', d: 'y', e: 'y', f: 'y' })).toBeCloseTo(1, 12);
    // Each found cluster holds one of each true cluster's members in turn: nothing in common.
    expect(await nmi({ a: 'x', b: 'y', c: 'z', d: 'x', e: 'y', f: 'z' })).toBe(0);
    // Nearly so: one half of each, and one node astray.
    expect(await nmi({ a: 'x', b: 'y', c: 'y', d: 'x', e: 'y', f: 'x' })).toBeLessThan(0.1);
  });

  it('reports the script failing, with its stderr', { timeout: FIRST_USE }, async () => {
    await expect(networkx('nmi', { truth: { a: 1 }, found: { b: 1 } })).rejects.toThrow(/same ids/);
  });
});
