// read/papers-by-ids
UNWIND $ids AS id
MATCH (p:Paper {id: id})
RETURN p {
  .id, .title, .year, .venue, .abstract, .doi, .arxivId, .openreviewId, .openalexId, .url, .codeUrl,
  .citationCount, .authorListComplete, publishedOn: toString(p.publishedOn)
} AS row
