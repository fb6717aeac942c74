// analytics/subgraph-organization: the authors of a subgraph affiliated with an organization
// (src/analytics/subgraph.ts). With years, only authors who have a paper in them under that
// affiliation (the authorship's organizationIds, which AFFILIATED_WITH sums up). Most papers in the
// years first (then by id), at most $maxAuthors of them.
MATCH (o:Organization {id: $organizationId})<-[r:AFFILIATED_WITH]-(a:Author)
WHERE ($yearFrom IS NULL AND $yearTo IS NULL)
   OR (($yearFrom IS NULL OR r.lastYear >= $yearFrom) AND ($yearTo IS NULL OR r.firstYear <= $yearTo)
       AND EXISTS {
         (a)-[w:AUTHORED]->(p:Paper)
         WHERE o.id IN w.organizationIds AND ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
       })
WITH o, a, COUNT { (a)-[:AUTHORED]->(p:Paper) WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo) } AS paperCount
ORDER BY paperCount DESC, a.id
WITH o, collect({a: a, paperCount: paperCount}) AS ranked
CALL (ranked) {
  UNWIND ranked[0..$maxAuthors] AS row
  WITH row.a AS a, row.paperCount AS paperCount
  RETURN collect({authorId: a.id, paperCount: paperCount, author: a {%Author%}}) AS authors
}
RETURN authors, size(ranked) > $maxAuthors AS truncated, o.name AS title
