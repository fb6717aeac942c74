// read/author-papers-pages: one page of an author's papers per request, newest first.
// A request may name other authors (sharedWith) who must also have written each paper.
// The cursor is the sort key of the last paper seen, so pages stay stable under inserts.
UNWIND $requests AS request
MATCH (:Author {id: request.authorId})-[:AUTHORED]->(p:Paper)
WHERE all(otherId IN request.sharedWith WHERE EXISTS { (:Author {id: otherId})-[:AUTHORED]->(p) })
WITH request, p, toString(coalesce(p.publishedOn, date({year: p.year}))) + '|' + p.id AS sortKey
WHERE request.after IS NULL OR sortKey < request.after
WITH request, p, sortKey
ORDER BY sortKey DESC
WITH request, collect(p {.id, .title, .year, publishedOn: toString(p.publishedOn), sortKey: sortKey}) AS papers
RETURN request.key AS key, papers[0..toInteger(request.limit)] AS papers
