// analytics/page-rank: PageRank over the coauthor links, weighted by shared papers (GDS's scale:
// scores are not normalized to sum to 1; an author with no links has 1 - dampingFactor)
CALL gds.pageRank.mutate($graph, {
  mutateProperty: 'analyticsPageRank', relationshipWeightProperty: 'weight',
  dampingFactor: 0.85, maxIterations: 50, tolerance: 1e-7, concurrency: $concurrency
})
YIELD ranIterations, didConverge
RETURN ranIterations, didConverge
