/**
 * The explorer's GraphQL operations: named, self-contained documents that any client could copy.
 * The page talks to the server through these alone (the public API, nothing private).
 *
 * `graphql()` is GraphQL Code Generator's (explorer/src/gql/, written by `npm run operations:persist`
 * from these texts and schema/schema.graphql): each call returns the document with its result and
 * variables types, so `request()` answers typed data. Change a document, then run that command.
 */
import { graphql } from './gql/index.js';

export const SearchAuthors = graphql(`
query SearchAuthors($search: String!, $first: Int = 8) {
  authors(search: $search, first: $first) {
    edges { node { id name metrics { paperCount } } }
  }
}`);

/**
 * One level of coauthors around an author, with what the drawing needs of each node: for colouring
 * by community, its number and who names it (the first of `topAuthors`, highest PageRank first).
 */
export const CoauthorNetwork = graphql(`
query CoauthorNetwork($id: ID!, $depth: Int = 1, $maxNodes: Int = 200, $minSharedPapers: Int = 1, $yearFrom: Int, $yearTo: Int) {
  author(id: $id) {
    id
    name
    egoNetwork(depth: $depth, maxNodes: $maxNodes, minSharedPapers: $minSharedPapers, yearFrom: $yearFrom, yearTo: $yearTo) {
      nodesTruncated
      edgesTruncated
      nodes {
        id
        depth
        author {
          name
          metrics { paperCount }
          affiliations { organization { id name parent { id name } } }
          analytics { communityNumber community { id size topAuthors(first: 1) { name } } }
        }
      }
      edges { source target sharedPaperCount firstYear lastYear }
    }
  }
}`);

/**
 * An author's panel. `metrics` are computed from this graph; `reported` is what sources (a
 * profile, OpenAlex) said, as they said it: the panel shows both, each labelled.
 */
export const AuthorDetails = graphql(`
query AuthorDetails($id: ID!) {
  author(id: $id) {
    id
    name
    orcid
    metrics { paperCount citationCount hIndex firstYear lastYear }
    reported { source { id name kind } hIndex citationCount paperCount }
    affiliations { paperCount firstYear lastYear organization { id name parent { id name } } }
    topics { paperCount topic { code name } }
    papers(first: 5) { totalCount edges { node { id title year venue url } } }
    analytics { communityNumber pageRank betweenness coreNumber clustering community { id size topAuthors(first: 1) { name } } }
  }
}`);

/**
 * People the author has not written with, strongest first, with the reasons as data (the page
 * shows `summary` and puts the rest in a tooltip) and the path a click draws, each path author
 * with what a drawn node needs.
 */
export const AuthorSuggestions = graphql(`
query AuthorSuggestions($id: ID!, $first: Int = 10) {
  author(id: $id) {
    id
    suggestedCollaborators(first: $first) {
      candidatesTruncated
      suggestions {
        score
        author { id name }
        path { id name metrics { paperCount } affiliations { organization { id name parent { id name } } } }
        reasons {
          commonCoauthors { id name }
          commonCoauthorCount
          sharedTopics { code name }
          sharedKeywords
          sharedOrganizations { id name }
          pathLength
          recentPapers
          summary
        }
      }
    }
  }
}`);

export const SharedPapers = graphql(`
query SharedPapers($author: ID!, $coauthor: ID!, $first: Int = 20) {
  author(id: $author) {
    name
    papers(sharedWith: [$coauthor], first: $first) {
      totalCount
      edges { node { id title year venue url } }
    }
  }
  coauthor: node(id: $coauthor) { ... on Author { name } }
}`);

export const CollaborationPath = graphql(`
query CollaborationPath($from: ID!, $to: ID!, $maxHops: Int = 6) {
  collaborationPath(from: $from, to: $to, maxHops: $maxHops) {
    length
    authors { id name metrics { paperCount } }
    hops { from { id name } to { id name } paperCount papers { id title year } }
  }
}`);

export const SearchOrganizations = graphql(`
query SearchOrganizations($search: String!, $first: Int = 8) {
  organizations(search: $search, first: $first) {
    edges { node { id name parent { name } papers(first: 1) { totalCount } } }
  }
}`);

/**
 * An organization and the organizations on the same papers, strongest links first; with
 * `includeSubUnits` (the default) an institution's departments and labs count as the institution.
 * Its units are listed for the panel, where the reader opens them on demand.
 */
export const OrganizationNetwork = graphql(`
query OrganizationNetwork($id: ID!, $first: Int = 50, $includeSubUnits: Boolean = true) {
  organization(id: $id) {
    id
    name
    city
    country
    parent { id name }
    subUnits(first: 50) { totalCount edges { node { id name papers(first: 1, includeSubUnits: true) { totalCount } } } }
    papers(first: 1, includeSubUnits: $includeSubUnits) { totalCount }
    collaborators(first: $first, includeSubUnits: $includeSubUnits) {
      totalCount
      edges { sharedPaperCount firstYear lastYear node { id name papers(first: 1) { totalCount } } }
    }
  }
}`);

/** The papers behind an organization-to-organization link, with their authors. */
export const OrganizationLink = graphql(`
query OrganizationLink($organization: ID!, $other: ID!, $first: Int = 20) {
  organization(id: $organization) {
    name
    papers(sharedWith: [$other], first: $first) {
      totalCount
      edges { node { id title year authors { id name } } }
    }
  }
  other: node(id: $other) { ... on Organization { name } }
}`);
