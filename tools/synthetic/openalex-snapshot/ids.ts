/**
 * Identifiers, OpenAlex-shaped, as bijections of an index (so unique without a set): works
 * W2xxxxxxxxx (never the deleted-works sentinel W4285719527), authors A5xxxxxxxxx, institutions
 * I1xxxxxxxx, sources S3xxxxxxxx; ROR ids (0 + 6 base-32 characters + 2 digits, not registered
 * anywhere), ORCIDs with a valid check digit, DOIs and arXiv ids unique per work.
 */
import { hash32 } from './hash.js';

export const OPENALEX = 'https://openalex.org/';
/** OpenAlex's target for deleted works in merged_ids. */
export const DELETED_WORK = 'W4285719527';

const BILLION = 1_000_000_000;
/** index -> (index * factor + offset) mod 10^9: a bijection on [0, 10^9) (factor coprime to 10; product < 2^53). */
const scramble = (index: number, factor: number, offset: number) => (index * factor + offset) % BILLION;

export class SnapshotIds {
  private readonly offsets: { work: number; author: number; institution: number; orcid: number; ror: number };
  constructor(seed: number) {
    this.offsets = {
      work: hash32(seed, 11) % BILLION,
      author: hash32(seed, 12) % BILLION,
      institution: hash32(seed, 13) % 100_000_000,
      orcid: hash32(seed, 14) % BILLION,
      ror: hash32(seed, 15) % BILLION,
    };
  }
  /** Short work id, e.g. W2123456789. */
  work(index: number): string {
    return `W${2 * BILLION + scramble(index, 6_700_417, this.offsets.work)}`;
  }
  author(index: number): string {
    return `A${5 * BILLION + scramble(index, 7_368_787, this.offsets.author)}`;
  }
  institution(index: number): string {
    return `I${100_000_000 + ((index * 1_299_709 + this.offsets.institution) % 100_000_000)}`;
  }
  source(index: number): string {
    return `S${3 * BILLION + ((index * 104_729) % BILLION)}`;
  }
  /** Short ROR id: 0, six base-32 characters from the index, two digits. */
  ror(index: number): string {
    let n = scramble(index, 3_010_349, this.offsets.ror) % 32 ** 6;
    let body = '';
    for (let i = 0; i < 6; i++) {
      body = ROR_ALPHABET[n % 32]! + body;
      n = Math.floor(n / 32);
    }
    return `0${body}${String(10 + (hash32(index, 16) % 90))}`;
  }
  /** Short ORCID 0000-00dd-dddd-dddX (ISO 7064 mod 11-2 check digit). */
  orcid(index: number): string {
    const digits = `000000${String(scramble(index, 2_750_159, this.offsets.orcid)).padStart(9, '0')}`;
    let total = 0;
    for (const digit of digits) total = (total + Number(digit)) * 2;
    const check = (12 - (total % 11)) % 11;
    const all = digits + (check === 10 ? 'X' : String(check));
    return `${all.slice(0, 4)}-${all.slice(4, 8)}-${all.slice(8, 12)}-${all.slice(12)}`;
  }
  /** Lower-case DOI without its URL prefix, unique per work. */
  doi(index: number, source: number): string {
    return `10.${55_000 + (source % 900)}/sg.${(2 * BILLION + scramble(index, 6_700_417, this.offsets.work)).toString(36)}`;
  }
}

const ROR_ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** True for ids whose number ends in a run of 9s (the importer reads such merge targets as deletions). */
export const endsInNine = (id: string) => id.endsWith('9');

/** arXiv-shaped id YYMM.NNNNN for the n-th arXiv work (unique while n < 132 * 100000), with its year and month. */
export function arxivId(n: number): { id: string; year: number; month: number } | undefined {
  const months = 11 * 12; // 2015-01 .. 2025-12: the 5-digit form
  const number = Math.floor(n / months);
  if (number >= 100_000) return undefined;
  const slot = n % months;
  const year = 2015 + Math.floor(slot / 12);
  const month = 1 + (slot % 12);
  return { id: `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}.${String(number).padStart(5, '0')}`, year, month };
}
