// read/pages/topic-top-authors.count
UNWIND $requests AS request
MATCH (a:Author)-[:AUTHORED]->(:Paper)-[:HAS_TOPIC]->(:Topic {id: request.parentId})
RETURN request.key AS key, count(DISTINCT a) AS total
