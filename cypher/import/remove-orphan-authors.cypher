// import/remove-orphan-authors: authors that a corrected byline left with no paper and nothing a
// source reported about them (a garbled byline read as one "author") are removed
UNWIND $authorIds AS authorId
MATCH (a:Author {id: authorId})
WHERE NOT EXISTS { (a)-[:AUTHORED]->() } AND NOT EXISTS { (a)-[:REPORTED_IN]->() }
DETACH DELETE a
RETURN count(*) AS removed
