import { cleanAuthorName, decodeByline } from '../names.js';
import type { Parsed, Source } from '../record.js';

/**
 * OpenAlex works (https://docs.openalex.org/api-entities/works), from API result pages
 * (`{meta, results[]}`) or snapshot JSON Lines. Used: authorships in order with author ids,
 * ORCID and per-authorship institutions (ROR), topics, dates, citation count, referenced works,
 * DOI and other ids, the abstract (rebuilt from its inverted index).
 */

export const OPENALEX_SOURCE: Source = { id: 'source:openalex', kind: 'openalex', name: 'OpenAlex' };

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);
/** "https://openalex.org/W123" -> "W123"; "https://orcid.org/0000-..." -> "0000-..." (sliced, not split: it runs several times a work). */
const lastSegment = (value: unknown) => {
  const text = str(value);
  return text === undefined ? undefined : text.slice(text.lastIndexOf('/') + 1);
};
const doiOf = (value: unknown) => str(value)?.replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').toLowerCase();

function abstractOf(inverted: unknown): string | undefined {
  if (typeof inverted !== 'object' || inverted === null) return undefined;
  const words: string[] = [];
  for (const [word, positions] of Object.entries(inverted as Record<string, unknown>)) {
    if (!Array.isArray(positions)) continue;
    for (const position of positions) if (Number.isInteger(position) && position >= 0 && position < 100_000) words[position] = word;
  }
  const text = words.filter(Boolean).join(' ');
  return text || undefined;
}

interface Institution {
  id?: unknown;
  display_name?: unknown;
  ror?: unknown;
  country_code?: unknown;
}

const organizationOf = (institution: Institution) => ({
  name: institution.display_name,
  ror: lastSegment(institution.ror),
  openalexId: lastSegment(institution.id),
  country: str(institution.country_code),
});

const HIERARCHY = [
  ['subfield', 'subfields'],
  ['field', 'fields'],
  ['domain', 'domains'],
] as const;

/** A topic's subfield, field and domain (nearest first), each a Topic node `openalex:<kind>/<n>`. */
function hierarchyOf(topic: any) {
  const nodes = [];
  for (const [level, kind] of HIERARCHY) {
    const node = topic?.[level];
    const code = lastSegment(node?.id);
    if (!code) break;
    nodes.push({ id: `openalex:${kind}/${code}`, scheme: `openalex-${level}`, code, name: node?.display_name });
  }
  return nodes;
}

const topicOf = (topic: any, primary: boolean) => {
  const partOf = hierarchyOf(topic);
  return {
    id: `openalex:${lastSegment(topic?.id)}`,
    scheme: 'openalex',
    code: lastSegment(topic?.id),
    name: topic?.display_name,
    score: typeof topic?.score === 'number' ? Math.min(Math.max(topic.score, 0), 1) : undefined,
    ...(primary ? { primary: true } : {}),
    ...(partOf.length ? { partOf } : {}),
  };
};

/** The work's topics with their hierarchy; `primary_topic` marked primary (added when not among them). */
function topicsOf(list: unknown, primaryTopic: any) {
  const primaryCode = lastSegment(primaryTopic?.id);
  const topics = (Array.isArray(list) ? list : []).map((topic: any) => topicOf(topic, primaryCode !== undefined && lastSegment(topic?.id) === primaryCode));
  if (primaryCode && !topics.some((topic) => topic.primary)) topics.unshift(topicOf(primaryTopic, true));
  return topics;
}

/** A cleaned display name; null (and why, in `dropped`) when it is not a name. Non-strings are left for the record check. */
function nameOf(raw: unknown, dropped: string[]): unknown {
  if (typeof raw !== 'string') return raw;
  const cleaned = cleanAuthorName(decodeByline(raw));
  if ('name' in cleaned) return cleaned.name;
  dropped.push(cleaned.rejected);
  return null;
}

export function parseOpenAlexWork(work: unknown, recordId: string): Parsed {
  if (typeof work !== 'object' || work === null || Array.isArray(work)) return { rejected: 'not a JSON object' };
  const w = work as Record<string, any>;
  if (w.is_paratext === true) return { skipped: 'paratext (front matter, index, ...)' };
  if (!Array.isArray(w.authorships)) return { rejected: 'authorships is not a list' };
  const ids = (typeof w.ids === 'object' && w.ids) || {};
  const arxiv = [w.primary_location, ...(Array.isArray(w.locations) ? w.locations : [])]
    .map((location) => str(location?.landing_page_url)?.match(/arxiv\.org\/abs\/(\d{4}\.\d{4,5})/)?.[1])
    .find(Boolean);
  const topics = topicsOf(w.topics, w.primary_topic);
  const dropped: string[] = [];
  const authors = w.authorships.map((authorship: any) => {
    const name = nameOf(authorship?.author?.display_name ?? authorship?.raw_author_name, dropped);
    const rawName = str(authorship?.raw_author_name);
    return {
      name,
      openalexId: lastSegment(authorship?.author?.id),
      orcid: lastSegment(authorship?.author?.orcid),
      organizations: (Array.isArray(authorship?.institutions) ? authorship.institutions : []).map(organizationOf),
      corresponding: typeof authorship?.is_corresponding === 'boolean' ? authorship.is_corresponding : undefined,
      rawName: rawName !== undefined && rawName !== name ? rawName : undefined,
    };
  });
  return {
    dropped,
    record: {
      source: OPENALEX_SOURCE,
      recordId,
      title: w.title ?? w.display_name,
      year: w.publication_year,
      publishedOn: str(w.publication_date),
      venue: str(w.primary_location?.source?.display_name),
      abstract: abstractOf(w.abstract_inverted_index),
      doi: doiOf(w.doi ?? ids.doi),
      openalexId: lastSegment(w.id),
      arxivId: arxiv,
      url: str(w.primary_location?.landing_page_url) ?? str(w.doi),
      citationCount: w.cited_by_count,
      // OpenAlex truncates bylines of over 100 authors in list responses.
      authorListComplete: w.is_authors_truncated !== true,
      authors: authors.filter((author: { name: unknown }) => author.name !== null),
      topics,
      references: (Array.isArray(w.referenced_works) ? w.referenced_works : []).map(lastSegment).filter(Boolean),
    },
  };
}

/** The works in a parsed file: an API page, a single work, or an array of works. */
export function openAlexWorks(document: unknown): unknown[] {
  if (Array.isArray(document)) return document;
  if (typeof document === 'object' && document !== null && Array.isArray((document as { results?: unknown }).results)) {
    return (document as { results: unknown[] }).results;
  }
  return [document];
}

/*
 * The other entities of a snapshot (https://docs.openalex.org/api-entities): what the graph keeps
 * of each, as the snapshot statements (cypher/import/snapshot/) take it. A record without an
 * OpenAlex id of its kind is rejected.
 */

const countOf = (value: unknown) => (Number.isInteger(value) && (value as number) >= 0 ? (value as number) : null);
const idOf = (value: unknown, kind: string) => {
  const id = lastSegment(value);
  return id && new RegExp(`^${kind}\\d+$`, 'i').test(id) ? id.toUpperCase() : undefined;
};

export interface OpenAlexAuthorRow {
  openalexId: string;
  orcid: string | null;
  worksCount: number | null;
  citedByCount: number | null;
  hIndex: number | null;
}

/** An OpenAlex author: its ORCID and the figures OpenAlex reports (works, citations, h-index). */
export function parseOpenAlexAuthor(author: unknown): { row: OpenAlexAuthorRow } | { rejected: string } {
  const a = (typeof author === 'object' && author !== null ? author : {}) as Record<string, any>;
  const openalexId = idOf(a.id, 'A');
  if (!openalexId) return { rejected: `not an OpenAlex author (id ${JSON.stringify(a.id ?? null)})` };
  return {
    row: {
      openalexId,
      orcid: lastSegment(a.orcid ?? a.ids?.orcid) ?? null,
      worksCount: countOf(a.works_count),
      citedByCount: countOf(a.cited_by_count),
      hIndex: countOf(a.summary_stats?.h_index),
    },
  };
}

export interface OpenAlexInstitutionRow {
  openalexId: string;
  ror: string | null;
  name: string;
  country: string | null;
  type: string | null;
}

/** An OpenAlex institution: its name, ROR, country and type. */
export function parseOpenAlexInstitution(institution: unknown): { row: OpenAlexInstitutionRow } | { rejected: string } {
  const i = (typeof institution === 'object' && institution !== null ? institution : {}) as Record<string, any>;
  const openalexId = idOf(i.id, 'I');
  if (!openalexId) return { rejected: `not an OpenAlex institution (id ${JSON.stringify(i.id ?? null)})` };
  const name = str(i.display_name);
  if (!name) return { rejected: 'display_name: no name' };
  return { row: { openalexId, ror: lastSegment(i.ror ?? i.ids?.ror) ?? null, name: name.slice(0, 500), country: str(i.country_code) ?? null, type: str(i.type) ?? null } };
}

/** An OpenAlex topic with its subfield, field and domain, as a paper record's topic (record.ts). */
export function parseOpenAlexTopic(topic: unknown): { topic: { id: string; scheme: string; code: string; name: string; partOf?: { id: string; scheme: string; code?: string; name: string }[] } } | { rejected: string } {
  const t = (typeof topic === 'object' && topic !== null ? topic : {}) as Record<string, any>;
  if (!idOf(t.id, 'T')) return { rejected: `not an OpenAlex topic (id ${JSON.stringify(t.id ?? null)})` };
  const parsed = topicOf(t, false);
  if (!str(parsed.name)) return { rejected: 'display_name: no name' };
  if (parsed.partOf?.some((node) => !str(node.name))) return { rejected: 'a subfield, field or domain has no display_name' };
  return { topic: { id: parsed.id, scheme: parsed.scheme, code: parsed.code!, name: str(parsed.name)!, ...(parsed.partOf ? { partOf: parsed.partOf as { id: string; scheme: string; code: string; name: string }[] } : {}) } };
}
