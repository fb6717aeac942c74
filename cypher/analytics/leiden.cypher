// analytics/leiden: communities (Leiden, weighted by shared papers, at the run's resolution), kept
// in the projected graph
CALL gds.leiden.mutate($graph, {
  mutateProperty: 'analyticsCommunity', relationshipWeightProperty: 'weight', gamma: toFloat($resolution),
  randomSeed: $randomSeed, concurrency: $concurrency
})
YIELD communityCount, modularity
RETURN communityCount, modularity
