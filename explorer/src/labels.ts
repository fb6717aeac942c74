/**
 * Which drawn nodes always carry their name. sigma on its own labels only nodes drawn large
 * enough, and one per grid cell, so of a small network often only the centre was named.
 */
import type { Network } from './network.js';

/** Up to this many nodes drawn, every one is labelled; beyond it, this many of the strongest. */
export const LABELLED_NODES = 30;

/**
 * The nodes to label: all of them while at most `limit` are drawn; otherwise the `limit` strongest.
 * Strongest means the highest weighted degree (the shared papers summed over the node's drawn
 * links), then the most drawn links, then the most papers, then the id (so the choice is stable
 * from one redraw to the next). Linear in the links, plus a sort of the nodes: it runs once per
 * change of the graph, never per frame.
 */
export function chooseLabelled(graph: Network, limit = LABELLED_NODES): Set<string> {
  if (graph.order <= limit) return new Set(graph.nodes());
  const strength = new Map<string, { weight: number; degree: number; papers: number }>();
  graph.forEachNode((node, attributes) => strength.set(node, { weight: 0, degree: 0, papers: attributes.paperCount }));
  graph.forEachEdge((_edge, { weight }, source, target) => {
    for (const end of [source, target]) {
      const entry = strength.get(end)!;
      entry.weight += weight;
      entry.degree++;
    }
  });
  const ranked = [...strength.entries()].sort(
    ([a, x], [b, y]) => y.weight - x.weight || y.degree - x.degree || y.papers - x.papers || (a < b ? -1 : a > b ? 1 : 0),
  );
  return new Set(ranked.slice(0, limit).map(([node]) => node));
}
