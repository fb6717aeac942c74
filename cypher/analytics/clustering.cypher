// analytics/clustering: local clustering coefficient (share of an author's coauthor pairs who
// also wrote together), unweighted
CALL gds.localClusteringCoefficient.mutate($graph, {mutateProperty: 'analyticsClustering', concurrency: $concurrency})
YIELD averageClusteringCoefficient
RETURN averageClusteringCoefficient
