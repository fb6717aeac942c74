// read/paper-bylines: bylines in order; authors at an unknown position come last, by name; with
// the spelling each entry gave and how it came to its author (import/place-authors)
UNWIND $ids AS id
MATCH (a:Author)-[w:AUTHORED]->(:Paper {id: id})
WITH id, a, w
ORDER BY w.position IS NULL, w.position, a.nameKey
RETURN id, collect({
  authorId: a.id, author: a {%Author%}, position: w.position, name: w.name,
  identityMethod: coalesce(w.identityMethod, CASE WHEN w.nameOnly THEN 'name' END), identityScore: w.identityScore, identityEvidence: coalesce(w.identityEvidence, [])
}) AS rows
