// read/topic-trends: papers per year on a topic
UNWIND $ids AS id
MATCH (p:Paper)-[:HAS_TOPIC]->(:Topic {id: id})
WITH id, p.year AS year, count(*) AS paperCount
ORDER BY year
RETURN id, collect({year: year, paperCount: paperCount}) AS rows
