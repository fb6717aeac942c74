// read/pages/organization-papers.count
UNWIND $requests AS request
MATCH (p:Paper)-[:FROM_ORGANIZATION]->(:Organization {id: request.parentId})
WHERE all(otherId IN request.sharedWith WHERE EXISTS { (p)-[:FROM_ORGANIZATION]->(:Organization {id: otherId}) })
RETURN request.key AS key, count(p) AS total
