import { normalizeKey } from '../../src/domain/normalize.js';
import { HashSet } from '../../src/ingest/bulk/hash-index.js';
import type { SyntheticOrganization } from './graph.js';
import type { Person } from './labs.js';
import type { Random } from './random.js';
import { SHAPE } from './shape.js';
import {
  ADJECTIVES, COUNTRIES, COUNTRY_WEIGHTS, DOMAINS, FIRST_NAMES, INITIALS, LAST_NAMES, METHODS, ORGANIZATION_FORMS, PLACE_ENDS, PLACE_MIDDLES,
  PLACE_STARTS, ROR_CHARACTERS, TASKS, TITLE_FORMS,
} from './words.js';

/** Names and texts: organizations, authors, titles and abstracts, from the word lists. */

export function makeOrganizations(random: Random, prefix: string, count: number): SyntheticOrganization[] {
  const used = new Set<string>();
  return Array.from({ length: count }, (_, i) => {
    let name = '';
    for (let tries = 0; tries === 0 || used.has(normalizeKey(name)); tries++) {
      const place = random.pick(PLACE_STARTS) + random.pick(PLACE_MIDDLES) + random.pick(PLACE_ENDS);
      name = random.pick(ORGANIZATION_FORMS).replace('#', place);
      if (tries >= 20) name = `${name} ${tries}`;
    }
    used.add(normalizeKey(name));
    // ROR-shaped (0 + 6 base-32 characters + 2 digits), not registered anywhere.
    const ror = `https://ror.org/0${Array.from({ length: 6 }, () => random.pick(ROR_CHARACTERS)).join('')}${String(random.int(10, 99))}`;
    return { id: `${prefix}:org:${i + 1}`, name, nameKey: normalizeKey(name), ror, country: COUNTRIES[random.weighted(COUNTRY_WEIGHTS)]! };
  });
}

/** Unique names (by key), then a share of authors renamed after an author of another lab. */
/** The keys drawn so far: a Set, or for millions of keys a HashSet (src/ingest/bulk/hash-index.ts). */
export interface UsedKeys {
  has(key: string): boolean;
  add(key: string): unknown;
}

export function makeNames(random: Random, count: number, people: Person[]): string[] {
  // 64-bit hashes, not strings: 10M names would not fit a Set's memory (nor its 2^24 cap by much).
  const used: UsedKeys = new HashSet(count * 2);
  const names = Array.from({ length: count }, () => {
    for (let tries = 0; ; tries++) {
      const middle = tries > 8 ? `${random.pick(INITIALS)}. ${random.pick(INITIALS)}. ` : random.chance(0.5) ? `${random.pick(INITIALS)}. ` : '';
      const name = `${random.pick(FIRST_NAMES)} ${middle}${random.pick(LAST_NAMES)}${tries > 30 ? ` ${tries}` : ''}`;
      if (!used.has(normalizeKey(name))) return used.add(normalizeKey(name)), name;
    }
  });
  const order = random.shuffle(Array.from({ length: count }, (_, i) => i));
  const pairs = count < 2 ? 0 : Math.max(1, Math.round(count * SHAPE.duplicateNameShare));
  for (let i = 0; i < pairs && 2 * i + 1 < count; i++) {
    const [original, copy] = [order[2 * i]!, order[2 * i + 1]!];
    if (people[original]!.lab === people[copy]!.lab && count > SHAPE.labSize[1]) continue;
    // Half the copies drop the accents: a different spelling with the same key.
    const name = names[original]!;
    names[copy] = random.chance(0.5) ? name.normalize('NFD').replace(/\p{M}+/gu, '').normalize('NFC') : name;
  }
  return names;
}

export function uniqueTitle(random: Random, used: UsedKeys): string {
  for (let tries = 0; ; tries++) {
    let title = random.pick(TITLE_FORMS)(random);
    if (random.chance(0.5)) title += ` in ${random.pick(DOMAINS)}`;
    if (tries >= 10) title += `: Part ${tries - 8}`;
    if (!used.has(normalizeKey(title))) return used.add(normalizeKey(title)), title;
  }
}

export function makeAbstract(random: Random, title: string): string {
  const method = random.pick(METHODS).toLowerCase();
  const task = random.pick(TASKS).toLowerCase();
  const name = (random.pick(PLACE_STARTS) + random.pick(PLACE_ENDS)).toUpperCase();
  const result = random.chance(0.6)
    ? `Experiments on ${random.int(2, 12)} benchmarks show a ${random.int(2, 40)}% improvement over strong baselines at ${random.pick(['half', 'a third of', 'a tenth of', 'the same'])} the cost.`
    : `We prove a ${random.pick(['tight', 'near-optimal', 'logarithmic', 'polynomial'])} bound on its error and confirm it on ${random.int(2, 9)} datasets.`;
  return [
    `This paper, "${title}", revisits ${task}.`,
    `Approaches based on ${method} ${random.pick(['scale poorly', 'need large labeled sets', 'are hard to tune', 'ignore structure'])}.`,
    `We propose ${name}, a ${random.pick(ADJECTIVES).toLowerCase()} alternative that ${random.pick(['shares statistics across tasks', 'prunes the search space early', 'learns from weak signals', 'reuses cached partial results'])}.`,
    result,
  ].join(' ');
}
