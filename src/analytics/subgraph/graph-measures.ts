/**
 * The measures of a subgraph that need no Graph Data Science, on the graph as numbers: authors
 * by their position (0 = first in rank order) and links as [source, target, weight] triples.
 */

export type Links = readonly (readonly [number, number, number])[];

export interface Measures {
  community: number[];
  pageRank: number[];
  betweenness: number[];
  coreNumber: number[];
  clustering: number[];
}

/** GDS's PageRank gives an author with no links 1 - dampingFactor. */
export const PAGE_RANK_DAMPING = 0.85;

/** An edgeless graph: each author alone, GDS's PageRank floor, nothing else. */
export const edgelessMeasures = (n: number): Measures => ({
  community: Array.from({ length: n }, (_, i) => i),
  pageRank: new Array<number>(n).fill(1 - PAGE_RANK_DAMPING),
  betweenness: new Array<number>(n).fill(0),
  coreNumber: new Array<number>(n).fill(0),
  clustering: new Array<number>(n).fill(0),
});

/**
 * Newman's modularity of a partition of a weighted undirected graph:
 *   Q = sum over communities c of ( W_c / W - (S_c / 2W)^2 ),
 * W the links' total weight, W_c the weight of the links inside c, S_c the weighted degrees of c's
 * members summed (resolution 1, as Leiden here optimizes). Null without links, where it is 0/0.
 * GDS's `gds.leiden.stream` does not give it, and `gds.modularity.stream` wants the partition as a
 * property of the projected graph (a `mutate`); this is the same number for a few lines.
 */
export function modularity(links: Links, community: readonly number[]): number | null {
  let total = 0;
  const inside = new Map<number, number>();
  const degrees = new Map<number, number>();
  for (const [source, target, weight] of links) {
    total += weight;
    const [a, b] = [community[source]!, community[target]!];
    if (a === b) inside.set(a, (inside.get(a) ?? 0) + weight);
    degrees.set(a, (degrees.get(a) ?? 0) + weight);
    degrees.set(b, (degrees.get(b) ?? 0) + weight);
  }
  if (total === 0) return null;
  let q = 0;
  for (const [c, degree] of degrees) q += (inside.get(c) ?? 0) / total - (degree / (2 * total)) ** 2;
  return q;
}

/**
 * Community numbers as the API gives them: 0 for the largest, then by size, ties by the best rank
 * of a member (the order of the nodes). GDS's own numbers are arbitrary.
 */
export function renumberCommunities(raw: readonly number[]): number[] {
  const size = new Map<number, number>();
  const first = new Map<number, number>();
  raw.forEach((c, i) => {
    size.set(c, (size.get(c) ?? 0) + 1);
    if (!first.has(c)) first.set(c, i);
  });
  const order = [...size.keys()].sort((a, b) => size.get(b)! - size.get(a)! || first.get(a)! - first.get(b)!);
  const number = new Map(order.map((c, i) => [c, i]));
  return raw.map((c) => number.get(c)!);
}

/**
 * Authors beyond the link cap: with authors in rank order, the links among the first k authors
 * grow with k; keep the largest k whose links fit. Returns how many authors to keep.
 */
export function authorsWithinLinkCap(authorCount: number, links: Links, maxLinks: number): number {
  if (links.length <= maxLinks) return authorCount;
  // A link joins the first k authors once k passes the later of its two ends.
  const joinsAt = links.map(([source, target]) => Math.max(source, target)).sort((a, b) => a - b);
  return joinsAt[maxLinks]!;
}
