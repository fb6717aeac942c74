/**
 * Seeded hashing: every fact of the generated snapshot (a work's byline, an author's name, an
 * institution's country) is a pure function of the seed and an index, so any record can be
 * rebuilt on its own (the update mode, the authors entity) without holding the corpus.
 */
import { Random } from '../random.js';

/** A 32-bit hash of a few integers (murmur3's finalizer over a running mix). */
export function hash32(seed: number, a: number, b = 0, c = 0): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = mix(h, a);
  h = mix(h, b);
  h = mix(h, c);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return (h ^ (h >>> 16)) >>> 0;
}

/** One value into the running hash; numbers up to 2^53 fold their high part in too. */
function mix(h: number, value: number): number {
  const low = value >>> 0;
  const high = Math.floor(value / 4294967296) >>> 0;
  h = Math.imul(h ^ low, 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13) ^ high, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** A number in [0, 1) from the same inputs. */
export const unit = (seed: number, a: number, b = 0, c = 0) => hash32(seed, a, b, c) / 4294967296;

/** A PRNG for the facts of one record (its draws come in a fixed order). */
export const randomFor = (seed: number, a: number, b = 0, c = 0) => new Random(hash32(seed, a, b, c));

/** Salts: one per kind of fact, so two kinds never share draws. */
export const SALT = {
  work: 1,
  author: 2,
  institution: 3,
  ghost: 4,
  ids: 5,
  update: 6,
  merge: 7,
  source: 8,
  topicArea: 9,
  date: 10,
} as const;

/**
 * `count` distinct indices spread evenly over [0, total) with a seeded offset: `at(k)` and its
 * inverse `has(i)` in O(1), so "is this work updated in that partition" needs no set.
 */
export class Spread {
  readonly count: number;
  readonly total: number;
  readonly offset: number;
  constructor(count: number, total: number, offset: number) {
    if (count > total) throw new RangeError(`cannot pick ${count} distinct items out of ${total}`);
    this.count = count;
    this.total = total;
    this.offset = offset % 1;
  }
  at(k: number): number {
    return Math.floor(((k + this.offset) * this.total) / this.count);
  }
  has(i: number): boolean {
    if (this.count === 0 || i < 0 || i >= this.total) return false;
    const k = Math.floor(((i + 1) * this.count) / this.total - this.offset);
    for (const candidate of [k - 1, k, k + 1]) if (candidate >= 0 && candidate < this.count && this.at(candidate) === i) return true;
    return false;
  }
}
