// import/create-authorships: the byline of a paper created in this batch (one row per author and
// paper), with what import/write-authorships would set on a new authorship (corresponding only
// when true, rawName only when the byline's spelling differs; nameOnly when the byline gave a
// name only, identityMethod when an id or an operator's merged spelling holds it). Its author is
// marked for a summary refresh (import/refresh-authors) and for placement (import/place-authors).
UNWIND $authorships AS row
MATCH (a:Author {id: row.authorId}), (p:Paper {id: row.paperId})
CREATE (a)-[:AUTHORED {
  position: toInteger(row.position), name: row.name, sources: [row.sourceId],
  organizationIds: CASE WHEN size(row.organizationIds) > 0 THEN row.organizationIds END,
  corresponding: CASE WHEN row.corresponding THEN true END, rawName: row.rawName,
  nameOnly: CASE WHEN row.loose THEN true END, identityMethod: row.identityMethod
}]->(p)
SET a:StaleSummary:PlacementPending
