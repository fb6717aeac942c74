// write/topics
UNWIND $topics AS topic
MERGE (t:Topic {id: topic.id})
SET t.code = topic.code, t.name = topic.name, t.scheme = topic.scheme
