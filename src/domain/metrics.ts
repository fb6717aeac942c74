/** Bibliometrics computed from the graph itself (not taken from any source's figures). */

export interface PaperStat {
  year: number | null;
  citationCount: number | null;
}

export interface AuthorMetrics {
  paperCount: number;
  /** Sum of the papers' citation counts as their sources give them (unknown counts as 0). */
  citationCount: number;
  /** The largest h such that h papers have at least h citations each. */
  hIndex: number;
  firstYear: number | null;
  lastYear: number | null;
  papersPerYear: { year: number; paperCount: number }[];
}

export function computeMetrics(papers: PaperStat[]): AuthorMetrics {
  const citations = papers.map((paper) => paper.citationCount ?? 0).sort((a, b) => b - a);
  const hIndex = citations.filter((count, index) => count >= index + 1).length;
  const perYear = new Map<number, number>();
  for (const { year } of papers) if (year !== null) perYear.set(year, (perYear.get(year) ?? 0) + 1);
  const years = [...perYear.keys()].sort((a, b) => a - b);
  return {
    paperCount: papers.length,
    citationCount: citations.reduce((sum, count) => sum + count, 0),
    hIndex,
    firstYear: years[0] ?? null,
    lastYear: years.at(-1) ?? null,
    papersPerYear: years.map((year) => ({ year, paperCount: perYear.get(year)! })),
  };
}
