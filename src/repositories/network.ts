import { cypher } from '../db/cypher.js';
import type { Read } from '../db/read.js';
import type { AuthorRow } from './authors.js';
import type { PaperRow } from './papers.js';

export interface PathHopRow {
  /** Shared papers that link the two (bylines within MAX_AUTHORS_PER_PAPER). */
  paperCount: number;
  /** The same on every hop of a path: its authors' papers left out for too long a byline. */
  skippedPapers: number;
  /** The two authors, and their shared papers (newest first, at most 20), as read by id. */
  from: AuthorRow;
  to: AuthorRow;
  papers: PaperRow[];
}

export interface EgoNetworkRequest {
  depth: number;
  maxNodes: number;
  maxEdges: number;
  minSharedPapers: number;
  yearFrom: number | null;
  yearTo: number | null;
}

export interface EgoNodeRow {
  authorId: string;
  /** Hops from the centre (0 is the centre). */
  depth: number;
  author: AuthorRow;
}

export interface CoauthorLinkRow {
  source: string;
  target: string;
  sharedPaperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface EgoNetworkRow {
  nodes: EgoNodeRow[];
  edges: CoauthorLinkRow[];
  /** Some authors within `depth` were left out to stay under `maxNodes`. */
  nodesTruncated: boolean;
  /** Some links among the kept authors were left out to stay under `maxEdges`. */
  edgesTruncated: boolean;
  /** Papers (in the years) of the kept authors that made no links: too long a byline. */
  skippedPapers: number;
}

const queries = {
  collaborationPath: cypher('read/network/collaboration-path'),
  egoNetwork: cypher('read/network/ego-network'),
};

/** Whole-graph questions asked once per request (not per parent), so not batched. */
export function createNetworkRepository(read: Read, { maxAuthorsPerPaper }: { maxAuthorsPerPaper: number }) {
  return {
    /** The hops of a shortest coauthor path, in order; [] when there is none within maxHops. */
    collaborationPath: (from: string, to: string, maxHops: number) =>
      read<PathHopRow & { i: number }>(queries.collaborationPath, { from, to, maxHops, maxAuthorsPerPaper }),

    /** An author's coauthor network, breadth first under the caps; null for an unknown author. */
    egoNetwork: async (id: string, request: EgoNetworkRequest): Promise<EgoNetworkRow | null> =>
      (await read<EgoNetworkRow>(queries.egoNetwork, { id, ...request, maxAuthorsPerPaper }))[0] ?? null,
  };
}

export type NetworkRepository = ReturnType<typeof createNetworkRepository>;
