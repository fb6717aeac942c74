import { cypher } from '../db/cypher.js';
import type { Read } from '../db/read.js';

/**
 * The shapes every batched read takes, so that each repository is a short table of queries.
 * Each function runs one query for a whole batch of keys and answers in key order, as
 * DataLoader requires: null or [] for keys the graph does not have.
 */

/**
 * Parameters a query takes besides its batch, the same for every request of a server (a setting
 * such as `$maxAuthorsPerPaper`).
 */
export type FixedParameters = Record<string, unknown>;

/** `UNWIND $ids AS id ... RETURN x {...} AS row`: one row per id that exists. */
export function rowsByIds<Row extends { id: string }>(read: Read, path: string, fixed: FixedParameters = {}) {
  const query = cypher(path);
  return async (ids: readonly string[]): Promise<(Row | null)[]> => {
    const rows = await read<{ row: Row }>(query, { ...fixed, ids });
    const byId = new Map(rows.map(({ row }) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  };
}

/** `UNWIND $ids AS id ... RETURN id, collect(...) AS rows`: a list per id. */
export function listsByIds<Row>(read: Read, path: string) {
  const query = cypher(path);
  return async (ids: readonly string[]): Promise<Row[][]> => {
    const rows = await read<{ id: string; rows: Row[] }>(query, { ids });
    const byId = new Map(rows.map((row) => [row.id, row.rows]));
    return ids.map((id) => byId.get(id) ?? []);
  };
}

/** `UNWIND $<keys> AS key ... RETURN key, ids`: the ids that a lookup key (a name) finds. */
export function idsByKeys(read: Read, path: string, parameter: string) {
  const query = cypher(path);
  return async (keys: readonly string[]): Promise<string[][]> => {
    const rows = await read<{ key: string; ids: string[] }>(query, { [parameter]: keys });
    const byKey = new Map(rows.map((row) => [row.key, row.ids]));
    return keys.map((key) => byKey.get(key) ?? []);
  };
}

/**
 * `UNWIND $refs AS ref ... RETURN ref.key AS key, x {...} AS row`: the node an external id names.
 * Keys are `<field>:<short id>` (`orcid:0000-0003-3260-0660`); each ref holds its id under its
 * field and null under the query's other fields, so one statement serves every kind of id.
 */
export function rowsByExternalIds<Row>(read: Read, path: string, fields: readonly string[]) {
  const query = cypher(path);
  const none = Object.fromEntries(fields.map((field) => [field, null]));
  return async (keys: readonly string[]): Promise<(Row | null)[]> => {
    const refs = keys.map((key) => {
      const at = key.indexOf(':');
      const field = key.slice(0, at);
      if (at < 0 || !fields.includes(field)) throw new Error(`${path}: no external id field in the key ${key}`);
      return { ...none, key, [field]: key.slice(at + 1) };
    });
    const rows = await read<{ key: string; row: Row }>(query, { refs });
    const byKey = new Map(rows.map(({ key, row }) => [key, row]));
    return keys.map((key) => byKey.get(key) ?? null);
  };
}

/** A page of a list that hangs off a parent: after the cursor's sort key, at most `limit` rows. */
export interface PageRequest {
  parentId: string;
  after: string | null;
  limit: number;
}

/**
 * What a page query returns: the item's id, the key that orders it, any edge facts, and the item
 * itself (`x {%Label%}`), so that reading it costs no statement (src/schema/carried.ts).
 */
export interface PageRow {
  id: string;
  sortKey: string;
  node?: unknown;
}

export type CountRequest<Request extends PageRequest> = Omit<Request, 'after' | 'limit'>;

/**
 * Many pages (and, separately, their total counts) in one query each: requests are numbered,
 * sent as `$requests`, and the answers put back in request order.
 */
export function pagesOf<Request extends PageRequest, Row extends PageRow = PageRow>(read: Read, path: string, fixed: FixedParameters = {}) {
  const pageQuery = cypher(path);
  const countQuery = cypher(`${path}.count`);
  return {
    pages: async (requests: readonly Request[]): Promise<Row[][]> => {
      const numbered = requests.map((request, key) => ({ ...request, key }));
      const rows = await read<{ key: number; rows: Row[] }>(pageQuery, { ...fixed, requests: numbered });
      const byKey = new Map(rows.map((row) => [row.key, row.rows]));
      return numbered.map(({ key }) => byKey.get(key) ?? []);
    },
    counts: async (requests: readonly CountRequest<Request>[]): Promise<number[]> => {
      const numbered = requests.map((request, key) => ({ ...request, key }));
      const rows = await read<{ key: number; total: number }>(countQuery, { ...fixed, requests: numbered });
      const byKey = new Map(rows.map((row) => [row.key, row.total]));
      return numbered.map(({ key }) => byKey.get(key) ?? 0);
    },
  };
}

/** A root-level list (not under a parent): one page and its count, for one set of filters. */
export function rootList<Filters extends Record<string, unknown>>(read: Read, path: string) {
  const pageQuery = cypher(path);
  const countQuery = cypher(`${path}.count`);
  return {
    page: (filters: Filters, after: string | null, limit: number) =>
      read<PageRow>(pageQuery, { ...filters, after, limit }),
    count: async (filters: Filters) => (await read<{ total: number }>(countQuery, filters))[0]?.total ?? 0,
  };
}

/**
 * `UNWIND $requests AS request ... RETURN request.key AS key, answer`: one answer per request
 * (requests numbered as in pagesOf, so equal parents with different arguments are apart); a
 * request the graph has nothing for (an unknown parent) gets null.
 */
export function answersOf<Request extends Record<string, unknown>, Answer>(read: Read, path: string, fixed: FixedParameters = {}) {
  const query = cypher(path);
  return async (requests: readonly Request[]): Promise<(Answer | null)[]> => {
    const numbered = requests.map((request, key) => ({ ...request, key }));
    const rows = await read<{ key: number; answer: Answer }>(query, { ...fixed, requests: numbered });
    const byKey = new Map(rows.map((row) => [row.key, row.answer]));
    return numbered.map(({ key }) => byKey.get(key) ?? null);
  };
}
