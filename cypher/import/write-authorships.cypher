// import/write-authorships: a complete byline sets positions; an incomplete one only fills gaps.
// Each authorship keeps the name as this byline spelled it (the author's display name is chosen
// from these), the sources that gave it, and organizationIds, the author's affiliations on this
// paper (AFFILIATED_WITH sums them up), `corresponding: true` while the latest source that says
// marks the author corresponding (a source that says nothing leaves it), and `rawName`, the
// byline's own spelling when it differs from `name` (set with `name`); nameOnly / identityMethod as
// import/create-authorships sets them (a placement the evidence made is kept until place-authors
// looks again; a name-only entry that meets an authorship held by an id or an operator leaves it held). The author is marked for a summary refresh (import/refresh-authors) and placement.
UNWIND $authorships AS row
MATCH (a:Author {id: row.authorId}), (p:Paper {id: row.paperId})
MERGE (a)-[w:AUTHORED]->(p)
SET w.position = CASE WHEN row.complete OR w.position IS NULL THEN toInteger(row.position) ELSE w.position END,
    w.organizationIds = CASE WHEN size(row.organizationIds) > 0 THEN row.organizationIds ELSE w.organizationIds END,
    w.name = row.name,
    w.rawName = row.rawName,
    w.corresponding = CASE WHEN row.corresponding IS NULL THEN w.corresponding WHEN row.corresponding THEN true END,
    w.sources = [source IN coalesce(w.sources, []) WHERE source <> row.sourceId] + row.sourceId,
    w.nameOnly = CASE WHEN row.loose AND NOT coalesce(w.identityMethod IN ['id', 'merged-name', 'curated'], false) THEN true END,
    w.identityMethod = CASE WHEN row.loose THEN w.identityMethod ELSE row.identityMethod END
SET a:StaleSummary:PlacementPending
