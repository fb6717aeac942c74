import type { Draft } from './papers.js';
import type { Person } from './labs.js';

/** What the graph should hold that the generator does not write: the checks' truth. */

/**
 * Each author's planted community (0-based lab): the lab (s)he was at for most of his or her
 * papers. Only a mover has papers in two labs; a tie goes to the lab moved to. Draws nothing from
 * the PRNG, so the graph is the same with or without it.
 */
export function plantedLabs(drafts: Draft[], people: Person[], labAt: (author: number, year: number) => number): number[] {
  const before = new Uint32Array(people.length);
  const after = new Uint32Array(people.length);
  for (const draft of drafts) {
    for (const author of draft.authors) {
      const person = people[author]!;
      if (person.moveYear === null) continue;
      if (labAt(author, draft.year) === person.lab) before[author]!++;
      else after[author]!++;
    }
  }
  return people.map((person, author) => (person.moveYear !== null && after[author]! >= before[author]! ? person.nextLab : person.lab));
}

/**
 * AFFILIATED_WITH as the importer's summaries make it from the authorships
 * (cypher/import/refresh-authors.cypher): per author and the organization (s)he was at for a
 * paper, the papers counted, with their first and last year. Ordered by author, then organization.
 */
export function affiliations(
  papers: Draft[],
  organizationAt: (author: number, year: number) => number,
): { author: number; organization: number; firstYear: number; lastYear: number; paperCount: number }[] {
  const rows = new Map<string, { author: number; organization: number; firstYear: number; lastYear: number; paperCount: number }>();
  for (const paper of papers) {
    for (const author of paper.authors) {
      const organization = organizationAt(author, paper.year);
      const key = `${author}|${organization}`;
      const row = rows.get(key);
      if (row) {
        row.firstYear = Math.min(row.firstYear, paper.year);
        row.lastYear = Math.max(row.lastYear, paper.year);
        row.paperCount++;
      } else {
        rows.set(key, { author, organization, firstYear: paper.year, lastYear: paper.year, paperCount: 1 });
      }
    }
  }
  return [...rows.values()].sort((a, b) => a.author - b.author || a.organization - b.organization);
}
