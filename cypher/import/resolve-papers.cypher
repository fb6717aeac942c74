// import/resolve-papers: the existing paper each record describes, if any: by its fixed id, DOI,
// OpenAlex, arXiv or OpenReview id, else by normalized title with a year (±1) and author check
// (a preprint and its conference version are one paper).
UNWIND $refs AS ref
OPTIONAL MATCH (byId:Paper {id: ref.id})
OPTIONAL MATCH (byDoi:Paper {doi: ref.doi})
OPTIONAL MATCH (byOpenalex:Paper {openalexId: ref.openalexId})
OPTIONAL MATCH (byArxiv:Paper {arxivId: ref.arxivId})
OPTIONAL MATCH (byOpenreview:Paper {openreviewId: ref.openreviewId})
CALL (ref) {
  OPTIONAL MATCH (p:Paper {titleKey: ref.titleKey}) USING INDEX p:Paper(titleKey)
  WHERE abs(p.year - ref.year) <= 1
    AND EXISTS { (p)<-[:AUTHORED]-(a:Author) WHERE a.nameKey IN ref.authorKeys }
    AND (ref.doi IS NULL OR p.doi IS NULL) AND (ref.openalexId IS NULL OR p.openalexId IS NULL)
    AND (ref.arxivId IS NULL OR p.arxivId IS NULL) AND (ref.openreviewId IS NULL OR p.openreviewId IS NULL)
  WITH p ORDER BY p.id
  RETURN collect(p.id) AS byTitle
}
RETURN ref.key AS key, coalesce(byId.id, byDoi.id, byOpenalex.id, byArxiv.id, byOpenreview.id, byTitle[0]) AS id
