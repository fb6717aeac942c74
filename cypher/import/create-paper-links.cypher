// import/create-paper-links: topics, organizations and citations of papers created in this batch,
// created as import/write-paper-links would MERGE them (each row lists each link once; primary
// only on the paper's primary topic)
UNWIND $links AS row
MATCH (p:Paper {id: row.paperId})
CALL (p, row) {
  UNWIND row.topics AS topic
  MATCH (t:Topic {id: topic.id})
  CREATE (p)-[:HAS_TOPIC {score: topic.score, primary: topic.primary}]->(t)
}
CALL (p, row) {
  UNWIND row.organizationIds AS organizationId
  MATCH (o:Organization {id: organizationId})
  CREATE (p)-[:FROM_ORGANIZATION]->(o)
}
CALL (p, row) {
  UNWIND row.references AS reference
  MATCH (cited:Paper {openalexId: reference})
  CREATE (p)-[:CITES]->(cited)
}
