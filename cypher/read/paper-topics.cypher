// read/paper-topics
UNWIND $ids AS id
MATCH (:Paper {id: id})-[r:HAS_TOPIC]->(t:Topic)
WITH id, t, r
ORDER BY r.score DESC, t.name
RETURN id, collect({topicId: t.id, topic: t {%Topic%}, score: r.score}) AS rows
