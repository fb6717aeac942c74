// analytics/project-coauthors: the coauthor graph into GDS's in-memory catalog. One node per
// author (an author with no coauthor in range stays, alone), one undirected relationship per pair
// of coauthors weighted by their shared papers in the years. Papers with more than
// $maxAuthorsPerPaper authors are left out: a consortium byline would make a clique of thousands.
// Every node carries the run's number, written back with the results so that each author's
// figures say which run made them.
MATCH (a:Author)
OPTIONAL MATCH (a)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(b:Author)
WHERE id(a) < id(b)
  AND ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
WITH a, b, count(p) AS shared
WITH a, CASE WHEN shared >= $minSharedPapers THEN b END AS b, shared
WITH gds.graph.project(
  $graph, a, b,
  {
    sourceNodeProperties: {analyticsRun: $run},
    targetNodeProperties: CASE WHEN b IS NULL THEN null ELSE {analyticsRun: $run} END,
    relationshipProperties: CASE WHEN b IS NULL THEN null ELSE {weight: toFloat(shared)} END
  },
  {undirectedRelationshipTypes: ['*']}
) AS graph
RETURN graph.nodeCount AS authorCount, graph.relationshipCount / 2 AS linkCount
