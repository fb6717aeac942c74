// analytics/subgraph-topic: the authors of a subgraph who wrote on a topic in the years
// (src/analytics/subgraph.ts). Most papers in the years (on any topic) first, then by id, at most
// $maxAuthors of them.
MATCH (t:Topic {id: $topicId})<-[:HAS_TOPIC]-(p:Paper)<-[:AUTHORED]-(a:Author)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
WITH DISTINCT t, a
WITH t, a, COUNT { (a)-[:AUTHORED]->(p:Paper) WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) } AS paperCount
ORDER BY paperCount DESC, a.id
WITH t, collect({a: a, paperCount: paperCount}) AS ranked
CALL (ranked) {
  UNWIND ranked[0..$maxAuthors] AS row
  WITH row.a AS a, row.paperCount AS paperCount
  RETURN collect({authorId: a.id, paperCount: paperCount, author: a {%Author%}}) AS authors
}
RETURN authors, size(ranked) > $maxAuthors AS truncated, t.name AS title
