// import/write-authors: authors by resolved id; external ids a source adds are kept
UNWIND $authors AS author
MERGE (a:Author {id: author.id})
ON CREATE SET a.name = author.name, a.nameKey = author.nameKey
SET a.openalexId = coalesce(a.openalexId, author.openalexId),
    a.orcid = coalesce(a.orcid, author.orcid),
    a.openreviewId = coalesce(a.openreviewId, author.openreviewId)
