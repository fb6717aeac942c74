/**
 * Turns what a person types into a safe Lucene query for Neo4j's full-text indexes: every
 * Lucene operator character is escaped and terms are lower-cased (so AND/OR/NOT are words, not
 * operators). Matching any term ranks papers with more of them first.
 */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const MAX_TERMS = 32;

export function toLuceneQuery(text: string): string | null {
  const terms = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(LUCENE_SPECIAL, (char) => `\\${char}`))
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, MAX_TERMS);
  return terms.length ? terms.join(' ') : null;
}
