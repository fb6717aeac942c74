// read/node/Author: the fields of an Author row (AuthorRow, src/repositories/authors.ts), in
// every query that returns an author: `a {%Author%}` (src/db/cypher.ts expands it)
.id, .name, .orcid, .openalexId, .openreviewId
