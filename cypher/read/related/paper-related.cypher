// read/related/paper-related: per request, the papers nearest a paper (Paper.related), ranked by
// the summed weight of what each has in common with it ($weights, src/domain/related.ts), then by
// id. In common: an author (neither byline longer than $maxAuthorsPerPaper), a topic or keyword
// (one carried by more than $maxPapersPerHub papers relates none), a citation either way, a
// reference or a citer (a paper with more than $maxPapersPerHub citations either way relates
// none). The paper itself is never among them. Only the first `request.first` are read in full:
// their shared authors (by byline position, at most $maxReasonItems), topics and keywords (rarest first, then by name).
UNWIND $requests AS request
MATCH (p:Paper {id: request.parentId})
WITH request, p, COUNT { (p)<-[:AUTHORED]-() } > $maxAuthorsPerPaper AS hugeByline
// The candidates and their weights in a subquery that aggregates without grouping: one row
// (maybe an empty list) per request, even when nothing is related.
CALL (p, hugeByline) {
  CALL (p, hugeByline) {
    MATCH (p)<-[:AUTHORED]-(a:Author)-[:AUTHORED]->(q:Paper)
    WHERE NOT hugeByline AND q <> p AND COUNT { (q)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
    RETURN q, 'author' AS kind, a.id AS via
    UNION ALL
    MATCH (p)-[:HAS_TOPIC]->(t:Topic)
    WHERE COUNT { (t)<-[:HAS_TOPIC]-() } <= $maxPapersPerHub
    MATCH (t)<-[:HAS_TOPIC]-(q:Paper)
    WHERE q <> p
    RETURN q, CASE t.scheme WHEN 'keyword' THEN 'keyword' ELSE 'topic' END AS kind, t.id AS via
    UNION ALL
    MATCH (p)-[:CITES]->(q:Paper)
    WHERE q <> p
    RETURN q, 'cites' AS kind, q.id AS via
    UNION ALL
    MATCH (p)<-[:CITES]-(q:Paper)
    WHERE q <> p
    RETURN q, 'citedBy' AS kind, q.id AS via
    UNION ALL
    MATCH (p)-[:CITES]->(x:Paper)
    WHERE COUNT { (x)<-[:CITES]-() } <= $maxPapersPerHub
    MATCH (x)<-[:CITES]-(q:Paper)
    WHERE q <> p
    RETURN q, 'reference' AS kind, x.id AS via
    UNION ALL
    MATCH (p)<-[:CITES]-(x:Paper)
    WHERE COUNT { (x)-[:CITES]->() } <= $maxPapersPerHub
    MATCH (x)-[:CITES]->(q:Paper)
    WHERE q <> p
    RETURN q, 'citer' AS kind, x.id AS via
  }
  WITH q,
       collect(DISTINCT CASE kind WHEN 'author' THEN via END) AS authorIds,
       collect(DISTINCT CASE kind WHEN 'topic' THEN via END) AS topicIds,
       collect(DISTINCT CASE kind WHEN 'keyword' THEN via END) AS keywordIds,
       count(CASE kind WHEN 'cites' THEN 1 END) > 0 AS cites,
       count(CASE kind WHEN 'citedBy' THEN 1 END) > 0 AS citedBy,
       collect(DISTINCT CASE kind WHEN 'reference' THEN via END) AS referenceIds,
       collect(DISTINCT CASE kind WHEN 'citer' THEN via END) AS citerIds
  WITH q, authorIds, topicIds, keywordIds, cites, citedBy, referenceIds, citerIds,
       size(authorIds) * $weights.author + size(topicIds) * $weights.topic + size(keywordIds) * $weights.keyword
       + (CASE WHEN cites OR citedBy THEN $weights.citation ELSE 0 END)
       + (size(referenceIds) + size(citerIds)) * $weights.citationInCommon AS weight
  ORDER BY weight DESC, q.id
  RETURN collect({q: q, weight: weight, authorIds: authorIds, topicIds: topicIds, keywordIds: keywordIds, cites: cites, citedBy: citedBy,
                  referencesInCommon: size(referenceIds), citersInCommon: size(citerIds)}) AS ranked
}
WITH request, p, hugeByline, ranked[0..toInteger(request.first)] AS top
// What of the paper was too broad to relate papers (topics, keywords, papers it cites or that cite
// it, past $maxPapersPerHub), reported beside the answer.
WITH request, p, hugeByline, top,
     COUNT { (p)-[:HAS_TOPIC]->(t:Topic) WHERE COUNT { (t)<-[:HAS_TOPIC]-() } > $maxPapersPerHub }
     + COUNT { (p)-[:CITES]->(x:Paper) WHERE COUNT { (x)<-[:CITES]-() } > $maxPapersPerHub }
     + COUNT { (p)<-[:CITES]-(x:Paper) WHERE COUNT { (x)-[:CITES]->() } > $maxPapersPerHub } AS skippedHubs
CALL (p, top) {
  UNWIND range(0, size(top) - 1) AS rank
  WITH rank, top[rank] AS row
  WITH rank, row, row.q AS q
  CALL (p, row) {
    UNWIND row.authorIds AS authorId
    MATCH (a:Author {id: authorId})-[r:AUTHORED]->(p)
    WITH a, min(coalesce(r.position, 1000000)) AS position
    ORDER BY position, a.id
    RETURN collect(a {%Author%})[0..toInteger($maxReasonItems)] AS sharedAuthors
  }
  CALL (row) {
    UNWIND row.topicIds + row.keywordIds AS topicId
    MATCH (t:Topic {id: topicId})
    WITH t ORDER BY COUNT { (t)<-[:HAS_TOPIC]-() }, t.name, t.id
    RETURN collect(CASE WHEN t.scheme <> 'keyword' THEN t {%Topic%} END) AS sharedTopics,
           collect(CASE WHEN t.scheme = 'keyword' THEN t.name END) AS sharedKeywords
  }
  WITH rank, q, row, sharedAuthors, sharedTopics, sharedKeywords
  ORDER BY rank
  RETURN collect({paperId: q.id, paper: q {%Paper%}, weight: row.weight,
                  sharedAuthors: sharedAuthors, sharedAuthorCount: size(row.authorIds),
                  sharedTopics: sharedTopics, sharedKeywords: sharedKeywords,
                  cites: row.cites, citedBy: row.citedBy,
                  referencesInCommon: row.referencesInCommon, citersInCommon: row.citersInCommon}) AS suggestions
}
RETURN request.key AS key,
       {suggestions: suggestions, skippedPapers: CASE WHEN hugeByline THEN 1 ELSE 0 END, skippedHubs: skippedHubs, candidatesTruncated: false} AS answer
