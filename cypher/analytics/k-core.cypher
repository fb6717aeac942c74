// analytics/k-core: each author's core number (the largest k with the author in the k-core)
CALL gds.kcore.mutate($graph, {mutateProperty: 'analyticsCoreNumber', concurrency: $concurrency})
YIELD degeneracy
RETURN degeneracy
