import { describe, expect, it } from 'vitest';
import { API_MAX_NODES, createNetwork, DRAW_LIMITS, mergeEgoNetwork, assignColours, roomForExpansion, yearSpan, type EgoNetworkData } from '../../explorer/src/network.js';

/** A star: `centre` and `count` coauthors named `${prefix}1..n`, each link with its weight and years. */
function star(centre: string, prefix: string, count: number, truncated = false): EgoNetworkData {
  const author = (name: string, paperCount = 1) => ({ name, metrics: { paperCount }, affiliations: [{ organization: { id: `org-${name.length % 3}`, name: 'Org' } }] });
  return {
    nodesTruncated: truncated,
    edgesTruncated: false,
    nodes: [{ id: centre, depth: 0, author: author(centre, 10) }, ...Array.from({ length: count }, (_, i) => ({ id: `${prefix}${i + 1}`, depth: 1, author: author(`${prefix}${i + 1}`) }))],
    edges: Array.from({ length: count }, (_, i) => ({ source: centre, target: `${prefix}${i + 1}`, sharedPaperCount: i + 1, firstYear: 2010 + i, lastYear: 2020 + i })),
  };
}

describe('the explorer network', () => {
  it('adds an expansion beside what is drawn, leaving drawn nodes where they are', () => {
    const graph = createNetwork();
    expect(mergeEgoNetwork(graph, 'c', star('c', 'a', 3))).toEqual({ addedNodes: 4, addedEdges: 3, truncated: false });
    graph.setNodeAttribute('a1', 'x', 123);
    // a1's own network: c and a1 are drawn already; b1, b2 are new.
    const second = star('a1', 'b', 2);
    second.nodes.push({ id: 'c', depth: 1, author: null });
    second.edges.push({ source: 'a1', target: 'c', sharedPaperCount: 1, firstYear: 2010, lastYear: 2020 });
    expect(mergeEgoNetwork(graph, 'a1', second)).toEqual({ addedNodes: 2, addedEdges: 2, truncated: false });
    expect(graph.getNodeAttribute('a1', 'x')).toBe(123);
    expect(graph.order).toBe(6);
    expect(graph.getNodeAttribute('a1', 'expanded')).toBe(true);
    expect(graph.getNodeAttribute('a2', 'expanded')).toBe(false);
    expect(yearSpan(graph)).toEqual([2010, 2022]);
  });

  it('sizes nodes by papers and links by shared papers', () => {
    const graph = createNetwork();
    mergeEgoNetwork(graph, 'c', star('c', 'a', 3));
    expect(graph.getNodeAttribute('c', 'size')).toBeGreaterThan(graph.getNodeAttribute('a1', 'size'));
    expect(graph.getEdgeAttribute(graph.edge('c', 'a3')!, 'size')).toBeGreaterThan(graph.getEdgeAttribute(graph.edge('c', 'a1')!, 'size'));
  });

  it('gives the commonest organizations distinct colours that stay theirs as the drawing grows', () => {
    const graph = createNetwork();
    const colours = new Map<string, string>();
    mergeEgoNetwork(graph, 'c', star('c', 'a', 12)); // c at org-1; a1..a9 at org-2; a10..a12 at org-0
    const legend = assignColours(graph, colours);
    expect(legend.map((entry) => entry.count)).toEqual([9, 3, 1]);
    expect(new Set(legend.map((entry) => entry.color)).size).toBe(3);
    expect(legend[0]).toEqual({ name: 'Org', count: 9, color: colours.get('org-2') });
    const before = new Map(colours);
    mergeEgoNetwork(graph, 'a1', star('a1', 'bbb', 20)); // 20 more, at org-1 and org-2
    assignColours(graph, colours);
    for (const [organization, colour] of before) expect(colours.get(organization)).toBe(colour);
  });

  it('says so when the server left authors out', () => {
    expect(mergeEgoNetwork(createNetwork(), 'c', star('c', 'a', 2, true)).truncated).toBe(true);
  });

  it('stops at the drawing limit, says it truncated, and never asks the API for more than its cap', () => {
    const graph = createNetwork();
    expect(roomForExpansion(graph)).toBe(API_MAX_NODES);
    const huge = star('c', 'a', DRAW_LIMITS.nodes + 50);
    const result = mergeEgoNetwork(graph, 'c', huge);
    expect(graph.order).toBe(DRAW_LIMITS.nodes);
    expect(result.truncated).toBe(true);
    // The centre of the next expansion is drawn already: room for it alone.
    expect(roomForExpansion(graph)).toBe(1);
  });
});
