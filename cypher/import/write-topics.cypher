// import/write-topics: topics keep the name they were first given
UNWIND $topics AS topic
MERGE (t:Topic {id: topic.id})
ON CREATE SET t.name = topic.name, t.scheme = topic.scheme, t.code = topic.code
