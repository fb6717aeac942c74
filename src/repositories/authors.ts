import type { SearchTerms } from '../domain/search.js';
import type { Read } from '../db/read.js';
import type { OrganizationRow } from './organizations.js';
import type { TopicRow } from './topics.js';
import { idsByKeys, listsByIds, pagesOf, rootList, rowsByExternalIds, rowsByIds, type PageRequest, type PageRow } from './batch.js';

export interface AuthorRow {
  id: string;
  name: string;
  orcid?: string | null;
  openalexId?: string | null;
  openreviewId?: string | null;
}

export interface AffiliationRow {
  organizationId: string;
  organization: OrganizationRow;
  paperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface AuthorTopicRow {
  topicId: string;
  topic: TopicRow;
  paperCount: number;
}

export interface PaperStatRow {
  year: number | null;
  citationCount: number | null;
}

/** Figures a source reported about an author, as it reported them. */
export interface ReportedFiguresRow {
  sourceId: string;
  hIndex?: number | null;
  paperCount?: number | null;
  citationCount?: number | null;
  noveltyPercent?: number | null;
  aiScore?: number | null;
  primaryTopic?: string | null;
}

export interface AuthorPapersRequest extends PageRequest {
  /** Ids of other authors who must also have written each paper (sorted, deduplicated). */
  sharedWith: string[];
}

export interface CoauthorRow extends PageRow {
  sharedPaperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

/** Per author, papers left out of coauthor links for too long a byline (MAX_AUTHORS_PER_PAPER). */
export interface LargeBylinesRow {
  id: string;
  skippedPapers: number;
}

export function createAuthorRepository(read: Read, { maxAuthorsPerPaper }: { maxAuthorsPerPaper: number }) {
  const bylineLimit = { maxAuthorsPerPaper };
  return {
    authorsByIds: rowsByIds<AuthorRow>(read, 'read/authors-by-ids'),
    /** Per normalized name, the ids of the authors who bear it (at most 50). */
    authorIdsByNameKeys: idsByKeys(read, 'read/author-ids-by-name-key', 'nameKeys'),
    /** Per `orcid:<iD>` / `openalexId:<A…>` key, the author it names (a merged OpenAlex id: the author it was merged into). */
    authorsByExternalIds: rowsByExternalIds<AuthorRow>(read, 'read/authors-by-external-ids', ['orcid', 'openalexId']),
    affiliationsByAuthorIds: listsByIds<AffiliationRow>(read, 'read/author-affiliations'),
    topicsByAuthorIds: listsByIds<AuthorTopicRow>(read, 'read/author-topics'),
    paperStatsByAuthorIds: listsByIds<PaperStatRow>(read, 'read/author-paper-stats'),
    reportedFiguresByAuthorIds: listsByIds<ReportedFiguresRow>(read, 'read/author-reported-figures'),
    largeBylinesByAuthorIds: rowsByIds<LargeBylinesRow>(read, 'read/author-large-bylines', bylineLimit),
    papers: pagesOf<AuthorPapersRequest>(read, 'read/pages/author-papers', bylineLimit),
    coauthors: pagesOf<PageRequest, CoauthorRow>(read, 'read/pages/author-coauthors', bylineLimit),
    /** Search by name, ranked (src/domain/search.ts). */
    search: rootList<SearchTerms>(read, 'read/root/authors-search'),
  };
}

export type AuthorRepository = ReturnType<typeof createAuthorRepository>;
