// read/author-topics: the topics of an author's papers, most frequent first
UNWIND $ids AS id
MATCH (:Author {id: id})-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(t:Topic)
WITH id, t, count(DISTINCT p) AS paperCount
ORDER BY paperCount DESC, t.name
RETURN id, collect({topicId: t.id, topic: t {%Topic%}, paperCount: paperCount}) AS rows
