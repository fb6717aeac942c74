// import/write-papers: a second source fills what the first left empty; the year is the
// earliest any source gives (a preprint before its conference version), the citation count
// the highest; the byline is complete once any source gave it whole.
UNWIND $papers AS paper
MERGE (p:Paper {id: paper.id})
ON CREATE SET p.title = paper.title, p.titleKey = paper.titleKey, p.year = toInteger(paper.year)
SET p.year = CASE WHEN paper.year < p.year THEN toInteger(paper.year) ELSE p.year END,
    p.publishedOn = coalesce(p.publishedOn, date(paper.publishedOn)),
    p.venue = coalesce(p.venue, paper.venue),
    p.abstract = coalesce(p.abstract, paper.abstract),
    p.doi = coalesce(p.doi, paper.doi),
    p.arxivId = coalesce(p.arxivId, paper.arxivId),
    p.openreviewId = coalesce(p.openreviewId, paper.openreviewId),
    p.openalexId = coalesce(p.openalexId, paper.openalexId),
    p.url = coalesce(p.url, paper.url),
    p.codeUrl = coalesce(p.codeUrl, paper.codeUrl),
    p.citationCount = CASE
      WHEN paper.citationCount IS NULL THEN p.citationCount
      WHEN p.citationCount IS NULL OR paper.citationCount > p.citationCount THEN toInteger(paper.citationCount)
      ELSE p.citationCount END,
    p.authorListComplete = coalesce(p.authorListComplete, false) OR paper.authorListComplete,
    p.referencedWorks = CASE WHEN size(paper.references) = 0 THEN p.referencedWorks
      ELSE [ref IN coalesce(p.referencedWorks, []) WHERE NOT ref IN paper.references] + paper.references END
WITH p, paper
MATCH (s:Source {id: paper.sourceId})
MERGE (p)-[recorded:RECORDED_IN]->(s)
SET recorded.recordHash = paper.hash, recorded.recordId = paper.recordId
