// read/node/Paper: the fields of a Paper row (PaperRow, src/repositories/papers.ts)
.id, .title, .year, .venue, .abstract, .doi, .arxivId, .openreviewId, .openalexId, .url, .codeUrl,
.citationCount, .authorListComplete, publishedOn: toString(this.publishedOn)
