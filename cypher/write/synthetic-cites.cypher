// write/synthetic-cites
UNWIND $rows AS row
MATCH (citing:Paper {id: row.citingId})
MATCH (cited:Paper {id: row.citedId})
MERGE (citing)-[:CITES]->(cited)
