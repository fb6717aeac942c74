// write/synthetic-authored: byline positions (1-based) and the author's organization on the
// paper, kept on the authorship as importers keep it (AFFILIATED_WITH sums these up)
UNWIND $rows AS row
MATCH (a:Author {id: row.authorId})
MATCH (p:Paper {id: row.paperId})
MERGE (a)-[r:AUTHORED]->(p)
SET r.position = toInteger(row.position), r.organizationIds = [row.organizationId]
