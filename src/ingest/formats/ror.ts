import { institutionKey } from '../affiliations/identity.js';
import { keyOf, organizationKey } from '../identity.js';

/**
 * ROR registry records (https://ror.org, the data dump at https://zenodo.org/communities/ror-data):
 * one organization each, in schema v2 (`names[]` typed ror_display / label / alias / acronym,
 * `locations[].geonames_details`, lowercase relationship types) or v1 (`name`, `aliases[]`,
 * `acronyms[]`, `labels[].label`, `country`, `addresses[]`, `Parent` / `Child`). Pure: the writer
 * is src/ingest/ror.ts.
 */

/** One registry organization as the ROR writer takes it (cypher/import/ror/write-organizations). */
export interface RorOrganization {
  /** The node id a reference with this ROR gets (identity.ts organizationKey: `ror:<id>`). */
  id: string;
  /** The short ROR id, as OpenAlex institutions give it too: "05a28rw58". */
  ror: string;
  name: string;
  nameKey: string;
  /** ISO 3166-1 alpha-2. */
  country: string | null;
  city: string | null;
  /** ROR's organization types, lowercase: education, company, facility... */
  types: string[];
  /** Every other name (labels in other languages, aliases), not the acronyms. */
  aliases: string[];
  acronyms: string[];
  /**
   * The institution key (affiliations/identity.ts, as paper imports key an organization's name) of
   * the display name, every alias and label, and every acronym, once each.
   */
  aliasKeys: string[];
  /** active or inactive (withdrawn records are skipped). */
  status: string;
  established: number | null;
  /** Website addresses. */
  links: string[];
  /** ROR ids (short) of the organizations this one is part of, and of its parts. */
  parents: string[];
  children: string[];
}

export type ParsedRor = { organization: RorOrganization } | { skipped: string } | { rejected: string };

const MAX_NAME = 500;
const MAX_NAMES = 200;

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const strings = (value: unknown) => list(value).map(str).filter((s): s is string => Boolean(s));
const unique = (values: string[]) => [...new Set(values)];

/** "https://ror.org/05a28rw58" or "05a28rw58" -> "05a28rw58"; anything else is not a ROR id. */
export function rorIdOf(value: unknown): string | undefined {
  const match = /^(?:https?:\/\/ror\.org\/)?(0[a-z0-9]{6}\d{2})$/i.exec(str(value) ?? '');
  return match?.[1]!.toLowerCase();
}

interface Names {
  display?: string;
  others: string[];
  acronyms: string[];
}

function namesV2(record: Record<string, unknown>): Names {
  const names = list(record.names).map((entry) => entry as { value?: unknown; types?: unknown });
  const valued = names.map((entry) => ({ value: str(entry.value), types: strings(entry.types) })).filter((entry) => entry.value);
  const display = valued.find((entry) => entry.types.includes('ror_display'))?.value ?? valued.find((entry) => entry.types.includes('label'))?.value;
  const acronyms = valued.filter((entry) => entry.types.includes('acronym') && entry.value !== display).map((entry) => entry.value!);
  const others = valued.filter((entry) => entry.value !== display && !acronyms.includes(entry.value!)).map((entry) => entry.value!);
  return { display, others, acronyms };
}

function namesV1(record: Record<string, unknown>): Names {
  const labels = list(record.labels).map((label) => str((label as { label?: unknown })?.label)).filter((s): s is string => Boolean(s));
  return { display: str(record.name), others: [...strings(record.aliases), ...labels], acronyms: strings(record.acronyms) };
}

/** The first location's city and country (v2 geonames_details; v1 country and addresses). */
function placeOf(record: Record<string, unknown>, v2: boolean): { city: string | null; country: string | null } {
  if (v2) {
    const details = (list(record.locations)[0] as { geonames_details?: { name?: unknown; country_code?: unknown } } | undefined)?.geonames_details;
    return { city: str(details?.name) ?? null, country: str(details?.country_code)?.toUpperCase() ?? null };
  }
  const address = list(record.addresses)[0] as { city?: unknown; geonames_city?: { city?: unknown } } | undefined;
  const country = (record.country as { country_code?: unknown } | undefined)?.country_code;
  return { city: str(address?.city) ?? str(address?.geonames_city?.city) ?? null, country: str(country)?.toUpperCase() ?? null };
}

function relatedOf(record: Record<string, unknown>, type: 'parent' | 'child'): string[] {
  return unique(list(record.relationships)
    .map((entry) => entry as { type?: unknown; id?: unknown })
    .filter((entry) => str(entry.type)?.toLowerCase() === type)
    .map((entry) => rorIdOf(entry.id))
    .filter((id): id is string => Boolean(id)));
}

function linksOf(record: Record<string, unknown>, v2: boolean): string[] {
  if (!v2) return strings(record.links);
  return list(record.links)
    .map((entry) => entry as { type?: unknown; value?: unknown })
    .filter((entry) => entry.type === 'website')
    .map((entry) => str(entry.value))
    .filter((s): s is string => Boolean(s));
}

/** One ROR record, either schema version: its organization, or why it is skipped (withdrawn) or rejected. */
export function parseRorRecord(input: unknown): ParsedRor {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { rejected: 'not an object' };
  const record = input as Record<string, unknown>;
  const ror = rorIdOf(record.id);
  if (!ror) return { rejected: `id: not a ROR id (${JSON.stringify(record.id)?.slice(0, 80)})` };
  const status = str(record.status)?.toLowerCase() ?? 'active';
  if (status === 'withdrawn') return { skipped: 'withdrawn' };

  const v2 = Array.isArray(record.names);
  const names = v2 ? namesV2(record) : namesV1(record);
  const name = names.display?.slice(0, MAX_NAME);
  if (!name || !keyOf(name)) return { rejected: `${ror}: no name` };
  const aliases = unique(names.others.map((other) => other.slice(0, MAX_NAME))).filter((other) => other !== name).slice(0, MAX_NAMES);
  const acronyms = unique(names.acronyms.map((acronym) => acronym.slice(0, MAX_NAME))).slice(0, MAX_NAMES);
  const aliasKeys = unique([name, ...aliases, ...acronyms].map(institutionKey)).filter(Boolean);
  const established = typeof record.established === 'number' && Number.isInteger(record.established) ? record.established : null;
  return {
    organization: {
      id: organizationKey({ name, ror }),
      ror,
      name,
      nameKey: institutionKey(name),
      ...placeOf(record, v2),
      types: unique(strings(record.types).map((type) => type.toLowerCase())),
      aliases,
      acronyms,
      aliasKeys,
      status,
      established,
      links: linksOf(record, v2),
      parents: relatedOf(record, 'parent'),
      children: relatedOf(record, 'child'),
    },
  };
}
