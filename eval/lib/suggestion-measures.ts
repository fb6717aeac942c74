/**
 * The temporal split of the suggestion evaluation (eval/suggestions.ts), its two baselines and
 * its measures; pure, so that they are unit-tested (test/unit/suggestion-measures.test.ts).
 *
 * The split at year Y: the coauthor graph of the papers up to Y, and as truth, for each author
 * in that graph, the people of that graph they first wrote with after Y.
 */
import { mulberry32 } from '../../tools/synthetic/random.js';

export interface Byline { year: number; authors: string[] }

export interface TemporalSplit {
  splitYear: number;
  /** Coauthors up to the split year (symmetric). */
  coauthors: Map<string, Set<string>>;
  /** New coauthors after it, among the authors of the graph up to it. */
  truth: Map<string, Set<string>>;
}

const linked = (graph: Map<string, Set<string>>, a: string) => {
  let set = graph.get(a);
  if (!set) graph.set(a, (set = new Set()));
  return set;
};

export function temporalSplit(bylines: Iterable<Byline>, splitYear: number): TemporalSplit {
  const coauthors = new Map<string, Set<string>>();
  const later: Byline[] = [];
  for (const byline of bylines) {
    if (byline.year > splitYear) later.push(byline);
    else for (const a of byline.authors) for (const b of byline.authors) if (a !== b) linked(coauthors, a).add(b);
  }
  const truth = new Map<string, Set<string>>();
  for (const { authors } of later) {
    for (const a of authors) {
      const known = coauthors.get(a);
      if (!known) continue;
      for (const b of authors) if (b !== a && coauthors.has(b) && !known.has(b)) linked(truth, a).add(b);
    }
  }
  return { splitYear, coauthors, truth };
}

/** Scores of the non-coauthors two hops away: common neighbours, or Adamic-Adar (1 / ln degree). */
export function neighbourScores(coauthors: Map<string, Set<string>>, a: string, method: 'common-neighbours' | 'adamic-adar'): Map<string, number> {
  const own = coauthors.get(a) ?? new Set<string>();
  const scores = new Map<string, number>();
  for (const m of own) {
    const theirs = coauthors.get(m)!;
    const weight = method === 'common-neighbours' ? 1 : 1 / Math.log(Math.max(theirs.size, 2));
    for (const b of theirs) if (b !== a && !own.has(b)) scores.set(b, (scores.get(b) ?? 0) + weight);
  }
  return scores;
}

/** The k best, highest score first, ties by id (as the server breaks them). */
export function topK(scores: Map<string, number>, k: number): string[] {
  return [...scores].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0)).slice(0, k).map(([id]) => id);
}

export interface RankingFigures { hit: number; precision: number; recall: number; mrr: number; authors: number }

/** hit@k (one or more right), precision@k, recall@k and MRR (1 / rank of the first right), averaged. */
export function rankingFigures(rankings: { ranked: string[]; truth: Set<string> }[], k: number): RankingFigures {
  let hit = 0, precision = 0, recall = 0, mrr = 0;
  for (const { ranked, truth } of rankings) {
    const top = ranked.slice(0, k);
    const right = top.filter((id) => truth.has(id)).length;
    const first = top.findIndex((id) => truth.has(id));
    if (right > 0) hit++;
    precision += right / k;
    recall += right / truth.size;
    if (first >= 0) mrr += 1 / (first + 1);
  }
  const n = Math.max(rankings.length, 1);
  return { hit: hit / n, precision: precision / n, recall: recall / n, mrr: mrr / n, authors: rankings.length };
}

/** A reproducible sample of n: a Fisher-Yates shuffle under the generator's seeded PRNG. */
export function sample<T>(items: T[], n: number, seed: number): T[] {
  const random = mulberry32(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy.slice(0, n);
}

/**
 * Whether any of an author's new coauthors is within `hops` coauthor hops (2 or 3) in the graph
 * up to the split: the most that a method walking that far can hit.
 */
export function reachable(coauthors: Map<string, Set<string>>, a: string, truth: Set<string>, hops: number): boolean {
  let frontier = new Set([a]);
  const seen = new Set([a]);
  for (let hop = 1; hop <= hops; hop++) {
    const next = new Set<string>();
    for (const x of frontier) for (const y of coauthors.get(x) ?? []) if (!seen.has(y)) { seen.add(y); next.add(y); }
    if (hop >= 2) for (const y of next) if (truth.has(y)) return true;
    frontier = next;
  }
  return false;
}
