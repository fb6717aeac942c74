import { normalizeKey } from './normalize.js';

/**
 * What a person types into a search field, made into the parameters of one ranking shared by
 * `authors(search:)`, `organizations(search:)`, `papers(search:)` and `topics(search:)`
 * (cypher/read/root/*-search.cypher):
 *
 * 1. the exact name: the typed text's key (case, accents, punctuation folded) is the name's key;
 * 2. every typed word is a word of the name, in any order, the last typed word the start of one
 *    ("Sergey Lev" finds "Sergey Levine", not "Shahar Lev");
 * 3. the rest of the full-text hits (some of the words), best Lucene score first.
 *
 * Within a tier the more prominent node comes first (papers for people, organizations and topics;
 * citations for papers), then the name and the id, so that the order is total and cursors stable.
 *
 * Words come from normalizeKey, so they hold letters and digits only: no Lucene syntax can reach
 * the index, and the full-text indexes over the keys (cypher/schema.cypher) hold the same words.
 */
export type SearchTerms = {
  /** The typed text as a key; a name with this key is an exact match. */
  key: string;
  /** The typed words but the last, each to be a whole word of the name. */
  words: string[];
  /** The last typed word, to be the start of a word of the name. */
  last: string;
  /** Lucene: every word, the last also as a prefix (the candidates of tiers 1 and 2). */
  allWords: string;
  /** Lucene: any of the words (the rest of the hits). */
  anyWord: string;
  /** How many hits each of the two Lucene queries gives at most. */
  candidates: number;
};

/**
 * Each Lucene query yields at most this many hits, best score first, before the ranking sorts
 * them: at most twice this many results per search, and a page costs the same at any graph size.
 */
export const SEARCH_CANDIDATES = 500;
const MAX_TERMS = 32;
// A prefix of one character would expand to every name starting with it: from two on. Lucene
// refuses a prefix whose automaton exceeds 1,000 states, and no word is that long: up to 40.
const MIN_PREFIX = 2;
const MAX_PREFIX = 40;

/**
 * Search parameters for `text`, or null when it holds no letter or digit. `key` folds the text as
 * the searched nodes' keys are folded (organizations: the institution key, which also drops "The").
 */
export function searchTerms(text: string, key: (text: string) => string = normalizeKey): SearchTerms | null {
  const all = key(text).split(' ').filter(Boolean).slice(0, MAX_TERMS);
  if (!all.length) return null;
  const words = all.slice(0, -1);
  const last = all.at(-1)!;
  const length = [...last].length;
  const lastTerm = length >= MIN_PREFIX && length <= MAX_PREFIX ? `(${last} ${last}*)` : last;
  return {
    key: all.join(' '),
    words,
    last,
    allWords: [...words, lastTerm].map((term) => `+${term}`).join(' '),
    anyWord: [...words, lastTerm].join(' '),
    candidates: SEARCH_CANDIDATES,
  };
}

/** The ranking and its cap in words, for the fields' descriptions; `prominent` names who wins a tie. */
export const SEARCH_RANKING = (prominent: string, what = 'name') =>
  `Ranked: the exact ${what} first (ignoring case, accents and punctuation), then those holding every word typed ` +
  `(the last as the start of a word), then other full-text matches; within each, ${prominent} first, then by ${what}. ` +
  `At most ${2 * SEARCH_CANDIDATES} results: the ${SEARCH_CANDIDATES} best full-text matches holding every word and the ${SEARCH_CANDIDATES} best holding any.`;
