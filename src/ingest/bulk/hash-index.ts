/**
 * Keys seen in a bulk conversion (paper DOIs and ids, author and organization ids), each as a
 * 64-bit hash with a 32-bit value (the node's number), in typed arrays.
 *
 * Why hand-written: the converter must know, for tens of millions of keys, whether it saw a key
 * and which node it gave it. A JS `Set`/`Map` of strings costs 50 to 100 bytes per entry (the
 * string plus the table) and V8 caps them at 2^24 entries, so 10M works with 40M authorships
 * would not fit in the 2 GiB the converter may use, nor at all in one Map. Here an entry is 12
 * bytes in open-addressing arrays (linear probing, grown at 70% load): 40M keys take about
 * 0.7 GiB. Two different keys share a hash with a probability of about n²/2^65 (5e-5 at 40M
 * keys); such a pair would be taken for one key (a paper reported as a duplicate, two authors
 * joined): an accepted risk, far below the data's own errors.
 */

/** Two independent 32-bit hashes of a string (a cyrb53-style mix of its UTF-16 units), as [hi, lo]. */
export function hash64(text: string, out: Uint32Array = new Uint32Array(2)): Uint32Array {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  out[0] = h1 >>> 0;
  out[1] = h2 >>> 0;
  return out;
}

const EMPTY = 0xffffffff;

/** A map from 64-bit key hashes to 32-bit values (never 0xffffffff), open addressing. */
export class HashIndex {
  private hi: Uint32Array;
  private lo: Uint32Array;
  private values: Uint32Array;
  private mask: number;
  size = 0;
  private readonly scratch = new Uint32Array(2);

  constructor(initialCapacity = 1 << 16) {
    let capacity = 1 << 10;
    while (capacity < initialCapacity) capacity *= 2;
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.values = new Uint32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
  }

  /** Bytes held by the table. */
  get bytes(): number {
    return this.values.length * 12;
  }

  private slot(hi: number, lo: number): number {
    let i = (lo ^ Math.imul(hi, 0x9e3779b1)) & this.mask;
    while (this.values[i] !== EMPTY && (this.hi[i] !== hi || this.lo[i] !== lo)) i = (i + 1) & this.mask;
    return i;
  }

  /** The value under `key`, or undefined. */
  get(key: string): number | undefined {
    const [hi, lo] = hash64(key, this.scratch) as unknown as [number, number];
    const value = this.values[this.slot(hi, lo)]!;
    return value === EMPTY ? undefined : value;
  }

  /** The value under a key hashed before (hash64). */
  getByHash(hi: number, lo: number): number | undefined {
    const value = this.values[this.slot(hi >>> 0, lo >>> 0)]!;
    return value === EMPTY ? undefined : value;
  }

  has(key: string): boolean {
    return this.get(key) !== undefined;
  }

  /** Sets `key` to `value` unless it is there already; returns the value it has now. */
  add(key: string, value: number): number {
    if (value === EMPTY || value < 0 || !Number.isInteger(value)) throw new RangeError(`HashIndex value out of range: ${value}`);
    const [hi, lo] = hash64(key, this.scratch) as unknown as [number, number];
    let i = this.slot(hi, lo);
    if (this.values[i] !== EMPTY) return this.values[i]!;
    if ((this.size + 1) * 10 > this.values.length * 7) {
      this.grow();
      i = this.slot(hi, lo);
    }
    this.hi[i] = hi;
    this.lo[i] = lo;
    this.values[i] = value;
    this.size++;
    return value;
  }

  /** Sets `key` to `value`, replacing what it had. */
  set(key: string, value: number) {
    if (value === EMPTY || value < 0 || !Number.isInteger(value)) throw new RangeError(`HashIndex value out of range: ${value}`);
    const [hi, lo] = hash64(key, this.scratch) as unknown as [number, number];
    const i = this.slot(hi, lo);
    if (this.values[i] !== EMPTY) this.values[i] = value;
    else this.add(key, value);
  }

  private grow() {
    const { hi, lo, values } = this;
    const capacity = values.length * 2;
    if (capacity > 2 ** 31) throw new RangeError('HashIndex: more than 1.5 billion keys');
    this.hi = new Uint32Array(capacity);
    this.lo = new Uint32Array(capacity);
    this.values = new Uint32Array(capacity).fill(EMPTY);
    this.mask = capacity - 1;
    for (let j = 0; j < values.length; j++) {
      if (values[j] === EMPTY) continue;
      const i = this.slot(hi[j]!, lo[j]!);
      this.hi[i] = hi[j]!;
      this.lo[i] = lo[j]!;
      this.values[i] = values[j]!;
    }
  }
}

/** A set of strings as 64-bit hashes (HashIndex without values): for millions of keys (see above). */
export class HashSet {
  private readonly index: HashIndex;
  constructor(initialCapacity?: number) {
    this.index = new HashIndex(initialCapacity);
  }
  get size() {
    return this.index.size;
  }
  has(key: string): boolean {
    return this.index.has(key);
  }
  add(key: string): this {
    this.index.add(key, 0);
    return this;
  }
}
