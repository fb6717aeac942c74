/* eslint-disable */
import * as types from './graphql.js';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\nquery SearchAuthors($search: String!, $first: Int = 8) {\n  authors(search: $search, first: $first) {\n    edges { node { id name metrics { paperCount } } }\n  }\n}": typeof types.SearchAuthorsDocument,
    "\nquery CoauthorNetwork($id: ID!, $depth: Int = 1, $maxNodes: Int = 200, $minSharedPapers: Int = 1, $yearFrom: Int, $yearTo: Int) {\n  author(id: $id) {\n    id\n    name\n    egoNetwork(depth: $depth, maxNodes: $maxNodes, minSharedPapers: $minSharedPapers, yearFrom: $yearFrom, yearTo: $yearTo) {\n      nodesTruncated\n      edgesTruncated\n      nodes {\n        id\n        depth\n        author {\n          name\n          metrics { paperCount }\n          affiliations { organization { id name parent { id name } } }\n          analytics { communityNumber community { id size topAuthors(first: 1) { name } } }\n        }\n      }\n      edges { source target sharedPaperCount firstYear lastYear }\n    }\n  }\n}": typeof types.CoauthorNetworkDocument,
    "\nquery AuthorDetails($id: ID!) {\n  author(id: $id) {\n    id\n    name\n    orcid\n    metrics { paperCount citationCount hIndex firstYear lastYear }\n    reported { source { id name kind } hIndex citationCount paperCount }\n    affiliations { paperCount firstYear lastYear organization { id name parent { id name } } }\n    topics { paperCount topic { code name } }\n    papers(first: 5) { totalCount edges { node { id title year venue url } } }\n    analytics { communityNumber pageRank betweenness coreNumber clustering community { id size topAuthors(first: 1) { name } } }\n  }\n}": typeof types.AuthorDetailsDocument,
    "\nquery AuthorSuggestions($id: ID!, $first: Int = 10) {\n  author(id: $id) {\n    id\n    suggestedCollaborators(first: $first) {\n      candidatesTruncated\n      suggestions {\n        score\n        author { id name }\n        path { id name metrics { paperCount } affiliations { organization { id name parent { id name } } } }\n        reasons {\n          commonCoauthors { id name }\n          commonCoauthorCount\n          sharedTopics { code name }\n          sharedKeywords\n          sharedOrganizations { id name }\n          pathLength\n          recentPapers\n          summary\n        }\n      }\n    }\n  }\n}": typeof types.AuthorSuggestionsDocument,
    "\nquery SharedPapers($author: ID!, $coauthor: ID!, $first: Int = 20) {\n  author(id: $author) {\n    name\n    papers(sharedWith: [$coauthor], first: $first) {\n      totalCount\n      edges { node { id title year venue url } }\n    }\n  }\n  coauthor: node(id: $coauthor) { ... on Author { name } }\n}": typeof types.SharedPapersDocument,
    "\nquery CollaborationPath($from: ID!, $to: ID!, $maxHops: Int = 6) {\n  collaborationPath(from: $from, to: $to, maxHops: $maxHops) {\n    length\n    authors { id name metrics { paperCount } }\n    hops { from { id name } to { id name } paperCount papers { id title year } }\n  }\n}": typeof types.CollaborationPathDocument,
    "\nquery SearchOrganizations($search: String!, $first: Int = 8) {\n  organizations(search: $search, first: $first) {\n    edges { node { id name parent { name } papers(first: 1) { totalCount } } }\n  }\n}": typeof types.SearchOrganizationsDocument,
    "\nquery OrganizationNetwork($id: ID!, $first: Int = 50, $includeSubUnits: Boolean = true) {\n  organization(id: $id) {\n    id\n    name\n    city\n    country\n    parent { id name }\n    subUnits(first: 50) { totalCount edges { node { id name papers(first: 1, includeSubUnits: true) { totalCount } } } }\n    papers(first: 1, includeSubUnits: $includeSubUnits) { totalCount }\n    collaborators(first: $first, includeSubUnits: $includeSubUnits) {\n      totalCount\n      edges { sharedPaperCount firstYear lastYear node { id name papers(first: 1) { totalCount } } }\n    }\n  }\n}": typeof types.OrganizationNetworkDocument,
    "\nquery OrganizationLink($organization: ID!, $other: ID!, $first: Int = 20) {\n  organization(id: $organization) {\n    name\n    papers(sharedWith: [$other], first: $first) {\n      totalCount\n      edges { node { id title year authors { id name } } }\n    }\n  }\n  other: node(id: $other) { ... on Organization { name } }\n}": typeof types.OrganizationLinkDocument,
};
const documents: Documents = {
    "\nquery SearchAuthors($search: String!, $first: Int = 8) {\n  authors(search: $search, first: $first) {\n    edges { node { id name metrics { paperCount } } }\n  }\n}": types.SearchAuthorsDocument,
    "\nquery CoauthorNetwork($id: ID!, $depth: Int = 1, $maxNodes: Int = 200, $minSharedPapers: Int = 1, $yearFrom: Int, $yearTo: Int) {\n  author(id: $id) {\n    id\n    name\n    egoNetwork(depth: $depth, maxNodes: $maxNodes, minSharedPapers: $minSharedPapers, yearFrom: $yearFrom, yearTo: $yearTo) {\n      nodesTruncated\n      edgesTruncated\n      nodes {\n        id\n        depth\n        author {\n          name\n          metrics { paperCount }\n          affiliations { organization { id name parent { id name } } }\n          analytics { communityNumber community { id size topAuthors(first: 1) { name } } }\n        }\n      }\n      edges { source target sharedPaperCount firstYear lastYear }\n    }\n  }\n}": types.CoauthorNetworkDocument,
    "\nquery AuthorDetails($id: ID!) {\n  author(id: $id) {\n    id\n    name\n    orcid\n    metrics { paperCount citationCount hIndex firstYear lastYear }\n    reported { source { id name kind } hIndex citationCount paperCount }\n    affiliations { paperCount firstYear lastYear organization { id name parent { id name } } }\n    topics { paperCount topic { code name } }\n    papers(first: 5) { totalCount edges { node { id title year venue url } } }\n    analytics { communityNumber pageRank betweenness coreNumber clustering community { id size topAuthors(first: 1) { name } } }\n  }\n}": types.AuthorDetailsDocument,
    "\nquery AuthorSuggestions($id: ID!, $first: Int = 10) {\n  author(id: $id) {\n    id\n    suggestedCollaborators(first: $first) {\n      candidatesTruncated\n      suggestions {\n        score\n        author { id name }\n        path { id name metrics { paperCount } affiliations { organization { id name parent { id name } } } }\n        reasons {\n          commonCoauthors { id name }\n          commonCoauthorCount\n          sharedTopics { code name }\n          sharedKeywords\n          sharedOrganizations { id name }\n          pathLength\n          recentPapers\n          summary\n        }\n      }\n    }\n  }\n}": types.AuthorSuggestionsDocument,
    "\nquery SharedPapers($author: ID!, $coauthor: ID!, $first: Int = 20) {\n  author(id: $author) {\n    name\n    papers(sharedWith: [$coauthor], first: $first) {\n      totalCount\n      edges { node { id title year venue url } }\n    }\n  }\n  coauthor: node(id: $coauthor) { ... on Author { name } }\n}": types.SharedPapersDocument,
    "\nquery CollaborationPath($from: ID!, $to: ID!, $maxHops: Int = 6) {\n  collaborationPath(from: $from, to: $to, maxHops: $maxHops) {\n    length\n    authors { id name metrics { paperCount } }\n    hops { from { id name } to { id name } paperCount papers { id title year } }\n  }\n}": types.CollaborationPathDocument,
    "\nquery SearchOrganizations($search: String!, $first: Int = 8) {\n  organizations(search: $search, first: $first) {\n    edges { node { id name parent { name } papers(first: 1) { totalCount } } }\n  }\n}": types.SearchOrganizationsDocument,
    "\nquery OrganizationNetwork($id: ID!, $first: Int = 50, $includeSubUnits: Boolean = true) {\n  organization(id: $id) {\n    id\n    name\n    city\n    country\n    parent { id name }\n    subUnits(first: 50) { totalCount edges { node { id name papers(first: 1, includeSubUnits: true) { totalCount } } } }\n    papers(first: 1, includeSubUnits: $includeSubUnits) { totalCount }\n    collaborators(first: $first, includeSubUnits: $includeSubUnits) {\n      totalCount\n      edges { sharedPaperCount firstYear lastYear node { id name papers(first: 1) { totalCount } } }\n    }\n  }\n}": types.OrganizationNetworkDocument,
    "\nquery OrganizationLink($organization: ID!, $other: ID!, $first: Int = 20) {\n  organization(id: $organization) {\n    name\n    papers(sharedWith: [$other], first: $first) {\n      totalCount\n      edges { node { id title year authors { id name } } }\n    }\n  }\n  other: node(id: $other) { ... on Organization { name } }\n}": types.OrganizationLinkDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\nquery SearchAuthors($search: String!, $first: Int = 8) {\n  authors(search: $search, first: $first) {\n    edges { node { id name metrics { paperCount } } }\n  }\n}"): typeof import('./graphql.js').SearchAuthorsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\nquery CoauthorNetwork($id: ID!, $depth: Int = 1, $maxNodes: Int = 200, $minSharedPapers: Int = 1, $yearFrom: Int, $yearTo: Int) {\n  author(id: $id) {\n    id\n    name\n    egoNetwork(depth: $depth, maxNodes: $maxNodes, minSharedPapers: $minSharedPapers, yearFrom: $yearFrom, yearTo: $yearTo) {\n      nodesTruncated\n      edgesTruncated\n      nodes {\n        id\n        depth\n        author {\n          name\n          metrics { paperCount }\n          affiliations { organization { id name parent { id name } } }\n          analytics { communityNumber community { id size topAuthors(first: 1) { name } } }\n        }\n      }\n      edges { source target sharedPaperCount firstYear lastYear }\n    }\n  }\n}"): typeof import('./graphql.js').CoauthorNetworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\nquery AuthorDetails($id: ID!) {\n  author(id: $id) {\n    id\n    name\n    orcid\n    metrics { paperCount citationCount hIndex firstYear lastYear }\n    reported { source { id name kind } hIndex citationCount paperCount }\n    affiliations { paperCount firstYear lastYear organization { id name parent { id name } } }\n    topics { paperCount topic { code name } }\n    papers(first: 5) { totalCount edges { node { id title year venue url } } }\n    analytics { communityNumber pageRank betweenness coreNumber clustering community { id size topAuthors(first: 1) { name } } }\n  }\n}"): typeof import('./graphql.js').AuthorDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\nquery AuthorSuggestions($id: ID!, $first: Int = 10) {\n  author(id: $id) {\n    id\n    suggestedCollaborators(first: $first) {\n      candidatesTruncated\n      suggestions {\n        score\n        author { id name }\n        path { id name metrics { paperCount } affiliations { organization { id name parent { id name } } } }\n        reasons {\n          commonCoauthors { id name }\n          commonCoauthorCount\n          sharedTopics { code name }\n          sharedKeywords\n          sharedOrganizations { id name }\n          pathLength\n          recentPapers\n          summary\n        }\n      }\n    }\n  }\n}"): typeof import('./graphql.js').AuthorSuggestionsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\nquery SharedPapers($author: ID!, $coauthor: ID!, $first: Int = 20) {\n  author(id: $author) {\n    name\n    papers(sharedWith: [$coauthor], first: $first) {\n      totalCount\n      edges { node { id title year venue url } }\n    }\n  }\n  coauthor: node(id: $coauthor) { ... on Author { name } }\n}"): typeof import('./graphql.js').SharedPapersDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\nquery CollaborationPath($from: ID!, $to: ID!, $maxHops: Int = 6) {\n  collaborationPath(from: $from, to: $to, maxHops: $maxHops) {\n    length\n    authors { id name metrics { paperCount } }\n    hops { from { id name } to { id name } paperCount papers { id title year } }\n  }\n}"): typeof import('./graphql.js').CollaborationPathDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\nquery SearchOrganizations($search: String!, $first: Int = 8) {\n  organizations(search: $search, first: $first) {\n    edges { node { id name parent { name } papers(first: 1) { totalCount } } }\n  }\n}"): typeof import('./graphql.js').SearchOrganizationsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\nquery OrganizationNetwork($id: ID!, $first: Int = 50, $includeSubUnits: Boolean = true) {\n  organization(id: $id) {\n    id\n    name\n    city\n    country\n    parent { id name }\n    subUnits(first: 50) { totalCount edges { node { id name papers(first: 1, includeSubUnits: true) { totalCount } } } }\n    papers(first: 1, includeSubUnits: $includeSubUnits) { totalCount }\n    collaborators(first: $first, includeSubUnits: $includeSubUnits) {\n      totalCount\n      edges { sharedPaperCount firstYear lastYear node { id name papers(first: 1) { totalCount } } }\n    }\n  }\n}"): typeof import('./graphql.js').OrganizationNetworkDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\nquery OrganizationLink($organization: ID!, $other: ID!, $first: Int = 20) {\n  organization(id: $organization) {\n    name\n    papers(sharedWith: [$other], first: $first) {\n      totalCount\n      edges { node { id title year authors { id name } } }\n    }\n  }\n  other: node(id: $other) { ... on Organization { name } }\n}"): typeof import('./graphql.js').OrganizationLinkDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
