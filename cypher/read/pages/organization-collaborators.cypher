// read/pages/organization-collaborators: other organizations on the same papers, most shared first
UNWIND $requests AS request
MATCH (o:Organization {id: request.parentId})<-[:FROM_ORGANIZATION]-(p:Paper)-[:FROM_ORGANIZATION]->(other:Organization)
WHERE other <> o
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
