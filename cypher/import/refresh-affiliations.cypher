// import/refresh-affiliations: AFFILIATED_WITH of each author recomputed from the affiliations
// on their authorships, so the summary never disagrees with the per-paper facts
UNWIND $authorIds AS authorId
MATCH (a:Author {id: authorId})
CALL (a) {
  OPTIONAL MATCH (a)-[w:AUTHORED]->(p:Paper)
  UNWIND coalesce(w.organizationIds, []) AS organizationId
  MATCH (o:Organization {id: organizationId})
  WITH a, o, count(DISTINCT p) AS paperCount, min(p.year) AS firstYear, max(p.year) AS lastYear
  MERGE (a)-[r:AFFILIATED_WITH]->(o)
  SET r.paperCount = paperCount, r.firstYear = firstYear, r.lastYear = lastYear
  RETURN collect(o.id) AS current
}
CALL (a, current) {
  MATCH (a)-[stale:AFFILIATED_WITH]->(o:Organization)
  WHERE NOT o.id IN current
  DELETE stale
}
