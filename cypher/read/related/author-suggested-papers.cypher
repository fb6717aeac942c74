// read/related/author-suggested-papers: per request, papers an author did not write by the people
// and topics nearest them (Author.suggestedPapers), ranked by the summed weight of what each has
// in common with them ($weights, src/domain/related.ts), then by id. The people: the author's
// coauthors through papers of at most $maxAuthorsPerPaper authors, strongest first, at most
// $maxCoauthors (candidatesTruncated says some were left out); each who wrote the candidate (a
// paper of at most $maxAuthorsPerPaper authors) counts once. The topics: the $maxAuthorTopics
// topics and keywords on most of the author's papers, among those on at most $maxPapersPerHub
// papers (broader ones relate none: skippedHubs counts them). Only the first `request.first`
// are read in full: their coauthors (most papers with the author first, at most $maxReasonItems),
// topics and keywords (rarest first, then by name).
UNWIND $requests AS request
MATCH (author:Author {id: request.parentId})
CALL (author) {
  MATCH (author)-[:AUTHORED]->(p:Paper)
  WHERE COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  MATCH (p)<-[:AUTHORED]-(c:Author)
  WHERE c <> author
  WITH c, count(DISTINCT p) AS shared
  ORDER BY shared DESC, c.id
  WITH collect({c: c, shared: shared}) AS found
  RETURN found[0..toInteger($maxCoauthors)] AS coauthors, size(found) > $maxCoauthors AS coauthorsTruncated
}
CALL (author) {
  MATCH (author)-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(t:Topic)
  WITH t, count(DISTINCT p) AS papers
  ORDER BY papers DESC, t.id
  WITH collect({t: t, specific: COUNT { (t)<-[:HAS_TOPIC]-() } <= $maxPapersPerHub}) AS found
  WITH [x IN found WHERE x.specific | x.t] AS specific, size([x IN found WHERE NOT x.specific]) AS skippedHubs
  RETURN specific[0..toInteger($maxAuthorTopics)] AS topics, size(specific) > $maxAuthorTopics AS topicsTruncated, skippedHubs
}
CALL (author) {
  RETURN COUNT { (author)-[:AUTHORED]->(p:Paper) WHERE COUNT { (p)<-[:AUTHORED]-() } > $maxAuthorsPerPaper } AS skippedPapers
}
CALL (author, coauthors, topics) {
  CALL (author, coauthors, topics) {
    UNWIND coauthors AS coauthor
    WITH coauthor.c AS c
    MATCH (c)-[:AUTHORED]->(q:Paper)
    WHERE NOT EXISTS { (author)-[:AUTHORED]->(q) } AND COUNT { (q)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
    RETURN q, 'coauthor' AS kind, c.id AS via
    UNION ALL
    UNWIND topics AS t
    MATCH (t)<-[:HAS_TOPIC]-(q:Paper)
    WHERE NOT EXISTS { (author)-[:AUTHORED]->(q) }
    RETURN q, CASE t.scheme WHEN 'keyword' THEN 'keyword' ELSE 'topic' END AS kind, t.id AS via
  }
  WITH q,
       collect(DISTINCT CASE kind WHEN 'coauthor' THEN via END) AS coauthorIds,
       collect(DISTINCT CASE kind WHEN 'topic' THEN via END) AS topicIds,
       collect(DISTINCT CASE kind WHEN 'keyword' THEN via END) AS keywordIds
  WITH q, coauthorIds, topicIds, keywordIds,
       size(coauthorIds) * $weights.coauthor + size(topicIds) * $weights.topic + size(keywordIds) * $weights.keyword AS weight
  ORDER BY weight DESC, q.id
  RETURN collect({q: q, weight: weight, coauthorIds: coauthorIds, topicIds: topicIds, keywordIds: keywordIds}) AS ranked
}
WITH request, coauthors, coauthorsTruncated OR topicsTruncated AS candidatesTruncated, skippedHubs, skippedPapers,
     ranked[0..toInteger(request.first)] AS top
CALL (coauthors, top) {
  UNWIND range(0, size(top) - 1) AS rank
  WITH coauthors, rank, top[rank] AS row
  CALL (coauthors, row) {
    UNWIND coauthors AS coauthor
    WITH coauthor.c AS c
    WHERE c.id IN row.coauthorIds
    RETURN collect(c {%Author%})[0..toInteger($maxReasonItems)] AS viaCoauthors
  }
  CALL (row) {
    UNWIND row.topicIds + row.keywordIds AS topicId
    MATCH (t:Topic {id: topicId})
    WITH t ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() }, t.name, t.id
    RETURN collect(CASE WHEN t.scheme <> 'keyword' THEN t {%Topic%} END) AS sharedTopics,
           collect(CASE WHEN t.scheme = 'keyword' THEN t.name END) AS sharedKeywords
  }
  WITH rank, row, row.q AS q, viaCoauthors, sharedTopics, sharedKeywords
  ORDER BY rank
  RETURN collect({paperId: q.id, paper: q {%Paper%}, weight: row.weight,
                  viaCoauthors: viaCoauthors, viaCoauthorCount: size(row.coauthorIds),
                  sharedTopics: sharedTopics, sharedKeywords: sharedKeywords}) AS suggestions
}
RETURN request.key AS key,
       {suggestions: suggestions, skippedPapers: skippedPapers, skippedHubs: skippedHubs, candidatesTruncated: candidatesTruncated} AS answer
