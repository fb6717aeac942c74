// read/pages/topic-papers: papers on a topic, newest first
UNWIND $requests AS request
MATCH (p:Paper)-[:HAS_TOPIC]->(:Topic {id: request.parentId})
WITH request, p, toString(coalesce(p.publishedOn, date({year: p.year}))) + '|' + p.id AS sortKey
WHERE request.after IS NULL OR sortKey < request.after
WITH request, p.id AS id, sortKey
ORDER BY sortKey DESC
WITH request, collect({id: id, sortKey: sortKey}) AS rows
RETURN request.key AS key, rows[0..toInteger(request.limit)] AS rows
