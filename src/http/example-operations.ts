import { encodeGlobalID } from '@pothos/plugin-relay';
import { authorIdFromName } from '../domain/normalize.js';

/** A named operation that runs as it stands against the seed graph: GraphiQL's tabs, tests, README. */
export interface ExampleOperation {
  name: string;
  query: string;
  variables: Record<string, unknown>;
}

/** The global id of a seed author (the seed's authors are known by name: `author:<slug>`). */
const seedAuthorId = (name: string) => encodeGlobalID('Author', authorIdFromName(name));

export const SHARED_PAPERS: ExampleOperation = {
  name: 'SharedPapers',
  query: /* GraphQL */ `# Which papers does Baixu Chen share with Junguang Jiang?
# $sharedWith holds global ids: \`author(name: "...") { id }\` gives any author's.
query SharedPapers($name: String!, $sharedWith: [ID!]!) {
  author(name: $name) {
    name
    papers(sharedWith: $sharedWith) {
      totalCount
      edges { node { title publishedOn authors { name } } }
    }
  }
  sharedWith: nodes(ids: $sharedWith) { ... on Author { id name } }
}
`,
  variables: { name: 'Baixu Chen', sharedWith: [seedAuthorId('Junguang Jiang')] },
};

export const COAUTHORS: ExampleOperation = {
  name: 'Coauthors',
  query: /* GraphQL */ `# Baixu Chen's coauthors, most shared papers first.
# Next page: set $after to pageInfo.endCursor.
query Coauthors($name: String!, $first: Int, $after: String) {
  author(name: $name) {
    name
    coauthors(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { sharedPaperCount firstYear lastYear node { name } }
    }
  }
}
`,
  variables: { name: 'Baixu Chen', first: 5, after: null },
};

export const COLLABORATION_PATH: ExampleOperation = {
  name: 'CollaborationPath',
  query: /* GraphQL */ `# The shortest chain of coauthors from Aishwarya Bandaru to Junguang Jiang.
query CollaborationPath($from: ID!, $to: ID!) {
  collaborationPath(from: $from, to: $to) {
    length
    authors { name }
    hops { from { name } to { name } paperCount papers { title } }
  }
}
`,
  variables: { from: seedAuthorId('Aishwarya Bandaru'), to: seedAuthorId('Junguang Jiang') },
};

export const EGO_NETWORK: ExampleOperation = {
  name: 'EgoNetwork',
  query: /* GraphQL */ `# Baixu Chen's coauthors and the links among them (depth 1..3).
query EgoNetwork($name: String!, $depth: Int, $maxNodes: Int) {
  author(name: $name) {
    name
    egoNetwork(depth: $depth, maxNodes: $maxNodes) {
      nodesTruncated
      edgesTruncated
      nodes { id depth author { name } }
      edges { source target sharedPaperCount firstYear lastYear }
    }
  }
}
`,
  variables: { name: 'Baixu Chen', depth: 1, maxNodes: 50 },
};

export const SUGGESTED_COLLABORATORS: ExampleOperation = {
  name: 'SuggestedCollaborators',
  query: /* GraphQL */ `# Who should Junguang Jiang work with next? People not yet written with,
# strongest first, each with its reasons (and the path to them).
query SuggestedCollaborators($name: String!, $first: Int) {
  author(name: $name) {
    name
    suggestedCollaborators(first: $first) {
      suggestions {
        score
        author { name }
        path { name }
        reasons { summary commonCoauthorCount commonCoauthors { name } sharedTopics { name } sharedOrganizations { name } }
      }
    }
  }
}
`,
  variables: { name: 'Junguang Jiang', first: 5 },
};

export const ORGANIZATION_COLLABORATORS: ExampleOperation = {
  name: 'OrganizationCollaborators',
  query: /* GraphQL */ `# An organization: the organizations it shares papers with (most shared first), its
# papers and its authors. (The seed has one organization, so no collaborator yet.)
query OrganizationCollaborators($name: String!, $first: Int) {
  organization(name: $name) {
    name
    collaborators(first: $first) { totalCount edges { sharedPaperCount firstYear lastYear node { name } } }
    papers(first: $first) { totalCount edges { node { title year } } }
    members(first: $first) { totalCount edges { paperCount node { name } } }
  }
}
`,
  variables: { name: 'tencent-ai', first: 10 },
};

export const TOPIC_TREND: ExampleOperation = {
  name: 'TopicTrend',
  query: /* GraphQL */ `# A topic's papers per year, and who writes most on it.
query TopicTrend($code: String!, $first: Int) {
  topic(code: $code) {
    name
    scheme
    trend { year paperCount }
    topAuthors(first: $first) { edges { paperCount node { name } } }
  }
}
`,
  variables: { code: 'cs.LG', first: 5 },
};

export const EXAMPLE_OPERATIONS: readonly ExampleOperation[] = [
  SHARED_PAPERS,
  COAUTHORS,
  COLLABORATION_PATH,
  EGO_NETWORK,
  SUGGESTED_COLLABORATORS,
  ORGANIZATION_COLLABORATORS,
  TOPIC_TREND,
];

/** GraphiQL's `defaultTabs`: one tab per example, with its variables. */
export const exampleTabs = () =>
  EXAMPLE_OPERATIONS.map(({ query, variables }) => ({ query, variables: JSON.stringify(variables, null, 2) }));
