// analytics/estimate-memory: what Graph Data Science says a run needs on Neo4j's heap for a
// coauthor graph of $authors nodes and $pairs links (estimated on a graph of that size, without
// projecting it): the projection, and each algorithm the run mutates it with.
WITH {
  nodeProjection: '*',
  relationshipProjection: {COAUTHOR: {type: '*', orientation: 'UNDIRECTED', properties: 'weight'}},
  nodeCount: $authors, relationshipCount: $pairs
} AS graph
CALL gds.graph.project.estimate('*', graph.relationshipProjection, {nodeCount: $authors, relationshipCount: $pairs})
YIELD bytesMax AS projection
CALL gds.leiden.mutate.estimate(graph, {mutateProperty: 'c', relationshipWeightProperty: 'weight', gamma: toFloat($resolution), concurrency: $concurrency})
YIELD bytesMax AS leiden
CALL gds.pageRank.mutate.estimate(graph, {mutateProperty: 'c', relationshipWeightProperty: 'weight', concurrency: $concurrency})
YIELD bytesMax AS pageRank
CALL gds.betweenness.mutate.estimate(graph, {mutateProperty: 'c', samplingSize: coalesce($samples, $authors), concurrency: $concurrency})
YIELD bytesMax AS betweenness
CALL gds.kcore.mutate.estimate(graph, {mutateProperty: 'c', concurrency: $concurrency})
YIELD bytesMax AS kcore
CALL gds.localClusteringCoefficient.mutate.estimate(graph, {mutateProperty: 'c', concurrency: $concurrency})
YIELD bytesMax AS clustering
RETURN projection, [leiden, pageRank, betweenness, kcore, clustering] AS algorithms
