// analytics/subgraph-measures: graph measures of a subgraph (src/analytics/subgraph.ts) by Graph
// Data Science, in this one read transaction, so that the read's time limit stops the algorithms
// too. Nodes are the subgraph's authors by position (0 to $nodeCount - 1, so isolated ones too);
// $links are [source, target, weight] once per pair, projected undirected. Each algorithm streams
// its result (nothing is written, not even to the projected graph); then the graph is dropped.
// Leiden and PageRank weigh links by shared papers, betweenness, k-core and clustering do not.
// Concurrency 1 everywhere: the same subgraph gets the same answer (Leiden's seed needs it). No
// progress logging: a request would write hundreds of lines to debug.log (GDS still logs each
// task's start and end).
UNWIND [i IN range(0, $nodeCount - 1) | [i, null, null]] + $links AS row
WITH gds.graph.project($graphName, toInteger(row[0]), toInteger(row[1]),
  {relationshipProperties: CASE WHEN row[1] IS NULL THEN null ELSE {weight: toFloat(row[2])} END},
  {undirectedRelationshipTypes: ['*'], logProgress: false}
) AS graph
CALL (graph) {
  CALL gds.leiden.stream(graph.graphName, {relationshipWeightProperty: 'weight', randomSeed: 42, concurrency: 1, logProgress: false})
  YIELD nodeId, communityId
  RETURN collect([nodeId, communityId]) AS communities
}
CALL (graph) {
  CALL gds.pageRank.stream(graph.graphName, {
    relationshipWeightProperty: 'weight', dampingFactor: 0.85, maxIterations: 100, tolerance: 1e-10, concurrency: 1, logProgress: false
  })
  YIELD nodeId, score
  RETURN collect([nodeId, score]) AS pageRanks
}
CALL (graph) {
  CALL gds.betweenness.stream(graph.graphName, {concurrency: 1, logProgress: false})
  YIELD nodeId, score
  RETURN collect([nodeId, score]) AS betweenness
}
CALL (graph) {
  CALL gds.kcore.stream(graph.graphName, {concurrency: 1, logProgress: false})
  YIELD nodeId, coreValue
  RETURN collect([nodeId, coreValue]) AS coreNumbers
}
CALL (graph) {
  CALL gds.localClusteringCoefficient.stream(graph.graphName, {concurrency: 1, logProgress: false})
  YIELD nodeId, localClusteringCoefficient
  RETURN collect([nodeId, localClusteringCoefficient]) AS clustering
}
CALL gds.graph.drop(graph.graphName, false) YIELD graphName
RETURN communities, pageRanks, betweenness, coreNumbers, clustering
