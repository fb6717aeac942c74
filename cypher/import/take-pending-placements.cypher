// import/take-pending-placements: a chunk of the authors an import marked for placement (their
// authorships changed: import/create-authorships, write-authorships), unmarked in the placing
// transaction (a killed run leaves the rest marked), and the names among theirs that have an
// authorship to place (nameOnly), which import/place-authors then reads whole.
MATCH (a:PlacementPending)
WITH a LIMIT $limit
REMOVE a:PlacementPending
WITH DISTINCT a.nameKey AS nameKey
WHERE EXISTS { MATCH (:Author {nameKey: nameKey})-[:AUTHORED {nameOnly: true}]->() }
RETURN collect(nameKey) AS nameKeys
