import { randomUUID } from 'node:crypto';
import { cypher } from '../../db/cypher.js';
import type { Read } from '../../db/read.js';
import { edgelessMeasures, renumberCommunities, type Measures } from './graph-measures.js';

/**
 * The measures Graph Data Science computes (cypher/analytics/subgraph-measures.cypher): the graph
 * is projected under a name of this request's own, every algorithm streams, and the graph is
 * dropped, in one read transaction (src/analytics/subgraph.ts says why). Without links GDS is not
 * called: its Leiden fails on a graph with no relationships, and an edgeless graph's measures are
 * known.
 *
 * If the statement fails (its time limit, say), the projected graph may remain; a drop by name
 * follows in `finally`. That drop can come too early: the read stops waiting at its time limit and
 * resets the session, but Neo4j ends the statement only when it next looks, and GDS looks at most
 * every 10 s (its TerminationFlag), so a projection still being built then is registered after the
 * drop (seen on a cold, loaded server). So the name is dropped once more, LATE_DROP_MS later. A
 * read retried after a lost connection may find its graph name taken; it then fails like any
 * other read, and the drops free the name.
 */

/** Leiden's seed: the same subgraph always gets the same communities. */
export const LEIDEN_SEED = 42;
/** The second drop of a failed statement's graph: by then GDS has seen that its transaction ended. */
export const LATE_DROP_MS = 30_000;

const queries = {
  measures: cypher('analytics/subgraph-measures'),
  drop: cypher('analytics/subgraph-drop'),
};

type Pairs = [number, number][];
interface MeasuresRow {
  communities: Pairs;
  pageRanks: Pairs;
  betweenness: Pairs;
  coreNumbers: Pairs;
  clustering: Pairs;
}

/** The measures of `nodeCount` authors joined by `links` (positions and weights). */
export async function measureWithGds(read: Read, nodeCount: number, links: [number, number, number][]): Promise<Measures> {
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
