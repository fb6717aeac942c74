import { badUserInput } from './errors.js';

/**
 * Forward-only keyset pagination. A cursor is the (opaque, base64url) sort key of the last item
 * a client saw, so pages neither repeat nor skip items when new ones are inserted.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageWindow {
  /** Rows to ask for: one more than the page, to learn whether another page follows. */
  limit: number;
  first: number;
  after: string | null;
}

const CURSOR_PREFIX = 'k:';

export const encodeCursor = (sortKey: string) => Buffer.from(CURSOR_PREFIX + sortKey, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || decoded.length > 1_000) throw badUserInput('`after` is not a cursor from this API.');
  return decoded.slice(CURSOR_PREFIX.length);
}

export function pageWindow({ first, after }: PageArgs): PageWindow {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badUserInput(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}.`, { argument: 'first' });
  }
  return { first: size, limit: size + 1, after: after ? decodeCursor(after) : null };
}

/** Shapes up to `limit` rows into a connection (edges, pageInfo) with a lazy totalCount. */
export function toConnection<Row extends { sortKey: string }>(
  rows: Row[],
  window: PageWindow,
  totalCount: () => Promise<number>,
) {
  const page = rows.slice(0, window.first);
  const edges = page.map((node) => ({ cursor: encodeCursor(node.sortKey), node }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > window.first,
      hasPreviousPage: window.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges.at(-1)?.cursor ?? null,
    },
    totalCount,
  };
}
