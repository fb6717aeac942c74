import DataLoader from 'dataloader';
import { describe, expect, it } from 'vitest';
import { CodedError } from '../../src/errors/coded.js';
import { decodeCursor, encodeCursor, pageWindow, toConnection } from '../../src/schema/pagination.js';

const code = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    return error instanceof CodedError ? error.code : 'not a coded error';
  }
  return 'no error';
};

const nodes = () => new DataLoader<string, { id: string } | null>(async (ids) => ids.map((id) => (id === 'gone' ? null : { id })));

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

  it('builds pages that say whether more follow, with edge facts beside the node', async () => {
    const rows = ['c', 'b', 'a'].map((key) => ({ id: key, sortKey: key, weight: key.charCodeAt(0) }));
    const window = pageWindow({ first: 2 });
    const connection = await toConnection(rows, window, nodes(), async () => 3);
    expect(connection.edges.map((edge) => ({ cursor: edge.cursor, node: edge.node, weight: edge.row.weight }))).toEqual([
      { cursor: encodeCursor('c'), node: { id: 'c' }, weight: 99 },
      { cursor: encodeCursor('b'), node: { id: 'b' }, weight: 98 },
    ]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(decodeCursor(connection.pageInfo.endCursor!)).toBe('b');
    expect((await toConnection(rows.slice(0, 2), window, nodes(), async () => 2)).pageInfo.hasNextPage).toBe(false);
    expect(await connection.totalCount()).toBe(3);
  });

  it('leaves out rows whose node has vanished but keeps the cursor moving past them', async () => {
    const rows = [
      { id: 'x', sortKey: '2' },
      { id: 'gone', sortKey: '1' },
    ];
    const connection = await toConnection(rows, pageWindow({ first: 2 }), nodes(), async () => 1);
    expect(connection.edges.map((edge) => edge.node.id)).toEqual(['x']);
    expect(decodeCursor(connection.pageInfo.endCursor!)).toBe('1');
  });
});
