// analytics/subgraph-ego: the authors of an author's coauthor network out to $depth (1 or 2) hops
// (src/analytics/subgraph.ts), over the links the subgraph counts: papers in the years with at
// most $maxAuthorsPerPaper authors, at least $minSharedPapers of them per pair. The centre first,
// then each level by most papers in the years (then by id), at most $maxAuthors in all; the second
// level is not walked when the first leaves it no room (it is cut then anyway). In one statement,
// as read/network/ego-network.
MATCH (center:Author {id: $authorId})
CALL (center) {
  MATCH (center)-[:AUTHORED]->(p:Paper)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  MATCH (p)<-[:AUTHORED]-(n:Author)
  WHERE n <> center
  WITH n, count(p) AS shared
  WHERE shared >= $minSharedPapers
  RETURN collect(n) AS level1
}
CALL (center, level1) {
  UNWIND CASE WHEN $depth >= 2 AND size(level1) < $maxAuthors THEN level1 ELSE [] END AS x
  MATCH (x)-[:AUTHORED]->(p:Paper)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  MATCH (p)<-[:AUTHORED]-(n:Author)
  WHERE n <> center AND NOT n IN level1
  WITH x, n, count(p) AS shared
  WHERE shared >= $minSharedPapers
  RETURN collect(DISTINCT n) AS level2
}
// Each level's list stays out of the rows that are sorted: Neo4j would count it once per row.
UNWIND [[0, center]] + [n IN level1 | [1, n]] + [n IN level2 | [2, n]] AS entry
WITH center, entry[0] AS depth, entry[1] AS a
WITH center, depth, a, COUNT { (a)-[:AUTHORED]->(p:Paper) WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) } AS paperCount
ORDER BY depth, paperCount DESC, a.id
WITH center, collect({a: a, paperCount: paperCount}) AS ranked
CALL (ranked) {
  UNWIND ranked[0..$maxAuthors] AS row
  WITH row.a AS a, row.paperCount AS paperCount
  RETURN collect({authorId: a.id, paperCount: paperCount, author: a {%Author%}}) AS authors
}
RETURN authors, size(ranked) > $maxAuthors AS truncated, center.name AS title
