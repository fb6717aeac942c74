// read/author-paper-stats: year and citation count of each paper, for the computed metrics
UNWIND $ids AS id
MATCH (:Author {id: id})-[:AUTHORED]->(p:Paper)
RETURN id, collect({year: p.year, citationCount: p.citationCount}) AS rows
