import type DataLoader from 'dataloader';

/**
 * Rows that name nodes (a byline names authors, a page of coauthors names authors) are read with
 * those nodes (`x {%Label%}` in their Cypher, src/db/cypher.ts), so resolving a node a row names
 * costs no statement and no loader round: the row carries it. Rows without their node (fakes in
 * tests, older queries) still go through the node's loader.
 */
export async function carriedNodes<Row, Node>(
  rows: readonly Row[],
  named: (row: Row) => [id: string, node: Node | null | undefined],
  loader: DataLoader<string, Node | null>,
): Promise<(Node | null)[]> {
  const pairs = rows.map(named);
  const missing = pairs.filter(([, node]) => !node).map(([id]) => id);
  if (missing.length === 0) return pairs.map(([, node]) => node!);
  const loaded = new Map<string, Node | null>();
  (await loader.loadMany(missing)).forEach((node, index) => {
    if (node instanceof Error) throw node;
    loaded.set(missing[index]!, node);
  });
  return pairs.map(([id, node]) => node ?? loaded.get(id) ?? null);
}

/** The one node a row names: carried, or through the loader. */
export const carriedNode = <Node>(id: string, node: Node | null | undefined, loader: DataLoader<string, Node | null>) =>
  node ?? loader.load(id);
