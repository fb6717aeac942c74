import { cypher } from '../db/cypher.js';
import { toNumber, type Read } from '../db/read.js';
import type { AuthorRow } from './authors.js';

export interface PaperRow {
  id: string;
  title: string;
  year: number;
  publishedOn: string | null;
}

/** A paper in a page, with the key that orders it (the cursor is made from it). */
export interface PagedPaperRow extends PaperRow {
  sortKey: string;
}

export interface BylineEntry extends AuthorRow {
  /** 1-based byline position; null when the source did not say where this author stands. */
  position: number | null;
}

/** One page request: `limit` rows after the `after` sort key (null: from the start). */
export interface AuthorPapersRequest {
  authorId: string;
  sharedWith: string[];
  after: string | null;
  limit: number;
}

const queries = {
  byIds: cypher('read/papers-by-ids'),
  authorsOfPapers: cypher('read/authors-of-papers'),
  authorPapersPages: cypher('read/author-papers-pages'),
  authorPaperCounts: cypher('read/author-paper-counts'),
};

function toPaper<T extends PaperRow>(row: T): T {
  return { ...row, year: toNumber(row.year) ?? 0 };
}

export function createPaperRepository(read: Read) {
  return {
    async papersByIds(ids: readonly string[]): Promise<(PaperRow | null)[]> {
      const rows = await read<{ paper: PaperRow }>(queries.byIds, { ids });
      const byId = new Map(rows.map(({ paper }) => [paper.id, toPaper(paper)]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    async bylinesByPaperIds(paperIds: readonly string[]): Promise<BylineEntry[][]> {
      const rows = await read<{ paperId: string; authors: BylineEntry[] }>(queries.authorsOfPapers, { paperIds });
      const byId = new Map(
        rows.map((row) => [row.paperId, row.authors.map((a) => ({ ...a, position: toNumber(a.position) }))]),
      );
      return paperIds.map((id) => byId.get(id) ?? []);
    },

    /** One query for many pages; results in request order. */
    async authorPapersPages(requests: readonly AuthorPapersRequest[]): Promise<PagedPaperRow[][]> {
      const keyed = requests.map((request, key) => ({ ...request, key }));
      const rows = await read<{ key: unknown; papers: PagedPaperRow[] }>(queries.authorPapersPages, { requests: keyed });
      const byKey = new Map(rows.map((row) => [toNumber(row.key), row.papers.map(toPaper)]));
      return keyed.map(({ key }) => byKey.get(key) ?? []);
    },

    async authorPaperCounts(requests: readonly Pick<AuthorPapersRequest, 'authorId' | 'sharedWith'>[]): Promise<number[]> {
      const keyed = requests.map((request, key) => ({ ...request, key }));
      const rows = await read<{ key: unknown; total: unknown }>(queries.authorPaperCounts, { requests: keyed });
      const byKey = new Map(rows.map((row) => [toNumber(row.key), toNumber(row.total) ?? 0]));
      return keyed.map(({ key }) => byKey.get(key) ?? 0);
    },
  };
}

export type PaperRepository = ReturnType<typeof createPaperRepository>;
