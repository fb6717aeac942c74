// analytics/subgraph-links: the coauthor links among a subgraph's authors (src/analytics/subgraph.ts):
// each pair once (lower id first) with the papers they share in the years, when at least
// $minSharedPapers. Papers with more than $maxAuthorsPerPaper authors make no links: a consortium
// byline would make a clique of thousands.
UNWIND $authorIds AS authorId
MATCH (a:Author {id: authorId})-[:AUTHORED]->(p:Paper)
WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
  AND COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
MATCH (p)<-[:AUTHORED]-(b:Author)
WHERE a.id < b.id AND b.id IN $authorIds
WITH a, b, count(p) AS shared
WHERE shared >= $minSharedPapers
RETURN collect([a.id, b.id, shared]) AS links
