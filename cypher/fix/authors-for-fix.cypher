// fix/authors-for-fix: the facts a merge or split must check first
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN a.id AS id, a.name AS name, a.openalexId AS openalexId, a.orcid AS orcid, a.openreviewId AS openreviewId,
       [(a)-[:AUTHORED]->(p:Paper) | p.id] AS paperIds
