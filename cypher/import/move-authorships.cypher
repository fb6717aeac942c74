// import/move-authorships: each placed authorship that changes author to the one placement chose (created for a
// group of a name that the evidence sets apart), with its method, score and evidence. Onto an
// authorship the author holds already (the paper's byline names them by id): one authorship,
// the held one, with the sources of both. Both authors are marked for a summary refresh. Staying
// with the name for want of evidence ('name') is stored as no method (read back as 'name').
UNWIND $moves AS move
MATCH (from:Author {id: move.from})-[w:AUTHORED]->(p:Paper {id: move.paperId})
MERGE (to:Author {id: move.to})
ON CREATE SET to.name = w.name, to.nameKey = move.nameKey
WITH from, to, w, p, move
CALL (from, to, w, p) {
  OPTIONAL MATCH (to)-[held:AUTHORED]->(p)
  CALL (to, w, p, held) {
    WITH * WHERE held IS NULL
    CREATE (to)-[moved:AUTHORED]->(p)
    SET moved = properties(w)
  }
  CALL (w, held) {
    WITH * WHERE held IS NOT NULL
    SET held.sources = coalesce(held.sources, []) + [source IN coalesce(w.sources, []) WHERE NOT source IN coalesce(held.sources, [])],
        held.position = coalesce(held.position, w.position),
        held.organizationIds = coalesce(held.organizationIds, w.organizationIds)
  }
  DELETE w
  SET from:StaleSummary, to:StaleSummary
}
WITH to, p, move
MATCH (to)-[now:AUTHORED]->(p)
WHERE now.nameOnly
SET now.identityMethod = CASE WHEN move.method <> 'name' THEN move.method END, now.identityScore = move.score,
    now.identityEvidence = CASE WHEN size(move.evidence) > 0 THEN move.evidence END
