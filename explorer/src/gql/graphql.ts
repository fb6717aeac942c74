/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
export type SearchAuthorsQueryVariables = Exact<{
  search: string;
  first?: number | null | undefined;
}>;


export type SearchAuthorsQuery = { authors: { edges: Array<{ node: { id: string, name: string, metrics: { paperCount: number } } }> } };

export type CoauthorNetworkQueryVariables = Exact<{
  id: string | number;
  depth?: number | null | undefined;
  maxNodes?: number | null | undefined;
  minSharedPapers?: number | null | undefined;
  yearFrom?: number | null | undefined;
  yearTo?: number | null | undefined;
}>;


export type CoauthorNetworkQuery = { author: { id: string, name: string, egoNetwork: { nodesTruncated: boolean, edgesTruncated: boolean, nodes: Array<{ id: string, depth: number, author: { name: string, metrics: { paperCount: number }, affiliations: Array<{ organization: { id: string, name: string, parent: { id: string, name: string } | null } | null }>, analytics: { communityNumber: number, community: { id: string, size: number, topAuthors: Array<{ name: string }> } | null } | null } | null }>, edges: Array<{ source: string, target: string, sharedPaperCount: number, firstYear: number | null, lastYear: number | null }> } } | null };

export type AuthorDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type AuthorDetailsQuery = { author: { id: string, name: string, orcid: string | null, metrics: { paperCount: number, citationCount: number, hIndex: number, firstYear: number | null, lastYear: number | null }, reported: Array<{ hIndex: number | null, citationCount: number | null, paperCount: number | null, source: { id: string, name: string, kind: string } | null }>, affiliations: Array<{ paperCount: number, firstYear: number | null, lastYear: number | null, organization: { id: string, name: string, parent: { id: string, name: string } | null } | null }>, topics: Array<{ paperCount: number, topic: { code: string | null, name: string } | null }>, papers: { totalCount: number, edges: Array<{ node: { id: string, title: string, year: number, venue: string | null, url: string | null } }> }, analytics: { communityNumber: number, pageRank: number, betweenness: number, coreNumber: number, clustering: number, community: { id: string, size: number, topAuthors: Array<{ name: string }> } | null } | null } | null };

export type AuthorSuggestionsQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
}>;


export type AuthorSuggestionsQuery = { author: { id: string, suggestedCollaborators: { candidatesTruncated: boolean, suggestions: Array<{ score: number, author: { id: string, name: string }, path: Array<{ id: string, name: string, metrics: { paperCount: number }, affiliations: Array<{ organization: { id: string, name: string, parent: { id: string, name: string } | null } | null }> }>, reasons: { commonCoauthorCount: number, sharedKeywords: Array<string>, pathLength: number | null, recentPapers: number, summary: string, commonCoauthors: Array<{ id: string, name: string }>, sharedTopics: Array<{ code: string | null, name: string }>, sharedOrganizations: Array<{ id: string, name: string }> } }> } } | null };

export type SharedPapersQueryVariables = Exact<{
  author: string | number;
  coauthor: string | number;
  first?: number | null | undefined;
}>;


export type SharedPapersQuery = { author: { name: string, papers: { totalCount: number, edges: Array<{ node: { id: string, title: string, year: number, venue: string | null, url: string | null } }> } } | null, coauthor:
    | { name: string }
    | Record<PropertyKey, never>
   | null };

export type CollaborationPathQueryVariables = Exact<{
  from: string | number;
  to: string | number;
  maxHops?: number | null | undefined;
}>;


export type CollaborationPathQuery = { collaborationPath: { length: number, authors: Array<{ id: string, name: string, metrics: { paperCount: number } }>, hops: Array<{ paperCount: number, from: { id: string, name: string } | null, to: { id: string, name: string } | null, papers: Array<{ id: string, title: string, year: number }> }> } | null };

export type SearchOrganizationsQueryVariables = Exact<{
  search: string;
  first?: number | null | undefined;
}>;


export type SearchOrganizationsQuery = { organizations: { edges: Array<{ node: { id: string, name: string, parent: { name: string } | null, papers: { totalCount: number } } }> } };

export type OrganizationNetworkQueryVariables = Exact<{
  id: string | number;
  first?: number | null | undefined;
  includeSubUnits?: boolean | null | undefined;
}>;


export type OrganizationNetworkQuery = { organization: { id: string, name: string, city: string | null, country: string | null, parent: { id: string, name: string } | null, subUnits: { totalCount: number, edges: Array<{ node: { id: string, name: string, papers: { totalCount: number } } }> }, papers: { totalCount: number }, collaborators: { totalCount: number, edges: Array<{ sharedPaperCount: number, firstYear: number | null, lastYear: number | null, node: { id: string, name: string, papers: { totalCount: number } } }> } } | null };

export type OrganizationLinkQueryVariables = Exact<{
  organization: string | number;
  other: string | number;
  first?: number | null | undefined;
}>;


export type OrganizationLinkQuery = { organization: { name: string, papers: { totalCount: number, edges: Array<{ node: { id: string, title: string, year: number, authors: Array<{ id: string, name: string }> } }> } } | null, other:
    | { name: string }
    | Record<PropertyKey, never>
   | null };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SearchAuthorsDocument = new TypedDocumentString(`
    query SearchAuthors($search: String!, $first: Int = 8) {
  authors(search: $search, first: $first) {
    edges {
      node {
        id
        name
        metrics {
          paperCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchAuthorsQuery, SearchAuthorsQueryVariables>;
export const CoauthorNetworkDocument = new TypedDocumentString(`
    query CoauthorNetwork($id: ID!, $depth: Int = 1, $maxNodes: Int = 200, $minSharedPapers: Int = 1, $yearFrom: Int, $yearTo: Int) {
  author(id: $id) {
    id
    name
    egoNetwork(
      depth: $depth
      maxNodes: $maxNodes
      minSharedPapers: $minSharedPapers
      yearFrom: $yearFrom
      yearTo: $yearTo
    ) {
      nodesTruncated
      edgesTruncated
      nodes {
        id
        depth
        author {
          name
          metrics {
            paperCount
          }
          affiliations {
            organization {
              id
              name
              parent {
                id
                name
              }
            }
          }
          analytics {
            communityNumber
            community {
              id
              size
              topAuthors(first: 1) {
                name
              }
            }
          }
        }
      }
      edges {
        source
        target
        sharedPaperCount
        firstYear
        lastYear
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoauthorNetworkQuery, CoauthorNetworkQueryVariables>;
export const AuthorDetailsDocument = new TypedDocumentString(`
    query AuthorDetails($id: ID!) {
  author(id: $id) {
    id
    name
    orcid
    metrics {
      paperCount
      citationCount
      hIndex
      firstYear
      lastYear
    }
    reported {
      source {
        id
        name
        kind
      }
      hIndex
      citationCount
      paperCount
    }
    affiliations {
      paperCount
      firstYear
      lastYear
      organization {
        id
        name
        parent {
          id
          name
        }
      }
    }
    topics {
      paperCount
      topic {
        code
        name
      }
    }
    papers(first: 5) {
      totalCount
      edges {
        node {
          id
          title
          year
          venue
          url
        }
      }
    }
    analytics {
      communityNumber
      pageRank
      betweenness
      coreNumber
      clustering
      community {
        id
        size
        topAuthors(first: 1) {
          name
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthorDetailsQuery, AuthorDetailsQueryVariables>;
export const AuthorSuggestionsDocument = new TypedDocumentString(`
    query AuthorSuggestions($id: ID!, $first: Int = 10) {
  author(id: $id) {
    id
    suggestedCollaborators(first: $first) {
      candidatesTruncated
      suggestions {
        score
        author {
          id
          name
        }
        path {
          id
          name
          metrics {
            paperCount
          }
          affiliations {
            organization {
              id
              name
              parent {
                id
                name
              }
            }
          }
        }
        reasons {
          commonCoauthors {
            id
            name
          }
          commonCoauthorCount
          sharedTopics {
            code
            name
          }
          sharedKeywords
          sharedOrganizations {
            id
            name
          }
          pathLength
          recentPapers
          summary
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<AuthorSuggestionsQuery, AuthorSuggestionsQueryVariables>;
export const SharedPapersDocument = new TypedDocumentString(`
    query SharedPapers($author: ID!, $coauthor: ID!, $first: Int = 20) {
  author(id: $author) {
    name
    papers(sharedWith: [$coauthor], first: $first) {
      totalCount
      edges {
        node {
          id
          title
          year
          venue
          url
        }
      }
    }
  }
  coauthor: node(id: $coauthor) {
    ... on Author {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<SharedPapersQuery, SharedPapersQueryVariables>;
export const CollaborationPathDocument = new TypedDocumentString(`
    query CollaborationPath($from: ID!, $to: ID!, $maxHops: Int = 6) {
  collaborationPath(from: $from, to: $to, maxHops: $maxHops) {
    length
    authors {
      id
      name
      metrics {
        paperCount
      }
    }
    hops {
      from {
        id
        name
      }
      to {
        id
        name
      }
      paperCount
      papers {
        id
        title
        year
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CollaborationPathQuery, CollaborationPathQueryVariables>;
export const SearchOrganizationsDocument = new TypedDocumentString(`
    query SearchOrganizations($search: String!, $first: Int = 8) {
  organizations(search: $search, first: $first) {
    edges {
      node {
        id
        name
        parent {
          name
        }
        papers(first: 1) {
          totalCount
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<SearchOrganizationsQuery, SearchOrganizationsQueryVariables>;
export const OrganizationNetworkDocument = new TypedDocumentString(`
    query OrganizationNetwork($id: ID!, $first: Int = 50, $includeSubUnits: Boolean = true) {
  organization(id: $id) {
    id
    name
    city
    country
    parent {
      id
      name
    }
    subUnits(first: 50) {
      totalCount
      edges {
        node {
          id
          name
          papers(first: 1, includeSubUnits: true) {
            totalCount
          }
        }
      }
    }
    papers(first: 1, includeSubUnits: $includeSubUnits) {
      totalCount
    }
    collaborators(first: $first, includeSubUnits: $includeSubUnits) {
      totalCount
      edges {
        sharedPaperCount
        firstYear
        lastYear
        node {
          id
          name
          papers(first: 1) {
            totalCount
          }
        }
      }
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationNetworkQuery, OrganizationNetworkQueryVariables>;
export const OrganizationLinkDocument = new TypedDocumentString(`
    query OrganizationLink($organization: ID!, $other: ID!, $first: Int = 20) {
  organization(id: $organization) {
    name
    papers(sharedWith: [$other], first: $first) {
      totalCount
      edges {
        node {
          id
          title
          year
          authors {
            id
            name
          }
        }
      }
    }
  }
  other: node(id: $other) {
    ... on Organization {
      name
    }
  }
}
    `) as unknown as TypedDocumentString<OrganizationLinkQuery, OrganizationLinkQueryVariables>;