import type DataLoader from 'dataloader';
import type { PagedLoaders } from '../loaders.js';
import type { CountRequest, PageRequest, PageRow } from '../repositories/batch.js';
import { carriedNodes } from './carried.js';
import { BadInputError } from '../errors/coded.js';
import { intInRange } from '../errors/arguments.js';

/**
 * Forward-only keyset pagination. Each list orders its items by a sort key (a string built in
 * its Cypher, e.g. "2023-01-30|paper:x"); a cursor is that key, opaque to clients, so a page
 * starts right after the last item seen and pages neither repeat nor skip when items are added.
 */

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface PageWindow {
  first: number;
  /** Rows to ask for: one more than the page, to learn whether another page follows. */
  limit: number;
  after: string | null;
}

const CURSOR_PREFIX = 'k:';

export const encodeCursor = (sortKey: string) => Buffer.from(CURSOR_PREFIX + sortKey, 'utf8').toString('base64url');

export function decodeCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith(CURSOR_PREFIX) || decoded.length > 1_000) {
    throw new BadInputError('`after` is not a cursor from this API.', { argument: 'after' });
  }
  return decoded.slice(CURSOR_PREFIX.length);
}

export function pageWindow({ first, after }: PageArgs): PageWindow {
  const size = intInRange('first', first ?? DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
  return { first: size, limit: size + 1, after: after ? decodeCursor(after) : null };
}

/**
 * An edge: its row (whose facts, such as a shared-paper count, the edge's own fields read) and
 * its node. A class, so that the cursor is encoded only when a client selects it.
 */
export class Edge<Row extends PageRow, Node> {
  constructor(
    readonly row: Row,
    readonly node: Node,
  ) {}

  get cursor(): string {
    return encodeCursor(this.row.sortKey);
  }
}

export interface Connection<Row extends PageRow, Node> {
  edges: Edge<Row, Node>[];
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; startCursor: string | null; endCursor: string | null };
  /** Counted only if a client selects `totalCount`. */
  totalCount: () => Promise<number>;
}

/**
 * Shapes up to `limit` rows into a connection whose nodes come from a node loader (batched with
 * every sibling connection of the same request). A row whose node vanished meanwhile is left out.
 */
export async function toConnection<Row extends PageRow, Node>(
  rows: Row[],
  window: PageWindow,
  nodeLoader: DataLoader<string, Node | null>,
  totalCount: () => Promise<number>,
): Promise<Connection<Row, Node>> {
  const page = rows.slice(0, window.first);
  const nodes = await carriedNodes(page, (row) => [row.id, row.node as Node | undefined], nodeLoader);
  return connectionOf(page, nodes, rows.length > window.first, window, totalCount);
}

/** A connection whose items are its rows themselves (a suggestion, a decision): nothing to load. */
export function rowConnection<Row extends PageRow>(rows: Row[], window: PageWindow, totalCount: () => Promise<number>): Connection<Row, Row> {
  const page = rows.slice(0, window.first);
  return connectionOf(page, page, rows.length > window.first, window, totalCount);
}

function connectionOf<Row extends PageRow, Node>(
  page: Row[],
  nodes: (Node | null)[],
  hasNextPage: boolean,
  window: PageWindow,
  totalCount: () => Promise<number>,
): Connection<Row, Node> {
  const edges: Edge<Row, Node>[] = [];
  page.forEach((row, index) => {
    const node = nodes[index];
    if (node) edges.push(new Edge(row, node));
  });
  return {
    edges,
    pageInfo: {
      hasNextPage,
      hasPreviousPage: window.after !== null,
      startCursor: edges[0]?.cursor ?? null,
      endCursor: page.length ? encodeCursor(page.at(-1)!.sortKey) : null,
    },
    totalCount,
  };
}

/** A list under a parent object, through its page and count loaders. */
export async function loadConnection<Request extends PageRequest, Row extends PageRow, Node>(
  loaders: PagedLoaders<Request, Row>,
  nodeLoader: DataLoader<string, Node | null>,
  request: CountRequest<Request>,
  args: PageArgs,
): Promise<Connection<Row, Node>> {
  const window = pageWindow(args);
  const rows = await loaders.page.load({ ...request, after: window.after, limit: window.limit } as Request);
  return toConnection(rows, window, nodeLoader, () => loaders.count.load(request));
}

/** A root list (asked once per request, so not batched). */
export async function loadRootConnection<Filters, Node>(
  list: {
    page: (filters: Filters, after: string | null, limit: number) => Promise<PageRow[]>;
    count: (filters: Filters) => Promise<number>;
  },
  nodeLoader: DataLoader<string, Node | null>,
  filters: Filters,
  args: PageArgs,
): Promise<Connection<PageRow, Node>> {
  const window = pageWindow(args);
  const rows = await list.page(filters, window.after, window.limit);
  return toConnection(rows, window, nodeLoader, () => list.count(filters));
}
