// write/synthetic-authored: byline positions (1-based)
UNWIND $rows AS row
MATCH (a:Author {id: row.authorId})
MATCH (p:Paper {id: row.paperId})
MERGE (a)-[r:AUTHORED]->(p)
SET r.position = toInteger(row.position)
