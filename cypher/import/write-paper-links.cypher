// import/write-paper-links: topics, organizations and citations of already-present papers. A row
// that names a primary topic makes it the paper's only one (HAS_TOPIC.primary). When no other
// source gave the paper, the record replaces what its source said before (import/write-papers):
// topics and organizations it no longer names go (an organization left is marked OrphanCandidate).
UNWIND $links AS row
MATCH (p:Paper {id: row.paperId})
CALL (p, row) {
  WITH p, row
  WHERE NOT EXISTS { (p)-[:RECORDED_IN]->(other:Source) WHERE other.id <> row.sourceId }
  CALL (p, row) {
    MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
    WHERE NOT t.id IN [topic IN row.topics | topic.id]
    DELETE h
  }
  CALL (p, row) {
    MATCH (p)-[f:FROM_ORGANIZATION]->(o:Organization)
    WHERE NOT o.id IN row.organizationIds
    // Perhaps named by nothing now: import/remove-orphan-organizations looks at these only.
    SET o:OrphanCandidate
    DELETE f
  }
}
CALL (p, row) {
  UNWIND row.topics AS topic
  MATCH (t:Topic {id: topic.id})
  MERGE (p)-[h:HAS_TOPIC]->(t)
  SET h.score = coalesce(topic.score, h.score), h.primary = topic.primary
}
CALL (p, row) {
  WITH p, [topic IN row.topics WHERE topic.primary | topic.id] AS primary
  WHERE size(primary) > 0
  MATCH (p)-[h:HAS_TOPIC]->(t:Topic)
  WHERE h.primary AND NOT t.id IN primary
  REMOVE h.primary
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
