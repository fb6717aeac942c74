// fix/split-author: authorships of the given papers move from one author to a new one (two
// people recorded as one). Positions, spellings and per-paper affiliations move with them; a
// name the operator gives stays the display name (`nameFixed`), whatever later bylines spell.
MATCH (author:Author {id: $id})
CREATE (split:Author {id: $newId, name: $name, nameKey: $nameKey, splitFrom: $id, nameFixed: CASE WHEN $nameGiven THEN true END})
WITH author, split
UNWIND $paperIds AS paperId
MATCH (author)-[w:AUTHORED]->(:Paper {id: paperId})
WITH author, split, w, endNode(w) AS paper
CREATE (split)-[moved:AUTHORED]->(paper)
SET moved = properties(w)
DELETE w
RETURN count(moved) AS moved
