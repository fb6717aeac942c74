// read/pages/organization-papers.count
UNWIND $requests AS request
MATCH (p:Paper)-[:FROM_ORGANIZATION]->(:Organization {id: request.parentId})
RETURN request.key AS key, count(p) AS total
