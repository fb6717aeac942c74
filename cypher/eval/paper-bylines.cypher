// eval/paper-bylines: every dated paper with 2 to $maxByline authors, and its authors' ids: the
// coauthorships the suggestion evaluation splits by year (eval/suggestions.ts).
MATCH (p:Paper)
WHERE p.year IS NOT NULL AND 2 <= COUNT { (p)<-[:AUTHORED]-() } <= $maxByline
MATCH (p)<-[:AUTHORED]-(a:Author)
WITH p, collect(a.id) AS authors
RETURN p.year AS year, authors
