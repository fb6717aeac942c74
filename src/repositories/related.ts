import { cypher } from '../db/cypher.js';
import type { Read } from '../db/read.js';
import { MAX_AUTHOR_TOPICS, MAX_REASON_ITEMS, RELATED_WEIGHTS } from '../domain/related.js';
import type { AuthorRow } from './authors.js';
import { answersOf } from './batch.js';
import type { PaperRow } from './papers.js';
import type { TopicRow } from './topics.js';

/** A parent (a paper, an author) and how many suggestions it asks for. */
export interface SuggestionRequest extends Record<string, unknown> {
  parentId: string;
  first: number;
}

/** One related paper, with what it has in common (each list at most MAX_REASON_ITEMS long where capped). */
export interface RelatedPaperRow {
  paperId: string;
  paper: PaperRow;
  /** The summed weight of what it has in common (RELATED_WEIGHTS). */
  weight: number;
  /** Paper.related: authors of both, by byline position on the asked paper. */
  sharedAuthors?: AuthorRow[];
  sharedAuthorCount?: number;
  /** Author.suggestedPapers: the author's coauthors who wrote it, most papers with the author first. */
  viaCoauthors?: AuthorRow[];
  viaCoauthorCount?: number;
  sharedTopics: TopicRow[];
  sharedKeywords: string[];
  /** Paper.related: the asked paper cites it / it cites the asked paper. */
  cites?: boolean;
  citedBy?: boolean;
  /** Paper.related: papers both cite, papers that cite both. */
  referencesInCommon?: number;
  citersInCommon?: number;
}

export interface RelatedPapersRow {
  suggestions: RelatedPaperRow[];
  /** Some coauthors or topics of the author were not walked (the caps). */
  candidatesTruncated: boolean;
  /** The asked paper (1 or 0), or the author's papers, whose byline is too long to link anyone. */
  skippedPapers: number;
  /** Topics, keywords and cited or citing papers too broad to relate papers (past maxPapersPerHub). */
  skippedHubs: number;
}

export interface BridgeSideRow {
  authorId: string;
  author: AuthorRow;
  /** The bridge wrote with the side's author. */
  direct: boolean;
  /** The side's author's coauthors the bridge wrote with, most papers with the bridge first (capped). */
  through: AuthorRow[];
  throughCount: number;
  /** Short paths from the side's author to the bridge: direct (1) plus throughCount. */
  pathCount: number;
}

export interface BridgeRow {
  authorId: string;
  author: AuthorRow;
  /** Paths between two sides' authors through the bridge, summed over the pairs of sides. */
  pathCount: number;
  /** The sides it reaches (two or more), in the order asked. */
  sides: BridgeSideRow[];
}

export interface BridgesRow {
  suggestions: BridgeRow[];
  neighboursTruncated: boolean;
  skippedPapers: number;
}

export interface RelatedSettings {
  maxAuthorsPerPaper: number;
  maxPapersPerHub: number;
  /** Coauthors walked per author (Author.suggestedPapers) and per side (suggestedBridges). */
  maxNeighbours: number;
}

const queries = { bridges: cypher('read/related/bridges') };

const EMPTY: RelatedPapersRow = { suggestions: [], candidatesTruncated: false, skippedPapers: 0, skippedHubs: 0 };

/** Related papers and bridges: the first two batched per parent (DataLoader), the last asked once per field. */
export function createRelatedRepository(read: Read, { maxAuthorsPerPaper, maxPapersPerHub, maxNeighbours }: RelatedSettings) {
  const fixed = { maxAuthorsPerPaper, maxPapersPerHub, maxReasonItems: MAX_REASON_ITEMS, weights: RELATED_WEIGHTS };
  const paperRelated = answersOf<SuggestionRequest, RelatedPapersRow>(read, 'read/related/paper-related', fixed);
  const authorSuggested = answersOf<SuggestionRequest, RelatedPapersRow>(read, 'read/related/author-suggested-papers', {
    ...fixed,
    maxCoauthors: maxNeighbours,
    maxAuthorTopics: MAX_AUTHOR_TOPICS,
  });
  return {
    /** Per request, the papers nearest the paper; an unknown paper has none. */
    relatedPapers: async (requests: readonly SuggestionRequest[]) => (await paperRelated(requests)).map((answer) => answer ?? EMPTY),
    /** Per request, papers the author did not write by their coauthors and on their topics. */
    suggestedPapers: async (requests: readonly SuggestionRequest[]) => (await authorSuggested(requests)).map((answer) => answer ?? EMPTY),
    /** The people who link the coauthor neighbourhoods of these authors (known, distinct, 2 or more). */
    bridges: async (ids: readonly string[], first: number): Promise<BridgesRow> =>
      (await read<BridgesRow>(queries.bridges, { ids, first, maxAuthorsPerPaper, maxNeighbours, maxReasonItems: MAX_REASON_ITEMS }))[0] ?? {
        suggestions: [],
        neighboursTruncated: false,
        skippedPapers: 0,
      },
  };
}

export type RelatedRepository = ReturnType<typeof createRelatedRepository>;
