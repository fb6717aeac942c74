/**
 * The reference for `Author.egoNetwork`, which cypher/read/network/ego-network.cypher computes in
 * one statement: the same walk, written plainly in TypeScript over a link fetcher, for tests to
 * check the Cypher against (test/integration/api-generated.test.ts).
 *
 * An author's neighbourhood in the coauthor graph, breadth first: nodes with their distance from
 * the centre and weighted links among them. It takes the strongest links first (then ids) when a
 * level does not fit under the node cap, and says when it cut anything. One call to
 * `coauthorLinks` per level, plus one for the links among the outermost level.
 */

export interface CoauthorLink {
  source: string;
  target: string;
  sharedPaperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface EgoNetworkLimits {
  depth: number;
  maxNodes: number;
  maxEdges: number;
}

export interface EgoNetwork {
  nodes: { authorId: string; depth: number }[];
  edges: CoauthorLink[];
  /** Some authors within `depth` were left out to stay under `maxNodes`. */
  nodesTruncated: boolean;
  /** Some links among the kept authors were left out to stay under `maxEdges`. */
  edgesTruncated: boolean;
}

const linkKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

export async function buildEgoNetwork(
  centerId: string,
  limits: EgoNetworkLimits,
  coauthorLinks: (authorIds: string[]) => Promise<CoauthorLink[]>,
): Promise<EgoNetwork> {
  const depthOf = new Map<string, number>([[centerId, 0]]);
  const seenLinks: CoauthorLink[] = [];
  let frontier = [centerId];
  let nodesTruncated = false;

  for (let level = 1; level <= limits.depth && frontier.length > 0; level++) {
    const links = await coauthorLinks(frontier);
    seenLinks.push(...links);
    const strongest = new Map<string, number>();
    for (const link of links) {
      if (!depthOf.has(link.target)) strongest.set(link.target, Math.max(strongest.get(link.target) ?? 0, link.sharedPaperCount));
    }
    const ranked = [...strongest].sort(([a, wa], [b, wb]) => wb - wa || (a < b ? -1 : 1));
    const room = limits.maxNodes - depthOf.size;
    if (ranked.length > room) nodesTruncated = true;
    frontier = ranked.slice(0, Math.max(room, 0)).map(([authorId]) => authorId);
    for (const authorId of frontier) depthOf.set(authorId, level);
  }
  if (frontier.length > 0 && frontier.some((id) => depthOf.get(id)! > 0)) seenLinks.push(...(await coauthorLinks(frontier)));

  const kept = new Map<string, CoauthorLink>();
  for (const link of seenLinks) {
    if (depthOf.has(link.source) && depthOf.has(link.target)) kept.set(linkKey(link.source, link.target), link);
  }
  const edges = [...kept.values()].sort((a, b) => b.sharedPaperCount - a.sharedPaperCount);
  return {
    nodes: [...depthOf].map(([authorId, depth]) => ({ authorId, depth })),
    edges: edges.slice(0, limits.maxEdges),
    nodesTruncated,
    edgesTruncated: edges.length > limits.maxEdges,
  };
}
