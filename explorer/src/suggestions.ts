/**
 * Suggested collaborators (the API's `Author.suggestedCollaborators`): their reasons as a line
 * for a tooltip, and drawing a suggestion's path (the author, the strongest common coauthor if
 * any, the suggested person) into the network. No DOM here: panel.ts shows the list.
 */
import { addLink, addNode, besideOf, institutionOf, type Network } from './network.js';

interface Named {
  id: string;
  name: string;
}

/** One author of a suggestion's path, with what the drawing needs of a node. */
export interface PathAuthor extends Named {
  metrics: { paperCount: number };
  affiliations: { organization: { id: string; name: string; parent?: Named | null } | null }[];
}

export interface SuggestionReasons {
  commonCoauthors: Named[];
  commonCoauthorCount: number;
  sharedTopics: { code?: string | null; name: string }[];
  sharedKeywords: string[];
  sharedOrganizations: Named[];
  /** Coauthor hops between the two: 2 through a common coauthor, null when further apart. */
  pathLength: number | null;
  /** The suggested person's papers in the two years up to the ranking's year. */
  recentPapers: number;
  summary: string;
}

export interface SuggestionView {
  author: Named;
  score: number;
  path: PathAuthor[];
  reasons: SuggestionReasons;
}

const list = (names: string[], total = names.length) => names.join(', ') + (total > names.length ? ` and ${total - names.length} more` : '');

/**
 * The reasons, one per line, for a title (tooltip): the API's summary first, then each kind of
 * evidence it has, named (which coauthors, topics, keywords, organizations), then the path length
 * and the recent papers.
 */
export function reasonsTitle({ reasons, score }: Pick<SuggestionView, 'reasons' | 'score'>): string {
  const lines = [reasons.summary];
  if (reasons.commonCoauthorCount > 0) {
    lines.push(`Coauthors in common (${reasons.commonCoauthorCount}): ${list(reasons.commonCoauthors.map((author) => author.name), reasons.commonCoauthorCount)}`);
  }
  if (reasons.sharedTopics.length) lines.push(`Topics in common: ${list(reasons.sharedTopics.map((topic) => (topic.code ? `${topic.code} (${topic.name})` : topic.name)))}`);
  if (reasons.sharedKeywords.length) lines.push(`Keywords in common: ${list(reasons.sharedKeywords)}`);
  if (reasons.sharedOrganizations.length) lines.push(`Organizations in common: ${list(reasons.sharedOrganizations.map((organization) => organization.name))}`);
  lines.push(reasons.pathLength == null ? 'More than 2 coauthor hops apart' : `${reasons.pathLength} coauthor hops apart`);
  lines.push(`${reasons.recentPapers} recent ${reasons.recentPapers === 1 ? 'paper' : 'papers'} (the last two years)`);
  lines.push(`Score ${score.toFixed(2)} of 1`);
  return lines.join('\n');
}

/** Shared papers of each hop of a path, in order: hops[i] links path[i] and path[i + 1]. */
export type HopWeights = number[];

/**
 * Adds a suggestion's path to the drawing: its authors not drawn yet join beside the one before
 * them, and each hop that is a coauthorship (a positive weight) becomes a link if it is not one
 * already. A path of two (no common coauthor) gets no link: the two have not written together.
 * Returns the path's nodes and links, to highlight.
 */
export function addSuggestionPath(graph: Network, path: PathAuthor[], weights: HopWeights): { nodes: Set<string>; edges: Set<string> } {
  path.forEach((author, index) => {
    if (graph.hasNode(author.id)) return;
    addNode(graph, author.id, {
      kind: 'author',
      label: author.name,
      paperCount: author.metrics.paperCount,
      organization: institutionOf(author.affiliations.find((affiliation) => affiliation.organization)?.organization ?? null),
      at: besideOf(graph, path[index - 1]?.id ?? null),
    });
  });
  const edges = new Set<string>();
  for (let i = 0; i + 1 < path.length; i++) {
    const [a, b] = [path[i]!.id, path[i + 1]!.id];
    const weight = weights[i] ?? 0;
    if (!graph.hasEdge(a, b) && weight > 0) addLink(graph, a, b, { sharedPaperCount: weight, firstYear: null, lastYear: null });
    for (const edge of graph.edges(a, b)) edges.add(edge);
  }
  return { nodes: new Set(path.map((author) => author.id)), edges };
}
