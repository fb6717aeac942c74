// read/analytics/community-members.count: a community's size, stored with it
UNWIND $requests AS request
MATCH (c:Community {id: request.parentId})
RETURN request.key AS key, c.size AS total
