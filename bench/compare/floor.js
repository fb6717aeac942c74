// The floor: graphql-yoga with a small schema whose root resolvers each send ONE hand-written
// Cypher statement and hand back its single map. No batching, no loaders, no per-field work:
// what serving these queries costs when one statement answers the whole request.
import { createSchema, createYoga } from 'graphql-yoga';
import neo4j from 'neo4j-driver';
import * as cypher from './cypher.js';
import { createDriver, database, serve } from './serve.js';

const driver = createDriver();

/** Runs one statement in a read transaction and returns the first column of its first row. */
async function one(query, parameters) {
  const { records } = await driver.executeQuery(query, parameters, { database, routing: 'READ' });
  return records[0]?.get(0) ?? null;
}

// Maps of nodes become plain objects: GraphQL's default resolvers read their properties.
const plain = (value) => {
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    if ('labels' in value && 'properties' in value) return value.properties;
    if (typeof value.toNumber === 'function') return value.toNumber();
    if (value.constructor?.name === 'Date') return value.toString();
    return Object.fromEntries(Object.entries(value).map(([key, field]) => [key, plain(field)]));
  }
  return value;
};

// The coauthors of `v`, most shared papers first, then nameKey, then id, as maps. Its own
// variable names (Neo4j refuses a subquery variable that shadows an outer one).
const coauthorList = (first, v = 'this') => `
  COLLECT { MATCH (${v})-[:AUTHORED]->(cp:Paper)<-[:AUTHORED]-(co:Author) WHERE co <> ${v}
            WITH co, count(DISTINCT cp) AS coShared, min(cp.year) AS coFirst, max(cp.year) AS coLast
            ORDER BY coShared DESC, co.nameKey, co.id LIMIT ${first}
            RETURN {sharedPaperCount: coShared, firstYear: coFirst, lastYear: coLast, author: co {.id, .name}} }`;

const statements = {
  author: `MATCH (this:Author {id: $id}) RETURN this {.id, .name}`,
  // (COLLECT subqueries that aggregate go in a WITH: Neo4j refuses them inside a map projection.)
  coauthors: `MATCH (this:Author {id: $id}) WITH this, ${coauthorList('$first')} AS coauthors RETURN this {.id, .name, coauthors: coauthors}`,
  sharedPapers: `
    MATCH (this:Author {id: $id})
    RETURN this {.id, papers: COLLECT {
      MATCH (this)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(:Author {id: $with})
      WITH DISTINCT p
      ORDER BY coalesce(p.publishedOn, date({year: p.year})) DESC, p.id DESC LIMIT 20
      RETURN p {.id, .title, .year}
    }}`,
  authorsWithCoauthors: `
    UNWIND $ids AS id
    MATCH (this:Author {id: id})
    WITH this, ${coauthorList('$first')} AS coauthors,
         COLLECT { MATCH (this)-[r:AFFILIATED_WITH]->(o:Organization)
                   WITH r, o ORDER BY r.paperCount DESC, o.nameKey
                   RETURN {paperCount: r.paperCount, organization: o {.id, .name}} } AS affiliations
    RETURN collect(this {.id, .name, coauthors: coauthors, affiliations: affiliations})`,
  coauthorsOfCoauthors: `
    MATCH (this:Author {id: $id})
    CALL (this) {
      MATCH (this)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author) WHERE c <> this
      WITH c, count(DISTINCT p) AS shared ORDER BY shared DESC, c.nameKey, c.id LIMIT $first
      WITH c, shared, ${coauthorList('$first', 'c')} AS theirs
      RETURN collect({sharedPaperCount: shared, author: c {.id, .name, coauthors: theirs}}) AS coauthors
    }
    RETURN this {.id, .name, coauthors: coauthors}`,
  collaborationPath: cypher.collaborationPath,
  egoNetwork: `MATCH (this:Author {id: $id}) ${cypher.egoNetwork}`,
  authorPage: `
    MATCH (this:Author {id: $id})
    CALL (this) { ${cypher.metrics} }
    WITH this, metrics,
      COLLECT { MATCH (this)-[r:AFFILIATED_WITH]->(o:Organization)
                WITH r, o ORDER BY r.paperCount DESC, o.nameKey
                RETURN {paperCount: r.paperCount, firstYear: r.firstYear, lastYear: r.lastYear, organization: o {.name}} } AS affiliations,
      COLLECT { MATCH (this)-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(t:Topic)
                WITH t, count(DISTINCT p) AS paperCount ORDER BY paperCount DESC, t.name
                RETURN {paperCount: paperCount, topic: t {.name}} } AS topics,
      COLLECT { MATCH (this)-[:AUTHORED]->(p:Paper)
                WITH p ORDER BY coalesce(p.publishedOn, date({year: p.year})) DESC, p.id DESC LIMIT 10
                RETURN p {.id, .title, .year, authors: COLLECT {
                  MATCH (a:Author)-[w:AUTHORED]->(p) WITH a, w ORDER BY w.position IS NULL, w.position, a.nameKey RETURN a {.name} } } } AS papers,
      ${coauthorList(20)} AS coauthors
    RETURN this {.id, .name, metrics: metrics, affiliations: affiliations, topics: topics, papers: papers, coauthors: coauthors}`,
};

const typeDefs = /* GraphQL */ `
  type Author { id: ID! name: String! }
  type Organization { id: ID name: String! }
  type Topic { name: String! }
  type Coauthor { sharedPaperCount: Int! firstYear: Int lastYear: Int author: CoauthorNode! }
  type CoauthorNode { id: ID! name: String! coauthors: [Coauthor!] }
  type AuthorWithCoauthors { id: ID! name: String! coauthors: [Coauthor!]! affiliations: [Affiliation!] }
  type Affiliation { paperCount: Int! firstYear: Int lastYear: Int organization: Organization }
  type Paper { id: ID! title: String! year: Int! authors: [Author!] }
  type AuthorPapers { id: ID! papers: [Paper!]! }
  type YearCount { year: Int! paperCount: Int! }
  type Metrics { paperCount: Int! citationCount: Int! hIndex: Int! firstYear: Int lastYear: Int papersPerYear: [YearCount!]! }
  type AuthorTopic { paperCount: Int! topic: Topic }
  type AuthorPage {
    id: ID! name: String! metrics: Metrics! affiliations: [Affiliation!]! topics: [AuthorTopic!]!
    papers: [Paper!]! coauthors: [Coauthor!]!
  }
  type Hop { from: Author! to: Author! paperCount: Int! papers: [Paper!]! }
  type CollaborationPath { length: Int! authors: [Author!]! hops: [Hop!]! }
  type EgoNode { id: ID! depth: Int! author: Author }
  type EgoEdge { source: ID! target: ID! sharedPaperCount: Int! firstYear: Int lastYear: Int }
  type EgoNetwork { nodes: [EgoNode!]! edges: [EgoEdge!]! nodesTruncated: Boolean! edgesTruncated: Boolean! }
  type Query {
    author(id: ID!): Author
    coauthors(id: ID!, first: Int = 20): AuthorWithCoauthors
    sharedPapers(id: ID!, with: ID!): AuthorPapers
    authorsWithCoauthors(ids: [ID!]!, first: Int = 10): [AuthorWithCoauthors!]!
    coauthorsOfCoauthors(id: ID!, first: Int = 10): AuthorWithCoauthors
    collaborationPath(from: ID!, to: ID!, maxHops: Int = 6): CollaborationPath
    egoNetwork(id: ID!, depth: Int = 1, maxNodes: Int = 100): EgoNetwork
    authorPage(id: ID!): AuthorPage
  }
`;

// Every root field: its statement, with the field's arguments as parameters (ints as integers).
const resolvers = {
  Query: Object.fromEntries(
    Object.entries(statements).map(([field, statement]) => [
      field,
      async (_root, args) => {
        const parameters = Object.fromEntries(
          Object.entries(args).map(([key, value]) => [key, Number.isInteger(value) ? neo4j.int(value) : value]),
        );
        return plain(await one(statement, parameters));
      },
    ]),
  ),
};

const yoga = createYoga({ schema: createSchema({ typeDefs, resolvers }), logging: 'warn', graphiql: false, maskedErrors: process.env.NODE_ENV === 'production' });
const server = await serve(yoga, driver);
console.log(`floor listening on ${JSON.stringify(server.address())}`);
