import { KNOWN_INSTITUTIONS, type KnownInstitution } from './known-institutions.js';

/**
 * One key per institution, whatever the spelling: the general rules here, then the table of
 * known variants (known-institutions.ts). Keys are for matching only; names stay readable.
 */

/** Accents a PDF extraction split off their letter ("Montr ´eal", "Z¨urich"): dropped. */
export const LOOSE_ACCENT = /\s?[´`¨˜ˆ^]\s?(?=\p{L})/gu;
/** "(CMU)", "(KAIST)": an acronym in brackets repeats the name. "(Guangzhou)" is a campus and stays. */
const BRACKETED_ACRONYM = /\s+\((?=[^()\s]*[A-Z][^()\s]*[A-Z])[A-Za-z0-9&.\-]{2,12}\)/g;

/** A display name tidied: spaces, a loose accent, a leading "The", a bracketed acronym. */
export function tidyName(name: string): string {
  return name
    .replace(LOOSE_ACCENT, '')
    .replace(BRACKETED_ACRONYM, '')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.\-–]+|[\s,;:\-–]+$/g, '')
    .replace(/^the\s+(?=\S)/i, '')
    .trim();
}

/** The matching key of an institution's name: "The Univ. of Tübingen" and "University of Tuebingen" meet. */
export function institutionKey(name: string): string {
  return tidyName(name)
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/&/g, ' and ')
    .replace(/\buniv\b\.?/g, 'university')
    .replace(/\bdept\b\.?/g, 'department')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    // German umlauts written out ("Tuebingen", "Zuerich") meet the folded letter ("Tübingen" ->
    // "tubingen"); only between consonants, so "Queen", "Guelph" and "Manuel" keep theirs.
    .replace(/(?<=[bcdfhkmnprstwz])ue(?=[bcdfghkmnprstz])/g, 'u')
    // "University of Texas at Austin" = "University of Texas, Austin"; "The" anywhere in front.
    .replace(/ (at|in) /g, ' ')
    .replace(/^the /, '')
    .replace(/\s+/g, ' ')
    .trim();
}

const byKey = new Map<string, KnownInstitution>();
const aloneByKey = new Map<string, KnownInstitution>();
for (const entry of KNOWN_INSTITUTIONS) {
  for (const spelling of [entry.name, ...entry.variants]) {
    const key = institutionKey(spelling);
    const earlier = byKey.get(key);
    // Two entries claiming one spelling would conflate them: a table error, caught at load (and by the tests).
    if (earlier && earlier !== entry) throw new Error(`known-institutions: "${spelling}" names both ${earlier.name} and ${entry.name}`);
    byKey.set(key, entry);
  }
  for (const spelling of entry.alone ?? []) aloneByKey.set(institutionKey(spelling), entry);
}

/** The known institution a name is a spelling of, if any; `whole` when the name is the whole affiliation. */
export function knownInstitution(name: string, { whole = false } = {}): KnownInstitution | undefined {
  const key = institutionKey(name);
  return byKey.get(key) ?? (whole ? aloneByKey.get(key) : undefined);
}

/** The name an institution goes by: the table's, else the tidied spelling. */
export function canonicalName(name: string): string {
  return knownInstitution(name)?.name ?? tidyName(name);
}
