// read/pages/organization-collaborators.count
UNWIND $requests AS request
MATCH (o:Organization {id: request.parentId})<-[:FROM_ORGANIZATION]-(:Paper)-[:FROM_ORGANIZATION]->(other:Organization)
WHERE other <> o
RETURN request.key AS key, count(DISTINCT other) AS total
