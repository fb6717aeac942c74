// Hand-written Cypher shared by the two contenders: the floor runs these as whole statements
// (after `MATCH (this:Author {id: $id})`), @neo4j/graphql runs them as `@cypher` fields where
// `this` is the author being resolved. One text, so the two cannot drift apart. The semantics
// are the project's (cypher/read/**, src/domain/ego-network.ts): coauthors by most shared papers,
// then nameKey, then id; ego network breadth first, strongest link first, then id, under a node cap.
//
// Nodes inside a returned map are returned as property maps (`c {.*}`): @neo4j/graphql hands a
// map from a @cypher field to GraphQL as it is, and reads an object type's fields as its keys.

const rankedCoauthors = `
MATCH (this)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
WHERE c <> this
WITH c, count(DISTINCT p) AS shared, min(p.year) AS firstYear, max(p.year) AS lastYear
ORDER BY shared DESC, c.nameKey, c.id
LIMIT $first`;

/** Coauthors of `this`, at most $first, as maps {sharedPaperCount, firstYear, lastYear, author}. */
export const coauthors = `${rankedCoauthors}
RETURN {sharedPaperCount: shared, firstYear: firstYear, lastYear: lastYear, author: c {.*}} AS coauthor`;

/** The same coauthors as nodes, in the same order: what @neo4j/graphql can select further from. */
export const coauthorNodes = `${rankedCoauthors}
RETURN c`;

/** Metrics computed from the author's papers (src/domain/metrics.ts); one map. */
export const metrics = `
WITH COLLECT { MATCH (this)-[:AUTHORED]->(p:Paper) RETURN p ORDER BY coalesce(p.citationCount, 0) DESC } AS papers
WITH papers, [p IN papers | coalesce(p.citationCount, 0)] AS citations
CALL (papers) {
  UNWIND papers AS p
  WITH p.year AS year, count(*) AS paperCount WHERE year IS NOT NULL
  ORDER BY year
  RETURN collect({year: year, paperCount: paperCount}) AS perYear
}
RETURN {
  paperCount: size(papers),
  citationCount: reduce(sum = 0, c IN citations | sum + c),
  hIndex: size([i IN range(0, size(citations) - 1) WHERE citations[i] >= i + 1]),
  firstYear: perYear[0].year,
  lastYear: perYear[-1].year,
  papersPerYear: perYear
} AS metrics`;

/** Topics of the author's papers, most papers first, then by name: maps {paperCount, topic}. */
export const topics = `
MATCH (this)-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(t:Topic)
WITH t, count(DISTINCT p) AS paperCount
ORDER BY paperCount DESC, t.name
RETURN {paperCount: paperCount, topic: t {.*}} AS topic`;

// One level of the ego network: the unseen neighbours of `frontier`, strongest link first, then id.
const level = (n, frontier, seen) => `
CALL (${[...new Set([frontier, seen])].join(', ')}) {
  UNWIND CASE WHEN $depth >= ${n} THEN ${frontier} ELSE [] END AS x
  MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(n:Author)
  WHERE NOT n IN ${seen}
  WITH x, n, count(DISTINCT p) AS w
  WITH n, max(w) AS strongest
  ORDER BY strongest DESC, n.id
  RETURN collect(n) AS ranked${n}
}`;

/**
 * The ego network of `this` out to $depth (1..3) hops with at most $maxNodes authors (the centre
 * included), and every coauthor link among them (at most 5000, strongest first). One map.
 */
export const egoNetwork = `
WITH this, [this] AS seen0
${level(1, 'seen0', 'seen0')}
WITH this, seen0, ranked1, $maxNodes - 1 AS room1
WITH this, seen0, ranked1[0..room1] AS l1, size(ranked1) > room1 AS cut1
WITH this, l1, cut1, seen0 + l1 AS seen1
${level(2, 'l1', 'seen1')}
WITH this, l1, cut1, seen1, ranked2, $maxNodes - size(seen1) AS room2
WITH this, l1, seen1, ranked2[0..room2] AS l2, cut1 OR size(ranked2) > room2 AS cut2
WITH this, l1, l2, cut2, seen1 + l2 AS seen2
${level(3, 'l2', 'seen2')}
WITH this, l1, l2, cut2, seen2, ranked3, $maxNodes - size(seen2) AS room3
WITH this, l1, l2, seen2 + ranked3[0..room3] AS kept, ranked3[0..room3] AS l3, cut2 OR size(ranked3) > room3 AS nodesTruncated
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
  WHERE a.id < b.id AND b IN kept
  WITH a, b, count(DISTINCT p) AS w, min(p.year) AS firstYear, max(p.year) AS lastYear
  ORDER BY w DESC, a.id, b.id
  RETURN collect({source: a.id, target: b.id, sharedPaperCount: w, firstYear: firstYear, lastYear: lastYear}) AS edges
}
RETURN {
  nodes: [{id: this.id, depth: 0, author: this {.*}}]
    + [n IN l1 | {id: n.id, depth: 1, author: n {.*}}]
    + [n IN l2 | {id: n.id, depth: 2, author: n {.*}}]
    + [n IN l3 | {id: n.id, depth: 3, author: n {.*}}],
  edges: edges[0..5000],
  nodesTruncated: nodesTruncated,
  edgesTruncated: size(edges) > 5000
} AS network`;

/**
 * A shortest coauthor chain between $from and $to within $maxHops (the project's
 * cypher/read/network/collaboration-path.cypher), as one map, or no row when there is none.
 */
export const collaborationPath = `
MATCH (a:Author {id: $from}), (b:Author {id: $to})
MATCH path = shortestPath((a)-[:AUTHORED*..12]-(b))
WITH [n IN nodes(path) WHERE n:Author] AS authors, length(path) AS steps
WHERE steps <= 2 * $maxHops
CALL (authors) {
  UNWIND range(0, size(authors) - 2) AS i
  WITH i, authors[i] AS x, authors[i + 1] AS y
  CALL (x, y) {
    MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
    WITH p ORDER BY p.year DESC, p.id
    RETURN collect(p {.id, .title, .year})[0..20] AS papers, count(p) AS paperCount
  }
  WITH i, x, y, papers, paperCount ORDER BY i
  RETURN collect({from: x {.*}, to: y {.*}, paperCount: paperCount, papers: papers}) AS hops
}
RETURN {length: size(authors) - 1, authors: [n IN authors | n {.*}], hops: hops} AS path`;
