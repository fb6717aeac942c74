/**
 * Authors: per-index facts (tier, name, ORCID, institutions, ghost or not), the draw of a
 * byline's authors from the work's neighbourhood, and the authors entity records, whose counts
 * are tallied while the works stream past.
 *
 * Author index space [0, A), A = the base snapshot's work count. Work i has author i on its byline
 * (its "home" author, so every author has a work), and draws its other authors around index i:
 * tier 0 from the work's community (a block of communitySize indices), tier t from ±2^(t+2), so
 * the prolific few link the communities. An author is drawn by works within `horizon` indices of
 * it only, which lets the tally finish author a once work a + horizon has been written.
 */
import { Random } from '../random.js';
import { SALT, hash32, randomFor, unit } from './hash.js';
import { OPENALEX, type SnapshotIds } from './ids.js';
import type { InstitutionRef, Institutions } from './institutions.js';
import { type AuthorName, authorName } from './names.js';
import { SNAPSHOT_SHAPE as SHAPE } from './shape.js';

export interface AuthorFacts {
  index: number;
  id: string;
  name: AuthorName;
  orcid: string | null;
  institutions: InstitutionRef[];
  /** In no authors part (its authorships still name it). */
  ghost: boolean;
  /** JSON fragments of its authorships, made once (works.ts). */
  json?: { author: string; name: string; affiliation: string };
}

/** Tier of author index a: trailing zero bits of a + 1, capped. */
export function tierOf(a: number): number {
  let x = a + 1;
  let t = 0;
  while (t < SHAPE.maxTier && x % 2 === 0) {
    x /= 2;
    t++;
  }
  return t;
}

/** Share of drawn slots per tier: tier t has 2^-(t+1) of the authors, each growth^t times as productive. */
const TIER_WEIGHTS = Array.from({ length: SHAPE.maxTier + 1 }, (_, t) => (t === SHAPE.maxTier ? 2 ** -t : 2 ** -(t + 1)) * SHAPE.growth ** t);
const TIER_CUMULATIVE = (() => {
  const total = TIER_WEIGHTS.reduce((sum, w) => sum + w, 0);
  let running = 0;
  return TIER_WEIGHTS.map((w) => (running += w / total));
})();
/** Farthest index distance between a work's centre and an author it draws. */
export const windowOf = (tier: number) => 2 ** (tier + SHAPE.windowShift);
const BIG_BYLINE_WINDOW = (length: number) => 4 * length;
export const HORIZON = Math.max(windowOf(SHAPE.maxTier), BIG_BYLINE_WINDOW(3_000), SHAPE.communitySize) + 1;

export class Authors {
  private cache = new Map<number, AuthorFacts>();
  private older = new Map<number, AuthorFacts>();
  constructor(
    private readonly seed: number,
    private readonly ids: SnapshotIds,
    private readonly institutions: Institutions,
    /** Size of the author index space. */
    readonly count: number,
  ) {}

  facts(a: number): AuthorFacts {
    let facts = this.cache.get(a);
    if (facts) return facts;
    facts = this.older.get(a);
    if (facts) {
      this.remember(a, facts);
      return facts;
    }
    const random = randomFor(this.seed, a, SALT.author);
    const name = authorName(random);
    const orcid = random.chance(SHAPE.orcidShare) ? `https://orcid.org/${this.ids.orcid(a)}` : null;
    const institutions: InstitutionRef[] = [];
    const count = this.institutions.count;
    // Mostly the block's institution, else one of its own; some have a second one.
    const block = Math.floor(a / SHAPE.institutionBlock);
    const main = random.chance(0.75) ? hash32(this.seed, block, SALT.institution, 3) % count : random.int(0, count - 1);
    institutions.push(this.institutions.ref(main));
    if (random.chance(SHAPE.secondInstitutionShare)) {
      const second = random.int(0, count - 1);
      if (second !== main) institutions.push(this.institutions.ref(second));
    }
    facts = {
      index: a,
      id: OPENALEX + this.ids.author(a),
      name,
      orcid,
      institutions,
      ghost: unit(this.seed, a, SALT.ghost) < SHAPE.ghostAuthorShare,
    };
    this.remember(a, facts);
    return facts;
  }

  /** Two generations of recently used authors (bylines draw from a neighbourhood: most draws hit). */
  private remember(a: number, facts: AuthorFacts) {
    if (this.cache.size >= 16_384) {
      this.older = this.cache;
      this.cache = new Map();
    }
    this.cache.set(a, facts);
  }

  /**
   * `slots` distinct authors drawn around `centre` (plus `home` when given), in byline order.
   * Fewer when the neighbourhood is too small (a tiny corpus).
   */
  draw(random: Random, centre: number, slots: number, home: number | undefined): number[] {
    const chosen = new Set<number>();
    const wide = slots > 32 ? BIG_BYLINE_WINDOW(slots) : 0;
    const tries = slots * 3 + 10;
    for (let attempt = 0; chosen.size < slots && attempt < tries; attempt++) {
      const a = this.pick(random, centre, wide);
      if (a !== undefined && a !== home) chosen.add(a);
    }
    const byline = [...chosen];
    if (home !== undefined) byline.splice(random.int(0, byline.length), 0, home);
    return byline;
  }

  private pick(random: Random, centre: number, wide: number): number | undefined {
    const draw = random.next();
    let tier = 0;
    while (tier < SHAPE.maxTier && draw >= TIER_CUMULATIVE[tier]!) tier++;
    for (; tier >= 0; tier--) {
      let lo: number;
      let hi: number;
      if (tier === 0 && !wide) {
        lo = Math.floor(centre / SHAPE.communitySize) * SHAPE.communitySize;
        hi = lo + SHAPE.communitySize - 1;
      } else {
        const w = Math.max(windowOf(tier), wide);
        lo = centre - w;
        hi = centre + w;
      }
      lo = Math.max(0, lo);
      hi = Math.min(this.count - 1, hi);
      if (lo > hi) return undefined;
      const a = pickOfTier(random, tier, lo, hi);
      if (a !== undefined) return a;
    }
    return undefined;
  }
}

/** A uniform author index of exactly this tier in [lo, hi], if any. */
function pickOfTier(random: Random, tier: number, lo: number, hi: number): number | undefined {
  const step = 2 ** tier;
  const low = lo + 1;
  const high = hi + 1;
  if (tier === SHAPE.maxTier) {
    const min = Math.ceil(low / step);
    const max = Math.floor(high / step);
    return min > max ? undefined : random.int(min, max) * step - 1;
  }
  // a + 1 = step * (2m + 1)
  const min = Math.ceil((low / step - 1) / 2);
  const max = Math.floor((high / step - 1) / 2);
  return min > max ? undefined : step * (2 * random.int(min, max) + 1) - 1;
}

interface Tally {
  works: number;
  cited: number[];
  firstYear: number;
  lastYear: number;
}

/**
 * Counts per author while works stream past in index order, finishing author a (its record
 * handed to `emit`) once no later work can draw it. Memory: the authors within 2 horizons.
 */
export class AuthorTally {
  private readonly open = new Map<number, Tally>();
  private next = 0;
  constructor(
    private readonly authors: Authors,
    private readonly date: string,
    private readonly emit: (record: object) => void,
  ) {}

  add(a: number, citedByCount: number, year: number) {
    const tally = this.open.get(a);
    if (tally) {
      tally.works++;
      tally.cited.push(citedByCount);
      if (year < tally.firstYear) tally.firstYear = year;
      if (year > tally.lastYear) tally.lastYear = year;
    } else this.open.set(a, { works: 1, cited: [citedByCount], firstYear: year, lastYear: year });
  }

  /** Work `index` has been written: finish the authors no later work can reach. */
  passed(index: number) {
    while (this.next < this.authors.count && this.next + HORIZON < index) this.finish(this.next++);
  }

  end() {
    while (this.next < this.authors.count) this.finish(this.next++);
  }

  private finish(a: number) {
    const tally = this.open.get(a);
    if (!tally) return;
    this.open.delete(a);
    const facts = this.authors.facts(a);
    if (facts.ghost) return;
    this.emit(authorRecord(facts, tally, this.date));
  }
}

function hIndex(cited: number[]): number {
  const sorted = [...cited].sort((x, y) => y - x);
  let h = 0;
  while (h < sorted.length && sorted[h]! >= h + 1) h++;
  return h;
}

function authorRecord(facts: AuthorFacts, tally: Tally, date: string) {
  const citedByCount = tally.cited.reduce((sum, c) => sum + c, 0);
  const years: number[] = [];
  for (let year = tally.lastYear; year >= tally.firstYear && years.length < 10; year--) years.push(year);
  return {
    id: facts.id,
    orcid: facts.orcid,
    display_name: facts.name.name,
    display_name_alternatives: facts.name.alternatives,
    works_count: tally.works,
    cited_by_count: citedByCount,
    summary_stats: {
      '2yr_mean_citedness': Math.round((citedByCount / tally.works) * 100) / 100,
      h_index: hIndex(tally.cited),
      i10_index: tally.cited.filter((c) => c >= 10).length,
    },
    ids: facts.orcid ? { openalex: facts.id, orcid: facts.orcid } : { openalex: facts.id },
    affiliations: facts.institutions.map((institution) => ({ institution, years })),
    last_known_institutions: facts.institutions.slice(0, 1),
    works_api_url: `https://api.openalex.org/works?filter=author.id:${facts.id.slice(OPENALEX.length)}`,
    updated_date: `${date}T00:00:00.000000`,
    created_date: '2023-07-21',
  };
}
