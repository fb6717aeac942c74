// import/resolve-authors: the existing author each byline entry names, if any: by its fixed id
// (generated graphs; such an entry is never matched by name), OpenAlex id (an author's own, else
// one merged into them: an AuthorAlias, so a record naming a merged id joins the target), ORCID,
// OpenReview id, then normalized name (an author's own, or a spelling merged into them) when
// exactly one author without a conflicting id has it. nameMatches > 1 tells the caller the
// name is ambiguous. (Index hints: an import starts from an empty graph, and a plan made from
// its early statistics must not scan once the graph has grown.)
UNWIND $refs AS ref
OPTIONAL MATCH (byFixedId:Author {id: ref.id})
OPTIONAL MATCH (byOpenalex:Author {openalexId: ref.openalexId})
OPTIONAL MATCH (:AuthorAlias {openalexId: ref.openalexId})-[:ALIAS_OF]->(byMergedOpenalex:Author)
OPTIONAL MATCH (byOrcid:Author {orcid: ref.orcid})
OPTIONAL MATCH (byOpenreview:Author {openreviewId: ref.openreviewId})
CALL (ref) {
  CALL (ref) {
    MATCH (a:Author {nameKey: ref.nameKey}) USING INDEX a:Author(nameKey)
    RETURN a
    UNION
    MATCH (alias:AuthorAlias {nameKey: ref.nameKey})-[:ALIAS_OF]->(a:Author) USING INDEX alias:AuthorAlias(nameKey)
    RETURN a
  }
  WITH a
  WHERE ref.id IS NULL
    AND (ref.openalexId IS NULL OR a.openalexId IS NULL)
    AND (ref.orcid IS NULL OR a.orcid IS NULL)
    AND (ref.openreviewId IS NULL OR a.openreviewId IS NULL)
  RETURN collect(a.id) AS byName
}
WITH ref, coalesce(byFixedId.id, byOpenalex.id, byMergedOpenalex.id, byOrcid.id, byOpenreview.id) AS byId, byName
RETURN ref.key AS key, coalesce(byId, CASE WHEN size(byName) = 1 THEN byName[0] END) AS id,
       byId IS NULL AS byNameOnly, size(byName) AS nameMatches
