// read/related/bridges: the people who link the coauthor neighbourhoods of $ids (2 or more
// authors, one side each; suggestedBridges). A side is its author and their coauthors (but the
// other asked authors), strongest first, at most $maxNeighbours of them (neighboursTruncated says
// some were left out), through papers of at most $maxAuthorsPerPaper authors. A bridge is anyone but the sides' authors who
// wrote such a paper with someone on two or more sides: each such member is one short path from
// that side's author (the author alone: a path of one hop; a coauthor: two). Its path count is
// the number of paths between two sides' authors through it: the product of its paths to each,
// summed over the pairs of sides, less the pairs of one member on both (no path). Ranked by sides reached, then path count, then id; the first
// $first read in full, with each side's members they link (most papers with them first).
UNWIND range(0, size($ids) - 1) AS side
MATCH (x:Author {id: $ids[side]})
CALL (x) {
  MATCH (x)-[:AUTHORED]->(p:Paper)
  WHERE COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  MATCH (p)<-[:AUTHORED]-(c:Author)
  WHERE c <> x AND NOT c.id IN $ids
  WITH c, count(DISTINCT p) AS shared
  ORDER BY shared DESC, c.id
  WITH collect(c) AS found
  RETURN [x] + found[0..toInteger($maxNeighbours)] AS members, size(found) > toInteger($maxNeighbours) AS truncated
}
CALL (x) {
  RETURN COUNT { (x)-[:AUTHORED]->(p:Paper) WHERE COUNT { (p)<-[:AUTHORED]-() } > $maxAuthorsPerPaper } AS skippedPapers
}
WITH collect({side: side, x: x, members: members}) AS sides, any(cut IN collect(truncated) WHERE cut) AS neighboursTruncated,
     sum(skippedPapers) AS skippedPapers
CALL (sides) {
  UNWIND sides AS s
  UNWIND s.members AS m
  MATCH (m)-[:AUTHORED]->(p:Paper)
  WHERE COUNT { (p)<-[:AUTHORED]-() } <= $maxAuthorsPerPaper
  MATCH (p)<-[:AUTHORED]-(b:Author)
  WHERE b <> m AND NOT b.id IN $ids
  WITH s, b, m, count(DISTINCT p) AS shared
  ORDER BY shared DESC, m.id
  WITH s, b, collect({m: m, shared: shared}) AS links
  WITH b, collect({side: s.side, x: s.x, links: links, ms: [link IN links | link.m]}) AS reach
  WHERE size(reach) >= 2
  // A member on both sides makes no path with itself (x - m - b - m - y goes back the way it came).
  WITH b, reach,
       reduce(total = 0, i IN range(0, size(reach) - 2) |
         total + reduce(pairs = 0, j IN range(i + 1, size(reach) - 1) |
           pairs + size(reach[i].ms) * size(reach[j].ms) - size([m IN reach[i].ms WHERE m IN reach[j].ms]))) AS pathCount
  WHERE pathCount > 0
  ORDER BY size(reach) DESC, pathCount DESC, b.id
  RETURN collect({b: b, reach: reach, pathCount: pathCount}) AS ranked
}
CALL (ranked) {
  UNWIND range(0, size(ranked[0..toInteger($first)]) - 1) AS rank
  WITH rank, ranked[rank] AS row
  WITH rank, row, row.b AS b
  CALL (row) {
    UNWIND row.reach AS r
    WITH r, r.x AS x, [link IN r.links WHERE link.m <> r.x | link.m] AS members
    ORDER BY r.side
    RETURN collect({authorId: x.id, author: x {%Author%},
                    direct: any(link IN r.links WHERE link.m = x),
                    through: [m IN members[0..toInteger($maxReasonItems)] | m {%Author%}],
                    throughCount: size(members),
                    pathCount: size(r.links)}) AS sides
  }
  WITH rank, row, b, sides
  ORDER BY rank
  RETURN collect({authorId: b.id, author: b {%Author%}, pathCount: row.pathCount, sides: sides}) AS suggestions
}
RETURN neighboursTruncated, skippedPapers, suggestions
