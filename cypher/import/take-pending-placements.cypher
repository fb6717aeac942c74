// import/take-pending-placements: a chunk of the authors an import marked for placement (their
// authorships changed: import/create-authorships, write-authorships), unmarked in the placing
// transaction (a killed run leaves the rest marked), and the names among theirs that have an
// authorship to place (nameOnly), which import/place-authors then reads whole, but for a name
// with a single authorship that waits on its own node already.
MATCH (a:PlacementPending)
WITH a LIMIT $limit
REMOVE a:PlacementPending
WITH DISTINCT a.nameKey AS nameKey
WHERE EXISTS { MATCH (:Author {nameKey: nameKey})-[:AUTHORED {nameOnly: true}]->() }
  // One authorship, loose on the name's own node with nothing recorded: nothing to decide.
  AND NOT (COUNT { MATCH (:Author {nameKey: nameKey})-[:AUTHORED]->() } = 1
       AND EXISTS { MATCH (:Author {id: 'author:' + replace(nameKey, ' ', '-')})-[w:AUTHORED {nameOnly: true}]->() WHERE w.identityMethod IS NULL AND w.identityEvidence IS NULL })
RETURN collect(nameKey) AS nameKeys
