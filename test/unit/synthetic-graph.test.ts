import { describe, expect, it } from 'vitest';
import { normalizeKey } from '../../src/domain/normalize.js';
import { SHAPE, generateGraph, type SyntheticGraph } from '../../tools/synthetic/generate.js';

const graph = generateGraph({ authors: 2_000, prefix: 'unit', seed: 7 });
const papers = new Map(graph.papers.map((paper) => [paper.id, paper]));

function groupBy<Row, Key>(rows: readonly Row[], key: (row: Row) => Key): Map<Key, Row[]> {
  const groups = new Map<Key, Row[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

describe('generateGraph', () => {
  it('gives the same graph for the same seed and another for another seed', () => {
    const again = generateGraph({ authors: 2_000, prefix: 'unit', seed: 7 });
    expect(again).toEqual(graph);
    const other = generateGraph({ authors: 2_000, prefix: 'unit', seed: 8 });
    expect(other.authors.map((a) => a.name)).not.toEqual(graph.authors.map((a) => a.name));
    expect(other.authored).not.toEqual(graph.authored);
  });

  it('has the documented proportions', () => {
    expect(graph.authors).toHaveLength(2_000);
    expect(graph.papers.length).toBeGreaterThan(2_000 * 0.55);
    expect(graph.papers.length).toBeLessThan(2_000 * 0.65);
    expect(graph.organizations).toHaveLength(2_000 / SHAPE.authorsPerOrganization);
    expect(graph.topics).toHaveLength(40);
    for (const paper of graph.papers) {
      expect(paper.year).toBeGreaterThanOrEqual(SHAPE.years[0]);
      expect(paper.year).toBeLessThanOrEqual(SHAPE.years[1]);
      expect(paper.publishedOn.slice(0, 4)).toBe(String(paper.year));
      expect(Number.isInteger(paper.citationCount)).toBe(true);
      expect(paper.titleKey).toBe(normalizeKey(paper.title));
    }
  });

  it('carries the prefix on every id and every reference', () => {
    const ids = [
      ...graph.authors.map((a) => a.id),
      ...graph.papers.map((p) => p.id),
      ...graph.organizations.map((o) => o.id),
      ...graph.topics.map((t) => t.id),
      ...graph.authored.flatMap((r) => [r.authorId, r.paperId, r.organizationId]),
      ...graph.affiliatedWith.flatMap((r) => [r.authorId, r.organizationId]),
      ...graph.fromOrganization.flatMap((r) => [r.paperId, r.organizationId]),
      ...graph.hasTopic.flatMap((r) => [r.paperId, r.topicId]),
      ...graph.cites.flatMap((r) => [r.citingId, r.citedId]),
    ];
    for (const id of ids) expect(id.startsWith('unit:')).toBe(true);
    expect(graph.authors[0]!.id).toBe('unit:author:1');
    expect(graph.papers[0]!.id).toBe('unit:paper:1');
    expect(graph.source.id).toBe('source:synthetic-unit');
    expect(new Set(graph.papers.map((p) => p.id)).size).toBe(graph.papers.length);
  });

  it('references only existing nodes, and every author wrote a paper', () => {
    const has = (rows: { id: string }[]) => new Set(rows.map((row) => row.id));
    const [authors, organizations, topics] = [has(graph.authors), has(graph.organizations), has(graph.topics)];
    for (const row of graph.authored) {
      expect(authors.has(row.authorId)).toBe(true);
      expect(papers.has(row.paperId)).toBe(true);
      expect(organizations.has(row.organizationId)).toBe(true);
    }
    for (const row of graph.fromOrganization) expect(papers.has(row.paperId) && organizations.has(row.organizationId)).toBe(true);
    for (const row of graph.hasTopic) expect(papers.has(row.paperId) && topics.has(row.topicId)).toBe(true);
    expect(new Set(graph.authored.map((row) => row.authorId)).size).toBe(graph.authors.length);
  });

  it('numbers every byline 1..n without gaps or repeats, with 1 to 8 authors', () => {
    const bylines = groupBy(graph.authored, (row) => row.paperId);
    expect(bylines.size).toBe(graph.papers.length);
    for (const byline of bylines.values()) {
      expect(byline.length).toBeGreaterThanOrEqual(1);
      expect(byline.length).toBeLessThanOrEqual(8);
      expect(byline.map((row) => row.position).sort((a, b) => a - b)).toEqual(byline.map((_, i) => i + 1));
      expect(new Set(byline.map((row) => row.authorId)).size).toBe(byline.length);
    }
  });

  it('gives every paper 1 to 3 topics with scores in (0, 1]', () => {
    const topics = groupBy(graph.hasTopic, (row) => row.paperId);
    expect(topics.size).toBe(graph.papers.length);
    for (const rows of topics.values()) {
      expect(rows.length).toBeGreaterThanOrEqual(1);
      expect(rows.length).toBeLessThanOrEqual(3);
      expect(new Set(rows.map((row) => row.topicId)).size).toBe(rows.length);
      for (const { score } of rows) expect(score > 0 && score <= 1).toBe(true);
    }
  });

  it('cites only older papers, at most 10 per paper, never twice', () => {
    expect(graph.cites.length).toBeGreaterThan(0);
    for (const { citingId, citedId } of graph.cites) {
      expect(papers.get(citedId)!.year).toBeLessThan(papers.get(citingId)!.year);
    }
    for (const rows of groupBy(graph.cites, (row) => row.citingId).values()) {
      expect(rows.length).toBeLessThanOrEqual(10);
      expect(new Set(rows.map((row) => row.citedId)).size).toBe(rows.length);
    }
    const citedBy = groupBy(graph.cites, (row) => row.citedId);
    for (const paper of graph.papers) expect(paper.citationCount).toBeGreaterThanOrEqual(citedBy.get(paper.id)?.length ?? 0);
  });

  it('lists on each paper exactly the organizations of its authors that year', () => {
    const fromOrganization = groupBy(graph.fromOrganization, (row) => row.paperId);
    for (const [paperId, byline] of groupBy(graph.authored, (row) => row.paperId)) {
      const expected = new Set(byline.map((row) => row.organizationId));
      const actual = fromOrganization.get(paperId)!.map((row) => row.organizationId);
      expect(actual).toHaveLength(expected.size);
      expect(new Set(actual)).toEqual(expected);
    }
  });

  it('derives AFFILIATED_WITH exactly from the organizations on the authorships and the years', () => {
    expect(graph.affiliatedWith).toEqual(recomputeAffiliations(graph));
    // One organization for most authors, two for the few who moved.
    const perAuthor = groupBy(graph.affiliatedWith, (row) => row.authorId);
    expect(perAuthor.size).toBe(graph.authors.length);
    expect([...perAuthor.values()].every((rows) => rows.length <= 2)).toBe(true);
    expect([...perAuthor.values()].some((rows) => rows.length === 2)).toBe(true);
  });

  it('names some different authors the same, with and without accents', () => {
    const byKey = groupBy(graph.authors, (author) => author.nameKey);
    const shared = [...byKey.values()].filter((authors) => authors.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(2_000 * SHAPE.duplicateNameShare * 0.5);
    expect(shared.length).toBeLessThanOrEqual(2_000 * SHAPE.duplicateNameShare * 1.5);
    expect(graph.authors.some((author) => author.name !== author.name.normalize('NFD').replace(/\p{M}+/gu, ''))).toBe(true);
    for (const author of graph.authors) expect(author.nameKey).toBe(normalizeKey(author.name));
  });

  it('connects most authors into one coauthor network', () => {
    const index = new Map(graph.authors.map((author, i) => [author.id, i]));
    const parent = graph.authors.map((_, i) => i);
    const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i]!)));
    for (const byline of groupBy(graph.authored, (row) => row.paperId).values()) {
      const [first, ...rest] = byline.map((row) => index.get(row.authorId)!);
      for (const author of rest) parent[find(author)] = find(first!);
    }
    const sizes = groupBy(parent.map((_, i) => find(i)), (root) => root);
    expect(Math.max(...[...sizes.values()].map((members) => members.length))).toBeGreaterThan(0.9 * graph.authors.length);
  });

  it('plants its labs as communities: each author has one, of 15-30 authors, at one organization', () => {
    const labs = groupBy(graph.authors, (author) => author.lab);
    // Labs are numbered 1..n without gaps.
    expect([...labs.keys()].sort((a, b) => a - b)).toEqual([...labs.keys()].map((_, i) => i + 1));
    expect(labs.size).toBeGreaterThan(2_000 / SHAPE.labSize[1]);
    expect(labs.size).toBeLessThan(2_000 / SHAPE.labSize[0]);
    // Movers counted where most of their papers are can make a lab a little larger or smaller.
    const sizes = [...labs.values()].map((members) => members.length);
    expect(sizes.filter((size) => size >= SHAPE.labSize[0] && size <= SHAPE.labSize[1]).length).toBeGreaterThan(0.8 * labs.size);
    // Who never moved has one organization, and every such member of a lab has the same one.
    const organizations = groupBy(graph.affiliatedWith, (row) => row.authorId);
    for (const members of labs.values()) {
      const settled = members.map((author) => organizations.get(author.id)!).filter((rows) => rows.length === 1);
      expect(new Set(settled.map(([row]) => row!.organizationId)).size).toBe(1);
    }
  });

  it('counts a lab\'s papers mostly to its authors, and a mover to the lab of most of his or her papers', () => {
    // A paper's lab shows in its code address (lab-N) when it has one.
    const labOf = new Map(graph.authors.map((author) => [author.id, author.lab]));
    let [inLab, total] = [0, 0];
    for (const [paperId, byline] of groupBy(graph.authored, (row) => row.paperId)) {
      const lab = /\/lab-(\d+)\//.exec(papers.get(paperId)!.codeUrl ?? '')?.[1];
      if (!lab) continue;
      for (const { authorId } of byline) (total++, labOf.get(authorId) === Number(lab) && inLab++);
    }
    expect(total).toBeGreaterThan(1_000);
    expect(inLab / total).toBeGreaterThan(0.9);
    // A mover has two organizations; the lab's organization (that of its settled members) is the
    // one (s)he wrote more papers for, or as many.
    const organizations = groupBy(graph.affiliatedWith, (row) => row.authorId);
    const labOrganization = new Map<number, string>();
    for (const author of graph.authors) {
      const rows = organizations.get(author.id)!;
      if (rows.length === 1) labOrganization.set(author.lab, rows[0]!.organizationId);
    }
    const movers = graph.authors.filter((author) => organizations.get(author.id)!.length === 2);
    expect(movers.length).toBeGreaterThan(20);
    let agree = 0;
    for (const mover of movers) {
      const rows = organizations.get(mover.id)!;
      const most = Math.max(...rows.map((row) => row.paperCount));
      const home = rows.find((row) => row.organizationId === labOrganization.get(mover.lab));
      if (home && home.paperCount === most) agree++;
    }
    // Most: a lab's organization is read from its settled members.
    expect(agree / movers.length).toBeGreaterThan(0.9);
  });

  it('rejects bad options', () => {
    expect(() => generateGraph({ authors: 0 })).toThrow(RangeError);
    expect(() => generateGraph({ authors: 10, prefix: 'Has:Colon' })).toThrow(RangeError);
    expect(generateGraph({ authors: 1 }).authors).toHaveLength(1);
  });
});

/**
 * AFFILIATED_WITH from first principles, as the importer sums up authorships: an author's
 * affiliation with an organization covers the papers (s)he wrote there (the organization on the
 * authorship), with their first and last year.
 */
function recomputeAffiliations(graph: SyntheticGraph) {
  const year = new Map(graph.papers.map((paper) => [paper.id, paper.year]));
  const rows = new Map<string, { authorId: string; organizationId: string; firstYear: number; lastYear: number; paperCount: number }>();
  for (const { authorId, paperId, organizationId } of graph.authored) {
    const key = `${authorId} ${organizationId}`;
    const y = year.get(paperId)!;
    const row = rows.get(key) ?? { authorId, organizationId, firstYear: y, lastYear: y, paperCount: 0 };
    rows.set(key, { ...row, firstYear: Math.min(row.firstYear, y), lastYear: Math.max(row.lastYear, y), paperCount: row.paperCount + 1 });
  }
  const number = (id: string) => Number(id.slice(id.lastIndexOf(':') + 1));
  return [...rows.values()].sort(
    (a, b) => number(a.authorId) - number(b.authorId) || number(a.organizationId) - number(b.organizationId),
  );
}
