// read/pages/topic-papers.count
UNWIND $requests AS request
MATCH (p:Paper)-[:HAS_TOPIC]->(:Topic {id: request.parentId})
RETURN request.key AS key, count(p) AS total
