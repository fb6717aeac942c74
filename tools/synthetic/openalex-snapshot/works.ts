/**
 * Works: the OpenAlex works record of work index i, a pure function of (seed, i) and the
 * snapshot's sizes. Base works 0..N-1 centre on author i (their home author); works added by an
 * update partition (index >= N) centre on a seeded author index and are recent.
 *
 * Pitfalls on purpose: name-only authorships (`author` null or all-null, a raw_author_name unique
 * to them), authorships naming a ghost author (in no authors part), one work in ~10k whose every
 * authorship is unnamed, works without DOI, arXiv landing pages in locations.
 */
import type { Random } from '../random.js';
import { ADJECTIVES, DOMAINS, METHODS, QUALITIES, TASKS, TITLE_FORMS } from '../words.js';
import type { Authors } from './authors.js';
import { SALT, hash32, randomFor, unit } from './hash.js';
import { OPENALEX, type SnapshotIds, arxivId } from './ids.js';
import type { InstitutionRef } from './institutions.js';
import { rawVariant, uniqueName } from './names.js';
import { SNAPSHOT_SHAPE as SHAPE } from './shape.js';
import type { SourceRef, Sources } from './sources.js';
import { TOPIC_COUNT, TOPICS_PER_SUBFIELD, topicFacts } from './taxonomy.js';

/** Works added by an update partition: indices [from, to), published up to `date`. */
export interface AddedWorks {
  from: number;
  to: number;
  date: string;
}

export interface WorksContext {
  seed: number;
  ids: SnapshotIds;
  authors: Authors;
  sources: Sources;
  /** Works of the base snapshot (= the author index space). */
  baseWorks: number;
  added: AddedWorks[];
  /** The base snapshot's partition date (created_date of its works). */
  baseDate: string;
}

export interface BuiltWork {
  record: WorkRecord;
  /** Indices of the identified authors on the byline (ghosts included). */
  authors: number[];
  citedByCount: number;
  year: number;
  nameOnly: number;
  unnamed: boolean;
}

export type WorkRecord = Record<string, unknown> & { authorships: Authorship[]; title: string; cited_by_count: number; updated_date: string };

export interface Authorship {
  author_position: 'first' | 'middle' | 'last';
  author: { id: string | null; display_name: string | null; orcid: string | null } | null;
  institutions: InstitutionRef[];
  countries: string[];
  is_corresponding: boolean;
  raw_author_name: string | null;
  raw_affiliation_strings: string[];
  affiliations: { raw_affiliation_string: string; institution_ids: string[] }[];
}

const [FIRST_YEAR, LAST_YEAR] = SHAPE.years;
const YEAR_CUMULATIVE = (() => {
  const weights = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, k) => SHAPE.yearlyGrowth ** k);
  const total = weights.reduce((sum, w) => sum + w, 0);
  let running = 0;
  return weights.map((w) => (running += w / total));
})();

const pad = (n: number) => String(n).padStart(2, '0');
const positionOf = (k: number, length: number) => (k === 0 ? 'first' : k === length - 1 ? 'last' : 'middle');

export class Works {
  constructor(private readonly context: WorksContext) {}

  get total(): number {
    return this.context.added.at(-1)?.to ?? this.context.baseWorks;
  }

  /** Publication date of work j, as a sortable number and its parts (its own hash: references compare it). */
  publication(j: number): { year: number; month: number; day: number; order: number } {
    const { seed } = this.context;
    const u = unit(seed, j, SALT.date);
    let year: number;
    let month = 1 + (hash32(seed, j, SALT.date, 1) % 12);
    const day = 1 + (hash32(seed, j, SALT.date, 2) % 28);
    const added = j >= this.context.baseWorks ? this.context.added.find((range) => j >= range.from && j < range.to) : undefined;
    const arxiv = j % SHAPE.arxivEvery === 0 ? arxivId(j / SHAPE.arxivEvery) : undefined;
    if (added) {
      // Within the year before the partition's date.
      const [y, m] = added.date.split('-').map(Number) as [number, number];
      const back = Math.floor(u * 12);
      year = m - back > 0 ? y : y - 1;
      month = ((m - back - 1 + 12) % 12) + 1;
    } else if (arxiv) {
      year = arxiv.year;
      month = arxiv.month;
    } else {
      let k = 0;
      while (k < YEAR_CUMULATIVE.length - 1 && u >= YEAR_CUMULATIVE[k]!) k++;
      year = FIRST_YEAR + k;
    }
    return { year, month, day, order: year * 400 + month * 31 + day };
  }

  build(i: number, updatedDate: string): BuiltWork {
    const { seed, ids, authors, sources } = this.context;
    const random = randomFor(seed, i, SALT.work);
    const base = i < this.context.baseWorks;
    const centre = base ? i : hash32(seed, i, SALT.work, 1) % authors.count;
    const published = this.publication(i);
    const { year } = published;

    // Byline.
    const unnamed = random.chance(SHAPE.unnamedWorkShare);
    let length = bylineLength(random);
    if (unnamed) length = Math.min(length, 5);
    const home = base && !unnamed ? i : undefined;
    const drawn = unnamed ? [] : authors.draw(random, centre, home === undefined ? length : length - 1, home);
    const slots: (number | 'name-only' | 'unnamed')[] = unnamed ? Array.from({ length }, () => 'unnamed' as const) : drawn;
    if (!unnamed) {
      for (let k = 0; k < slots.length; k++) if (slots[k] !== home && random.chance(SHAPE.nameOnlyShare)) slots[k] = 'name-only';
    }
    const identified = slots.filter((slot): slot is number => typeof slot === 'number');
    const corresponding = identified.length && random.chance(SHAPE.correspondingShare) ? identified[random.int(0, identified.length - 1)] : undefined;
    let nameOnly = 0;
    const authorships = slots.map((slot, k): Authorship => {
      const position = positionOf(k, slots.length);
      if (slot === 'unnamed') {
        return emptyAuthorship(position, random.chance(0.5) ? null : '', random.chance(0.5) ? { id: null, display_name: null, orcid: null } : null);
      }
      if (slot === 'name-only') {
        nameOnly++;
        const authorship = emptyAuthorship(position, uniqueName(i * 4096 + k), random.chance(SHAPE.nullAuthorShare) ? null : { id: null, display_name: null, orcid: null });
        if (random.chance(0.5)) withInstitutions(authorship, [authors.facts(centre).institutions[0]!]);
        return authorship;
      }
      return this.authorship(slot, position, random, slot === corresponding);
    });

    // Venue, ids, locations.
    const sourceIndex = random.chance(0.7) ? hash32(seed, Math.floor(centre / 4096), SALT.source) % sources.count : random.int(0, sources.count - 1);
    const source = sources.ref(sourceIndex);
    const id = OPENALEX + ids.work(i);
    const doi = random.chance(SHAPE.doiShare) ? `https://doi.org/${ids.doi(i, sourceIndex)}` : null;
    const arxiv = i % SHAPE.arxivEvery === 0 ? arxivId(i / SHAPE.arxivEvery) : undefined;
    const locations = [];
    if (doi || !arxiv) locations.push(location(source, doi ?? `https://works.example.org/${ids.work(i)}`, null, source.is_oa));
    if (arxiv) locations.push(location(sources.arxiv, `https://arxiv.org/abs/${arxiv.id}`, `https://arxiv.org/pdf/${arxiv.id}`, true));
    const primary = locations[0]!;
    const oa = locations.find((l) => l.is_oa);

    // Topics: mostly the topic area's, siblings in the subfield.
    const area = Math.floor(centre / SHAPE.topicArea);
    const main = random.chance(0.8) ? hash32(seed, area, SALT.topicArea) % TOPIC_COUNT : random.int(0, TOPIC_COUNT - 1);
    const topicIndices = [main];
    const extra = random.int(0, 2);
    for (let k = 0; k < extra; k++) {
      const sibling = main - (main % TOPICS_PER_SUBFIELD) + random.int(0, TOPICS_PER_SUBFIELD - 1);
      if (!topicIndices.includes(sibling)) topicIndices.push(sibling);
    }
    let score = 0.9 + random.next() * 0.1;
    const topics = topicIndices.map((t) => {
      const topic = { ...topicFacts(t), score: Math.round(score * 10_000) / 10_000 };
      score *= 0.6 + random.next() * 0.3;
      return topic;
    });

    // Citations: heavy-tailed, older works more.
    const age = Math.max(1, 2026 - year);
    const citedByCount = Math.min(250_000, Math.floor(3 * (random.next() ** (-1 / 1.3) - 1) * Math.sqrt(age / 4)));
    const references = this.references(random, i, published.order);

    const title = makeTitle(random);
    const institutionIds = new Set<string>();
    const countries = new Set<string>();
    for (const authorship of authorships) {
      for (const institution of authorship.institutions) institutionIds.add(institution.id);
      for (const country of authorship.countries) countries.add(country);
    }
    const record: WorkRecord = {
      id,
      doi,
      title,
      display_name: title,
      publication_year: year,
      publication_date: `${year}-${pad(published.month)}-${pad(published.day)}`,
      ids: doi ? { openalex: id, doi } : { openalex: id },
      language: 'en',
      primary_location: primary,
      type: 'article',
      type_crossref: source.type === 'conference' ? 'proceedings-article' : 'journal-article',
      open_access: { is_oa: Boolean(oa), oa_status: oa ? (oa === primary ? 'gold' : 'green') : 'closed', oa_url: oa?.landing_page_url ?? null, any_repository_has_fulltext: Boolean(arxiv) },
      authorships,
      countries_distinct_count: countries.size,
      institutions_distinct_count: institutionIds.size,
      corresponding_author_ids: corresponding === undefined ? [] : [authors.facts(corresponding).id],
      corresponding_institution_ids: corresponding === undefined ? [] : authors.facts(corresponding).institutions.slice(0, 1).map((institution) => institution.id),
      cited_by_count: citedByCount,
      is_retracted: false,
      is_paratext: false,
      primary_topic: topics[0],
      topics,
      locations_count: locations.length,
      locations,
      best_oa_location: oa ?? null,
      referenced_works_count: references.length,
      referenced_works: references,
      abstract_inverted_index: random.chance(SHAPE.abstractShare) ? invertedIndex(makeAbstract(random)) : null,
      cited_by_api_url: `https://api.openalex.org/works?filter=cites:${ids.work(i)}`,
      updated_date: `${updatedDate}T00:00:00.000000`,
      created_date: base ? this.context.baseDate : (this.context.added.find((range) => i >= range.from && i < range.to)?.date ?? updatedDate),
    };
    return { record, authors: identified, citedByCount, year, nameOnly, unnamed };
  }

  /** The authorship of identified author a. */
  authorship(a: number, position: Authorship['author_position'], random: Random, corresponding: boolean): Authorship {
    const facts = this.context.authors.facts(a);
    const authorship = emptyAuthorship(position, random.chance(SHAPE.rawNameVariantShare) ? rawVariant(facts.name, random) : facts.name.name, {
      id: facts.id,
      display_name: facts.name.name,
      orcid: facts.orcid,
    });
    authorship.is_corresponding = corresponding;
    if (!random.chance(SHAPE.noInstitutionShare)) withInstitutions(authorship, facts.institutions);
    return authorship;
  }

  /** Earlier works of the corpus: mostly the same neighbourhood, some anywhere. */
  private references(random: Random, i: number, order: number): string[] {
    const total = this.total;
    if (random.chance(0.2) || total < 2) return [];
    const count = Math.min(60, Math.round(-Math.log(1 - random.next()) * (SHAPE.referencesMean / 0.8)));
    const chosen = new Set<number>();
    for (let attempt = 0; attempt < count * 3 && chosen.size < count; attempt++) {
      const j = random.chance(0.7) ? i + random.int(-2048, 2048) : random.int(0, total - 1);
      if (j < 0 || j >= total || j === i || chosen.has(j)) continue;
      if (this.publication(j).order < order) chosen.add(j);
    }
    return [...chosen].map((j) => OPENALEX + this.context.ids.work(j));
  }
}

function bylineLength(random: Random): number {
  let draw = random.next();
  for (const [min, max, weight] of SHAPE.bylines) {
    if (draw < weight) {
      // Log-uniform within the wide buckets.
      return min === max ? min : Math.round(Math.exp(Math.log(min) + random.next() * (Math.log(max) - Math.log(min))));
    }
    draw -= weight;
  }
  return 1;
}

function emptyAuthorship(position: Authorship['author_position'], rawName: string | null, author: Authorship['author']): Authorship {
  return {
    author_position: position,
    author,
    institutions: [],
    countries: [],
    is_corresponding: false,
    raw_author_name: rawName,
    raw_affiliation_strings: [],
    affiliations: [],
  };
}

function withInstitutions(authorship: Authorship, institutions: InstitutionRef[]) {
  authorship.institutions = institutions;
  authorship.countries = [...new Set(institutions.map((institution) => institution.country_code))];
  authorship.raw_affiliation_strings = institutions.map((institution) => `${institution.display_name}, ${institution.country_code}`);
  authorship.affiliations = institutions.map((institution, k) => ({ raw_affiliation_string: authorship.raw_affiliation_strings[k]!, institution_ids: [institution.id] }));
}

function location(source: SourceRef, landing: string, pdf: string | null, isOa: boolean) {
  return {
    is_oa: isOa,
    landing_page_url: landing,
    pdf_url: pdf,
    source,
    license: isOa ? 'cc-by' : null,
    version: isOa ? 'publishedVersion' : null,
    is_accepted: true,
    is_published: source.type !== 'repository',
  };
}

function makeTitle(random: Random): string {
  let title = random.pick(TITLE_FORMS)(random);
  if (random.chance(0.5)) title += ` in ${random.pick(DOMAINS)}`;
  return title;
}

function makeAbstract(random: Random): string {
  return [
    `We study ${random.pick(TASKS).toLowerCase()} with ${random.pick(METHODS).toLowerCase()}.`,
    `Our ${random.pick(ADJECTIVES).toLowerCase()} approach improves ${random.pick(QUALITIES).toLowerCase()} on ${random.int(2, 12)} benchmarks`,
    `and transfers to ${random.pick(DOMAINS).toLowerCase()}.`,
  ].join(' ');
}

function invertedIndex(text: string): Record<string, number[]> {
  const index: Record<string, number[]> = Object.create(null);
  text.split(' ').forEach((word, position) => {
    (index[word] ??= []).push(position);
  });
  return index;
}
