// read/pages/author-coauthors.count
UNWIND $requests AS request
MATCH (a:Author {id: request.parentId})-[:AUTHORED]->(:Paper)<-[:AUTHORED]-(c:Author)
WHERE c <> a
RETURN request.key AS key, count(DISTINCT c) AS total
