// read/pages/organization-collaborators: other organizations on the same papers, most shared
// first. With includeSubUnits, the papers of its units too (PART_OF, any depth). Never its own
// units, nor the institutions it is a unit of: those are the organization itself.
UNWIND $requests AS request
MATCH (root:Organization {id: request.parentId})
CALL (root) {
  MATCH (unit:Organization)-[:PART_OF*0..5]->(root)
  RETURN collect(unit) AS tree
}
CALL (root) {
  OPTIONAL MATCH (root)-[:PART_OF*1..5]->(up:Organization)
  RETURN collect(up) AS ancestors
}
CALL (root, request, tree) {
  UNWIND CASE WHEN request.includeSubUnits THEN tree ELSE [root] END AS unit
  MATCH (p:Paper)-[:FROM_ORGANIZATION]->(unit)
  RETURN DISTINCT p
}
MATCH (p)-[:FROM_ORGANIZATION]->(other:Organization)
WHERE NOT other IN tree AND NOT other IN ancestors
// end of match (read/pages/organization-collaborators.count counts these rows)
WITH request, other, count(DISTINCT p) AS shared, min(p.year) AS firstYear, max(p.year) AS lastYear
WITH request, other, shared, firstYear, lastYear,
     right('000000000' + toString(999999999 - shared), 9) + '|' + other.nameKey + '|' + other.id AS sortKey
WHERE request.after IS NULL OR sortKey > request.after
WITH request, other, sortKey, shared, firstYear, lastYear
ORDER BY sortKey
WITH request, collect({n: other, sortKey: sortKey, sharedPaperCount: shared, firstYear: firstYear, lastYear: lastYear}) AS rows
UNWIND rows[0..toInteger(request.limit)] AS row
WITH request, row, row.n AS other
RETURN request.key AS key, collect({id: other.id, sortKey: row.sortKey, sharedPaperCount: row.sharedPaperCount, firstYear: row.firstYear, lastYear: row.lastYear, node: other {%Organization%}}) AS rows
