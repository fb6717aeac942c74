// read/pages/organization-members: authors affiliated with an organization (with includeSubUnits,
// or with any of its units: PART_OF, any depth), most papers first; an author's papers, years
// and rank count each paper once, however many of the units it names.
UNWIND $requests AS request
MATCH (root:Organization {id: request.parentId})
CALL (root, request) {
  MATCH (unit:Organization)-[:PART_OF*0..5]->(root)
  WHERE request.includeSubUnits OR unit = root
  RETURN collect(unit) AS units
}
UNWIND units AS unit
MATCH (a:Author)-[:AFFILIATED_WITH]->(unit)
WITH DISTINCT request, a, [u IN units | u.id] AS unitIds
// end of match (read/pages/organization-members.count counts these rows)
CALL (a, unitIds) {
  MATCH (a)-[w:AUTHORED]->(p:Paper)
  WHERE any(id IN coalesce(w.organizationIds, []) WHERE id IN unitIds)
  RETURN count(DISTINCT p) AS paperCount, min(p.year) AS firstYear, max(p.year) AS lastYear
}
WITH request, a, paperCount, firstYear, lastYear, right('000000000' + toString(999999999 - paperCount), 9) + '|' + a.nameKey + '|' + a.id AS sortKey
WHERE request.after IS NULL OR sortKey > request.after
WITH request, a, sortKey, paperCount, firstYear, lastYear
ORDER BY sortKey
WITH request, collect({n: a, sortKey: sortKey, paperCount: paperCount, firstYear: firstYear, lastYear: lastYear}) AS rows
UNWIND rows[0..toInteger(request.limit)] AS row
WITH request, row, row.n AS a
RETURN request.key AS key, collect({id: a.id, sortKey: row.sortKey, paperCount: row.paperCount, firstYear: row.firstYear, lastYear: row.lastYear, node: a {%Author%}}) AS rows
