// analytics/leiden: communities (Leiden, weighted by shared papers), kept in the projected graph
CALL gds.leiden.mutate($graph, {
  mutateProperty: 'analyticsCommunity', relationshipWeightProperty: 'weight',
  randomSeed: $randomSeed, concurrency: $concurrency
})
YIELD communityCount, modularity
RETURN communityCount, modularity
