import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, pageWindow, toConnection } from '../../src/schema/pagination.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof GraphQLError ? error.extensions.code : 'not a GraphQLError';
  }
  return 'no error';
};

describe('pagination', () => {
  it('round-trips cursors and rejects foreign ones', () => {
    expect(decodeCursor(encodeCursor('2023-01-30|paper:x'))).toBe('2023-01-30|paper:x');
    expect(code(() => decodeCursor('bm9wZQ'))).toBe('BAD_USER_INPUT');
    expect(code(() => decodeCursor('%%%'))).toBe('BAD_USER_INPUT');
  });

  it('defaults to 20 and bounds page sizes', () => {
    expect(pageWindow({})).toEqual({ first: 20, limit: 21, after: null });
    for (const first of [0, -1, 101, 2 ** 31, 1.5]) expect(code(() => pageWindow({ first }))).toBe('BAD_USER_INPUT');
  });

  it('builds pages that say whether more follow', async () => {
    const rows = ['c', 'b', 'a'].map((sortKey) => ({ sortKey }));
    const window = pageWindow({ first: 2 });
    const connection = toConnection(rows, window, async () => 3);
    expect(connection.edges.map((edge) => edge.node.sortKey)).toEqual(['c', 'b']);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeCursor(connection.pageInfo.endCursor!)).toBe('b');
    expect(toConnection(rows.slice(0, 2), window, async () => 2).pageInfo.hasNextPage).toBe(false);
    expect(await connection.totalCount()).toBe(3);
  });
});
