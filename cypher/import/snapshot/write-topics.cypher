// import/snapshot/write-topics: an OpenAlex topics part names its topics and their subfields,
// fields and domains (the names works gave first are replaced) and links them by PART_OF; rows
// as import/write-topics takes them (a node after the one it is part of)
UNWIND $topics AS topic
MERGE (t:Topic {id: topic.id})
SET t.name = topic.name, t.scheme = topic.scheme, t.code = topic.code
WITH t, topic
WHERE topic.partOf IS NOT NULL
MATCH (parent:Topic {id: topic.partOf})
MERGE (t)-[:PART_OF]->(parent)
