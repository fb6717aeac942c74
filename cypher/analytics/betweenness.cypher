// analytics/betweenness: betweenness centrality from $samples sampled source authors (exact when
// $samples is null), unweighted: how often an author lies on shortest coauthor chains
CALL gds.betweenness.mutate($graph, {
  mutateProperty: 'analyticsBetweenness', samplingSize: $samples, samplingSeed: $randomSeed, concurrency: $concurrency
})
YIELD centralityDistribution
RETURN centralityDistribution.max AS maximum
