import { cypher } from '../../db/cypher.js';
import type { Read } from '../../db/read.js';
import type { AuthorRow } from '../../repositories/authors.js';
import { authorsWithinLinkCap } from './graph-measures.js';
import { MAX_SUBGRAPH_AUTHORS, MAX_SUBGRAPH_LINKS, type Selection } from './selector.js';

/**
 * The two reads of a subgraph before it is measured: its authors, by the selector's own statement
 * (cypher/analytics/subgraph-<selector>.cypher), then the coauthor links among them
 * (subgraph-links), cut to the link cap. Each is one statement under the read's time limit.
 */

const queries = {
  authorIds: cypher('analytics/subgraph-authors'),
  egoOf: cypher('analytics/subgraph-ego'),
  organizationId: cypher('analytics/subgraph-organization'),
  topicId: cypher('analytics/subgraph-topic'),
  communityId: cypher('analytics/subgraph-community'),
  links: cypher('analytics/subgraph-links'),
};

export interface SelectedAuthor {
  authorId: string;
  paperCount: number;
  author: AuthorRow;
}

export interface SelectedGraph {
  /** In rank order: most papers first (an ego network: the centre, then by depth). */
  authors: SelectedAuthor[];
  /** [source, target, weight] by the authors' positions. */
  links: [number, number, number][];
  /** Authors were left out to stay within the caps. */
  truncated: boolean;
  /** What the selector names, when it names something. */
  title: string | null;
}

interface SelectionRow {
  authors: SelectedAuthor[];
  truncated: boolean;
  title: string | null;
}

/** The authors a selection picks and the links among them, within MAX_SUBGRAPH_AUTHORS and MAX_SUBGRAPH_LINKS. */
export async function readSubgraph(read: Read, selection: Selection, maxAuthorsPerPaper: number): Promise<SelectedGraph> {
  const years = { yearFrom: selection.yearFrom, yearTo: selection.yearTo };
  const [selected] = await read<SelectionRow>(queries[selection.kind], {
    ...years,
    maxAuthors: MAX_SUBGRAPH_AUTHORS,
    authorIds: selection.authorIds,
    authorId: selection.egoOf,
    depth: selection.depth,
    minSharedPapers: selection.minSharedPapers,
    maxAuthorsPerPaper,
    organizationId: selection.organizationId,
    topicId: selection.topicId,
    run: selection.community?.run ?? null,
    community: selection.community?.community ?? null,
  });
  let authors = selected?.authors ?? [];
  let truncated = selected?.truncated ?? false;

  let links: [number, number, number][] = [];
  if (authors.length > 1) {
    const [found] = await read<{ links: [string, string, number][] }>(queries.links, {
      ...years,
      authorIds: authors.map((author) => author.authorId),
      minSharedPapers: selection.minSharedPapers,
      maxAuthorsPerPaper,
    });
    const position = new Map(authors.map((author, i) => [author.authorId, i]));
    links = (found?.links ?? []).map(([source, target, weight]) => [position.get(source)!, position.get(target)!, weight]);
    const keep = authorsWithinLinkCap(authors.length, links, MAX_SUBGRAPH_LINKS);
    if (keep < authors.length) {
      authors = authors.slice(0, keep);
      links = links.filter(([source, target]) => source < keep && target < keep);
      truncated = true;
    }
  }
  return { authors, links, truncated, title: selected?.title ?? null };
}
