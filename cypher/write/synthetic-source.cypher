// write/synthetic-source: the one source node that records a generated graph
UNWIND $rows AS row
MERGE (s:Source {id: row.id})
SET s.kind = row.kind, s.name = row.name
