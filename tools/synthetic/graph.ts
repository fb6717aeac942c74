/** What a generated graph is: its rows, as generateGraph (generate.ts) returns them. */

export interface GenerateOptions {
  authors: number;
  prefix?: string;
  seed?: number;
}

export interface SyntheticSource { id: string; kind: string; name: string }
export interface SyntheticTopic { id: string; code: string; name: string; scheme: string }
export interface SyntheticOrganization { id: string; name: string; nameKey: string; ror: string; country: string }
export interface SyntheticAuthor {
  id: string;
  name: string;
  nameKey: string;
  /**
   * The planted community: the number (1-based, as in a paper's codeUrl `lab-N`) of the lab the
   * author wrote most papers in, counting each paper for the lab the author was at that year (a
   * guest on another lab's paper counts it for his own lab). Only movers can have two; a tie goes
   * to the lab moved to. Not written to the graph: it is the truth that community detection is checked against.
   */
  lab: number;
}
export interface SyntheticPaper {
  id: string;
  title: string;
  titleKey: string;
  year: number;
  /** ISO date, YYYY-MM-DD. */
  publishedOn: string;
  venue: string;
  abstract: string;
  doi: string;
  arxivId: string | null;
  url: string;
  codeUrl: string | null;
  /** Made up, unique per graph: what the importer links citations by (a record's references). */
  openalexId: string;
  /** In-graph citations plus citations from outside the graph: never fewer than the CITES in. */
  citationCount: number;
  authorListComplete: boolean;
}
export interface SyntheticAuthored {
  authorId: string;
  paperId: string;
  /** 1-based byline position. */
  position: number;
  /** The author's organization that year (the authorship's organization in the graph). */
  organizationId: string;
}
export interface SyntheticAffiliation { authorId: string; organizationId: string; firstYear: number; lastYear: number; paperCount: number }
export interface SyntheticFromOrganization { paperId: string; organizationId: string }
export interface SyntheticHasTopic { paperId: string; topicId: string; score: number }
export interface SyntheticCites { citingId: string; citedId: string }

export interface SyntheticGraph {
  source: SyntheticSource;
  topics: SyntheticTopic[];
  organizations: SyntheticOrganization[];
  authors: SyntheticAuthor[];
  papers: SyntheticPaper[];
  authored: SyntheticAuthored[];
  /**
   * Per author and organization (s)he worked at: the papers (s)he wrote there (the organization
   * on the authorship), counted, with their first and last year. Not written: it is what the
   * importer's summaries (cypher/import/refresh-authors.cypher) make of the authorships, the
   * truth that AFFILIATED_WITH is checked against.
   */
  affiliatedWith: SyntheticAffiliation[];
  fromOrganization: SyntheticFromOrganization[];
  hasTopic: SyntheticHasTopic[];
  cites: SyntheticCites[];
}
