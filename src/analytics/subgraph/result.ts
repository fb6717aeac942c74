import type { AuthorRow } from '../../repositories/authors.js';
import { modularity, type Measures } from './graph-measures.js';
import type { SelectedGraph } from './read.js';
import type { Selection } from './selector.js';

/** A measured subgraph as the API gives it: authors by id with their measures, links by author ids. */

export interface SubgraphNode {
  authorId: string;
  /** The author's row, read with the selection. */
  author: AuthorRow;
  /** The author's papers in the years (all of them, whatever their byline's length). */
  paperCount: number;
  /** The author's community in this subgraph: 0 is the largest, then by size, then by rank. */
  community: number;
  /** GDS's PageRank, not normalized: scores sum to about the number of linked authors. */
  pageRank: number;
  /** Shortest paths between other authors through this one, networkx's undirected convention. */
  betweenness: number;
  coreNumber: number;
  clustering: number;
}

export interface SubgraphLink {
  /** Author ids, the lower first. */
  source: string;
  target: string;
  /** Shared papers in the years. */
  weight: number;
}

export interface SubgraphAnalytics {
  selection: Selection;
  /** What the selector names, when it names something: the ego's, organization's or topic's name. */
  title: string | null;
  authorCount: number;
  linkCount: number;
  /** Authors (and with them their links) were left out to stay within the caps. */
  truncated: boolean;
  communityCount: number;
  /** Of the Leiden partition, weighted by shared papers; null without links. */
  modularity: number | null;
  /** In the selection's order: most papers first (an ego network: the centre, then by depth). */
  nodes: SubgraphNode[];
  /** Strongest first, then by ids. */
  links: SubgraphLink[];
}

export function subgraphResult(selection: Selection, { authors, links, truncated, title }: SelectedGraph, measures: Measures): SubgraphAnalytics {
  const nodes = authors.map((author, i) => ({
    ...author,
    community: measures.community[i]!,
    pageRank: measures.pageRank[i]!,
    betweenness: measures.betweenness[i]!,
    coreNumber: measures.coreNumber[i]!,
    clustering: measures.clustering[i]!,
  }));
  return {
    selection,
    title,
    authorCount: nodes.length,
    linkCount: links.length,
    truncated,
    communityCount: new Set(measures.community).size,
    modularity: modularity(links, measures.community),
    nodes,
    links: links
      .map(([source, target, weight]) => ({ source: authors[source]!.authorId, target: authors[target]!.authorId, weight }))
      .sort((a, b) => b.weight - a.weight || compare(a.source, b.source) || compare(a.target, b.target)),
  };
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
