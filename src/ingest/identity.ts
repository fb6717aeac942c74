import { createHash } from 'node:crypto';
import { normalizeKey } from '../domain/normalize.js';
import { institutionKey, knownInstitution } from './affiliations/identity.js';
import type { RecordAuthor, RecordOrganization, PaperRecord } from './record.js';

/**
 * Who and what a reference is: the keys papers, authors and organizations are known by in a
 * batch, and the decision, from what the graph holds, of the node each reference becomes.
 * Pure functions; the writer (writer.ts) asks the graph and writes.
 */

/**
 * normalizeKey, remembered: a batch folds each name several times (references, bylines, ids),
 * and the same names come back batch after batch. Bounded, so a long import cannot grow it.
 */
const folded = new Map<string, string>();
export function keyOf(text: string): string {
  let key = folded.get(text);
  if (key === undefined) {
    if (folded.size >= 100_000) folded.clear();
    folded.set(text, (key = normalizeKey(text)));
  }
  return key;
}
const slugOf = (text: string) => keyOf(text).replace(/ /g, '-');

const short = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 16);

export function paperIdFor(record: PaperRecord): string {
  if (record.id) return record.id;
  if (record.doi) return `doi:${record.doi.toLowerCase()}`;
  if (record.openalexId) return `openalex:${record.openalexId}`;
  if (record.arxivId) return `arxiv:${record.arxivId}`;
  if (record.openreviewId) return `openreview:${record.openreviewId}`;
  return `paper:${short(`${keyOf(record.title)}|${record.year}|${keyOf(record.authors[0]!.name)}`)}`;
}

// A fixed id is the node's own id and its key (never of a name key's form: record.ts).
export function authorKey(author: RecordAuthor): string {
  if (author.id) return author.id;
  if (author.openalexId) return `openalex:${author.openalexId}`;
  if (author.orcid) return `orcid:${author.orcid}`;
  if (author.openreviewId) return `openreview:${author.openreviewId}`;
  return `author:${slugOf(author.name)}`;
}

/**
 * The name key of an organization: its institution key (affiliations/identity.ts: "The Univ. of
 * Tübingen" = "University of Tuebingen"). A unit's is its own name's with its institution's
 * ("department of physics stanford university": every university has a Department of Physics),
 * unless the unit is a known institution of its own standing ("Google Research").
 */
export function organizationNameKey(org: Pick<RecordOrganization, 'name' | 'partOf'>): string {
  const own = institutionKey(org.name);
  return org.partOf && !knownInstitution(org.name) ? `${own} ${institutionKey(org.partOf.name)}`.trim() : own;
}

export function organizationKey(org: RecordOrganization): string {
  if (org.id) return org.id;
  if (org.ror) return `ror:${org.ror}`;
  if (org.openalexId) return `openalex:${org.openalexId}`;
  return `org:${organizationNameKey(org).replace(/ /g, '-')}`;
}

/** Keys of name-only references are the name's own node id, so they double as new ids. */
export const isNameOnly = (key: string) => key.startsWith('author:') || key.startsWith('org:');

export interface Resolution {
  key: string;
  id: string | null;
  /** True when the match (if any) came from the name, not from an external id. */
  byNameOnly: boolean;
  nameMatches: number;
  /** Name-only references to place: the author they start at, when one person (an author with an id) has their name. */
  startsAt?: string | null;
}

/**
 * Decides the node id of each distinct reference: the match the graph gave, or a new id. Within
 * a batch the outcome is what two batches in a row would give: a name-only reference joins a
 * new identified reference of the same name, and two identified references (different ids) do
 * not both join one node by its name: the second becomes a node of its own.
 */
export function decide<Ref>(refs: Map<string, Ref & { nameKey: string }>, resolved: Resolution[]) {
  const byKey = new Map(resolved.map((resolution) => [resolution.key, resolution]));
  const ids = new Map<string, string>();
  const joinedByName = new Set<string>();
  const ambiguous = new Set<string>();
  for (const [key] of refs) {
    const resolution = byKey.get(key)!;
    if (resolution.id && !(resolution.byNameOnly && !isNameOnly(key) && joinedByName.has(resolution.id))) {
      ids.set(key, resolution.id);
      if (resolution.byNameOnly && !isNameOnly(key)) joinedByName.add(resolution.id);
    } else if (!isNameOnly(key)) ids.set(key, key);
  }
  // Identified references that make a new node, by name (a map: batches have thousands of names).
  const newByName = new Map<string, string[]>();
  for (const [key, ref] of refs) {
    if (!isNameOnly(key) && ids.get(key) === key) newByName.set(ref.nameKey, [...(newByName.get(ref.nameKey) ?? []), key]);
  }
  for (const [key, ref] of refs) {
    if (ids.has(key)) continue;
    const { nameMatches } = byKey.get(key)!;
    const sameNameNew = newByName.get(ref.nameKey) ?? [];
    if (nameMatches > 1 || sameNameNew.length > 1) ambiguous.add(key);
    ids.set(key, nameMatches === 0 && sameNameNew.length === 1 ? sameNameNew[0]! : key);
  }
  return { ids, ambiguous };
}

/**
 * The node of each distinct author reference: an identified one's match by id, else its own key
 * (a new node); a name-only one's merged-into author (an operator merged its spelling), else it
 * is `loose`: placed later by evidence (place-authors.ts), starting at the one person of its name
 * if there is one, else at the name's own node (its key).
 * Never by name alone, so the outcome does not depend on which record came first.
 */
export function decideAuthors(refs: Map<string, unknown>, resolved: Resolution[]) {
  const byKey = new Map(resolved.map((resolution) => [resolution.key, resolution]));
  const ids = new Map<string, string>();
  const loose = new Set<string>();
  const ambiguous = new Set<string>();
  for (const [key] of refs) {
    const { id, nameMatches, startsAt } = byKey.get(key)!;
    ids.set(key, id ?? startsAt ?? key);
    if (isNameOnly(key) && id === null) {
      loose.add(key);
      if (nameMatches > 1) ambiguous.add(key);
    }
  }
  return { ids, loose, ambiguous };
}

/** Several references can name one node: keep every id any of them gives. */
export function addRef<Ref extends object>(refs: Map<string, Ref>, id: string, ref: Ref) {
  const earlier = refs.get(id);
  if (!earlier) return refs.set(id, ref);
  const merged = { ...ref } as Record<string, unknown>;
  for (const [field, value] of Object.entries(earlier)) if (value !== undefined && value !== null) merged[field] = value;
  return refs.set(id, merged as Ref);
}
