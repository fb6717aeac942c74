// write/papers: papers with their authorships (byline position, null when unknown), topics,
// organizations and the source that records them
UNWIND $papers AS paper
MERGE (p:Paper {id: paper.id})
SET p.title = paper.title,
    p.titleKey = paper.titleKey,
    p.publishedOn = date(paper.publishedOn),
    p.year = date(paper.publishedOn).year,
    p.abstract = paper.abstract,
    p.codeUrl = paper.codeUrl,
    p.authorListComplete = paper.authorListComplete
WITH p, paper
MATCH (s:Source {id: $sourceId})
MERGE (p)-[:RECORDED_IN]->(s)
WITH p, paper
CALL (p, paper) {
  UNWIND paper.authorships AS authorship
  MATCH (a:Author {id: authorship.authorId})
  MERGE (a)-[w:AUTHORED]->(p)
  SET w.position = authorship.position
}
CALL (p, paper) {
  UNWIND paper.topics AS topicId
  MATCH (t:Topic {id: topicId})
  MERGE (p)-[:HAS_TOPIC]->(t)
}
CALL (p, paper) {
  UNWIND paper.organizations AS orgId
  MATCH (o:Organization {id: orgId})
  MERGE (p)-[:FROM_ORGANIZATION]->(o)
}
