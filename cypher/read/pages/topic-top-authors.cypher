// read/pages/topic-top-authors: authors with the most papers on a topic
UNWIND $requests AS request
MATCH (a:Author)-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(:Topic {id: request.parentId})
// end of match (read/pages/topic-top-authors.count counts these rows)
WITH request, a, count(DISTINCT p) AS paperCount
WITH request, a, paperCount, right('000000000' + toString(999999999 - paperCount), 9) + '|' + a.nameKey + '|' + a.id AS sortKey
WHERE request.after IS NULL OR sortKey > request.after
WITH request, a, sortKey, paperCount
ORDER BY sortKey
WITH request, collect({n: a, sortKey: sortKey, paperCount: paperCount}) AS rows
UNWIND rows[0..toInteger(request.limit)] AS row
WITH request, row, row.n AS a
RETURN request.key AS key, collect({id: a.id, sortKey: row.sortKey, paperCount: row.paperCount, node: a {%Author%}}) AS rows
