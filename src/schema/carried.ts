import type DataLoader from 'dataloader';

/*
 * Why hand-made and not @pothos/plugin-dataloader (evaluated for issue 20): the plugin does carry
 * a node a single field already has (a resolver returns the object and its loader is skipped, or
 * the id and it is loaded, batched per request), and a trial with Author as a loadable ref on
 * EgoNode.author and SubgraphNode.author worked. What it lacks is the list side: it loads a
 * list's ids after the resolver has returned the list, so a connection cannot leave out an edge
 * whose node vanished (toConnection in pagination.ts; its node is non-null and its startCursor is
 * the first kept edge's) and `Paper.authors`, `organizations` and `topics` cannot leave out
 * unknown ones: those need the nodes before the list is made, which is what carriedNodes does. So
 * the plugin would only have replaced carriedNode on a few fields, beside this module rather than
 * instead of it, and put a second DataLoader in front of loaders.author (src/loaders.ts, where
 * every other batch is). Measured with `npm run bench:compare -- --short`, 2 interleaved runs
 * each on a loaded 2-core machine: this server's median req/s without / with the trial Q7 (ego
 * network) 16.5 / 18.3, Q4 6.0 / 5.5, Q6 30.8 / 27.5: no difference beyond the noise, so nothing
 * to gain for a second mechanism.
 */

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
