// @neo4j/graphql 7 on graphql-yoga: type definitions for the project's graph, the relationships
// as @relationship fields (with their properties), and what the library cannot derive from
// relationships (coauthors through shared papers, computed metrics, topic counts, the ego network,
// the collaboration path) as @cypher fields whose text is shared with the floor (cypher.js).
// @neo4j/graphql compiles each GraphQL request into one Cypher statement.
import { Neo4jGraphQL } from '@neo4j/graphql';
import { createYoga } from 'graphql-yoga';
import * as cypher from './cypher.js';
import { createDriver, database, serve } from './serve.js';

const typeDefs = /* GraphQL */ `
  type Author @node {
    id: ID!
    name: String!
    nameKey: String
    papers: [Paper!]! @relationship(type: "AUTHORED", direction: OUT, properties: "Authored")
    affiliations: [Organization!]! @relationship(type: "AFFILIATED_WITH", direction: OUT, properties: "Affiliation")
    "Most shared papers first, then nameKey, then id."
    coauthors(first: Int = 20): [Coauthor!]! @cypher(statement: """${cypher.coauthors}""", columnName: "coauthor")
    "The same coauthors as nodes, in the same order, for selections that go further (coauthors of coauthors)."
    coauthorNodes(first: Int = 20): [Author!]! @cypher(statement: """${cypher.coauthorNodes}""", columnName: "c")
    metrics: Metrics! @cypher(statement: """${cypher.metrics}""", columnName: "metrics")
    topics: [AuthorTopic!]! @cypher(statement: """${cypher.topics}""", columnName: "topic")
    egoNetwork(depth: Int = 1, maxNodes: Int = 100): EgoNetwork! @cypher(statement: """${cypher.egoNetwork}""", columnName: "network")
  }

  type Authored @relationshipProperties {
    position: Int
  }

  type Affiliation @relationshipProperties {
    paperCount: Int!
    firstYear: Int
    lastYear: Int
  }

  type Paper @node {
    id: ID!
    title: String!
    year: Int!
    publishedOn: Date
    venue: String
    citationCount: Int
    authors: [Author!]! @relationship(type: "AUTHORED", direction: IN, properties: "Authored")
    topics: [Topic!]! @relationship(type: "HAS_TOPIC", direction: OUT)
    organizations: [Organization!]! @relationship(type: "FROM_ORGANIZATION", direction: OUT)
  }

  type Organization @node {
    id: ID!
    name: String!
    nameKey: String
    country: String
  }

  type Topic @node {
    id: ID!
    code: String
    name: String!
    scheme: String!
  }

  "A coauthor link; \`author\` carries the coauthor's properties (select further through coauthorNodes)."
  type Coauthor {
    sharedPaperCount: Int!
    firstYear: Int
    lastYear: Int
    author: Author!
  }

  type YearCount {
    year: Int!
    paperCount: Int!
  }

  type Metrics {
    paperCount: Int!
    citationCount: Int!
    hIndex: Int!
    firstYear: Int
    lastYear: Int
    papersPerYear: [YearCount!]!
  }

  type AuthorTopic {
    paperCount: Int!
    topic: Topic!
  }

  type EgoNode {
    id: ID!
    depth: Int!
    author: Author!
  }

  type EgoEdge {
    source: ID!
    target: ID!
    sharedPaperCount: Int!
    firstYear: Int
    lastYear: Int
  }

  type EgoNetwork {
    nodes: [EgoNode!]!
    edges: [EgoEdge!]!
    nodesTruncated: Boolean!
    edgesTruncated: Boolean!
  }

  type CollaborationHop {
    from: Author!
    to: Author!
    paperCount: Int!
    papers: [Paper!]!
  }

  type CollaborationPath {
    length: Int!
    authors: [Author!]!
    hops: [CollaborationHop!]!
  }

  type Query {
    collaborationPath(from: ID!, to: ID!, maxHops: Int = 6): CollaborationPath
      @cypher(statement: """${cypher.collaborationPath}""", columnName: "path")
  }
`;

const driver = createDriver();
const schema = await new Neo4jGraphQL({ typeDefs, driver }).getSchema();
const yoga = createYoga({
  schema,
  context: { sessionConfig: { database } },
  logging: 'warn',
  graphiql: false,
  maskedErrors: process.env.NODE_ENV === 'production',
});
const server = await serve(yoga, driver);
console.log(`@neo4j/graphql listening on ${JSON.stringify(server.address())}`);
