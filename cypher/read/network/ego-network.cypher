// read/network/ego-network: an author's coauthor network out to $depth (1..3) hops, in one
// statement. Breadth first: each level ranks the authors new to it by their strongest link to
// the level before (most shared papers, then id) and keeps as many as fit under $maxNodes (the
// centre included). Links count only papers within the years and need $minSharedPapers. Then
// every such link among the kept authors, strongest first (then by ids), at most $maxEdges.
// Papers with more than $maxAuthorsPerPaper authors make no links (their degree is read, their
// byline never walked); `skippedPapers` counts those of the kept authors.
// Done in Neo4j rather than level by level from Node: one round trip, and only the answer
// crosses the wire.
MATCH (center:Author {id: $id})
WITH center, [center] AS level0, [center] AS seen0
CALL (level0, seen0) {
  UNWIND CASE WHEN $depth >= 1 THEN level0 ELSE [] END AS x
  MATCH (x)-[:AUTHORED]->(p:Paper)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  MATCH (p)<-[:AUTHORED]-(n:Author)
  WHERE NOT n IN seen0
  WITH x, n, count(DISTINCT p) AS shared
  WHERE shared >= $minSharedPapers
  WITH n, max(shared) AS strongest
  ORDER BY strongest DESC, n.id
  RETURN collect(n) AS found1
}
WITH center, seen0, found1, $maxNodes - size(seen0) AS room
WITH center, found1[0..room] AS level1, size(found1) > room AS cut, seen0 + found1[0..room] AS seen1
CALL (level1, seen1) {
  UNWIND CASE WHEN $depth >= 2 THEN level1 ELSE [] END AS x
  MATCH (x)-[:AUTHORED]->(p:Paper)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  MATCH (p)<-[:AUTHORED]-(n:Author)
  WHERE NOT n IN seen1
  WITH x, n, count(DISTINCT p) AS shared
  WHERE shared >= $minSharedPapers
  WITH n, max(shared) AS strongest
  ORDER BY strongest DESC, n.id
  RETURN collect(n) AS found2
}
WITH center, level1, cut, seen1, found2, $maxNodes - size(seen1) AS room
WITH center, level1, found2[0..room] AS level2, cut OR size(found2) > room AS cut, seen1 + found2[0..room] AS seen2
CALL (level2, seen2) {
  UNWIND CASE WHEN $depth >= 3 THEN level2 ELSE [] END AS x
  MATCH (x)-[:AUTHORED]->(p:Paper)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  MATCH (p)<-[:AUTHORED]-(n:Author)
  WHERE NOT n IN seen2
  WITH x, n, count(DISTINCT p) AS shared
  WHERE shared >= $minSharedPapers
  WITH n, max(shared) AS strongest
  ORDER BY strongest DESC, n.id
  RETURN collect(n) AS found3
}
WITH center, level1, level2, cut, seen2, found3, $maxNodes - size(seen2) AS room
WITH center, level1, level2, found3[0..room] AS level3, cut OR size(found3) > room AS nodesTruncated, seen2 + found3[0..room] AS kept
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[:AUTHORED]->(p:Paper)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  MATCH (p)<-[:AUTHORED]-(b:Author)
  WHERE a.id < b.id AND b IN kept
  WITH a, b, count(DISTINCT p) AS shared, min(p.year) AS firstYear, max(p.year) AS lastYear
  WHERE shared >= $minSharedPapers
  ORDER BY shared DESC, a.id, b.id
  RETURN collect({source: a.id, target: b.id, sharedPaperCount: shared, firstYear: firstYear, lastYear: lastYear}) AS links
}
// What the links above left out: the kept authors' papers (in the years) with too long a byline.
CALL (kept) {
  UNWIND kept AS a
  MATCH (a)-[:AUTHORED]->(p:Paper)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
    AND COUNT { (p)<-[:AUTHORED]-() } > $maxAuthorsPerPaper
  RETURN count(DISTINCT p) AS skippedPapers
}
RETURN [n IN [center] | {authorId: n.id, depth: 0, author: n {%Author%}}]
     + [n IN level1 | {authorId: n.id, depth: 1, author: n {%Author%}}]
     + [n IN level2 | {authorId: n.id, depth: 2, author: n {%Author%}}]
     + [n IN level3 | {authorId: n.id, depth: 3, author: n {%Author%}}] AS nodes,
       links[0..$maxEdges] AS edges, nodesTruncated, size(links) > $maxEdges AS edgesTruncated, skippedPapers
