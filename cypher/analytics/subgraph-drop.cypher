// analytics/subgraph-drop: frees a subgraph's projected graph when analytics/subgraph-measures
// failed before it could (no error when it is gone already)
CALL gds.graph.drop($graphName, false) YIELD graphName
RETURN graphName
