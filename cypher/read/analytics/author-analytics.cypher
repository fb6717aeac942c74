// read/analytics/author-analytics: an author's figures from the analytics run that last reached them
UNWIND $ids AS id
MATCH (a:Author {id: id})
WHERE a.analyticsRun IS NOT NULL
RETURN a {
  .id, run: a.analyticsRun, community: a.analyticsCommunity, pageRank: a.analyticsPageRank,
  betweenness: a.analyticsBetweenness, coreNumber: a.analyticsCoreNumber, clustering: a.analyticsClustering
} AS row
