// read/network/collaboration-path: a shortest chain of coauthorships between two authors, each
// link with the papers (newest first, at most 20) its two authors wrote together. The search
// depth is fixed in the text (6 author hops = 12 AUTHORED steps); $maxHops only narrows it.
MATCH (a:Author {id: $from}), (b:Author {id: $to})
MATCH path = shortestPath((a)-[:AUTHORED*..12]-(b))
WITH [n IN nodes(path) WHERE n:Author] AS authors, length(path) AS steps
WHERE steps <= 2 * $maxHops
UNWIND range(0, size(authors) - 2) AS i
WITH authors, i, authors[i] AS x, authors[i + 1] AS y
CALL (x, y) {
  MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
  WITH p
  ORDER BY p.year DESC, p.id
  RETURN collect(p)[0..20] AS papers, count(p) AS paperCount
}
RETURN i, x {%Author%} AS from, y {%Author%} AS to,
       [p IN papers | p {%Paper%}] AS papers, paperCount
ORDER BY i
