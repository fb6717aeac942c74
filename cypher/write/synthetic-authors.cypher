// write/synthetic-authors
UNWIND $rows AS row
MERGE (a:Author {id: row.id})
SET a.name = row.name, a.nameKey = row.nameKey
