// read/pages/paper-cites.count
UNWIND $requests AS request
MATCH (:Paper {id: request.parentId})-[:CITES]->(p:Paper)
RETURN request.key AS key, count(p) AS total
