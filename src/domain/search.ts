/**
 * Turns what a person types into a safe Lucene query for Neo4j's full-text indexes: every
 * Lucene operator character is escaped and terms are lower-cased (so AND/OR/NOT are words, not
 * operators). Matching any term ranks papers with more of them first.
 */
const LUCENE_SPECIAL = /[+\-&|!(){}[\]^"~*?:\\/]/g;
const MAX_TERMS = 32;
const MAX_PREFIX = 40;

/**
 * With `prefix`, the last word also matches as the start of a word (`aishwa` finds "Aishwarya"),
 * for search-as-you-type; whole-word matches still rank first.
 */
export function toLuceneQuery(text: string, { prefix = false }: { prefix?: boolean } = {}): string | null {
  const terms = text
    .normalize('NFKC')
    .toLowerCase()
    .split(/\s+/)
    .map((term) => term.replace(LUCENE_SPECIAL, (char) => `\\${char}`))
    .filter((term) => /[\p{L}\p{N}]/u.test(term))
    .slice(0, MAX_TERMS);
  if (!terms.length) return null;
  const last = terms.at(-1)!;
  // A prefix of one character would expand to every name: from two on. Lucene refuses a prefix
  // whose automaton exceeds 1,000 states, and no name part is that long: up to 40.
  const length = [...last].length;
  if (prefix && length >= 2 && length <= MAX_PREFIX) terms.push(`${last}*`);
  return terms.join(' ');
}
