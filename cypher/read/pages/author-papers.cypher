// read/pages/author-papers: an author's papers, newest first; with sharedWith, only papers
// every one of those authors also wrote and that links them: papers with more than
// $maxAuthorsPerPaper authors make no coauthor link (read/pages/author-coauthors), so they are
// not among the papers behind one. The cursor is the sort key of the last paper seen.
UNWIND $requests AS request
MATCH (:Author {id: request.parentId})-[:AUTHORED]->(p:Paper)
WHERE all(otherId IN request.sharedWith WHERE EXISTS { (:Author {id: otherId})-[:AUTHORED]->(p) })
  AND (size(request.sharedWith) = 0 OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper)
// end of match (read/pages/author-papers.count counts these rows)
WITH request, p, toString(coalesce(p.publishedOn, date({year: p.year}))) + '|' + p.id AS sortKey
WHERE request.after IS NULL OR sortKey < request.after
WITH request, p, sortKey
ORDER BY sortKey DESC
WITH request, collect({n: p, sortKey: sortKey}) AS rows
UNWIND rows[0..toInteger(request.limit)] AS row
WITH request, row, row.n AS p
RETURN request.key AS key, collect({id: p.id, sortKey: row.sortKey, node: p {%Paper%}}) AS rows
