/**
 * The shape of a generated OpenAlex snapshot (README of the module: index.ts). Exported so tests
 * and reports can refer to it.
 */
export const SNAPSHOT_SHAPE = {
  /** Byline lengths: [min, max, weight]; mean about 4, a few in the thousands (1 in 100k works). */
  bylines: [
    [1, 1, 0.2], [2, 2, 0.22], [3, 3, 0.2], [4, 4, 0.14], [5, 5, 0.09], [6, 6, 0.05], [7, 10, 0.06], [11, 20, 0.03],
    [21, 50, 0.008], [51, 200, 0.0015], [201, 999, 0.0002], [1000, 3000, 0.00001],
  ] as readonly (readonly [number, number, number])[],
  /**
   * Productivity tiers: author index a is of tier min(trailing zero bits of a+1, maxTier), so
   * tier t holds 2^-(t+1) of the authors; each tier draws a share of the bylines' extra slots that
   * gives its authors about `growth` times the works of the tier below (a power law, P(works >= k)
   * ~ k^-1.2: most authors have 1-2 works, the top tier hundreds).
   */
  maxTier: 12,
  growth: 1.75,
  /** Authors of tier 0 are drawn from the work's community: a block of this many author indices. */
  communitySize: 128,
  /** Tier t >= 1 draws within ±2^(t + windowShift) indices of the work's centre: hubs span communities. */
  windowShift: 2,
  /** Share of extra byline slots that are name-only (no author id, only raw_author_name). */
  nameOnlyShare: 0.02,
  /** Of those, the share with `author: null` (the others have an author object of nulls). */
  nullAuthorShare: 0.3,
  /** Share of works whose every authorship is unnamed (no id, no name): the importer rejects them. */
  unnamedWorkShare: 0.0001,
  /** Share of authors in no authors part (their authorships still name them). */
  ghostAuthorShare: 0.003,
  orcidShare: 0.4,
  /** Share of identified authorships whose raw_author_name differs from display_name. */
  rawNameVariantShare: 0.25,
  secondInstitutionShare: 0.15,
  noInstitutionShare: 0.08,
  /** Authors of one block of this many indices mostly share an institution. */
  institutionBlock: 512,
  authorsPerInstitution: 400,
  correspondingShare: 0.7,
  doiShare: 0.88,
  /** One work in `arxivEvery` has an arXiv landing page. */
  arxivEvery: 12,
  abstractShare: 0.2,
  /** Works per topic area (the window that mostly shares a primary topic). */
  topicArea: 1024,
  years: [1980, 2025] as const,
  /** Works per year grow by this factor a year. */
  yearlyGrowth: 1.06,
  /** Mean references to earlier works of the corpus (0 for some). */
  referencesMean: 5,
  /** Of an update partition, new works per updated work. */
  newWorksShare: 0.1,
  titleFixShare: 0.1,
  bylineChangeShare: 0.05,
} as const;
