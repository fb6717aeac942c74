/**
 * Author names. Identified authors get names from the word lists (homonyms happen, as in the
 * real data: the id tells them apart). Name-only authorships get a name unique to them: letters
 * only (the importer rejects names with digits), a 2-syllable given name and a 5-syllable surname
 * ending in "k" spelling the authorship's index, a form no word-list name has, so a name-only
 * reference can never fold into an identified author of the same name.
 */
import type { Random } from '../random.js';
import { FIRST_NAMES, INITIALS, LAST_NAMES } from '../words.js';

export interface AuthorName {
  name: string;
  /** Other spellings: initials, with and without the middle initial. */
  alternatives: string[];
}

export function authorName(random: Random): AuthorName {
  const first = random.pick(FIRST_NAMES);
  const last = random.pick(LAST_NAMES);
  const middle = random.chance(0.4) ? random.pick(INITIALS) : undefined;
  const name = middle ? `${first} ${middle}. ${last}` : `${first} ${last}`;
  const alternatives = [`${first[0]}. ${last}`];
  if (middle) alternatives.push(`${first} ${last}`, `${first[0]}. ${middle}. ${last}`);
  return { name, alternatives };
}

/** The byline form of a name: sometimes initials or an upper-case surname. */
export function rawVariant(name: AuthorName, random: Random): string {
  const draw = random.next();
  if (draw < 0.6) return name.alternatives[0]!;
  if (draw < 0.8 && name.alternatives[1]) return name.alternatives[1];
  const parts = name.name.split(' ');
  return [...parts.slice(0, -1), parts.at(-1)!.toUpperCase()].join(' ');
}

const CONSONANTS = 'bdfghklmnprstvzjc';
const VOWELS = 'aeiou';
const SYLLABLES = [...CONSONANTS].flatMap((c) => [...VOWELS].map((v) => c + v)); // 85
const capital = (text: string) => text[0]!.toUpperCase() + text.slice(1);

/** A name no other authorship has: the number spelled in syllables (85^7 > 3.2e13 numbers). */
export function uniqueName(number: number): string {
  const syllables: string[] = [];
  let rest = number;
  for (let i = 0; i < 7; i++) {
    syllables.push(SYLLABLES[rest % SYLLABLES.length]!);
    rest = Math.floor(rest / SYLLABLES.length);
  }
  return `${capital(syllables[0]! + syllables[1]!)} ${capital(syllables.slice(2).join(''))}k`;
}
