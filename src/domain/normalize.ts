/**
 * Keys for matching people, organizations and titles across sources: case, accents, punctuation
 * and spacing folded, so "Baixu  Chen", "baixu chen" and "Báixu Chen" meet on one key.
 */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A readable, URL-safe id fragment made from a key: "baixu chen" -> "baixu-chen". */
export function slug(text: string): string {
  return normalizeKey(text).replace(/ /g, '-');
}

/** The id of an author known only by name; a later import may merge it with an identified one. */
export function authorIdFromName(name: string): string {
  return `author:${slug(name)}`;
}
