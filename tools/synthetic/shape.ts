/**
 * A deterministic synthetic scholarly graph, for integration tests and benchmarks. Pure: the
 * same options give the same rows, byte for byte, on any machine (one seeded PRNG, no clock).
 *
 * Authors work in labs of 15-30 that mostly write together (a lab head on most papers, last in
 * the byline), so coauthor networks cluster; a few papers bring in authors of other labs, which
 * joins the labs into one mostly connected graph with multi-hop paths. A lab belongs to one
 * organization; some authors move to a lab of another organization once, so they have two
 * affiliations over time. Every id starts with `${prefix}:` (the source: `source:synthetic-<prefix>`),
 * so several generated graphs and the seed can share a database.
 */

/** The shape of the graph. Exported so tests and reports can refer to it. */
export const SHAPE = {
  labSize: [15, 30],
  papersPerAuthor: 0.6,
  /** Weights of 1..8 authors per paper (mean 3.9; about 4.2 after every lab member gets a paper). */
  authorsPerPaper: [0.08, 0.16, 0.21, 0.2, 0.15, 0.1, 0.06, 0.04],
  /** Share of a lab's papers that carry its head (the lab's first paper always does). */
  labHeadShare: 0.75,
  /** Share of papers with 1 (70%) or 2 (30%) authors from another lab. */
  crossLabShare: 0.1,
  /** Of those guest labs, the share taken from the same organization when it has another lab. */
  sameOrganizationGuestShare: 0.5,
  /** Share of authors (not lab heads) who move once to a lab of another organization, by this year. */
  moverShare: 0.08,
  lastMoveYear: 2023,
  /** Share of authors who get the name of another author (of another lab). */
  duplicateNameShare: 0.01,
  authorsPerOrganization: 40,
  topicsPerLab: 3,
  /** Weights of 1..3 topics per paper. */
  topicsPerPaper: [0.35, 0.4, 0.25],
  /** Weights of 0..10 citations per paper (fewer when fewer older papers exist). */
  citesPerPaper: [0.08, 0.08, 0.1, 0.12, 0.12, 0.11, 0.1, 0.09, 0.08, 0.06, 0.06],
  years: [2000, 2025],
  /** Papers per year grow by this factor a year; a lab publishes from its start year on. */
  yearlyGrowth: 1.07,
  labStartYears: [2000, 2015],
  arxivShare: 0.45,
  codeShare: 0.35,
} as const;
