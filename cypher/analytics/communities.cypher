// analytics/communities: a Community node per community of two or more authors, holding what a
// list of communities shows (so that reading one costs no walk over its members): size, papers,
// years, the top authors by PageRank, the organizations most members are affiliated with, and the
// topics of most of the members' papers. Run in its own transactions, one batch of communities
// each; readers see them only once the run is complete.
MATCH (a:Author)
WHERE a.analyticsRun = $run
WITH a.analyticsCommunity AS community, count(*) AS size
WHERE size >= 2
CALL (community, size) {
  MATCH (m:Author {analyticsCommunity: community})
  WHERE m.analyticsRun = $run
  WITH m ORDER BY m.analyticsPageRank DESC, m.id
  WITH collect(m) AS members
  CALL (members) {
    UNWIND members AS m
    MATCH (m)-[:AUTHORED]->(p:Paper)
    WITH DISTINCT p
    RETURN count(p) AS paperCount, min(p.year) AS firstYear, max(p.year) AS lastYear, collect(p) AS papers
  }
  CALL (members) {
    UNWIND members AS m
    MATCH (m)-[:AFFILIATED_WITH]->(o:Organization)
    WITH o, count(m) AS memberCount
    ORDER BY memberCount DESC, o.id
    LIMIT 5
    RETURN collect(o.id) AS topOrganizationIds, collect(memberCount) AS topOrganizationMemberCounts
  }
  CALL (papers) {
    UNWIND papers AS p
    MATCH (p)-[:HAS_TOPIC]->(t:Topic)
    WITH t, count(p) AS paperCount
    ORDER BY paperCount DESC, t.id
    LIMIT 5
    RETURN collect(t.id) AS topTopicIds, collect(paperCount) AS topTopicPaperCounts
  }
  CREATE (:Community {
    id: toString($run) + ':' + toString(community), run: $run, community: community, size: size,
    paperCount: paperCount, firstYear: firstYear, lastYear: lastYear,
    topAuthorIds: [m IN members[0..10] | m.id],
    topOrganizationIds: topOrganizationIds, topOrganizationMemberCounts: topOrganizationMemberCounts,
    topTopicIds: topTopicIds, topTopicPaperCounts: topTopicPaperCounts
  })
} IN TRANSACTIONS OF 500 ROWS
RETURN count(*) AS communityCount
