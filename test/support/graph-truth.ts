import type { SyntheticGraph } from '../../tools/synthetic/generate.js';

/** MAX_AUTHORS_PER_PAPER's default: papers with more authors make no coauthor links. */
const MAX_AUTHORS_PER_PAPER = 100;

/**
 * Answers computed in plain TypeScript from a generated graph's rows: what the API must return.
 * Orders mirror the API's documented ones (newest first; most shared first, then by name).
 */

const pad = (count: number) => String(999_999_999 - count).padStart(9, '0');

export function graphTruth(graph: SyntheticGraph) {
  const paper = new Map(graph.papers.map((p) => [p.id, p]));
  const author = new Map(graph.authors.map((a) => [a.id, a]));
  const papersOf = new Map<string, string[]>();
  const authorsOf = new Map<string, string[]>();
  for (const { authorId, paperId } of graph.authored) {
    papersOf.set(authorId, [...(papersOf.get(authorId) ?? []), paperId]);
    authorsOf.set(paperId, [...(authorsOf.get(paperId) ?? []), authorId]);
  }
  const newestFirst = (ids: string[]) =>
    [...ids].sort((a, b) => {
      const ka = `${paper.get(a)!.publishedOn}|${a}`;
      const kb = `${paper.get(b)!.publishedOn}|${b}`;
      return ka < kb ? 1 : ka > kb ? -1 : 0;
    });

  function coauthors(authorId: string) {
    const links = new Map<string, { shared: number; firstYear: number; lastYear: number }>();
    for (const paperId of papersOf.get(authorId) ?? []) {
      if ((authorsOf.get(paperId) ?? []).length > MAX_AUTHORS_PER_PAPER) continue;
      const year = paper.get(paperId)!.year;
      for (const other of authorsOf.get(paperId) ?? []) {
        if (other === authorId) continue;
        const link = links.get(other) ?? { shared: 0, firstYear: year, lastYear: year };
        links.set(other, { shared: link.shared + 1, firstYear: Math.min(link.firstYear, year), lastYear: Math.max(link.lastYear, year) });
      }
    }
    const key = (id: string) => `${pad(links.get(id)!.shared)}|${author.get(id)!.nameKey}|${id}`;
    return [...links.keys()].sort((a, b) => (key(a) < key(b) ? -1 : 1)).map((id) => ({ id, ...links.get(id)! }));
  }

  /** Hops on the shortest coauthor path, by breadth-first search; null when unconnected. */
  function distance(from: string, to: string): number | null {
    const seen = new Map([[from, 0]]);
    let frontier = [from];
    while (frontier.length) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const { id: other } of coauthors(id)) {
          if (seen.has(other)) continue;
          seen.set(other, seen.get(id)! + 1);
          if (other === to) return seen.get(other)!;
          next.push(other);
        }
      }
      frontier = next;
    }
    return from === to ? 0 : null;
  }

  return {
    paper,
    author,
    papersOf: (authorId: string) => newestFirst(papersOf.get(authorId) ?? []),
    authorsOf: (paperId: string) => authorsOf.get(paperId) ?? [],
    newestFirst,
    coauthors,
    distance,
    /** Papers every one of the given authors wrote (and that link them: not too long a byline). */
    sharedPapers: (authorIds: string[]) =>
      newestFirst(
        (papersOf.get(authorIds[0]!) ?? []).filter(
          (p) => authorIds.every((a) => (authorsOf.get(p) ?? []).includes(a)) && (authorIds.length === 1 || (authorsOf.get(p) ?? []).length <= MAX_AUTHORS_PER_PAPER),
        ),
      ),
  };
}

export type GraphTruth = ReturnType<typeof graphTruth>;
