// eval/authorships-by-record: the author node holding each byline entry of each recorded paper (the record's file#index, the entry's position).
MATCH (p:Paper)-[r:RECORDED_IN]->(:Source)
MATCH (a:Author)-[w:AUTHORED]->(p)
WHERE w.position IS NOT NULL
RETURN r.recordId AS recordId, w.position AS position, a.id AS authorId
