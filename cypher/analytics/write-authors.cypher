// analytics/write-authors: every result onto its author, all of an author's figures together
CALL gds.graph.nodeProperties.write($graph, [
  'analyticsRun', 'analyticsCommunity', 'analyticsPageRank', 'analyticsBetweenness', 'analyticsCoreNumber', 'analyticsClustering'
], ['*'], {writeConcurrency: $concurrency})
YIELD propertiesWritten
RETURN propertiesWritten
