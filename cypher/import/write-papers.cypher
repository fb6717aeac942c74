// import/write-papers: a source's record of a paper. When no other source gave the paper, the
// record is its source's latest word and replaces what that source said before (an OpenAlex
// update partition: a fixed title, more citations, a new byline). Otherwise a second source
// fills what the first left empty; the year is the earliest any source gives (a preprint before
// its conference version), the citation count the highest; the byline is complete once any
// source gave it whole. External ids are only ever added.
UNWIND $papers AS paper
MERGE (p:Paper {id: paper.id})
WITH p, paper, NOT EXISTS { (p)-[:RECORDED_IN]->(other:Source) WHERE other.id <> paper.sourceId } AS sole
SET p.title = CASE WHEN sole OR p.title IS NULL THEN paper.title ELSE p.title END,
    p.titleKey = CASE WHEN sole OR p.titleKey IS NULL THEN paper.titleKey ELSE p.titleKey END,
    p.year = CASE WHEN sole OR p.year IS NULL OR paper.year < p.year THEN toInteger(paper.year) ELSE p.year END,
    p.publishedOn = CASE WHEN sole THEN date(paper.publishedOn) ELSE coalesce(p.publishedOn, date(paper.publishedOn)) END,
    p.venue = CASE WHEN sole THEN paper.venue ELSE coalesce(p.venue, paper.venue) END,
    p.abstract = CASE WHEN sole THEN paper.abstract ELSE coalesce(p.abstract, paper.abstract) END,
    p.doi = coalesce(p.doi, paper.doi),
    p.arxivId = coalesce(p.arxivId, paper.arxivId),
    p.openreviewId = coalesce(p.openreviewId, paper.openreviewId),
    p.openalexId = coalesce(p.openalexId, paper.openalexId),
    p.url = CASE WHEN sole THEN paper.url ELSE coalesce(p.url, paper.url) END,
    p.codeUrl = CASE WHEN sole THEN paper.codeUrl ELSE coalesce(p.codeUrl, paper.codeUrl) END,
    p.citationCount = CASE
      WHEN sole THEN toInteger(paper.citationCount)
      WHEN paper.citationCount IS NULL THEN p.citationCount
      WHEN p.citationCount IS NULL OR paper.citationCount > p.citationCount THEN toInteger(paper.citationCount)
      ELSE p.citationCount END,
    p.authorListComplete = CASE WHEN sole THEN paper.authorListComplete ELSE coalesce(p.authorListComplete, false) OR paper.authorListComplete END,
    p.referencedWorks = CASE
      WHEN size(paper.references) = 0 THEN CASE WHEN sole THEN null ELSE p.referencedWorks END
      WHEN sole THEN paper.references
      ELSE [ref IN coalesce(p.referencedWorks, []) WHERE NOT ref IN paper.references] + paper.references END
WITH p, paper
MATCH (s:Source {id: paper.sourceId})
MERGE (p)-[recorded:RECORDED_IN]->(s)
SET recorded.recordHash = paper.hash, recorded.recordId = paper.recordId
