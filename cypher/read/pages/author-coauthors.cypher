// read/pages/author-coauthors: people who wrote papers with an author, most shared papers first,
// then by name. The sort key inverts the count so that one ascending string order does both.
// Papers with more than $maxAuthorsPerPaper authors make no link, and their bylines are never
// walked: the author count is the paper's degree, which Neo4j reads without visiting the
// authorships (a count kept on the node of a paper with many relationships).
UNWIND $requests AS request
MATCH (a:Author {id: request.parentId})-[:AUTHORED]->(p:Paper)
WHERE COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
MATCH (p)<-[:AUTHORED]-(c:Author)
WHERE c <> a
// end of match (read/pages/author-coauthors.count counts these rows)
WITH request, c, count(DISTINCT p) AS shared, min(p.year) AS firstYear, max(p.year) AS lastYear
WITH request, c, shared, firstYear, lastYear,
     right('000000000' + toString(999999999 - shared), 9) + '|' + c.nameKey + '|' + c.id AS sortKey
WHERE request.after IS NULL OR sortKey > request.after
WITH request, c, sortKey, shared, firstYear, lastYear
ORDER BY sortKey
WITH request, collect({n: c, sortKey: sortKey, sharedPaperCount: shared, firstYear: firstYear, lastYear: lastYear}) AS rows
UNWIND rows[0..toInteger(request.limit)] AS row
WITH request, row, row.n AS c
RETURN request.key AS key, collect({id: c.id, sortKey: row.sortKey, sharedPaperCount: row.sharedPaperCount, firstYear: row.firstYear, lastYear: row.lastYear, node: c {%Author%}}) AS rows
