import type { SearchTerms } from '../domain/search.js';
import type { Read } from '../db/read.js';
import type { AuthorRow } from './authors.js';
import { listsByIds, pagesOf, rootList, rowsByExternalIds, rowsByIds, type PageRequest } from './batch.js';
import type { OrganizationRow } from './organizations.js';
import type { TopicRow } from './topics.js';

export interface PaperRow {
  id: string;
  title: string;
  year: number;
  publishedOn: string | null;
  venue?: string | null;
  abstract?: string | null;
  doi?: string | null;
  arxivId?: string | null;
  openreviewId?: string | null;
  openalexId?: string | null;
  url?: string | null;
  codeUrl?: string | null;
  citationCount?: number | null;
  authorListComplete?: boolean | null;
}

export interface BylineRow {
  authorId: string;
  author: AuthorRow;
  /** 1-based byline position; null when the source did not say where this author stands. */
  position: number | null;
  /** The name as the byline spelled it. */
  name: string | null;
  /** How the entry came to its author (src/ingest/author-placement.ts): null for authorships older than the rules. */
  identityMethod: string | null;
  identityScore: number | null;
  identityEvidence: string[];
}

export interface PaperTopicRow {
  topicId: string;
  topic: TopicRow;
  score: number | null;
}

export interface PaperOrganizationRow {
  organizationId: string;
  organization: OrganizationRow;
}

export interface PaperFilters extends Record<string, unknown> {
  yearFrom: number | null;
  yearTo: number | null;
  topicId: string | null;
  organizationId: string | null;
}

export function createPaperRepository(read: Read) {
  return {
    papersByIds: rowsByIds<PaperRow>(read, 'read/papers-by-ids'),
    /** Per `doi:<doi>` / `openalexId:<W…>` / `arxivId:<id>` key, the paper it names (a merged OpenAlex id: the work it was merged into). */
    papersByExternalIds: rowsByExternalIds<PaperRow>(read, 'read/papers-by-external-ids', ['doi', 'openalexId', 'arxivId']),
    bylinesByPaperIds: listsByIds<BylineRow>(read, 'read/paper-bylines'),
    organizationsByPaperIds: listsByIds<PaperOrganizationRow>(read, 'read/paper-organizations'),
    topicsByPaperIds: listsByIds<PaperTopicRow>(read, 'read/paper-topics'),
    cites: pagesOf<PageRequest>(read, 'read/pages/paper-cites'),
    citedBy: pagesOf<PageRequest>(read, 'read/pages/paper-cited-by'),
    list: rootList<PaperFilters>(read, 'read/root/papers'),
    search: rootList<PaperFilters & SearchTerms>(read, 'read/root/papers-search'),
  };
}

export type PaperRepository = ReturnType<typeof createPaperRepository>;
