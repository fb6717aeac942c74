import { randomUUID } from 'node:crypto';
import { cypher } from '../db/cypher.js';
import type { Read } from '../db/read.js';
import type { AuthorRow } from '../repositories/authors.js';
import { badUserInput, intInRange, yearArgument } from '../schema/errors.js';
import { MAX_AUTHORS_PER_PAPER } from './run.js';

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
 *   which GDS honours: a stopped transaction stops the algorithm (see below for when). `write`
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
 *   NullPointerException in 2.13), and every measure of an edgeless graph is known (below).
 *
 * If the measures statement fails (its time limit, say), the projected graph may remain; a drop
 * by name follows in `finally`. That drop can come too early: the read stops waiting at its time
 * limit and resets the session, but Neo4j ends the statement only when it next looks, and GDS
 * looks at most every 10 s (its TerminationFlag), so a projection still being built then is
 * registered after the drop (seen on a cold, loaded server). So the name is dropped once more,
 * LATE_DROP_MS later. A read retried after a lost connection may find its graph name taken; it
 * then fails like any other read, and the drops free the name.
 */

/** At most this many authors; beyond, those with the most papers in the years are kept (then by id). */
export const MAX_SUBGRAPH_AUTHORS = 2_000;
/** At most this many links; beyond, authors are left out as above until the rest fit. */
export const MAX_SUBGRAPH_LINKS = 20_000;
/**
 * Papers with more authors make no links, and do not widen an ego network, unless the server says
 * otherwise (MAX_AUTHORS_PER_PAPER in src/config.ts, passed to createSubgraphAnalytics).
 */
export { MAX_AUTHORS_PER_PAPER };
export const MAX_EGO_DEPTH = 2;
/** Leiden's seed: the same subgraph always gets the same communities. */
export const LEIDEN_SEED = 42;
/** The second drop of a failed statement's graph: by then GDS has seen that its transaction ended. */
export const LATE_DROP_MS = 30_000;
/** GDS's PageRank gives an author with no links 1 - dampingFactor. */
export const PAGE_RANK_DAMPING = 0.85;

export interface SubgraphSelector {
  /** A given list of authors (1..2000). */
  authorIds?: string[] | null;
  /** An author's coauthor network, `depth` 1..2 (default 1). */
  egoOf?: string | null;
  depth?: number | null;
  /** Authors affiliated with an organization (AFFILIATED_WITH). */
  organizationId?: string | null;
  /** Authors of papers on a topic. */
  topicId?: string | null;
  /** A community of the whole-graph analytics, "<run>:<community>". */
  communityId?: string | null;
  /** Only papers in these years count, for selection (organization, topic, ego) and for links. */
  yearFrom?: number | null;
  yearTo?: number | null;
  /** Links need at least this many shared papers (default 1). */
  minSharedPapers?: number | null;
}

/**
 * The selector arguments by their public names (GraphQL arguments and the export's query
 * parameters), which BAD_USER_INPUT errors name in `extensions.argument`.
 */
export const SELECTOR_ARGUMENTS = {
  authorIds: 'authors',
  egoOf: 'egoOf',
  organizationId: 'organization',
  topicId: 'topic',
  communityId: 'community',
} as const;

type SelectorKind = keyof typeof SELECTOR_ARGUMENTS;

/** A selector checked and filled with defaults. */
export interface Selection {
  kind: SelectorKind;
  authorIds: string[];
  egoOf: string | null;
  depth: number;
  organizationId: string | null;
  topicId: string | null;
  community: { run: number; community: number } | null;
  yearFrom: number | null;
  yearTo: number | null;
  minSharedPapers: number;
}

export interface SubgraphNode {
  authorId: string;
  /** The author's row, read with the selection. */
  author: AuthorRow;
  /** The author's papers in the years (all of them, whatever their byline's length). */
  paperCount: number;
  /** The author's community in this subgraph: 0 is the largest, then by size, then by rank. */
  community: number;
  /** GDS's PageRank, not normalized: scores sum to about the number of linked authors. */
  pageRank: number;
  /** Shortest paths between other authors through this one, networkx's undirected convention. */
  betweenness: number;
  coreNumber: number;
  clustering: number;
}

export interface SubgraphLink {
  /** Author ids, the lower first. */
  source: string;
  target: string;
  /** Shared papers in the years. */
  weight: number;
}

export interface SubgraphAnalytics {
  selection: Selection;
  /** What the selector names, when it names something: the ego's, organization's or topic's name. */
  title: string | null;
  authorCount: number;
  linkCount: number;
  /** Authors (and with them their links) were left out to stay within the caps. */
  truncated: boolean;
  communityCount: number;
  /** Of the Leiden partition, weighted by shared papers; null without links. */
  modularity: number | null;
  /** In the selection's order: most papers first (an ego network: the centre, then by depth). */
  nodes: SubgraphNode[];
  /** Strongest first, then by ids. */
  links: SubgraphLink[];
}

const queries = {
  authorIds: cypher('analytics/subgraph-authors'),
  egoOf: cypher('analytics/subgraph-ego'),
  organizationId: cypher('analytics/subgraph-organization'),
  topicId: cypher('analytics/subgraph-topic'),
  communityId: cypher('analytics/subgraph-community'),
  links: cypher('analytics/subgraph-links'),
  measures: cypher('analytics/subgraph-measures'),
  drop: cypher('analytics/subgraph-drop'),
};

// ---- The selector ----

/** A Community's id is "<run>:<community>", both whole numbers. */
export function parseCommunityId(id: string): { run: number; community: number } {
  const match = /^(\d{1,15}):(\d{1,15})$/.exec(id);
  if (!match) throw badUserInput('`community` is not the id of a community.', { argument: SELECTOR_ARGUMENTS.communityId });
  return { run: Number(match[1]), community: Number(match[2]) };
}

/** Checks a selector (BAD_USER_INPUT naming the argument) and fills in its defaults. */
export function checkSelector(selector: SubgraphSelector): Selection {
  const given = (Object.keys(SELECTOR_ARGUMENTS) as SelectorKind[]).filter((kind) => selector[kind] != null);
  if (given.length !== 1) {
    const names = Object.values(SELECTOR_ARGUMENTS).map((name) => `\`${name}\``).join(', ');
    throw badUserInput(`Give exactly one of ${names}${given.length ? `, not ${given.map((kind) => `\`${SELECTOR_ARGUMENTS[kind]}\``).join(' and ')}` : ''}.`, {
      argument: SELECTOR_ARGUMENTS[given[1] ?? 'authorIds'],
    });
  }
  const kind = given[0]!;
  if (selector.depth != null && kind !== 'egoOf') throw badUserInput('`depth` goes with `egoOf`.', { argument: 'depth' });

  const authorIds = [...new Set(selector.authorIds ?? [])];
  if (kind === 'authorIds' && (authorIds.length < 1 || authorIds.length > MAX_SUBGRAPH_AUTHORS)) {
    throw badUserInput(`\`authors\` must list 1 to ${MAX_SUBGRAPH_AUTHORS} authors.`, { argument: SELECTOR_ARGUMENTS.authorIds });
  }
  const yearFrom = yearArgument('yearFrom', selector.yearFrom);
  const yearTo = yearArgument('yearTo', selector.yearTo);
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) throw badUserInput('`yearFrom` must not be after `yearTo`.', { argument: 'yearFrom' });
  return {
    kind,
    authorIds,
    egoOf: selector.egoOf ?? null,
    depth: intInRange('depth', selector.depth ?? 1, 1, MAX_EGO_DEPTH),
    organizationId: selector.organizationId ?? null,
    topicId: selector.topicId ?? null,
    community: selector.communityId != null ? parseCommunityId(selector.communityId) : null,
    yearFrom,
    yearTo,
    minSharedPapers: intInRange('minSharedPapers', selector.minSharedPapers ?? 1, 1, 1_000_000),
  };
}

// ---- Measures that need no GDS ----

/**
 * Newman's modularity of a partition of a weighted undirected graph:
 *   Q = sum over communities c of ( W_c / W - (S_c / 2W)^2 ),
 * W the links' total weight, W_c the weight of the links inside c, S_c the weighted degrees of c's
 * members summed (resolution 1, as Leiden here optimizes). Null without links, where it is 0/0.
 * GDS's `gds.leiden.stream` does not give it, and `gds.modularity.stream` wants the partition as a
 * property of the projected graph (a `mutate`); this is the same number for a few lines.
 */
export function modularity(links: readonly (readonly [number, number, number])[], community: readonly number[]): number | null {
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
export function authorsWithinLinkCap(authorCount: number, links: readonly (readonly [number, number, number])[], maxLinks: number): number {
  if (links.length <= maxLinks) return authorCount;
  // A link joins the first k authors once k passes the later of its two ends.
  const joinsAt = links.map(([source, target]) => Math.max(source, target)).sort((a, b) => a - b);
  return joinsAt[maxLinks]!;
}

interface Measures {
  community: number[];
  pageRank: number[];
  betweenness: number[];
  coreNumber: number[];
  clustering: number[];
}

/** An edgeless graph: each author alone, GDS's PageRank floor, nothing else. */
const edgelessMeasures = (n: number): Measures => ({
  community: Array.from({ length: n }, (_, i) => i),
  pageRank: new Array<number>(n).fill(1 - PAGE_RANK_DAMPING),
  betweenness: new Array<number>(n).fill(0),
  coreNumber: new Array<number>(n).fill(0),
  clustering: new Array<number>(n).fill(0),
});

type Pairs = [number, number][];
interface MeasuresRow {
  communities: Pairs;
  pageRanks: Pairs;
  betweenness: Pairs;
  coreNumbers: Pairs;
  clustering: Pairs;
}

interface SelectionRow {
  authors: { authorId: string; paperCount: number; author: AuthorRow }[];
  truncated: boolean;
  title: string | null;
}

// ---- Reading ----

export function createSubgraphAnalytics(read: Read, maxAuthorsPerPaper: number = MAX_AUTHORS_PER_PAPER) {
  async function measure(nodeCount: number, links: [number, number, number][]): Promise<Measures> {
    if (links.length === 0) return edgelessMeasures(nodeCount);
    const graphName = `subgraph-${randomUUID()}`;
    let dropped = false;
    try {
      const [row] = await read<MeasuresRow>(queries.measures, { graphName, nodeCount, links });
      dropped = true;
      const byNode = (pairs: Pairs) => {
        const values = new Array<number>(nodeCount).fill(0);
        for (const [node, value] of pairs) values[node] = value;
        return values;
      };
      return {
        community: renumberCommunities(byNode(row!.communities)),
        pageRank: byNode(row!.pageRanks),
        betweenness: byNode(row!.betweenness),
        coreNumber: byNode(row!.coreNumbers),
        clustering: byNode(row!.clustering),
      };
    } finally {
      // The statement drops its graph itself when it succeeds; this is for when it did not.
      if (!dropped) {
        const drop = () => read(queries.drop, { graphName }).catch(() => {});
        await drop();
        setTimeout(drop, LATE_DROP_MS).unref();
      }
    }
  }

  return {
    /** The subgraph a selector names, measured; an unknown author, organization, ... gives an empty one. */
    async analyze(selector: SubgraphSelector): Promise<SubgraphAnalytics> {
      const selection = checkSelector(selector);
      const years = { yearFrom: selection.yearFrom, yearTo: selection.yearTo };
      const [selected] = await read<SelectionRow>(queries[selection.kind], {
        ...years,
        maxAuthors: MAX_SUBGRAPH_AUTHORS,
        authorIds: selection.authorIds,
        authorId: selection.egoOf,
        depth: selection.depth,
        minSharedPapers: selection.minSharedPapers,
        maxAuthorsPerPaper,
        organizationId: selection.organizationId,
        topicId: selection.topicId,
        run: selection.community?.run ?? null,
        community: selection.community?.community ?? null,
      });
      let authors = selected?.authors ?? [];
      let truncated = selected?.truncated ?? false;

      let links: [number, number, number][] = [];
      if (authors.length > 1) {
        const [found] = await read<{ links: [string, string, number][] }>(queries.links, {
          ...years,
          authorIds: authors.map((author) => author.authorId),
          minSharedPapers: selection.minSharedPapers,
          maxAuthorsPerPaper,
        });
        const position = new Map(authors.map((author, i) => [author.authorId, i]));
        links = (found?.links ?? []).map(([source, target, weight]) => [position.get(source)!, position.get(target)!, weight]);
        const keep = authorsWithinLinkCap(authors.length, links, MAX_SUBGRAPH_LINKS);
        if (keep < authors.length) {
          authors = authors.slice(0, keep);
          links = links.filter(([source, target]) => source < keep && target < keep);
          truncated = true;
        }
      }

      const measures = authors.length === 0 ? edgelessMeasures(0) : await measure(authors.length, links);
      const nodes = authors.map((author, i) => ({
        ...author,
        community: measures.community[i]!,
        pageRank: measures.pageRank[i]!,
        betweenness: measures.betweenness[i]!,
        coreNumber: measures.coreNumber[i]!,
        clustering: measures.clustering[i]!,
      }));
      return {
        selection,
        title: selected?.title ?? null,
        authorCount: nodes.length,
        linkCount: links.length,
        truncated,
        communityCount: new Set(measures.community).size,
        modularity: modularity(links, measures.community),
        nodes,
        links: links
          .map(([source, target, weight]) => ({ source: authors[source]!.authorId, target: authors[target]!.authorId, weight }))
          .sort((a, b) => b.weight - a.weight || compare(a.source, b.source) || compare(a.target, b.target)),
      };
    },
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export type SubgraphAnalyticsReader = ReturnType<typeof createSubgraphAnalytics>;
