// import/write-topics: topics keep the name they were first given (an OpenAlex topics part
// names them: snapshot/topics); a topic is PART_OF the one `partOf` names (OpenAlex: topic,
// subfield, field, domain), which is a row of the same batch or already in the graph
UNWIND $topics AS topic
MERGE (t:Topic {id: topic.id})
ON CREATE SET t.name = topic.name, t.scheme = topic.scheme, t.code = topic.code
WITH t, topic
WHERE topic.partOf IS NOT NULL
MATCH (parent:Topic {id: topic.partOf})
MERGE (t)-[:PART_OF]->(parent)
