// read/network/coauthor-edges: weighted coauthor links of each author in $ids, counting only
// papers within the years, keeping links of at least $minSharedPapers papers
UNWIND $ids AS id
MATCH (a:Author {id: id})-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(c:Author)
WHERE c <> a
  AND ($yearFrom IS NULL OR p.year >= $yearFrom)
  AND ($yearTo IS NULL OR p.year <= $yearTo)
WITH a, c, count(DISTINCT p) AS sharedPaperCount, min(p.year) AS firstYear, max(p.year) AS lastYear
WHERE sharedPaperCount >= $minSharedPapers
RETURN a.id AS source, c.id AS target, sharedPaperCount, firstYear, lastYear
