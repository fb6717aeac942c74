// read/pages/paper-cited-by: the papers that cite a paper, newest first
UNWIND $requests AS request
MATCH (:Paper {id: request.parentId})<-[:CITES]-(p:Paper)
// end of match (read/pages/paper-cited-by.count counts these rows)
WITH request, p, toString(coalesce(p.publishedOn, date({year: p.year}))) + '|' + p.id AS sortKey
WHERE request.after IS NULL OR sortKey < request.after
WITH request, p, sortKey
ORDER BY sortKey DESC
WITH request, collect({n: p, sortKey: sortKey}) AS rows
UNWIND rows[0..toInteger(request.limit)] AS row
WITH request, row, row.n AS p
RETURN request.key AS key, collect({id: p.id, sortKey: row.sortKey, node: p {%Paper%}}) AS rows
