// fix/merge-authors: one person recorded as two authors becomes one. Every authorship moves to
// `into` (keeping byline positions, spellings, sources and per-paper affiliations), as do
// reported figures and external ids; `from` is deleted and remembered in `into.mergedIds`, and
// its name key (and any merged into it before) becomes an alias of `into`, so a later record
// that names only that spelling joins `into` instead of bringing `from` back. An OpenAlex id
// `into` cannot take (it has its own) becomes an AuthorAlias {openalexId} of `into`, as OpenAlex's
// merged ids do, so `author(openalexId:)` and later records naming it lead to `into`. The
// operator's word is final: every authorship `into` now holds by name only, its own or moved from
// `from`, is held (identityMethod 'curated'), so placement by evidence (import/place-authors)
// never moves it away again.
MATCH (into:Author {id: $into}), (from:Author {id: $from})
CALL (into, from) {
  MATCH (from)-[w:AUTHORED]->(p:Paper)
  MERGE (into)-[kept:AUTHORED]->(p)
  // A name-only entry stays one when it moves, so that the step below holds it as curated too.
  ON CREATE SET kept.nameOnly = w.nameOnly
  SET kept.position = coalesce(kept.position, w.position),
      kept.organizationIds = coalesce(kept.organizationIds, w.organizationIds),
      kept.name = coalesce(kept.name, w.name),
      kept.sources = CASE WHEN kept.sources IS NULL AND w.sources IS NULL THEN null
        ELSE coalesce(kept.sources, []) + [source IN coalesce(w.sources, []) WHERE NOT source IN coalesce(kept.sources, [])] END
  DELETE w
}
CALL (into, from) {
  MATCH (from)-[r:REPORTED_IN]->(s:Source)
  MERGE (into)-[kept:REPORTED_IN]->(s)
  ON CREATE SET kept = properties(r)
  DELETE r
}
CALL (into, from) {
  MATCH (alias:AuthorAlias)-[old:ALIAS_OF]->(from)
  MERGE (alias)-[:ALIAS_OF]->(into)
  DELETE old
}
CALL (into, from) {
  WITH into, from
  WHERE from.nameKey <> into.nameKey
  MERGE (alias:AuthorAlias {nameKey: from.nameKey})
  MERGE (alias)-[:ALIAS_OF]->(into)
}
CALL (into, from) {
  WITH into, from
  WHERE from.openalexId IS NOT NULL AND into.openalexId IS NOT NULL AND from.openalexId <> into.openalexId
  MERGE (alias:AuthorAlias {openalexId: from.openalexId})
  MERGE (alias)-[:ALIAS_OF]->(into)
  WITH alias, into
  MATCH (alias)-[stale:ALIAS_OF]->(other:Author) WHERE other <> into
  DELETE stale
}
WITH into, from, from.id AS fromId, from.openalexId AS openalexId, from.orcid AS orcid, from.openreviewId AS openreviewId
DETACH DELETE from
WITH into, fromId, openalexId, orcid, openreviewId
CALL (into) {
  MATCH (into)-[held:AUTHORED]->()
  WHERE held.nameOnly
  SET held.nameOnly = null, held.identityMethod = 'curated', held.identityScore = null, held.identityEvidence = null
}
SET into.openalexId = coalesce(into.openalexId, openalexId),
    into.orcid = coalesce(into.orcid, orcid),
    into.openreviewId = coalesce(into.openreviewId, openreviewId),
    into.mergedIds = coalesce(into.mergedIds, []) + fromId
RETURN into.id AS id
