// import/refresh-authors: what an author's authorships sum up, recomputed for the authors a write
// touched, so the summaries never disagree with the per-paper facts:
// - AFFILIATED_WITH from the affiliations on their authorships;
// - the display name: the cleanest and most common spelling their bylines gave (properly cased
//   before ALL CAPS or all lower case, then the most used), unless an operator named the author.
// Their StaleSummary mark, if any, goes.
UNWIND $authorIds AS authorId
MATCH (a:Author {id: authorId})
REMOVE a:StaleSummary
WITH a
CALL (a) {
  OPTIONAL MATCH (a)-[w:AUTHORED]->(p:Paper)
  UNWIND coalesce(w.organizationIds, []) AS organizationId
  MATCH (o:Organization {id: organizationId})
  WITH a, o, count(DISTINCT p) AS paperCount, min(p.year) AS firstYear, max(p.year) AS lastYear
  MERGE (a)-[r:AFFILIATED_WITH]->(o)
  SET r.paperCount = paperCount, r.firstYear = firstYear, r.lastYear = lastYear
  RETURN collect(o.id) AS current
}
CALL (a, current) {
  MATCH (a)-[stale:AFFILIATED_WITH]->(o:Organization)
  WHERE NOT o.id IN current
  DELETE stale
}
CALL (a) {
  MATCH (a)-[w:AUTHORED]->()
  WHERE w.name IS NOT NULL AND a.nameFixed IS NULL
  WITH w.name AS spelling, count(*) AS uses
  RETURN spelling
  ORDER BY spelling <> toLower(spelling) AND spelling <> toUpper(spelling) DESC, uses DESC, spelling
  LIMIT 1
}
SET a.name = spelling
