// read/author-large-bylines: per author, how many of their papers have more than
// $maxAuthorsPerPaper authors, and so make no coauthor links (Author.coauthors.skippedPapers).
// The author count is the paper's degree: no byline is walked.
UNWIND $ids AS id
MATCH (a:Author {id: id})
RETURN {id: id, skippedPapers: COUNT { (a)-[:AUTHORED]->(p:Paper) WHERE COUNT { (p)<-[:AUTHORED]-() } > $maxAuthorsPerPaper }} AS row
