import { normalizeKey } from '../../src/domain/normalize.js';

/**
 * What `npm run eval:search` measures, as pure functions over plain data (tested in
 * test/unit/eval-search-measures.test.ts): which institutions a raw affiliation string names,
 * which organization names are several affiliations joined, and ranks as top-1 and MRR.
 */

/** Folds a name or a raw affiliation string to space-separated words (case, accents, punctuation; "&" is "and"). */
export const words = (text: string) => normalizeKey(text.replace(/&/g, ' and '));

/**
 * The institutions a raw affiliation string names, by their names (folded) as whole words. Only
 * the longest names win where names overlap: "Google DeepMind" names Google DeepMind, not Google;
 * "University of California, Berkeley" names Berkeley's campus, not the University of California.
 */
export class InstitutionMatcher {
  /** Folded name -> the institutions that carry it (ids). */
  private readonly byName = new Map<string, Set<string>>();
  private readonly firstWords = new Map<string, string[]>();

  constructor(institutions: { id: string; names: string[] }[]) {
    for (const { id, names } of institutions) {
      for (const name of names) {
        const folded = words(name);
        // A name of one short word ("ai", "mit") is too common inside other words' company to count
        // as naming an institution from a raw string; acronyms still count through longer names.
        if (!folded || (!folded.includes(' ') && folded.length < 3)) continue;
        let ids = this.byName.get(folded);
        if (!ids) this.byName.set(folded, (ids = new Set()));
        ids.add(id);
        const first = folded.split(' ')[0]!;
        const list = this.firstWords.get(first) ?? [];
        if (!list.includes(folded)) list.push(folded);
        this.firstWords.set(first, list);
      }
    }
    for (const list of this.firstWords.values()) list.sort((a, b) => b.length - a.length);
  }

  /** Ids of the institutions `raw` names (longest non-overlapping matches, left to right). */
  named(raw: string): Set<string> {
    const tokens = words(raw).split(' ').filter(Boolean);
    const found = new Set<string>();
    for (let at = 0; at < tokens.length; ) {
      let matched = 0;
      for (const name of this.firstWords.get(tokens[at]!) ?? []) {
        const length = name.split(' ').length;
        if (tokens.slice(at, at + length).join(' ') === name) {
          for (const id of this.byName.get(name)!) found.add(id);
          matched = length;
          break; // longest first
        }
      }
      at += matched || 1;
    }
    return found;
  }
}

const INSTITUTION_HEAD = /\b(universit(y|ies|at|ät|é|e|a|à|eit)|hochschule|politecnico|institute of technology)\b/giu;

/**
 * Why an organization's name looks like several affiliations joined into one, or null: a `+` or
 * `;` between parts, a numbered list ("1The University ..., 2Stanford"), or two university heads
 * ("University of Oxford, University College" aside: "University College" is one head).
 */
export function joinedNameReason(name: string): string | null {
  if (/\+/.test(name)) return "'+' between parts";
  if (/;/.test(name)) return "';' between parts";
  if (/(^|[\s,])1\.?\s*\p{Lu}/u.test(name) && /[\s,]2\.?\s*\p{Lu}/u.test(name)) return 'a numbered list';
  // "University College" and "Polytechnic University" are one head each.
  const heads = name.replace(/University College|Polytechnic University/gi, 'UC').match(INSTITUTION_HEAD) ?? [];
  if (heads.length >= 2) return 'two universities in one name';
  return null;
}

/** 1-based rank of `wanted` in `hits`, or null when it is not there. */
export const rankOf = (hits: string[], wanted: string) => {
  const at = hits.indexOf(wanted);
  return at < 0 ? null : at + 1;
};

/** Top-1 share and mean reciprocal rank over ranks (null: not in the first k). */
export function rankFigures(ranks: (number | null)[]) {
  const n = ranks.length;
  if (n === 0) return { n, top1: 0, mrr: 0 };
  const top1 = ranks.filter((rank) => rank === 1).length / n;
  const mrr = ranks.reduce<number>((sum, rank) => sum + (rank ? 1 / rank : 0), 0) / n;
  return { n, top1, mrr };
}

/**
 * What a person types in a typeahead: the first name and the first `letters` of the surname
 * ("Sergey Lev"; a shorter surname whole: "Bo Li"), or null for a one-word name.
 */
export function typedPrefix(name: string, letters: number): string | null {
  const parts = name.trim().split(/\s+/);
  if (parts.length < 2) return null;
  return `${parts[0]} ${[...parts.at(-1)!].slice(0, letters).join('')}`;
}
