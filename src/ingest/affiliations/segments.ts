import { LOOSE_ACCENT } from './identity.js';

/**
 * An affiliation string cut into its affiliations and each of those into comma segments.
 * The paper lists join several affiliations with "+" ("A, Paris, France+B, Berkeley, USA") or
 * number them ("1A, 2B", "1. A, China 2. B"); KDD's lists also write "+" for the comma inside
 * one ("University of California+Riverside", "Huawei Technologies Co.+Ltd."). So "+" splits
 * affiliations only where they have commas of their own; otherwise it is a segment separator,
 * and parse.ts tells the institutions apart by what the segments are.
 */

/** A number in front of an affiliation: "1The University", "2. University", ", 3Google". */
const MARKER = /(?:^|,\s*|\s+)\(?(\d{1,2})(?:[.)]\s*|(?=\p{Lu}))(?=\p{Lu})/gu;
const MARKED_WORD = /^(the|university|universit|department|dept|school|faculty|institute|college|laboratory|lab|center|centre|key|state|national|graduate|division)/i;

/** Splits a numbered list ("1A, 2B", "1. A 2. B"); a name that starts with a digit ("4Paradigm") is left alone. */
export function splitNumbered(text: string): string[] {
  const markers = [...text.matchAll(MARKER)];
  const real = markers.filter((m) => {
    const after = text.slice(m.index! + m[0].length);
    return markers.length >= 2 || m[0].includes('.') || MARKED_WORD.test(after);
  });
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
  const joined = hasCommas ? cleaned.split(/\s*\+\s*/) : [cleaned];
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
