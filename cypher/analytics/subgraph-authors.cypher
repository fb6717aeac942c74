// analytics/subgraph-authors: the authors of a subgraph named by id (src/analytics/subgraph.ts):
// those that exist, most papers in the years first (then by id), at most $maxAuthors of them.
UNWIND $authorIds AS authorId
MATCH (a:Author {id: authorId})
WITH DISTINCT a
WITH a, COUNT { (a)-[:AUTHORED]->(p:Paper) WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) } AS paperCount
ORDER BY paperCount DESC, a.id
WITH collect({a: a, paperCount: paperCount}) AS ranked
CALL (ranked) {
  UNWIND ranked[0..$maxAuthors] AS row
  WITH row.a AS a, row.paperCount AS paperCount
  RETURN collect({authorId: a.id, paperCount: paperCount, author: a {%Author%}}) AS authors
}
RETURN authors, size(ranked) > $maxAuthors AS truncated, null AS title
