// read/pages/author-coauthors.count: as read/pages/author-coauthors, papers with more than
// $maxAuthorsPerPaper authors left out.
UNWIND $requests AS request
MATCH (a:Author {id: request.parentId})-[:AUTHORED]->(p:Paper)
WHERE COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
MATCH (p)<-[:AUTHORED]-(c:Author)
WHERE c <> a
RETURN request.key AS key, count(DISTINCT c) AS total
