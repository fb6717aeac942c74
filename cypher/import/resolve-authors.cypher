// import/resolve-authors: the existing author each byline entry names, if any. An identified entry
// goes by its ids alone, never by its name: its fixed id (generated graphs), OpenAlex id (an
// author's own, else one merged into them: an AuthorAlias, so a record naming a merged id joins the
// target), ORCID, OpenReview id. A name-only entry goes to the author an operator merged its
// spelling into (AuthorAlias {nameKey}), else it is placed by evidence after the batches
// (import/place-authors), starting at the one person of its name held by an id if there is one
// (`startsAt`: where placement most often leaves it, so it seldom moves), else at the name's own
// node (the caller's key). Where it starts does not change where it ends. nameMatches counts the authors with the name.
// (Index hints: an import starts from an empty graph, and a plan made from its early statistics
// must not scan once the graph has grown.)
UNWIND $refs AS ref
OPTIONAL MATCH (byFixedId:Author {id: ref.id})
OPTIONAL MATCH (byOpenalex:Author {openalexId: ref.openalexId})
OPTIONAL MATCH (:AuthorAlias {openalexId: ref.openalexId})-[:ALIAS_OF]->(byMergedOpenalex:Author)
OPTIONAL MATCH (byOrcid:Author {orcid: ref.orcid})
OPTIONAL MATCH (byOpenreview:Author {openreviewId: ref.openreviewId})
WITH ref, coalesce(byFixedId.id, byOpenalex.id, byMergedOpenalex.id, byOrcid.id, byOpenreview.id) AS byId,
     ref.id IS NULL AND ref.openalexId IS NULL AND ref.orcid IS NULL AND ref.openreviewId IS NULL AS nameOnly
CALL (ref, nameOnly) {
  OPTIONAL MATCH (alias:AuthorAlias {nameKey: ref.nameKey})-[:ALIAS_OF]->(merged:Author) USING INDEX alias:AuthorAlias(nameKey)
  WHERE nameOnly
  RETURN merged.id AS byMergedName
}
CALL (ref) {
  MATCH (a:Author {nameKey: ref.nameKey}) USING INDEX a:Author(nameKey)
  WITH count(a) AS nameMatches, collect(CASE WHEN NOT a.id STARTS WITH 'author:' THEN a.id END) AS people
  RETURN nameMatches, CASE WHEN size(people) = 1 THEN people[0] END AS onlyPerson
}
RETURN ref.key AS key, coalesce(byId, byMergedName) AS id, byId IS NULL AS byNameOnly, nameMatches,
       CASE WHEN nameOnly AND byMergedName IS NULL THEN onlyPerson END AS startsAt
