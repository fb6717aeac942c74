// read/network/collaboration-path: a shortest chain of coauthorships between two authors, each
// link with the papers (newest first, at most 20) its two authors wrote together. The search
// depth is fixed in the text (6 author hops = 12 AUTHORED steps); $maxHops only narrows it.
// Papers with more than $maxAuthorsPerPaper authors are not walked through: the predicate is
// checked during the search (its degree, not its byline), so a 10,000-author paper costs one
// lookup. Each row also carries `skippedPapers`: the path's authors' papers left out that way.
MATCH (a:Author {id: $from}), (b:Author {id: $to})
MATCH path = shortestPath((a)-[:AUTHORED*..12]-(b))
WHERE all(n IN nodes(path) WHERE NOT n:Paper OR COUNT { (n)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper)
WITH [n IN nodes(path) WHERE n:Author] AS authors, length(path) AS steps
WHERE steps <= 2 * $maxHops
CALL (authors) {
  UNWIND authors AS x
  MATCH (x)-[:AUTHORED]->(p:Paper)
  WHERE COUNT { (p)<-[:AUTHORED]-() } > $maxAuthorsPerPaper
  RETURN count(DISTINCT p) AS skippedPapers
}
UNWIND range(0, size(authors) - 2) AS i
WITH authors, skippedPapers, i, authors[i] AS x, authors[i + 1] AS y
CALL (x, y) {
  MATCH (x)-[:AUTHORED]->(p:Paper)<-[:AUTHORED]-(y)
  WHERE COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  WITH p
  ORDER BY p.year DESC, p.id
  RETURN collect(p)[0..20] AS papers, count(p) AS paperCount
}
RETURN i, x {%Author%} AS from, y {%Author%} AS to,
       [p IN papers | p {%Paper%}] AS papers, paperCount, skippedPapers
ORDER BY i
