// read/paper-bylines: bylines in order; authors at an unknown position come last, by name
UNWIND $ids AS id
MATCH (a:Author)-[w:AUTHORED]->(:Paper {id: id})
WITH id, a, w
ORDER BY w.position IS NULL, w.position, a.nameKey
RETURN id, collect({authorId: a.id, author: a {%Author%}, position: w.position}) AS rows
