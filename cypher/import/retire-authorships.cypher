// import/retire-authorships: a source's complete byline replaces what that source said before.
// An authorship the new byline no longer names is removed when this source alone gave it (or,
// made before authorships recorded their sources, when the paper has no other source); one that
// other sources gave too only forgets this source. Returns the authors that lost authorships,
// marked for a summary refresh (import/refresh-authors).
UNWIND $bylines AS byline
MATCH (p:Paper {id: byline.paperId})<-[w:AUTHORED]-(a:Author)
WHERE NOT a.id IN byline.authorIds
  AND (byline.sourceId IN coalesce(w.sources, [])
       OR (w.sources IS NULL AND all(source IN [(p)-[:RECORDED_IN]->(s:Source) | s.id] WHERE source = byline.sourceId)))
WITH a, w, [source IN coalesce(w.sources, []) WHERE source <> byline.sourceId] AS others
FOREACH (_ IN CASE WHEN size(others) = 0 THEN [1] ELSE [] END | DELETE w)
FOREACH (_ IN CASE WHEN size(others) > 0 THEN [1] ELSE [] END | SET w.sources = others)
SET a:StaleSummary
RETURN collect(DISTINCT a.id) AS authorIds
