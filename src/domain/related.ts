/**
 * How related papers (`Paper.related`, `Author.suggestedPapers`) are weighed: each thing a
 * candidate has in common with the paper or author adds its weight, candidates are ranked by the
 * sum (then by id, so every replica and the response cache give one order), and the score is the
 * sum squashed into 0..1. The weights are sent to the Cypher that ranks (cypher/read/related/),
 * so the order and the score come from one table.
 */
export const RELATED_WEIGHTS = {
  /** An author of the paper who also wrote the candidate. */
  author: 3,
  /** A coauthor of the author who wrote the candidate (Author.suggestedPapers). */
  coauthor: 3,
  /** One paper cites the other. */
  citation: 2,
  /** A keyword both carry (Topic of scheme `keyword`). */
  keyword: 1,
  /** A paper both cite, or a paper that cites both. */
  citationInCommon: 1,
  /** Any other topic both carry (an arXiv category, an OpenAlex topic): broad, so it weighs less. */
  topic: 0.5,
} as const;

/** The summed weight at which the score is 0.5: one shared author, or one coauthor. */
export const SCORE_HALF_WEIGHT = 3;

/**
 * A topic, keyword or paper linked to more papers than this (carrying it, citing it or cited by
 * it) relates none of them: "cs.LG" or a survey cited by thousands says little about any one,
 * and walking them would cost every query. They are counted in `skippedHubs`.
 */
export const DEFAULT_MAX_PAPERS_PER_HUB = 1_000;

/** Coauthors walked per author (suggested papers) and per side (bridges), strongest first, as an ego network's nodes are capped. */
export const MAX_RELATED_NEIGHBOURS = 200;

/** How many of an author's topics and keywords (most papers first) look for papers. */
export const MAX_AUTHOR_TOPICS = 20;

/** How many names a reason lists (its count says how many there are). */
export const MAX_REASON_ITEMS = 5;

/** The score of a summed weight: w / (w + SCORE_HALF_WEIGHT), 0 for nothing in common, below 1. */
export const scoreOfWeight = (weight: number) => (weight > 0 ? weight / (weight + SCORE_HALF_WEIGHT) : 0);

/** A few names as people write them: "A", "A and B", "A, B and 3 others". */
export function nameList(names: readonly string[], total = names.length, shown = 2): string {
  const listed = names.slice(0, shown);
  const others = total - listed.length;
  if (others <= 0) return listed.length <= 1 ? (listed[0] ?? '') : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
  return `${listed.join(', ')} and ${others} other${others === 1 ? '' : 's'}`;
}

/** "1 coauthor", "3 coauthors": a count with its noun, plural when it is not one. */
export const counted = (count: number, one: string, many = `${one}s`) => `${count} ${count === 1 ? one : many}`;

/** What a related paper has in common, counted: the input of its one-line summary. */
export interface RelatedFacts {
  sharedAuthors: { names: string[]; count: number };
  viaCoauthors: { names: string[]; count: number };
  sharedTopics: string[];
  sharedKeywords: string[];
  cites: boolean;
  citedBy: boolean;
  referencesInCommon: number;
  citersInCommon: number;
}

/** One line for people, strongest reason first: "2 authors in common (A and B); cites it; 1 keyword in common (graph neural networks)". */
export function relatedSummary(facts: RelatedFacts): string {
  const parts: string[] = [];
  if (facts.sharedAuthors.count > 0) parts.push(`${counted(facts.sharedAuthors.count, 'author')} in common (${nameList(facts.sharedAuthors.names, facts.sharedAuthors.count)})`);
  if (facts.viaCoauthors.count > 0) parts.push(`by ${counted(facts.viaCoauthors.count, 'coauthor')} (${nameList(facts.viaCoauthors.names, facts.viaCoauthors.count)})`);
  if (facts.cites && facts.citedBy) parts.push('they cite each other');
  else if (facts.cites) parts.push('cited by this paper');
  else if (facts.citedBy) parts.push('cites this paper');
  if (facts.sharedKeywords.length > 0) parts.push(`${counted(facts.sharedKeywords.length, 'keyword')} in common (${nameList(facts.sharedKeywords)})`);
  if (facts.referencesInCommon > 0) parts.push(`${counted(facts.referencesInCommon, 'reference')} in common`);
  if (facts.citersInCommon > 0) parts.push(`cited together by ${counted(facts.citersInCommon, 'paper')}`);
  if (facts.sharedTopics.length > 0) parts.push(`${counted(facts.sharedTopics.length, 'topic')} in common (${nameList(facts.sharedTopics)})`);
  return parts.join('; ');
}
