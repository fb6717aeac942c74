import { knownInstitution, LOOSE_ACCENT } from './identity.js';

/**
 * An affiliation string cut into its affiliations and each of those into comma segments.
 * The paper lists join several affiliations with "+" ("A, Paris, France+B, Berkeley, USA",
 * "Man AHL + University of Oxford") or number them ("1A, 2B", "1. A, China 2. B"); KDD's lists
 * also write a bare "+" for the comma inside one ("University of California+Riverside", "Huawei
 * Technologies Co.+Ltd."). So " + " splits affiliations, and a bare "+" only where they have
 * commas of their own; otherwise it is a segment separator,
 * and parse.ts tells the institutions apart by what the segments are.
 */

/** A number in front of an affiliation: "1The University", "2. University", ", 3Google". */
const MARKER = /(?:^|,\s*|\s+)\(?(\d{1,2})(?:[.)]\s*|(?=\p{Lu}))(?=\p{Lu})/gu;
/** After the number, a word ("1Ecole", "2Beijing"), not an acronym ("1QBit"). */
const MARKED_WORD = /^\p{Lu}\p{Ll}/u;

/** Splits a numbered list ("1A, 2B", "1. A 2. B"); a name that starts with a digit ("4Paradigm") is left alone. */
export function splitNumbered(text: string): string[] {
  const markers = [...text.matchAll(MARKER)];
  // A name that starts with its digit is in the table ("4Paradigm"): known-institutions.ts.
  const candidates = markers.filter((m) => !m[0].includes('(') && !knownInstitution(text.slice(m.index!).replace(/^[\s,]+/, '').split(',')[0]!));
  const numbersAWord = (m: RegExpMatchArray) => m[0].includes('.') || MARKED_WORD.test(text.slice(m.index! + m[0].length));
  // One number before a word marks a list; then so does every number ("1NLPR, ..., 2University").
  const real = candidates.some(numbersAWord) ? (candidates.length >= 2 ? candidates : candidates.filter(numbersAWord)) : [];
  if (real.length === 0) return [text];
  const parts: string[] = [];
  let from = 0;
  for (const m of real) {
    parts.push(text.slice(from, m.index));
    from = m.index! + m[0].length;
  }
  parts.push(text.slice(from));
  return parts.map((part) => part.replace(/^[\s,]+|[\s,]+$/g, '')).filter((part) => part.length > 1);
}

/** The affiliations one author's (or a paper's) string names, each as its comma segments. */
export function affiliationGroups(text: string): string[][] {
  const cleaned = text.replace(LOOSE_ACCENT, '').replace(/\s+/g, ' ').trim();
  const hasCommas = cleaned.includes(',');
  // " + " always joins two; a bare "+" only where the affiliations have commas of their own.
  const joined = cleaned.split(hasCommas ? /\s*\+\s*/ : /\s+\+\s+/);
  return joined
    .flatMap(splitNumbered)
    .map((group) =>
      group
        .split(hasCommas ? /\s*,\s*/ : /\s*[+,]\s*/)
        .map((segment) => segment.trim())
        .filter((segment) => segment.length > 0),
    )
    .filter((group) => group.length > 0);
}
