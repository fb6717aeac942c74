// read/analytics/community-links.count
UNWIND $requests AS request
MATCH (c:Community {id: request.parentId})
RETURN request.key AS key, COUNT { (c)-[:COLLABORATES_WITH]-(:Community) } AS total
