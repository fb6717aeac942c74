import type { Read } from '../db/read.js';
import type { AuthorRow } from './authors.js';
import { listsByIds, rootList, type PageRow } from './batch.js';

/**
 * Curation of author identity: pairs of authors that may be one person (read/root/identity-
 * suggestions), and the decisions operators made about such pairs (IdentityDecision nodes,
 * written by writes.decideIdentity).
 */

export type IdentitySuggestionReason = 'NAME_NODE_AND_PERSON' | 'SAME_NAME_SHARED_COAUTHORS';

export interface IdentitySuggestionRow extends PageRow {
  reason: IdentitySuggestionReason;
  /** The author to keep, and the one a merge would fold into it. */
  keep: AuthorRow;
  other: AuthorRow;
  sharedCoauthorCount: number;
  /** The first SHARED_COAUTHORS_LISTED of them, by name. */
  sharedCoauthorIds: string[];
  score: number | null;
}

export interface IdentityDecisionRow {
  id: string;
  decision: 'accepted' | 'rejected';
  /** Who decided: the token's subject (src/auth.ts). */
  by: string;
  /** ISO 8601. */
  at: string;
  /** The author kept first, then the other. */
  authorIds: string[];
  names: string[];
  reason: IdentitySuggestionReason | null;
}

/**
 * How many names (with several authors, one identified at least, a pair undecided) a list of
 * suggestions scans. On the conference paper lists (2,070 such names, 74,724 authors), the query
 * alone took 1.3-1.6 s over 2,000 of them on a loaded 2-core machine (load 9), and a first page
 * with totalCount (two queries at once) came near the 5 s read limit; over 1,000 (8,884
 * suggestions) a page with totalCount takes 1.2-2.0 s warm, 4.5 s the first time (planning).
 */
export const SUGGESTION_NAMES_SCANNED = 1_000;
/** How many shared coauthors a suggestion row carries. */
export const SHARED_COAUTHORS_LISTED = 100;

/** The key of a pair, whichever comes first: what an IdentityDecision is unique by. */
export const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export function createIdentityRepository(read: Read, { maxAuthorsPerPaper }: { maxAuthorsPerPaper: number }) {
  const suggestions = rootList<{ nameKey: string | null; names: number; maxAuthorsPerPaper: number; sharedListed: number }>(read, 'read/root/identity-suggestions');
  const fixed = { names: SUGGESTION_NAMES_SCANNED, maxAuthorsPerPaper, sharedListed: SHARED_COAUTHORS_LISTED };
  return {
    /** Suggestions, strongest first; `nameKey` keeps those of one name. */
    suggestions: {
      page: async (filters: { nameKey: string | null }, after: string | null, limit: number) =>
        (await suggestions.page({ ...filters, ...fixed }, after, limit)) as unknown as IdentitySuggestionRow[],
      count: (filters: { nameKey: string | null }) => suggestions.count({ ...filters, ...fixed }),
    },
    decisions: rootList<Record<string, never>>(read, 'read/root/identity-decisions'),
    decisionsByAuthorIds: listsByIds<IdentityDecisionRow>(read, 'read/identity/author-decisions'),
  };
}

export type IdentityRepository = ReturnType<typeof createIdentityRepository>;
