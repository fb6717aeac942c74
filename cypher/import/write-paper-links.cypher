// import/write-paper-links: topics, organizations and citations of already-present papers
UNWIND $links AS row
MATCH (p:Paper {id: row.paperId})
CALL (p, row) {
  UNWIND row.topics AS topic
  MATCH (t:Topic {id: topic.id})
  MERGE (p)-[h:HAS_TOPIC]->(t)
  SET h.score = coalesce(topic.score, h.score)
}
CALL (p, row) {
  UNWIND row.organizationIds AS organizationId
  MATCH (o:Organization {id: organizationId})
  MERGE (p)-[:FROM_ORGANIZATION]->(o)
}
CALL (p, row) {
  UNWIND row.references AS reference
  MATCH (cited:Paper {openalexId: reference})
  MERGE (p)-[:CITES]->(cited)
}
