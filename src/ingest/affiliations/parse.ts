import { classifySegment, looksLikePlace, type Segment } from './classify.js';
import { canonicalName, knownInstitution, tidyName } from './identity.js';
import { countryCode } from './places.js';
import { affiliationGroups } from './segments.js';

/**
 * An affiliation string as the institutions it names: each with the unit inside it the string
 * names (department, lab...), and the city and country, where given.
 */
export interface InstitutionMention {
  /** The institution, by its canonical name (identity.ts). */
  name: string;
  /** The unit of the institution the string names, nearest the institution first. */
  subUnit?: string;
  city?: string;
  /** ISO 3166-1 alpha-2. */
  country?: string;
}

/** University systems whose campus is part of the institution's name ("University of California, Berkeley"). */
const SYSTEM = /^(the )?(university of (california|texas|massachusetts|illinois|maryland|wisconsin|colorado|michigan|north carolina|missouri|nebraska|tennessee|hawaii|minnesota|alabama|houston|south florida|pittsburgh)|texas a&m university|rutgers university|penn state university|purdue university|city university of new york|state university of new york|suny|cuny)$/i;

const isInstitution = (text: string) => classifySegment(text).kind === 'institution';

/**
 * "and", "&", "/" between two names that are each an institution: two affiliations ("Oxford &
 * UCL", "CNRS & Universite Pierre & Marie Curie & PSL Universite" -> CNRS, Universite Pierre &
 * Marie Curie, PSL Universite). A piece that is no institution on its own stays with the one
 * before it ("Marie Curie"; "Texas A & M University" stays whole).
 */
function splitConjoined(text: string): string[] {
  const pieces = text.split(/(\s+(?:&|and)\s+|\s*\/\s*)/);
  const parts = [pieces[0]!];
  for (let i = 2; i < pieces.length; i += 2) {
    const piece = pieces[i]!;
    if (isInstitution(parts.at(-1)!) && isInstitution(piece)) parts.push(piece);
    else parts[parts.length - 1] += pieces[i - 1]! + piece;
  }
  return parts;
}

/** A legal form printed as a segment of its own ("Google, Inc.", "Huawei Technologies, Co., Ltd."). */
const LEGAL_FORM = /^(inc|ltd|llc|l\.l\.c|co|corp|corporation|gmbh|limited|plc|ag|s\.?a|s\.?p\.?a|co\.?,? ?ltd)\.?$/i;

/**
 * The texts of a group as names: a legal form joined to the name before it, and a bracket the
 * source cut off ("Stony Brook University (State University of New York") dropped.
 */
function namesOf(group: string[]): string[] {
  const texts: string[] = [];
  for (const raw of group) {
    const text = raw.replace(/\s*\([^)]*$/, '').trim();
    if (!text) continue;
    if (LEGAL_FORM.test(text) && texts.length) texts[texts.length - 1] += ` ${text}`;
    else texts.push(text);
  }
  return texts;
}

/** Segments with a campus joined to its system, a conjunction of institutions split. */
function segmentsOf(group: string[]): Segment[] {
  const texts = namesOf(group).flatMap(splitConjoined);
  const segments: Segment[] = [];
  for (let i = 0; i < texts.length; i++) {
    const text = texts[i]!;
    const next = texts[i + 1];
    if (SYSTEM.test(text.trim()) && next !== undefined && looksLikePlace(next) && classifySegment(next).kind !== 'country' && classifySegment(next).kind !== 'address') {
      const campus = `${tidyName(text)}, ${next}`;
      segments.push({ kind: 'institution', text: campus, known: knownInstitution(campus) });
      i++;
    } else {
      segments.push(classifySegment(text, { whole: texts.length === 1 }));
    }
  }
  return segments;
}

/** A mention of an institution segment, with the unit named nearest before it. */
function mentionOf(segment: Segment & { kind: 'institution' }, unit: string | undefined): InstitutionMention {
  const known = segment.known;
  // A table entry that is a unit of another ("Google Research"): the unit of that institution.
  if (known?.partOf) return { name: known.partOf, subUnit: known.name };
  const mention: InstitutionMention = { name: known?.name ?? canonicalName(segment.text) };
  if (unit) mention.subUnit = tidyName(unit);
  return mention;
}

/** Names waiting for their institution: with none, the last proper name among them is one (a lab of its own, "Criteo AI Lab"). */
function promote(pending: Segment[]): InstitutionMention | undefined {
  if (pending.length === 0) return undefined;
  let city: string | undefined;
  let names = pending;
  // "Criteo AI Lab, Paris": a place after the name is its city.
  if (names.length >= 2 && names.at(-1)!.kind === 'other' && looksLikePlace(names.at(-1)!.text)) {
    city = names.at(-1)!.text;
    names = names.slice(0, -1);
  }
  const properIndex = names.map((segment) => !(segment.kind === 'unit' && segment.generic)).lastIndexOf(true);
  const at = properIndex >= 0 ? properIndex : names.length - 1;
  const institution = names[at]!;
  const unit = names[at - 1];
  const mention: InstitutionMention = { name: canonicalName(institution.text) };
  if (unit) mention.subUnit = tidyName(unit.text);
  if (city) mention.city = city;
  return mention;
}

function parseGroup(group: string[]): InstitutionMention[] {
  // The whole affiliation may be a known spelling with a comma in it ("Google Research, Brain Team").
  const whole = knownInstitution(group.join(', '), { whole: true });
  if (whole) return [mentionOf({ kind: 'institution', text: group.join(', '), known: whole }, undefined)];

  const mentions: InstitutionMention[] = [];
  let pending: Segment[] = [];
  let country: string | undefined;
  let previous: Segment | undefined;
  const flush = () => {
    const promoted = promote(pending);
    if (promoted) mentions.push(promoted);
    pending = [];
  };
  for (const segment of segmentsOf(group)) {
    const current = mentions.at(-1);
    switch (segment.kind) {
      case 'institution': {
        const unit = pending.filter((s) => s.kind === 'unit' || s.kind === 'other').at(-1);
        mentions.push(mentionOf(segment, unit?.text));
        pending = [];
        break;
      }
      case 'unit':
        // "UC Berkeley, Department of EECS": a unit named after its institution.
        if (segment.generic && previous?.kind === 'institution' && current && !current.subUnit) current.subUnit = tidyName(segment.text);
        else pending.push(segment);
        break;
      case 'other':
        if (pending.length === 0 && current && !current.city && looksLikePlace(segment.text)) current.city = segment.text;
        else pending.push(segment);
        break;
      case 'country':
        flush();
        if (mentions.at(-1) && !mentions.at(-1)!.country) mentions.at(-1)!.country = segment.code;
        country ??= segment.code;
        break;
      case 'address':
        flush();
        break;
    }
    previous = segment;
  }
  flush();
  for (const mention of mentions) mention.country ??= country;
  return mentions.map((mention) => Object.fromEntries(Object.entries(mention).filter(([, value]) => value !== undefined)) as InstitutionMention);
}

/** Placeholders a list prints where no affiliation was given. */
const NOT_AN_AFFILIATION = /^(paper under double-blind review|under double-blind review|anonymous( institution)?|n\/?a|none|unknown|-+|\.+)$/i;

/** The institutions an affiliation string names, each once, in the order named. */
export function parseAffiliation(text: string): InstitutionMention[] {
  if (NOT_AN_AFFILIATION.test(text.trim())) return [];
  const seen = new Map<string, InstitutionMention>();
  for (const group of affiliationGroups(text)) {
    for (const mention of parseGroup(group)) {
      if (mention.name.length < 2 || countryCode(mention.name)) continue;
      const key = `${mention.name}|${mention.subUnit ?? ''}`;
      if (!seen.has(key)) seen.set(key, mention);
    }
  }
  return [...seen.values()];
}
