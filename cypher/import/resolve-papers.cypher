// import/resolve-papers: the existing paper each record describes, if any: by its fixed id (or
// the id it would get), DOI, OpenAlex id (a paper's own, else one merged into it: a PaperAlias),
// arXiv or OpenReview id, in that order, else by normalized title with a year (±1) and author
// check (a preprint and its conference version are one paper).
// Only records that match get a row. Each way is its own index lookup, so the plan leaves the
// planner nothing to choose from statistics, which an import changes under it (one plan that
// joined these lookups sometimes ran three times slower for a whole import).
UNWIND $refs AS ref
CALL (ref) {
  MATCH (p:Paper {id: ref.id}) RETURN p.id AS id, 0 AS rank
  UNION ALL
  MATCH (p:Paper {doi: ref.doi}) RETURN p.id AS id, 1 AS rank
  UNION ALL
  MATCH (p:Paper {openalexId: ref.openalexId}) RETURN p.id AS id, 2 AS rank
  UNION ALL
  MATCH (:PaperAlias {openalexId: ref.openalexId})-[:ALIAS_OF]->(p:Paper) RETURN p.id AS id, 3 AS rank
  UNION ALL
  MATCH (p:Paper {arxivId: ref.arxivId}) RETURN p.id AS id, 4 AS rank
  UNION ALL
  MATCH (p:Paper {openreviewId: ref.openreviewId}) RETURN p.id AS id, 5 AS rank
  UNION ALL
  MATCH (p:Paper {titleKey: ref.titleKey}) USING INDEX p:Paper(titleKey)
  WHERE abs(p.year - ref.year) <= 1
    AND (ref.doi IS NULL OR p.doi IS NULL) AND (ref.openalexId IS NULL OR p.openalexId IS NULL)
    AND (ref.arxivId IS NULL OR p.arxivId IS NULL) AND (ref.openreviewId IS NULL OR p.openreviewId IS NULL)
    AND EXISTS { (p)<-[:AUTHORED]-(a:Author) WHERE a.nameKey IN ref.authorKeys }
  RETURN p.id AS id, 6 AS rank
}
WITH ref, id ORDER BY rank, id
RETURN ref.key AS key, head(collect(id)) AS id
