/**
 * Papers with more authors than this make no coauthor links (reads, subgraph analytics and the
 * whole-graph analytics job): a 10,000-author consortium byline would be a clique of 50 million
 * pairs. The papers themselves stay visible everywhere else. The server's setting is
 * MAX_AUTHORS_PER_PAPER (src/config.ts); this is its default.
 */
export const DEFAULT_MAX_AUTHORS_PER_PAPER = 100;
