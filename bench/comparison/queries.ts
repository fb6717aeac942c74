/**
 * The eight queries of bench:compare, each as every contender asks it, with the variables of
 * request i drawn from a deterministic pool of sampled authors, and a canonical form of each
 * contender's answer so that the three can be compared fact by fact.
 */
import type { Sample } from './graph.js';

export type ContenderName = 'this' | 'neo4jGraphql' | 'floor';
export const CONTENDERS: ContenderName[] = ['this', 'neo4jGraphql', 'floor'];

type Vars = Record<string, unknown>;
type Json = any; // GraphQL `data`, whose shape each query's `canonical` knows

export interface QueryForm {
  query: string;
  variables: (sample: Sample, i: number) => Vars;
  /** The answer as plain facts: raw ids, fixed order where the API defines one. */
  canonical: (data: Json) => unknown;
}

export interface BenchQuery {
  id: string;
  title: string;
  /** Why answers may legitimately differ beyond the canonical form, if they may. */
  note?: string;
  forms: Record<ContenderName, QueryForm>;
}

// This server takes and gives Relay global ids; the other two the graph's own ids.
export const globalId = (id: string) => Buffer.from(`Author:${id}`).toString('base64');
const rawId = (id: string) => Buffer.from(id, 'base64').toString('utf8').replace(/^(Author|Paper|Organization|Topic):/, '');

const at = <T>(list: T[], i: number) => list[i % list.length]!;
const window = (list: string[], i: number, size: number) => Array.from({ length: size }, (_, k) => at(list, i + k));

// Canonical pieces shared by the forms: [id, name, sharedPaperCount] rows.
type Edge = { sharedPaperCount: number; node?: { id: string; name: string }; author?: { id: string; name: string } };
const coauthorRowsOfThis = (connection: { edges: Edge[] }) =>
  connection.edges.map((edge) => [rawId(edge.node!.id), edge.node!.name, edge.sharedPaperCount]);
const coauthorRows = (list: Edge[]) => list.map((edge) => [edge.author!.id, edge.author!.name, edge.sharedPaperCount]);
const byFirst = (a: unknown[], b: unknown[]) => String(a[0]).localeCompare(String(b[0]));

const egoSelection = 'nodes { id depth author { name } } edges { source target sharedPaperCount firstYear lastYear } nodesTruncated edgesTruncated';
const metricsSelection = 'paperCount citationCount hIndex firstYear lastYear papersPerYear { year paperCount }';
const thisCoauthors = (first: number, inner = 'id name') =>
  `coauthors(first: ${first}) { edges { sharedPaperCount node { ${inner} } } }`;
const otherCoauthors = (first: number) => `coauthors(first: ${first}) { sharedPaperCount author { id name } }`;
const neoAuthor = 'authors(where: { id: { eq: $id } })';
const newestFirst = 'sort: [{ year: DESC }, { publishedOn: DESC }, { id: DESC }]';

export const QUERIES: BenchQuery[] = [
  {
    id: 'Q1',
    title: 'author by id, name',
    forms: {
      this: {
        query: 'query Q1($id: ID!) { author(id: $id) { id name } }',
        variables: (s, i) => ({ id: globalId(at(s.authors, i)) }),
        canonical: (d) => [rawId(d.author.id), d.author.name],
      },
      neo4jGraphql: {
        query: `query Q1($id: ID!) { ${neoAuthor} { id name } }`,
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) => [d.authors[0].id, d.authors[0].name],
      },
      floor: {
        query: 'query Q1($id: ID!) { author(id: $id) { id name } }',
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) => [d.author.id, d.author.name],
      },
    },
  },
  {
    id: 'Q2',
    title: 'top 20 coauthors with shared-paper counts',
    forms: {
      this: {
        query: `query Q2($id: ID!) { author(id: $id) { ${thisCoauthors(20)} } }`,
        variables: (s, i) => ({ id: globalId(at(s.authors, i)) }),
        canonical: (d) => coauthorRowsOfThis(d.author.coauthors),
      },
      neo4jGraphql: {
        query: `query Q2($id: ID!) { ${neoAuthor} { ${otherCoauthors(20)} } }`,
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) => coauthorRows(d.authors[0].coauthors),
      },
      floor: {
        query: 'query Q2($id: ID!) { coauthors(id: $id, first: 20) { coauthors { sharedPaperCount author { id name } } } }',
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) => coauthorRows(d.coauthors.coauthors),
      },
    },
  },
  {
    id: 'Q3',
    title: 'papers two authors share',
    note: '@neo4j/graphql: the nested form (author A → papers where authors some B); its top-level form scans all papers',
    forms: {
      this: {
        query: 'query Q3($a: ID!, $b: [ID!]) { author(id: $a) { papers(sharedWith: $b) { edges { node { id title year } } } } }',
        variables: (s, i) => ({ a: globalId(at(s.pairs, i)[0]), b: [globalId(at(s.pairs, i)[1])] }),
        canonical: (d) => d.author.papers.edges.map((e: Json) => [rawId(e.node.id), e.node.title, e.node.year]),
      },
      neo4jGraphql: {
        query: `query Q3($a: ID!, $b: ID!) { authors(where: { id: { eq: $a } }) {
          papers(where: { authors: { some: { id: { eq: $b } } } }, ${newestFirst}, limit: 20) { id title year } } }`,
        variables: (s, i) => ({ a: at(s.pairs, i)[0], b: at(s.pairs, i)[1] }),
        canonical: (d) => d.authors[0].papers.map((p: Json) => [p.id, p.title, p.year]),
      },
      floor: {
        query: 'query Q3($a: ID!, $b: ID!) { sharedPapers(id: $a, with: $b) { papers { id title year } } }',
        variables: (s, i) => ({ a: at(s.pairs, i)[0], b: at(s.pairs, i)[1] }),
        canonical: (d) => d.sharedPapers.papers.map((p: Json) => [p.id, p.title, p.year]),
      },
    },
  },
  {
    id: 'Q4',
    title: '50 authors, each with top 10 coauthors and affiliations',
    forms: {
      this: {
        query: `query Q4($ids: [ID!]!) { nodes(ids: $ids) { ... on Author { id name ${thisCoauthors(10)}
          affiliations { paperCount organization { name } } } } }`,
        variables: (s, i) => ({ ids: window(s.authors, i, 50).map(globalId) }),
        canonical: (d) =>
          d.nodes
            .map((a: Json) => [rawId(a.id), a.name, coauthorRowsOfThis(a.coauthors), a.affiliations.map((f: Json) => [f.organization.name, f.paperCount])])
            .sort(byFirst),
      },
      neo4jGraphql: {
        query: `query Q4($ids: [ID!]!) { authors(where: { id: { in: $ids } }) { id name ${otherCoauthors(10)}
          affiliationsConnection(sort: [{ edge: { paperCount: DESC } }, { node: { nameKey: ASC } }]) {
            edges { properties { paperCount } node { name } } } } }`,
        variables: (s, i) => ({ ids: window(s.authors, i, 50) }),
        canonical: (d) =>
          d.authors
            .map((a: Json) => [a.id, a.name, coauthorRows(a.coauthors), a.affiliationsConnection.edges.map((e: Json) => [e.node.name, e.properties.paperCount])])
            .sort(byFirst),
      },
      floor: {
        query: `query Q4($ids: [ID!]!) { authorsWithCoauthors(ids: $ids, first: 10) { id name
          coauthors { sharedPaperCount author { id name } } affiliations { paperCount organization { name } } } }`,
        variables: (s, i) => ({ ids: window(s.authors, i, 50) }),
        canonical: (d) =>
          d.authorsWithCoauthors
            .map((a: Json) => [a.id, a.name, coauthorRows(a.coauthors), a.affiliations.map((f: Json) => [f.organization.name, f.paperCount])])
            .sort(byFirst),
      },
    },
  },
  {
    id: 'Q5',
    title: 'coauthors of coauthors (10 × 10)',
    note: '@neo4j/graphql: coauthors (edges with counts) beside coauthorNodes (the same coauthors as nodes, to select their coauthors), zipped by position',
    forms: {
      this: {
        query: `query Q5($id: ID!) { author(id: $id) { ${thisCoauthors(10, `id name ${thisCoauthors(10)}`)} } }`,
        variables: (s, i) => ({ id: globalId(at(s.authors, i)) }),
        canonical: (d) =>
          d.author.coauthors.edges.map((e: Json) => [rawId(e.node.id), e.node.name, e.sharedPaperCount, coauthorRowsOfThis(e.node.coauthors)]),
      },
      neo4jGraphql: {
        query: `query Q5($id: ID!) { ${neoAuthor} { ${otherCoauthors(10)} coauthorNodes(first: 10) { id ${otherCoauthors(10)} } } }`,
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) =>
          d.authors[0].coauthors.map((e: Json, k: number) => [e.author.id, e.author.name, e.sharedPaperCount, coauthorRows(d.authors[0].coauthorNodes[k].coauthors)]),
      },
      floor: {
        query: `query Q5($id: ID!) { coauthorsOfCoauthors(id: $id, first: 10) { coauthors { sharedPaperCount author { id name
          coauthors { sharedPaperCount author { id name } } } } } }`,
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) =>
          d.coauthorsOfCoauthors.coauthors.map((e: Json) => [e.author.id, e.author.name, e.sharedPaperCount, coauthorRows(e.author.coauthors)]),
      },
    },
  },
  {
    id: 'Q6',
    title: 'collaboration path',
    note: 'compared: length and ends (when several shortest paths exist, each contender may return another)',
    forms: {
      this: {
        query: 'query Q6($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b) { length authors { id name } hops { paperCount papers { title } } } }',
        variables: (s, i) => ({ a: globalId(at(s.paths, i)[0]), b: globalId(at(s.paths, i)[1]) }),
        canonical: (d) => pathFacts(d.collaborationPath, rawId),
      },
      neo4jGraphql: {
        query: 'query Q6($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b) { length authors { id name } hops { paperCount papers { title } } } }',
        variables: (s, i) => ({ a: at(s.paths, i)[0], b: at(s.paths, i)[1] }),
        canonical: (d) => pathFacts(d.collaborationPath),
      },
      floor: {
        query: 'query Q6($a: ID!, $b: ID!) { collaborationPath(from: $a, to: $b) { length authors { id name } hops { paperCount papers { title } } } }',
        variables: (s, i) => ({ a: at(s.paths, i)[0], b: at(s.paths, i)[1] }),
        canonical: (d) => pathFacts(d.collaborationPath),
      },
    },
  },
  {
    id: 'Q7',
    title: 'ego network, depth 2 (default caps)',
    forms: {
      this: {
        query: `query Q7($id: ID!) { author(id: $id) { egoNetwork(depth: 2) { ${egoSelection} } } }`,
        variables: (s, i) => ({ id: globalId(at(s.authors, i)) }),
        canonical: (d) => egoFacts(d.author.egoNetwork, rawId),
      },
      neo4jGraphql: {
        query: `query Q7($id: ID!) { ${neoAuthor} { egoNetwork(depth: 2) { ${egoSelection} } } }`,
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) => egoFacts(d.authors[0].egoNetwork),
      },
      floor: {
        query: `query Q7($id: ID!) { egoNetwork(id: $id, depth: 2) { ${egoSelection} } }`,
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) => egoFacts(d.egoNetwork),
      },
    },
  },
  {
    id: 'Q8',
    title: 'author page (explorer)',
    forms: {
      this: {
        query: `query Q8($id: ID!) { author(id: $id) { id name metrics { ${metricsSelection} }
          affiliations { paperCount firstYear lastYear organization { name } }
          topics { paperCount topic { name } }
          papers(first: 10) { edges { node { id title year authors { name } } } }
          ${thisCoauthors(20)} } }`,
        variables: (s, i) => ({ id: globalId(at(s.authors, i)) }),
        canonical: (d) =>
          pageFacts({
            ...d.author,
            papers: d.author.papers.edges.map((e: Json) => ({ ...e.node, id: rawId(e.node.id), authors: e.node.authors.map((a: Json) => a.name) })),
            coauthors: coauthorRowsOfThis(d.author.coauthors),
          }),
      },
      neo4jGraphql: {
        query: `query Q8($id: ID!) { ${neoAuthor} { id name metrics { ${metricsSelection} }
          affiliationsConnection(sort: [{ edge: { paperCount: DESC } }, { node: { nameKey: ASC } }]) {
            edges { properties { paperCount firstYear lastYear } node { name } } }
          topics { paperCount topic { name } }
          papers(${newestFirst}, limit: 10) { id title year
            authorsConnection(sort: [{ edge: { position: ASC } }, { node: { nameKey: ASC } }]) { edges { node { name } } } }
          ${otherCoauthors(20)} } }`,
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) => {
          const a = d.authors[0];
          return pageFacts({
            ...a,
            affiliations: a.affiliationsConnection.edges.map((e: Json) => ({ ...e.properties, organization: e.node })),
            papers: a.papers.map((p: Json) => ({ ...p, authors: p.authorsConnection.edges.map((e: Json) => e.node.name) })),
            coauthors: coauthorRows(a.coauthors),
          });
        },
      },
      floor: {
        query: `query Q8($id: ID!) { authorPage(id: $id) { id name metrics { ${metricsSelection} }
          affiliations { paperCount firstYear lastYear organization { name } }
          topics { paperCount topic { name } }
          papers { id title year authors { name } }
          coauthors { sharedPaperCount author { id name } } } }`,
        variables: (s, i) => ({ id: at(s.authors, i) }),
        canonical: (d) =>
          pageFacts({
            ...d.authorPage,
            papers: d.authorPage.papers.map((p: Json) => ({ ...p, authors: p.authors.map((a: Json) => a.name) })),
            coauthors: coauthorRows(d.authorPage.coauthors),
          }),
      },
    },
  },
];

function pathFacts(path: Json, id = (x: string) => x) {
  if (!path) return null;
  return { length: path.length, from: id(path.authors[0].id), to: id(path.authors.at(-1).id), hops: path.hops.length };
}

function egoFacts(network: Json, id = (x: string) => x) {
  return {
    nodes: network.nodes.map((n: Json) => [id(n.id), n.depth, n.author.name]).sort(byFirst),
    // A link is one fact whichever end a contender names first.
    edges: network.edges
      .map((e: Json) => [...[id(e.source), id(e.target)].sort(), e.sharedPaperCount, e.firstYear, e.lastYear])
      .sort((a: unknown[], b: unknown[]) => `${a[0]} ${a[1]}`.localeCompare(`${b[0]} ${b[1]}`)),
    nodesTruncated: network.nodesTruncated,
    edgesTruncated: network.edgesTruncated,
  };
}

function pageFacts(page: Json) {
  return {
    name: page.name,
    metrics: page.metrics,
    affiliations: page.affiliations.map((f: Json) => [f.organization.name, f.paperCount, f.firstYear, f.lastYear]),
    topics: page.topics.map((t: Json) => [t.topic.name, t.paperCount]),
    papers: page.papers.map((p: Json) => [p.id, p.title, p.year, p.authors]),
    coauthors: page.coauthors,
  };
}
