// read/pages/organization-members: authors affiliated with an organization, most papers first
UNWIND $requests AS request
MATCH (a:Author)-[r:AFFILIATED_WITH]->(:Organization {id: request.parentId})
// end of match (read/pages/organization-members.count counts these rows)
WITH request, a, r, right('000000000' + toString(999999999 - r.paperCount), 9) + '|' + a.nameKey + '|' + a.id AS sortKey
WHERE request.after IS NULL OR sortKey > request.after
WITH request, a, sortKey, r
ORDER BY sortKey
WITH request, collect({n: a, sortKey: sortKey, paperCount: r.paperCount, firstYear: r.firstYear, lastYear: r.lastYear}) AS rows
UNWIND rows[0..toInteger(request.limit)] AS row
WITH request, row, row.n AS a
RETURN request.key AS key, collect({id: a.id, sortKey: row.sortKey, paperCount: row.paperCount, firstYear: row.firstYear, lastYear: row.lastYear, node: a {%Author%}}) AS rows
