// analytics/graph-size: how big the run's coauthor graph can get, before projecting it: its
// authors, and at most how many coauthor pairs the papers in range make (a pair counted once per
// paper it shares, so an upper bound of the links). The memory estimate is made from these.
MATCH (a:Author)
WITH count(a) AS authors
CALL () {
  MATCH (p:Paper)
  WHERE ($yearFrom IS NULL OR p.year >= $yearFrom) AND ($yearTo IS NULL OR p.year <= $yearTo)
  WITH COUNT { (p)<-[:AUTHORED]-() } AS n
  WHERE n >= 2 AND n <= $maxAuthorsPerPaper
  RETURN coalesce(sum(n * (n - 1) / 2), 0) AS pairs
}
CALL dbms.queryJmx('java.lang:type=Memory') YIELD attributes
RETURN authors, pairs, attributes.HeapMemoryUsage.value.properties.max AS heapMaxBytes
