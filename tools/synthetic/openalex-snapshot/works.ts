/**
 * Works: the OpenAlex works record of work index i, a pure function of (seed, i) and the
 * snapshot's sizes. Base works 0..N-1 centre on author i (their home author); works added by an
 * update partition (index >= N) centre on a seeded author index and are recent.
 *
 * Pitfalls on purpose: name-only authorships (`author` null or all-null, a raw_author_name unique
 * to them), authorships naming a ghost author (in no authors part), one work in ~10k whose every
 * authorship is unnamed, works without DOI, arXiv landing pages in locations.
 *
 * The record is written as JSON text from fragments made once per author, institution, topic and
 * source (JSON.stringify of a whole work per record is most of the time otherwise).
 */
import type { Random } from '../random.js';
import { ADJECTIVES, DOMAINS, METHODS, QUALITIES, TASKS, TITLE_FORMS } from '../words.js';
import type { AuthorFacts, Authors } from './authors.js';
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
  /** The record as one line of JSON. */
  json: string;
  /** Indices of the identified authors on the byline (ghosts included). */
  authors: number[];
  authorships: number;
  citedByCount: number;
  year: number;
  nameOnly: number;
  unnamed: boolean;
}

/** The shape of an authorship (what JSON.parse of a record gives). */
export interface Authorship {
  author_position: 'first' | 'middle' | 'last';
  author: { id: string | null; display_name: string | null; orcid: string | null } | null;
  institutions: InstitutionRef[];
  countries: string[];
  is_corresponding: boolean;
  raw_author_name: string | null;
  raw_affiliation_strings: string[];
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
const q = JSON.stringify;
const NO_AFFILIATION = '"institutions":[],"countries":[],"raw_affiliation_strings":[]';
const NULL_AUTHOR = '{"id":null,"display_name":null,"orcid":null}';

/** `"institutions":[...],"countries":[...],"raw_affiliation_strings":[...]` (no `affiliations`, OpenAlex's newer form of the same). */
function affiliationJson(institutions: readonly InstitutionRef[]): string {
  const raw = institutions.map((institution) => `${institution.display_name}, ${institution.country_code}`);
  return [
    `"institutions":${q(institutions)}`,
    `"countries":${q([...new Set(institutions.map((institution) => institution.country_code))])}`,
    `"raw_affiliation_strings":${q(raw)}`,
  ].join(',');
}

function authorshipJson(position: string, author: string, corresponding: boolean, rawName: string, affiliation: string): string {
  return `{"author_position":"${position}","author":${author},${affiliation},"is_corresponding":${corresponding},"raw_author_name":${rawName}}`;
}

export class Works {
  private readonly topicJson: string[] = [];
  private readonly sourceJson = new Map<SourceRef, string>();
  private readonly institutionJson = new Map<InstitutionRef, string>();

  constructor(private readonly context: WorksContext) {
    for (let t = 0; t < TOPIC_COUNT; t++) {
      const text = q(topicFacts(t));
      this.topicJson.push(text.slice(0, -1)); // without the closing brace: the score follows
    }
  }

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
    const added = j >= this.context.baseWorks ? this.addedRange(j) : undefined;
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

  /** `count` distinct authors from the neighbourhood of `centre`. */
  draw(random: Random, centre: number, count: number): number[] {
    return this.context.authors.draw(random, centre, count, undefined);
  }

  /** The author index a work draws its authors around. */
  centreOf(i: number): number {
    return i < this.context.baseWorks ? i : hash32(this.context.seed, i, SALT.work, 1) % this.context.authors.count;
  }

  private addedRange(j: number): AddedWorks | undefined {
    return this.context.added.find((range) => j >= range.from && j < range.to);
  }

  build(i: number, updatedDate: string): BuiltWork {
    const { seed, ids, authors, sources } = this.context;
    const random = randomFor(seed, i, SALT.work);
    const base = i < this.context.baseWorks;
    const centre = this.centreOf(i);
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
    const institutionIds = new Set<string>();
    const countries = new Set<string>();
    const noteInstitutions = (institutions: readonly InstitutionRef[]) => {
      for (const institution of institutions) {
        institutionIds.add(institution.id);
        countries.add(institution.country_code);
      }
    };
    const authorships = slots.map((slot, k): string => {
      const position = positionOf(k, slots.length);
      if (slot === 'unnamed') {
        return authorshipJson(position, random.chance(0.5) ? NULL_AUTHOR : 'null', false, random.chance(0.5) ? 'null' : '""', NO_AFFILIATION);
      }
      if (slot === 'name-only') {
        nameOnly++;
        const author = random.chance(SHAPE.nullAuthorShare) ? 'null' : NULL_AUTHOR;
        let affiliation = NO_AFFILIATION;
        if (random.chance(0.5)) {
          const institution = authors.facts(centre).institutions[0]!;
          noteInstitutions([institution]);
          affiliation = this.institutionAffiliation(institution);
        }
        return authorshipJson(position, author, false, q(uniqueName(i * 4096 + k)), affiliation);
      }
      const facts = authors.facts(slot);
      const json = this.authorJson(facts);
      const rawName = random.chance(SHAPE.rawNameVariantShare) ? q(rawVariant(facts.name, random)) : json.name;
      let affiliation = NO_AFFILIATION;
      if (!random.chance(SHAPE.noInstitutionShare)) {
        affiliation = json.affiliation;
        noteInstitutions(facts.institutions);
      }
      return authorshipJson(position, json.author, slot === corresponding, rawName, affiliation);
    });

    // Venue, ids, locations.
    const sourceIndex = random.chance(0.7) ? hash32(seed, Math.floor(centre / 4096), SALT.source) % sources.count : random.int(0, sources.count - 1);
    const source = sources.ref(sourceIndex);
    const shortId = ids.work(i);
    const id = OPENALEX + shortId;
    const doi = random.chance(SHAPE.doiShare) ? `https://doi.org/${ids.doi(i, sourceIndex)}` : null;
    const arxiv = i % SHAPE.arxivEvery === 0 ? arxivId(i / SHAPE.arxivEvery) : undefined;
    const locations: { json: string; isOa: boolean; url: string }[] = [];
    if (doi || !arxiv) locations.push(this.location(source, doi ?? `https://works.example.org/${shortId}`, null, source.is_oa));
    if (arxiv) locations.push(this.location(sources.arxiv, `https://arxiv.org/abs/${arxiv.id}`, `https://arxiv.org/pdf/${arxiv.id}`, true));
    const primary = locations[0]!;
    const oa = locations.find((l) => l.isOa);

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
      const topic = `${this.topicJson[t]},"score":${Math.round(score * 10_000) / 10_000}}`;
      score *= 0.6 + random.next() * 0.3;
      return topic;
    });

    // Citations: heavy-tailed, older works more.
    const age = Math.max(1, 2026 - year);
    const citedByCount = Math.min(250_000, Math.floor(3 * (random.next() ** (-1 / 1.3) - 1) * Math.sqrt(age / 4)));
    const references = this.references(random, i, published.order);

    const title = q(makeTitle(random));
    const abstract = random.chance(SHAPE.abstractShare) ? q(invertedIndex(makeAbstract(random))) : 'null';
    const correspondingFacts = corresponding === undefined ? undefined : authors.facts(corresponding);
    const doiJson = doi ? q(doi) : 'null';
    const json =
      `{"id":"${id}","doi":${doiJson},"title":${title},"display_name":${title},"publication_year":${year},` +
      `"publication_date":"${year}-${pad(published.month)}-${pad(published.day)}",` +
      `"ids":{"openalex":"${id}"${doi ? `,"doi":${doiJson}` : ''}},"language":"en","primary_location":${primary.json},` +
      `"type":"article","type_crossref":"${source.type === 'conference' ? 'proceedings-article' : 'journal-article'}",` +
      `"open_access":{"is_oa":${Boolean(oa)},"oa_status":"${oa ? (oa === primary ? 'gold' : 'green') : 'closed'}","oa_url":${oa ? q(oa.url) : 'null'},"any_repository_has_fulltext":${Boolean(arxiv)}},` +
      `"authorships":[${authorships.join(',')}],"countries_distinct_count":${countries.size},"institutions_distinct_count":${institutionIds.size},` +
      `"corresponding_author_ids":${correspondingFacts ? `["${correspondingFacts.id}"]` : '[]'},` +
      `"corresponding_institution_ids":${correspondingFacts?.institutions.length ? `["${correspondingFacts.institutions[0]!.id}"]` : '[]'},` +
      `"cited_by_count":${citedByCount},"is_retracted":false,"is_paratext":false,"primary_topic":${topics[0]},"topics":[${topics.join(',')}],` +
      `"locations_count":${locations.length},"locations":[${locations.map((l) => l.json).join(',')}],` +
      `"referenced_works_count":${references.length},"referenced_works":${q(references)},"abstract_inverted_index":${abstract},` +
      `"cited_by_api_url":"https://api.openalex.org/works?filter=cites:${shortId}","updated_date":"${updatedDate}T00:00:00.000000",` +
      `"created_date":"${base ? this.context.baseDate : (this.addedRange(i)?.date ?? updatedDate)}"}`;
    return { json, authors: identified, authorships: slots.length, citedByCount, year, nameOnly, unnamed };
  }

  /** The authorship of identified author a, as an object (the update mode edits bylines). */
  authorship(a: number, position: Authorship['author_position'], corresponding: boolean): Authorship {
    const json = this.authorJson(this.context.authors.facts(a));
    return JSON.parse(authorshipJson(position, json.author, corresponding, json.name, json.affiliation)) as Authorship;
  }

  private authorJson(facts: AuthorFacts): NonNullable<AuthorFacts['json']> {
    facts.json ??= {
      author: q({ id: facts.id, display_name: facts.name.name, orcid: facts.orcid }),
      name: q(facts.name.name),
      // Most authors have one institution: its fragment is shared.
      affiliation: facts.institutions.length === 1 ? this.institutionAffiliation(facts.institutions[0]!) : affiliationJson(facts.institutions),
    };
    return facts.json;
  }

  private institutionAffiliation(institution: InstitutionRef): string {
    let json = this.institutionJson.get(institution);
    if (!json) this.institutionJson.set(institution, (json = affiliationJson([institution])));
    return json;
  }

  private location(source: SourceRef, landing: string, pdf: string | null, isOa: boolean) {
    let sourceJson = this.sourceJson.get(source);
    if (!sourceJson) this.sourceJson.set(source, (sourceJson = q(source)));
    const json =
      `{"is_oa":${isOa},"landing_page_url":${q(landing)},"pdf_url":${pdf ? q(pdf) : 'null'},"source":${sourceJson},` +
      `"license":${isOa ? '"cc-by"' : 'null'},"version":${isOa ? '"publishedVersion"' : 'null'},"is_accepted":true,"is_published":${source.type !== 'repository'}}`;
    return { json, isOa, url: landing };
  }

  /** Earlier works of the corpus: mostly the same neighbourhood, some anywhere. */
  private references(random: Random, i: number, order: number): string[] {
    // The works that existed when work i was made (so later partitions do not change its draws).
    const total = i < this.context.baseWorks ? this.context.baseWorks : (this.addedRange(i)?.from ?? this.total);
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

/** The byline length work i draws (its first draws), for looking up the long tail without building works. */
export function bylineLengthOf(seed: number, i: number): number {
  const random = randomFor(seed, i, SALT.work);
  random.next(); // the unnamed-work draw
  return bylineLength(random);
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
