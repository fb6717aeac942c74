// write/synthetic-has-topic
UNWIND $rows AS row
MATCH (p:Paper {id: row.paperId})
MATCH (t:Topic {id: row.topicId})
MERGE (p)-[r:HAS_TOPIC]->(t)
SET r.score = toFloat(row.score)
