import { cypher } from '../db/cypher.js';
import type { Read } from '../db/read.js';
import type { AuthorRow } from './authors.js';
import type { OrganizationRow } from './organizations.js';
import type { TopicRow } from './topics.js';

/**
 * How the collaborator ranking weighs its evidence (cypher/read/suggestions/collaborators.cypher).
 * Chosen with `npm run eval:suggestions -- --ranking ...` on the paper lists' 2020 and 2021
 * splits (and reported on 2022's, docs/benchmarks.md): a tie keeps 85% of its weight a year, and
 * organizations and rare topics in common add to the coauthor paths, which carry most of what
 * predicts a new coauthor.
 */
export const COLLABORATOR_RANKING = {
  decay: 0.85,
  topicWeight: 0.2,
  organizationWeight: 1,
};

export type CollaboratorRanking = typeof COLLABORATOR_RANKING;

/** Caps on the work one ranking may do, as for ego networks: the strongest ties go first. */
export const COLLABORATOR_CAPS = {
  /** The author's coauthors whose coauthors are walked. */
  maxCoauthors: 100,
  /** Organizations with more members say little about who knows whom, and cost much. */
  maxOrganizationMembers: 500,
  /** Candidates scored on topics and organizations, at least this many (or 5 per suggestion). */
  pool: 50,
};

export interface CollaboratorRequest {
  first: number;
  yearTo: number;
  minScore: number;
}

export interface CollaboratorSuggestionRow {
  author: AuthorRow;
  score: number;
  commonCoauthorCount: number;
  /** The strongest common coauthors (at most 5), strongest first. */
  commonCoauthors: AuthorRow[];
  sharedTopics: TopicRow[];
  sharedOrganizations: OrganizationRow[];
  recentPapers: number;
}

export interface CollaboratorSuggestionsRow {
  suggestions: CollaboratorSuggestionRow[];
  skippedPapers: number;
  candidatesTruncated: boolean;
}

const queries = { collaborators: cypher('read/suggestions/collaborators') };

/** Suggestions asked of one author at a time (a field whose cost keeps it to few per request). */
export function createSuggestionRepository(
  read: Read,
  { maxAuthorsPerPaper, collaboratorRanking = COLLABORATOR_RANKING }: { maxAuthorsPerPaper: number; collaboratorRanking?: CollaboratorRanking },
) {
  return {
    /** Null for an author unknown (removed since it was read). */
    collaborators: async (id: string, { first, yearTo, minScore }: CollaboratorRequest): Promise<CollaboratorSuggestionsRow | null> =>
      (
        await read<CollaboratorSuggestionsRow>(queries.collaborators, {
          id,
          first,
          yearTo,
          minScore,
          maxAuthorsPerPaper,
          ...collaboratorRanking,
          ...COLLABORATOR_CAPS,
          pool: Math.max(COLLABORATOR_CAPS.pool, 5 * first),
        })
      )[0] ?? null,
  };
}

export type SuggestionRepository = ReturnType<typeof createSuggestionRepository>;
