// read/pages/author-papers.count
UNWIND $requests AS request
MATCH (:Author {id: request.parentId})-[:AUTHORED]->(p:Paper)
WHERE all(otherId IN request.sharedWith WHERE EXISTS { (:Author {id: otherId})-[:AUTHORED]->(p) })
RETURN request.key AS key, count(p) AS total
