// eval/prolific-authors: the authors with the most papers, most first.
MATCH (a:Author)
WITH a, COUNT { (a)-[:AUTHORED]->(:Paper) } AS papers
ORDER BY papers DESC, a.id
LIMIT toInteger($limit)
RETURN a.id AS id, a.name AS name, papers
