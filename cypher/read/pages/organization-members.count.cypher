// read/pages/organization-members.count
UNWIND $requests AS request
MATCH (a:Author)-[:AFFILIATED_WITH]->(:Organization {id: request.parentId})
RETURN request.key AS key, count(a) AS total
