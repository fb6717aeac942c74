// read/pages/author-papers.count (the same papers as read/pages/author-papers)
UNWIND $requests AS request
MATCH (:Author {id: request.parentId})-[:AUTHORED]->(p:Paper)
WHERE all(otherId IN request.sharedWith WHERE EXISTS { (:Author {id: otherId})-[:AUTHORED]->(p) })
  AND (size(request.sharedWith) = 0 OR COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper)
RETURN request.key AS key, count(p) AS total
