// read/pages/organization-papers: papers a source attributes to an organization, newest first;
// with includeSubUnits, those of its units too (PART_OF, any depth), each paper once; with
// sharedWith, only papers every one of those organizations is also on.
UNWIND $requests AS request
MATCH (root:Organization {id: request.parentId})
CALL (root, request) {
  MATCH (unit:Organization)-[:PART_OF*0..5]->(root)
  WHERE request.includeSubUnits OR unit = root
  MATCH (p:Paper)-[:FROM_ORGANIZATION]->(unit)
  RETURN DISTINCT p
}
WITH request, p
WHERE all(otherId IN request.sharedWith WHERE EXISTS { (p)-[:FROM_ORGANIZATION]->(:Organization {id: otherId}) })
// end of match (read/pages/organization-papers.count counts these rows)
WITH request, p, toString(coalesce(p.publishedOn, date({year: p.year}))) + '|' + p.id AS sortKey
WHERE request.after IS NULL OR sortKey < request.after
WITH request, p, sortKey
ORDER BY sortKey DESC
WITH request, collect({n: p, sortKey: sortKey}) AS rows
UNWIND rows[0..toInteger(request.limit)] AS row
WITH request, row, row.n AS p
RETURN request.key AS key, collect({id: p.id, sortKey: row.sortKey, node: p {%Paper%}}) AS rows
