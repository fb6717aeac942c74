// read/author-paper-counts: the totalCount of author-papers-pages, asked for only when selected
UNWIND $requests AS request
MATCH (:Author {id: request.authorId})-[:AUTHORED]->(p:Paper)
WHERE all(otherId IN request.sharedWith WHERE EXISTS { (:Author {id: otherId})-[:AUTHORED]->(p) })
RETURN request.key AS key, count(p) AS total
