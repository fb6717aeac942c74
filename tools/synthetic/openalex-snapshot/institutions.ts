/**
 * Institutions: a count that grows with the corpus, each with a ROR id, a country and a type;
 * one in five (not the first of its group of ten) is part of the group's first institution (its
 * lineage names both, both list each other in associated_institutions).
 */
import { COUNTRIES, COUNTRY_WEIGHTS, ORGANIZATION_FORMS, PLACE_ENDS, PLACE_MIDDLES, PLACE_STARTS } from '../words.js';
import { SALT, hash32, randomFor } from './hash.js';
import { OPENALEX, type SnapshotIds } from './ids.js';
import { SNAPSHOT_SHAPE } from './shape.js';

const TYPES = ['education', 'education', 'education', 'healthcare', 'company', 'government', 'nonprofit', 'facility', 'archive', 'other'];

/** The short form every authorship carries (OpenAlex's "dehydrated" institution). */
export interface InstitutionRef {
  id: string;
  display_name: string;
  ror: string;
  country_code: string;
  type: string;
  lineage: string[];
}

export const institutionCount = (authors: number) =>
  Math.min(1_000_000, Math.max(10, Math.round(authors / SNAPSHOT_SHAPE.authorsPerInstitution)));

export class Institutions {
  readonly count: number;
  private readonly refs: InstitutionRef[] = [];
  constructor(
    private readonly seed: number,
    private readonly ids: SnapshotIds,
    count: number,
  ) {
    this.count = count;
    // Names first (lineage needs the parent's id only), then refs with lineage.
    for (let k = 0; k < count; k++) {
      const random = randomFor(seed, k, SALT.institution);
      const place = random.pick(PLACE_STARTS) + random.pick(PLACE_MIDDLES) + random.pick(PLACE_ENDS);
      // The index in the name keeps names unique (organizations are also matched by name).
      const name = `${random.pick(ORGANIZATION_FORMS).replace('#', place)} ${roman(k + 1)}`.replace(/ I$/, '');
      const parent = this.parentOf(k);
      this.refs.push({
        id: OPENALEX + ids.institution(k),
        display_name: name,
        ror: `https://ror.org/${ids.ror(k)}`,
        country_code: parent === undefined ? COUNTRIES[random.weighted(COUNTRY_WEIGHTS)]! : this.refs[parent]!.country_code,
        type: TYPES[hash32(seed, k, SALT.institution, 1) % TYPES.length]!,
        lineage: [],
      });
    }
    for (let k = 0; k < count; k++) {
      const parent = this.parentOf(k);
      this.refs[k]!.lineage = parent === undefined ? [this.refs[k]!.id] : [this.refs[k]!.id, this.refs[parent]!.id];
    }
  }

  parentOf(k: number): number | undefined {
    return k % 10 !== 0 && hash32(this.seed, k, SALT.institution, 2) % 5 === 0 ? k - (k % 10) : undefined;
  }

  ref(k: number): InstitutionRef {
    return this.refs[k]!;
  }

  record(k: number, date: string) {
    const ref = this.refs[k]!;
    const associated: object[] = [];
    const parent = this.parentOf(k);
    const relation = (other: number, relationship: string) => {
      const { id, ror, display_name, country_code, type } = this.refs[other]!;
      associated.push({ id, ror, display_name, country_code, type, relationship });
    };
    if (parent !== undefined) relation(parent, 'parent');
    else if (k % 10 === 0) for (let child = k + 1; child < Math.min(k + 10, this.count); child++) if (this.parentOf(child) === k) relation(child, 'child');
    return {
      id: ref.id,
      ror: ref.ror,
      display_name: ref.display_name,
      country_code: ref.country_code,
      type: ref.type,
      lineage: ref.lineage,
      ids: { openalex: ref.id, ror: ref.ror },
      associated_institutions: associated,
      updated_date: `${date}T00:00:00.000000`,
      created_date: '2016-06-24',
    };
  }
}

function roman(n: number): string {
  // Small numbers as Roman numerals, larger ones spelled in letters: names have no digits.
  if (n <= 39) {
    const tens = ['', 'X', 'XX', 'XXX'][Math.floor(n / 10)]!;
    const ones = ['', 'I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX'][n % 10]!;
    return tens + ones;
  }
  let text = '';
  for (let rest = n; rest > 0; rest = Math.floor(rest / 26)) text = String.fromCharCode(65 + (rest % 26)) + text;
  return text;
}
