// fix/split-author: authorships of the given papers move from one author to a new one (two
// people recorded as one). Positions, spellings and per-paper affiliations move with them; a
// name the operator gives stays the display name (`nameFixed`), whatever later bylines spell.
// Both sides are the operator's word: what moved and what stayed is held (identityMethod
// 'curated'), never moved by placement by evidence (import/place-authors) again.
MATCH (author:Author {id: $id})
CREATE (split:Author {id: $newId, name: $name, nameKey: $nameKey, splitFrom: $id, nameFixed: CASE WHEN $nameGiven THEN true END})
WITH author, split
UNWIND $paperIds AS paperId
MATCH (author)-[w:AUTHORED]->(:Paper {id: paperId})
WITH author, split, w, endNode(w) AS paper
CREATE (split)-[moved:AUTHORED]->(paper)
SET moved = properties(w)
SET moved.nameOnly = null, moved.identityMethod = 'curated', moved.identityScore = null, moved.identityEvidence = null
DELETE w
WITH author, count(moved) AS moved
CALL (author) {
  MATCH (author)-[stayed:AUTHORED]->()
  WHERE stayed.nameOnly
  SET stayed.nameOnly = null, stayed.identityMethod = 'curated', stayed.identityScore = null, stayed.identityEvidence = null
}
RETURN moved
