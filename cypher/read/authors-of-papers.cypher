// read/authors-of-papers: bylines in order; authors at an unknown position come last, by name
UNWIND $paperIds AS paperId
MATCH (a:Author)-[w:AUTHORED]->(:Paper {id: paperId})
WITH paperId, a, w
ORDER BY w.position IS NULL, w.position, a.name
RETURN paperId, collect(a {.id, .name, position: w.position}) AS authors
