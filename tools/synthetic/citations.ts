import { SHAPE } from './shape.js';
import type { Draft } from './papers.js';
import type { Random } from './random.js';

/**
 * Citations, in publication order, only to papers of earlier years: some to the lab's own
 * earlier work, some to the main topic, some in proportion to citations already received (so a
 * few papers become highly cited), the rest at random.
 */
export function drawCitations(random: Random, papers: Draft[], labCount: number, topicCount: number): number[][] {
  const firstOfYear = new Map<number, number>();
  for (const [rank, paper] of papers.entries()) if (!firstOfYear.has(paper.year)) firstOfYear.set(paper.year, rank);
  const byLab: number[][] = Array.from({ length: labCount }, () => []);
  const byTopic: number[][] = Array.from({ length: topicCount }, () => []);
  for (const [rank, paper] of papers.entries()) {
    byLab[paper.lab]!.push(rank);
    byTopic[paper.topics[0]!.topic]!.push(rank);
  }
  const received: number[] = [];
  // Ranks in a sorted list below `limit`: the older papers of that list.
  const below = (list: number[], limit: number) => {
    let [lo, hi] = [0, list.length];
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (list[mid]! < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return papers.map((paper) => {
    const older = firstOfYear.get(paper.year)!;
    const count = Math.min(random.weighted(SHAPE.citesPerPaper), older);
    const cited = new Set<number>();
    for (let tries = 0; cited.size < count && tries < count * 10; tries++) {
      const roll = random.next();
      const pool = roll < 0.35 ? byLab[paper.lab]! : roll < 0.65 ? byTopic[paper.topics[0]!.topic]! : null;
      let target: number;
      if (pool) {
        const n = below(pool, older);
        target = n > 0 ? pool[random.int(0, n - 1)]! : random.int(0, older - 1);
      } else if (roll < 0.85 && received.length > 0) {
        // Every earlier citation went to a paper of an earlier year than this one.
        target = random.pick(received);
      } else {
        target = random.int(0, older - 1);
      }
      cited.add(target);
    }
    received.push(...cited);
    return [...cited].sort((a, b) => a - b);
  });
}
