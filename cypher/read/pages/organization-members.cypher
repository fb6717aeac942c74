// read/pages/organization-members: authors affiliated with an organization, most papers first
UNWIND $requests AS request
MATCH (a:Author)-[r:AFFILIATED_WITH]->(:Organization {id: request.parentId})
WITH request, a, r, right('000000000' + toString(999999999 - r.paperCount), 9) + '|' + a.nameKey + '|' + a.id AS sortKey
WHERE request.after IS NULL OR sortKey > request.after
WITH request, a.id AS id, sortKey, r
ORDER BY sortKey
WITH request, collect({id: id, sortKey: sortKey, paperCount: r.paperCount, firstYear: r.firstYear, lastYear: r.lastYear}) AS rows
RETURN request.key AS key, rows[0..toInteger(request.limit)] AS rows
