import { decodeHTML } from 'entities';

/**
 * Author names as sources print them, cleaned at the edge, before any identity rule sees them.
 * Bylines carry HTML entities (once or twice escaped), TeX accents, footnote and affiliation
 * marks, quoted nicknames and remarks; a name key folds case and punctuation but not these, so
 * uncleaned they split one person in two or, worse, glue a byline into one "author".
 */

/** HTML entities decoded until nothing changes (`d&amp;#x27;Autume` is escaped twice). */
export function decodeEntities(text: string): string {
  for (let i = 0; i < 4; i++) {
    const decoded = decodeHTML(text);
    if (decoded === text) return text;
    text = decoded;
  }
  return text;
}

// TeX accents as BibTeX-fed lists print them (`B\"{u}nz`, `Yaz{\i}c{\i}`). No maintained npm
// package decodes just these, and they are few: accent commands become combining marks.
const TEX_ACCENTS: Record<string, string> = {
  '"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304',
  '.': '\u0307', u: '\u0306', v: '\u030C', H: '\u030B', c: '\u0327', k: '\u0328', r: '\u030A',
};
const TEX_LETTERS: Record<string, string> = { i: 'ı', j: 'ȷ', l: 'ł', L: 'Ł', o: 'ø', O: 'Ø', ss: 'ß', ae: 'æ', AE: 'Æ', oe: 'œ', OE: 'Œ', aa: 'å', AA: 'Å' };

function decodeTex(text: string): string {
  if (!text.includes('\\')) return text;
  return text
    .replace(/\{?\\(ss|ae|AE|oe|OE|aa|AA|[ijlLoO])(?![A-Za-z])\}?/g, (_, letter: string) => TEX_LETTERS[letter]!)
    .replace(/\{?\\(["'`^~=.]|[uvHckr](?=[{\s]))\s*\{?([A-Za-zıȷ])\}?\}?/g, (_, accent: string, letter: string) => letter + TEX_ACCENTS[accent]!)
    .normalize('NFC');
}

/** A byline decoded whole, so that an entity's `;` is not taken for a separator. */
export function decodeByline(byline: string): string {
  return decodeTex(decodeEntities(byline));
}

const MARKS = /[*†‡§¶#✝✉∗⋆]+/gu;
const SUPERSCRIPT_DIGITS = /[\u00B9\u00B2\u00B3\u2070-\u2079]+/gu;
const INVISIBLE = /[\p{Cf}\p{Cc}]+/gu;
/** `(PhD)`, `(*)`, `(* means equal contribution)`, `("Tony")`, `[1]`, `{2}`. */
const REMARK = /\s*[([{][^)\]}]*[)\]}]/gu;
/** A quoted nickname: `Zhangyang "Atlas" Wang`, `Chiyu “Max” Jiang`. */
const NICKNAME = /\s*["“”„«»][^"“”„«»]*["“”„«»]/gu;
/** Affiliation numbers glued to a name or after it: `Jane Doe1,2`, `Jane Doe 3`. */
const TRAILING_NUMBERS = /(?<=\p{L})\s*\d+(?:\s*,\s*\d+)*\s*$/u;

export type CleanedName = { name: string } | { rejected: string };

/** One byline entry, cleaned; or the reason it is not a person's name. */
export function cleanAuthorName(raw: string): CleanedName {
  const name = raw
    .replace(INVISIBLE, ' ')
    .replace(NICKNAME, ' ')
    .replace(REMARK, ' ')
    .replace(MARKS, ' ')
    .replace(SUPERSCRIPT_DIGITS, ' ')
    .replace(TRAILING_NUMBERS, '')
    .replace(/["“”„«»]/gu, ' ')
    .replace(/\s+/gu, ' ')
    .replace(/^[\s,;:.'’-]+|[\s,;:'’-]+$/gu, '')
    .trim();
  const rejected = whyNotAName(name);
  return rejected ? { rejected: `author name ${JSON.stringify(raw)} ${rejected}` } : { name };
}

function whyNotAName(name: string): string | undefined {
  if (!name) return 'is blank';
  if (!/\p{L}/u.test(name)) return 'has no letters';
  if (/[,;]/.test(name)) return 'looks like a list of names';
  if (/\d/.test(name)) return 'has digits';
  if (/[@/\\{}<>=|]|https?:/i.test(name)) return 'has characters no name has';
  if (name.split(' ').length > 8 || name.length > 100) return 'looks like a sentence';
  return undefined;
}
