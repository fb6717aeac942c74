import { cypher } from '../db/cypher.js';
import type { Read } from '../db/read.js';

export interface AuthorRow {
  id: string;
  name: string;
}

const queries = {
  byIds: cypher('read/authors-by-ids'),
  idsByNameKey: cypher('read/author-ids-by-name-key'),
};

export function createAuthorRepository(read: Read) {
  return {
    /** In key order, null where no author has the id (the DataLoader contract). */
    async authorsByIds(ids: readonly string[]): Promise<(AuthorRow | null)[]> {
      const rows = await read<{ author: AuthorRow }>(queries.byIds, { ids });
      const byId = new Map(rows.map(({ author }) => [author.id, author]));
      return ids.map((id) => byId.get(id) ?? null);
    },

    /** Per key, the ids of the authors with that normalized name (at most 50). */
    async authorIdsByNameKeys(nameKeys: readonly string[]): Promise<string[][]> {
      const rows = await read<{ nameKey: string; ids: string[] }>(queries.idsByNameKey, { nameKeys });
      const byKey = new Map(rows.map((row) => [row.nameKey, row.ids]));
      return nameKeys.map((key) => byKey.get(key) ?? []);
    },
  };
}

export type AuthorRepository = ReturnType<typeof createAuthorRepository>;
