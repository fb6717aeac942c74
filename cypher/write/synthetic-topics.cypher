// write/synthetic-topics
UNWIND $rows AS row
MERGE (t:Topic {id: row.id})
SET t.code = row.code, t.name = row.name, t.scheme = row.scheme
