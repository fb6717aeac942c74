// read/pages/paper-cites: the papers a paper cites, newest first
UNWIND $requests AS request
MATCH (:Paper {id: request.parentId})-[:CITES]->(p:Paper)
WITH request, p, toString(coalesce(p.publishedOn, date({year: p.year}))) + '|' + p.id AS sortKey
WHERE request.after IS NULL OR sortKey < request.after
WITH request, p.id AS id, sortKey
ORDER BY sortKey DESC
WITH request, collect({id: id, sortKey: sortKey}) AS rows
RETURN request.key AS key, rows[0..toInteger(request.limit)] AS rows
