import type { Read } from '../db/read.js';
import { MAX_AUTHORS_PER_PAPER } from './run.js';
import { measureWithGds } from './subgraph/gds.js';
import { edgelessMeasures } from './subgraph/graph-measures.js';
import { readSubgraph } from './subgraph/read.js';
import { subgraphResult, type SubgraphAnalytics } from './subgraph/result.js';
import { checkSelector, type SubgraphSelector } from './subgraph/selector.js';

/**
 * Analytics of a subgraph on demand: a selector picks a set of authors small enough to answer in
 * a request (an author's coauthors, an organization's or a topic's authors, a community of the
 * whole-graph run, or a list), the coauthor links among them are read, and Graph Data Science
 * measures that graph: Leiden communities, PageRank, betweenness, k-core and local clustering.
 *
 * Three statements, each under the read's time limit: the authors (cypher/analytics/subgraph-
 * <selector>.cypher), their links (subgraph-links), then the measures (subgraph-measures), which
 * projects the graph into GDS's catalog under a name of this request's own, streams every
 * algorithm and drops the graph, all in one read transaction. Why so:
 *
 * - Stream mode writes nothing, so it runs in a read transaction under the read's time limit,
 *   which GDS honours: a stopped transaction stops the algorithm (subgraph/gds.ts says when). `write`
 *   would need a write transaction and leave figures on the authors that are not the whole-graph
 *   run's; `mutate` + one node-property stream costs the same algorithms plus a copy, for nothing.
 * - All five algorithms in one statement: one plan, one round trip. What costs is GDS's fixed
 *   overhead per call (progress tasks and their lines in debug.log, memory checks), not the
 *   algorithms: on a busy two-core machine the statement took ~450 ms for the seed's 10 authors
 *   (the algorithms a few ms each, by debug.log), and ~620 ms for 428 authors and 3,145 links,
 *   where mutating each result into the graph and streaming them together took ~450 and ~775 ms.
 *   Separate statements in one transaction would only add round trips. At the caps (2,000
 *   authors, ~18,000 links) exact betweenness dominates: seconds.
 * - The graph is given to GDS as numbers (the authors' positions and [i, j, weight] triples), not
 *   read again from the store: the links are already at hand, and the algorithms' node ids come
 *   back as those positions, with no lookups.
 * - Without links GDS is not called: its Leiden fails on a graph with no relationships (a
 *   NullPointerException in 2.13), and every measure of an edgeless graph is known (subgraph/graph-measures.ts).
 *
 * What a failed measures statement leaves in GDS's catalog, and how it is dropped: subgraph/gds.ts.
 *
 * The parts, one job each, in the order a request runs them:
 * - subgraph/selector.ts: the selector checked (BAD_USER_INPUT naming the argument), with the caps;
 * - subgraph/read.ts: the authors and their links read, cut to the caps;
 * - subgraph/gds.ts: the measures from GDS (subgraph/graph-measures.ts when there are no links);
 * - subgraph/graph-measures.ts: what needs no GDS (modularity, community numbers, the link cap);
 * - subgraph/result.ts: the answer shaped by author ids, links sorted.
 */

export { LATE_DROP_MS, LEIDEN_SEED } from './subgraph/gds.js';
export { authorsWithinLinkCap, modularity, PAGE_RANK_DAMPING, renumberCommunities } from './subgraph/graph-measures.js';
export type { SubgraphAnalytics, SubgraphLink, SubgraphNode } from './subgraph/result.js';
export {
  checkSelector,
  MAX_EGO_DEPTH,
  MAX_SUBGRAPH_AUTHORS,
  MAX_SUBGRAPH_LINKS,
  parseCommunityId,
  SELECTOR_ARGUMENTS,
  type Selection,
  type SubgraphSelector,
} from './subgraph/selector.js';
/**
 * Papers with more authors make no links, and do not widen an ego network, unless the server says
 * otherwise (MAX_AUTHORS_PER_PAPER in src/config.ts, passed to createSubgraphAnalytics).
 */
export { MAX_AUTHORS_PER_PAPER };

export function createSubgraphAnalytics(read: Read, maxAuthorsPerPaper: number = MAX_AUTHORS_PER_PAPER) {
  return {
    /** The subgraph a selector names, measured; an unknown author, organization, ... gives an empty one. */
    async analyze(selector: SubgraphSelector): Promise<SubgraphAnalytics> {
      const selection = checkSelector(selector);
      const graph = await readSubgraph(read, selection, maxAuthorsPerPaper);
      const measures = graph.authors.length === 0 ? edgelessMeasures(0) : await measureWithGds(read, graph.authors.length, graph.links);
      return subgraphResult(selection, graph, measures);
    },
  };
}

export type SubgraphAnalyticsReader = ReturnType<typeof createSubgraphAnalytics>;
