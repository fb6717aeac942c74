import { normalizeKey } from '../../src/domain/normalize.js';

/**
 * What `npm run eval:identity` measures, as pure functions over plain data (tested in
 * test/unit/eval-identity-measures.test.ts): how well a clustering of authorships (the author
 * node each one is on) matches the true people (OpenReview profile ids), as B³ and pairwise
 * precision, recall and F1, the names that several people share, and the names it gets most wrong.
 */

/** One scored authorship: the cluster it was put in (an author node id), its true person, and the name on the byline. */
export interface ScoredAuthorship {
  cluster: string;
  truth: string;
  name: string;
}

export interface Figures {
  precision: number;
  recall: number;
  f1: number;
}

const f1Of = (precision: number, recall: number) => (precision + recall ? (2 * precision * recall) / (precision + recall) : 0);

/** How many items each (cluster, truth) cell, each cluster and each true person holds. */
function contingency(items: readonly Pick<ScoredAuthorship, 'cluster' | 'truth'>[]) {
  const cells = new Map<string, number>();
  const clusters = new Map<string, number>();
  const people = new Map<string, number>();
  const bump = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);
  for (const { cluster, truth } of items) {
    // JSON of the pair: no separator a label could contain can make two cells one.
    bump(cells, JSON.stringify([cluster, truth]));
    bump(clusters, cluster);
    bump(people, truth);
  }
  return { cells, clusters, people };
}

/**
 * B³ (Bagga and Baldwin): per item, the share of its cluster that is its person (precision) and
 * the share of its person that is in its cluster (recall), averaged over the items. No items: 1s
 * (nothing was got wrong).
 */
export function bCubed(items: readonly Pick<ScoredAuthorship, 'cluster' | 'truth'>[]): Figures {
  if (items.length === 0) return { precision: 1, recall: 1, f1: 1 };
  const { cells, clusters, people } = contingency(items);
  let precision = 0;
  let recall = 0;
  for (const { cluster, truth } of items) {
    const together = cells.get(JSON.stringify([cluster, truth]))!;
    precision += together / clusters.get(cluster)!;
    recall += together / people.get(truth)!;
  }
  precision /= items.length;
  recall /= items.length;
  return { precision, recall, f1: f1Of(precision, recall) };
}

const pairsOf = (n: number) => (n * (n - 1)) / 2;

/**
 * Pairwise: over the pairs of items put in one cluster, the share that are one person
 * (precision); over the pairs that are one person, the share put in one cluster (recall). No
 * pairs on a side: 1 for it (no pair was got wrong).
 */
export function pairwise(items: readonly Pick<ScoredAuthorship, 'cluster' | 'truth'>[]): Figures {
  const { cells, clusters, people } = contingency(items);
  const sum = (map: Map<string, number>) => [...map.values()].reduce((total, n) => total + pairsOf(n), 0);
  const both = sum(cells);
  const predicted = sum(clusters);
  const actual = sum(people);
  const precision = predicted ? both / predicted : 1;
  const recall = actual ? both / actual : 1;
  return { precision, recall, f1: f1Of(precision, recall) };
}

/** The name-only baseline: every authorship on the node of its normalized name. */
export const byNameOnly = (items: readonly ScoredAuthorship[]): ScoredAuthorship[] =>
  items.map((item) => ({ ...item, cluster: normalizeKey(item.name) }));

/** The normalized names whose authorships belong to 2 or more true people. */
export function ambiguousNames(items: readonly Pick<ScoredAuthorship, 'truth' | 'name'>[]): Set<string> {
  const people = new Map<string, Set<string>>();
  for (const { name, truth } of items) {
    const key = normalizeKey(name);
    let ids = people.get(key);
    if (!ids) people.set(key, (ids = new Set()));
    ids.add(truth);
  }
  return new Set([...people].filter(([, ids]) => ids.size >= 2).map(([key]) => key));
}

/** The items whose normalized name is one of `names` (clusters cut to them: measures then see only these). */
export const onNames = <Item extends Pick<ScoredAuthorship, 'name'>>(items: readonly Item[], names: ReadonlySet<string>): Item[] =>
  items.filter((item) => names.has(normalizeKey(item.name)));

/**
 * A name the clustering got wrong, and how: `authorships` of the name involved, over `people`
 * and `nodes`; `ids`: how many of them each true person has (so that two profiles of one person,
 * `~Christopher_Re1` and `~Christopher_Ré1`, show as what they are).
 */
export interface Miss {
  name: string;
  authorships: number;
  people: number;
  nodes: number;
  ids: Record<string, number>;
}

/**
 * The names the clustering gets most wrong, worst first (ties by name), each by normalized name:
 * - merged: authorships of the name on a node that holds 2+ true people (of the scored items);
 * - split: authorships of the name whose true person is spread over 2+ nodes.
 */
export function misses(items: readonly ScoredAuthorship[]): { merged: Miss[]; split: Miss[] } {
  const peopleOn = new Map<string, Set<string>>();
  const nodesOf = new Map<string, Set<string>>();
  for (const { cluster, truth } of items) {
    if (!peopleOn.has(cluster)) peopleOn.set(cluster, new Set());
    peopleOn.get(cluster)!.add(truth);
    if (!nodesOf.has(truth)) nodesOf.set(truth, new Set());
    nodesOf.get(truth)!.add(cluster);
  }
  const tally = (wrong: (item: ScoredAuthorship) => boolean) => {
    const byName = new Map<string, { authorships: number; people: Map<string, number>; nodes: Set<string> }>();
    for (const item of items) {
      if (!wrong(item)) continue;
      const key = normalizeKey(item.name);
      let entry = byName.get(key);
      if (!entry) byName.set(key, (entry = { authorships: 0, people: new Map(), nodes: new Set() }));
      entry.authorships++;
      entry.people.set(item.truth, (entry.people.get(item.truth) ?? 0) + 1);
      entry.nodes.add(item.cluster);
    }
    return [...byName]
      .map(([name, { authorships, people, nodes }]) => ({
        name, authorships, people: people.size, nodes: nodes.size,
        // Most authorships first, then by id: the same order every run.
        ids: Object.fromEntries([...people].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))),
      }))
      .sort((a, b) => b.authorships - a.authorships || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  };
  return {
    merged: tally((item) => peopleOn.get(item.cluster)!.size >= 2),
    split: tally((item) => nodesOf.get(item.truth)!.size >= 2),
  };
}

/**
 * Whether a record's ids are hidden in a `share` run: a hash of the seed and the record id
 * (FNV-1a, 32 bits) below `share` of the range, so the same records every run.
 */
export function hiddenInShare(recordId: string, share: number, seed: number): boolean {
  let hash = 0x811c9dc5;
  for (const char of `${seed}|${recordId}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 2 ** 32 < share;
}
