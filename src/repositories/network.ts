import { cypher } from '../db/cypher.js';
import type { Read } from '../db/read.js';
import type { AuthorRow } from './authors.js';
import type { PaperRow } from './papers.js';

export interface PathHopRow {
  fromId: string;
  toId: string;
  paperIds: string[];
  paperCount: number;
  /** The two authors and the papers, as read by id: they prime the loaders. */
  from: AuthorRow;
  to: AuthorRow;
  papers: PaperRow[];
}

export interface CoauthorEdgeRow {
  source: string;
  target: string;
  sharedPaperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface EdgeFilters {
  minSharedPapers: number;
  yearFrom: number | null;
  yearTo: number | null;
}

const queries = {
  collaborationPath: cypher('read/network/collaboration-path'),
  coauthorEdges: cypher('read/network/coauthor-edges'),
};

/** Whole-graph questions asked once per request (not per parent), so not batched. */
export function createNetworkRepository(read: Read) {
  return {
    /** The hops of a shortest coauthor path, in order; [] when there is none within maxHops. */
    collaborationPath: (from: string, to: string, maxHops: number) =>
      read<PathHopRow & { i: number }>(queries.collaborationPath, { from, to, maxHops }),

    /** One BFS level of an ego network: the qualifying coauthor links of every author in ids. */
    coauthorEdges: (ids: string[], filters: EdgeFilters) => read<CoauthorEdgeRow>(queries.coauthorEdges, { ids, ...filters }),
  };
}

export type NetworkRepository = ReturnType<typeof createNetworkRepository>;
