// read/suggestions/collaborators: people an author has not written with, ranked for working with
// next, each with the evidence of its score. Only papers up to $yearTo count, and a tie's weight
// shrinks for every year it is older ($decay ^ years before $yearTo): measured on the paper
// lists' temporal splits (eval:suggestions), recent ties predict new coauthors better.
//   1. The author's coauthors m and tie weights t(a,m); the strongest $maxCoauthors are walked.
//   2. Their coauthors b (not the author, not already a coauthor), scored by a recency-weighted
//      Adamic-Adar: sum over m of sqrt(t(a,m) * t(m,b)) / ln(coauthors of m). The best $pool
//      candidates go on; colleagues of the author's smaller organizations join them.
//   3. Per candidate: topics and keywords in common (rare ones weigh more), organizations in
//      common, the candidate's papers in the two years up to $yearTo.
// Papers with more than $maxAuthorsPerPaper authors make no links (their degree is read, their
// byline never walked), as in the ego network.
MATCH (a:Author {id: $id})
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)
  WHERE p.year <= $yearTo AND COUNT { (p)<-[:AUTHORED]-() } > $maxAuthorsPerPaper
  RETURN count(p) AS skippedPapers
}
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(m:Author)
  WHERE p.year <= $yearTo AND m <> a AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  WITH m, sum($decay ^ ($yearTo - p.year)) AS tie
  ORDER BY tie DESC, m.id
  RETURN collect({m: m, tie: tie}) AS ties
}
WITH a, skippedPapers, ties, [t IN ties | t.m] AS coauthors, size(ties) > $maxCoauthors AS coauthorsCut
CALL (a, ties, coauthors) {
  UNWIND ties[0..toInteger($maxCoauthors)] AS tie
  WITH tie.m AS m, tie.tie AS tam
  // m's coauthors once: their count (Adamic-Adar's degree) and their ties, in one expansion.
  MATCH (m)-[:AUTHORED]->(q:Paper)<-[:AUTHORED]-(b:Author)
  WHERE q.year <= $yearTo AND b <> m AND COUNT { (q)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  WITH m, tam, b, sum($decay ^ ($yearTo - q.year)) AS tmb
  WITH m, tam, collect({b: b, tie: tmb}) AS links
  WITH m, tam, links, 1.0 / log(CASE WHEN size(links) < 2 THEN 2 ELSE size(links) END) AS damping
  UNWIND links AS link
  WITH m, link.b AS b, sqrt(tam * link.tie) * damping AS through
  WHERE b <> a
  WITH b, sum(through) AS structural, count(m) AS commonCoauthorCount, collect({m: m, through: through}) AS paths
  WHERE NOT b IN coauthors
  ORDER BY structural DESC, b.id
  LIMIT toInteger($pool) + 1
  // The strongest common coauthors, sorted for the kept candidates only.
  CALL (paths) {
    UNWIND paths AS path
    WITH path ORDER BY path.through DESC, path.m.id
    LIMIT 5
    RETURN collect(path.m) AS via
  }
  RETURN collect({b: b, structural: structural, commonCoauthorCount: commonCoauthorCount, via: via}) AS found
}
WITH a, skippedPapers, coauthors, coauthorsCut, found[0..toInteger($pool)] AS pool, coauthorsCut OR size(found) > $pool AS cut
// Colleagues: members of the author's organizations (up to $yearTo) that are small enough for
// membership to say something ($maxOrganizationMembers), not already coauthors or in the pool.
CALL (a, coauthors, pool) {
  WITH a, coauthors, [c IN pool | c.b] AS pooled
  MATCH (a)-[af:AFFILIATED_WITH]->(o:Organization)<-[bf:AFFILIATED_WITH]-(b:Author)
  WHERE af.firstYear <= $yearTo AND bf.firstYear <= $yearTo AND b <> a
    AND NOT b IN coauthors AND NOT b IN pooled
  WITH b, min(COUNT { (o)<-[:AFFILIATED_WITH]-() }) AS members
  WHERE members <= $maxOrganizationMembers
  // The smallest organizations' colleagues first: there membership says the most.
  ORDER BY members, b.id
  LIMIT toInteger($pool)
  RETURN [x IN collect(b) | {b: x, structural: 0.0, commonCoauthorCount: 0, via: []}] AS colleagues
}
WITH a, skippedPapers, cut, pool + colleagues AS candidates
CALL (a) {
  MATCH (a)-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(t:Topic)
  WHERE p.year <= $yearTo
  WITH DISTINCT t
  RETURN collect(t) AS ownTopics
}
CALL (a) {
  MATCH (a)-[af:AFFILIATED_WITH]->(o:Organization)
  WHERE af.firstYear <= $yearTo
  RETURN collect(o) AS ownOrganizations
}
CALL (candidates, ownTopics, ownOrganizations) {
  UNWIND candidates AS candidate
  WITH candidate, candidate.b AS b
  CALL (b, ownTopics) {
    MATCH (b)-[:AUTHORED]->(p:Paper)-[:HAS_TOPIC]->(t:Topic)
    WHERE p.year <= $yearTo AND t IN ownTopics
    WITH DISTINCT t
    WITH t, 1.0 / log(2 + COUNT { (t)<-[:HAS_TOPIC]-() }) AS rarity
    ORDER BY rarity DESC, t.id
    RETURN sum(rarity) AS topicOverlap, collect(t) AS sharedTopics
  }
  CALL (b, ownOrganizations) {
    MATCH (b)-[bf:AFFILIATED_WITH]->(o:Organization)
    WHERE bf.firstYear <= $yearTo AND o IN ownOrganizations
    WITH o, 1.0 / log(2 + COUNT { (o)<-[:AFFILIATED_WITH]-() }) AS rarity
    ORDER BY rarity DESC, o.id
    RETURN sum(rarity) AS organizationOverlap, collect(o) AS sharedOrganizations
  }
  CALL (b) {
    MATCH (b)-[:AUTHORED]->(p:Paper)
    WHERE $yearTo - 1 <= p.year AND p.year <= $yearTo
    RETURN count(p) AS recentPapers
  }
  WITH b, candidate, sharedTopics, sharedOrganizations, recentPapers,
       1.0 - exp(-(candidate.structural + $topicWeight * topicOverlap + $organizationWeight * organizationOverlap)) AS score
  WHERE score > 0 AND score >= $minScore
  ORDER BY score DESC, b.id
  LIMIT toInteger($first)
  RETURN collect({
    author: b {%Author%}, score: score, commonCoauthorCount: candidate.commonCoauthorCount,
    commonCoauthors: [m IN candidate.via | m {%Author%}],
    sharedTopics: [t IN sharedTopics | t {%Topic%}],
    sharedOrganizations: [o IN sharedOrganizations | o {%Organization%}],
    recentPapers: recentPapers
  }) AS suggestions
}
RETURN suggestions, skippedPapers, cut AS candidatesTruncated
