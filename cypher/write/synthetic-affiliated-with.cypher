// write/synthetic-affiliated-with: per author and organization, aggregated by the generator
UNWIND $rows AS row
MATCH (a:Author {id: row.authorId})
MATCH (o:Organization {id: row.organizationId})
MERGE (a)-[r:AFFILIATED_WITH]->(o)
SET r.firstYear = toInteger(row.firstYear),
    r.lastYear = toInteger(row.lastYear),
    r.paperCount = toInteger(row.paperCount)
