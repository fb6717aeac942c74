// import/link-references: CITES for references whose cited work arrived after the citing one
MATCH (p:Paper)
WHERE p.referencedWorks IS NOT NULL
UNWIND p.referencedWorks AS reference
MATCH (cited:Paper {openalexId: reference})
MERGE (p)-[:CITES]->(cited)
