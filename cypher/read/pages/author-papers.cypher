// read/pages/author-papers: an author's papers, newest first; with sharedWith, only papers
// every one of those authors also wrote. The cursor is the sort key of the last paper seen.
UNWIND $requests AS request
MATCH (:Author {id: request.parentId})-[:AUTHORED]->(p:Paper)
WHERE all(otherId IN request.sharedWith WHERE EXISTS { (:Author {id: otherId})-[:AUTHORED]->(p) })
WITH request, p, toString(coalesce(p.publishedOn, date({year: p.year}))) + '|' + p.id AS sortKey
WHERE request.after IS NULL OR sortKey < request.after
WITH request, p.id AS id, sortKey
ORDER BY sortKey DESC
WITH request, collect({id: id, sortKey: sortKey}) AS rows
RETURN request.key AS key, rows[0..toInteger(request.limit)] AS rows
