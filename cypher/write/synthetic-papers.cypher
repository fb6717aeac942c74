// write/synthetic-papers: papers and the source that records them. Parameters arrive as floats
// and strings; toInteger() and date() store integers and dates.
UNWIND $rows AS row
MERGE (p:Paper {id: row.id})
SET p.title = row.title,
    p.titleKey = row.titleKey,
    p.publishedOn = date(row.publishedOn),
    p.year = date(row.publishedOn).year,
    p.venue = row.venue,
    p.abstract = row.abstract,
    p.doi = row.doi,
    p.arxivId = row.arxivId,
    p.url = row.url,
    p.codeUrl = row.codeUrl,
    p.citationCount = toInteger(row.citationCount),
    p.authorListComplete = row.authorListComplete
WITH p
MATCH (s:Source {id: $sourceId})
MERGE (p)-[:RECORDED_IN]->(s)
