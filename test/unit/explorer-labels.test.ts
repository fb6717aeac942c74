import { describe, expect, it } from 'vitest';
import { chooseLabelled, LABELLED_NODES } from '../../explorer/src/labels.js';
import { addLink, addNode, createNetwork, type Network } from '../../explorer/src/network.js';
import { reportedFigures } from '../../explorer/src/reported.js';

const at = { x: 0, y: 0 };
const author = (graph: Network, id: string, paperCount = 1) =>
  addNode(graph, id, { kind: 'author', label: id, paperCount, organization: null, at });
const link = (graph: Network, a: string, b: string, sharedPaperCount: number) => addLink(graph, a, b, { sharedPaperCount, firstYear: null, lastYear: null });

/** A centre with `count` coauthors c1..cn, the i-th sharing i papers with it. */
function star(count: number) {
  const graph = createNetwork();
  author(graph, 'centre', 50);
  for (let i = 1; i <= count; i++) {
    author(graph, `c${i}`);
    link(graph, 'centre', `c${i}`, i);
  }
  return graph;
}

describe('chooseLabelled: which nodes always show their names', () => {
  it('labels every node of a small drawing (a 10-author network, and one of exactly the limit)', () => {
    const ten = star(9);
    expect(chooseLabelled(ten)).toEqual(new Set(ten.nodes()));
    const full = star(LABELLED_NODES - 1);
    expect(full.order).toBe(LABELLED_NODES);
    expect(chooseLabelled(full).size).toBe(LABELLED_NODES);
  });

  it('labels the strongest of a large one: highest weighted degree (shared papers over drawn links) first', () => {
    const graph = star(100);
    const labelled = chooseLabelled(graph);
    expect(labelled.size).toBe(LABELLED_NODES);
    // The centre carries every link; then c100 (100 shared papers) down to c72.
    const expected = ['centre', ...Array.from({ length: LABELLED_NODES - 1 }, (_, i) => `c${100 - i}`)];
    expect([...labelled].sort()).toEqual(expected.sort());
    expect(labelled.has('c71')).toBe(false);
  });

  it('breaks ties by drawn links, then papers, then id', () => {
    const graph = createNetwork();
    // a and b: weight 4 each; a over two links, b over one. c and d: weight 1, c with more papers.
    for (const [id, papers] of [['a', 1], ['b', 1], ['c', 9], ['d', 1], ['e', 1], ['f', 1], ['g', 1]] as const) author(graph, id, papers);
    link(graph, 'a', 'e', 2);
    link(graph, 'a', 'f', 2);
    link(graph, 'b', 'g', 4);
    link(graph, 'c', 'd', 1);
    // Weights: a 4 (2 links), b 4 (1), g 4 (1), e 2, f 2, c 1 (9 papers), d 1.
    expect([...chooseLabelled(graph, 1)]).toEqual(['a']);
    expect([...chooseLabelled(graph, 3)]).toEqual(['a', 'b', 'g']);
    expect([...chooseLabelled(graph, 6)]).toEqual(['a', 'b', 'g', 'e', 'f', 'c']);
  });

  it('puts an unlinked node after every linked one, whatever its papers', () => {
    const graph = star(40);
    author(graph, 'loner', 500);
    expect(chooseLabelled(graph).has('loner')).toBe(false);
    expect(chooseLabelled(graph, 41).has('loner')).toBe(false);
    expect(chooseLabelled(graph, 42).has('loner')).toBe(true);
  });
});

describe('reportedFigures: what a source gave, as a line', () => {
  it("reads the seed profile's figures", () => {
    expect(reportedFigures({ hIndex: 79, citationCount: 347, paperCount: 6 })).toBe('h-index 79, citations 347, papers 6');
  });

  it('leaves out what the source did not give, and groups thousands', () => {
    expect(reportedFigures({ hIndex: null, citationCount: 12345, paperCount: null })).toBe('citations 12,345');
    expect(reportedFigures({ hIndex: null, citationCount: null, paperCount: null })).toBe('');
  });
});
