// write/synthetic-from-organization
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
MATCH (o:Organization {id: row.organizationId})
MERGE (p)-[:FROM_ORGANIZATION]->(o)
