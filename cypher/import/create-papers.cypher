// import/create-papers: papers no source gave before (resolve-papers found none, by any id or by
// title), created whole: unlike import/write-papers there is nothing to merge with, so no
// property is read back, and Neo4j need not buffer the batch (no Eager) to keep reads and writes
// apart. The same properties write-papers gives a new paper.
UNWIND $papers AS paper
MATCH (s:Source {id: paper.sourceId})
CREATE (p:Paper {
  id: paper.id, title: paper.title, titleKey: paper.titleKey, year: toInteger(paper.year),
  publishedOn: date(paper.publishedOn), venue: paper.venue, abstract: paper.abstract, doi: paper.doi,
  arxivId: paper.arxivId, openreviewId: paper.openreviewId, openalexId: paper.openalexId, url: paper.url,
  codeUrl: paper.codeUrl, citationCount: toInteger(paper.citationCount), authorListComplete: paper.authorListComplete,
  referencedWorks: CASE WHEN size(paper.references) = 0 THEN null ELSE paper.references END
})
CREATE (p)-[:RECORDED_IN {recordHash: paper.hash, recordId: paper.recordId}]->(s)
