// write/authors: authors by id, with any figures the source reported about them
UNWIND $authors AS author
MERGE (a:Author {id: author.id})
ON CREATE SET a.name = author.name
SET a.nameKey = author.nameKey
WITH a, author
WHERE author.reported IS NOT NULL
MATCH (s:Source {id: $sourceId})
MERGE (a)-[r:REPORTED_IN]->(s)
SET r = author.reported
