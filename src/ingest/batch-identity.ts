import { createHash } from 'node:crypto';
import { importQueries as queries, type BatchStatements } from './batch-statements.js';
import { addRef, authorKey, decide, decideAuthors, keyOf, organizationKey, organizationNameKey, paperIdFor, type Resolution } from './identity.js';
import type { RecordAuthor, RecordOrganization, PaperRecord } from './record.js';

/**
 * A batch's identity resolution: which node each paper, author and organization of its records
 * is, asked of the graph (the keys and the decision rules are in identity.ts).
 */

/** A record of the batch with the paper node it becomes. */
export interface BatchPaper {
  record: PaperRecord;
  /** Its index in the batch. */
  key: number;
  /** Whether the paper is in the graph already (this or another source gave it). */
  existed: boolean;
  id: string;
  /** Of the record's facts: the same hash again on RECORDED_IN means nothing changed. */
  hash: string;
}

/** The record's facts hashed (all but where it sits): RECORDED_IN.recordHash; the bulk load writes the same. */
export const recordHash = (record: PaperRecord) => {
  const { recordId: _where, ...facts } = record;
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
};

/** The paper each record is, and which records this source gave before unchanged. */
export async function resolvePapers(statements: BatchStatements, records: PaperRecord[]): Promise<{ papers: BatchPaper[]; unchanged: Set<number> }> {
  const ownIds = records.map(paperIdFor);
  const paperRefs = records.map((record, key) => ({
    key,
    // The id it would get, too: a node under that id is this paper, whatever else it says.
    id: ownIds[key],
    doi: record.doi?.toLowerCase() ?? null,
    openalexId: record.openalexId ?? null,
    arxivId: record.arxivId ?? null,
    openreviewId: record.openreviewId ?? null,
    titleKey: keyOf(record.title),
    year: record.year,
    authorKeys: record.authors.map((author) => keyOf(author.name)),
  }));
  const matched = new Map((await statements.rows<{ key: number; id: string }>(queries.resolvePapers, { refs: paperRefs })).map((r) => [r.key, r.id]));
  const papers = records.map((record, key) => ({ record, key, existed: matched.has(key), id: matched.get(key) ?? ownIds[key]!, hash: recordHash(record) }));
  const unchanged = new Set(
    (await statements.rows<{ key: number }>(queries.unchanged, {
      records: papers.filter((p) => p.existed).map((p) => ({ key: p.key, paperId: p.id, sourceId: p.record.source.id, hash: p.hash })),
    })).map((row) => row.key),
  );
  return { papers, unchanged };
}

export type NamedAuthor = RecordAuthor & { nameKey: string };
export type NamedOrganization = RecordOrganization & { nameKey: string };

/** The people and organizations of a batch's changed records, each resolved to a node id. */
export interface BatchNodes {
  authorIdOf: (author: RecordAuthor) => string;
  /** Whether the byline entry gave a name only and sits on the name's own node, to be placed by evidence. */
  isLoose: (author: RecordAuthor) => boolean;
  organizationIdOf: (org: RecordOrganization) => string;
  /** The authors the records name, by node id, with every external id any reference gave. */
  authors: Map<string, NamedAuthor>;
  organizations: Map<string, NamedOrganization>;
  /** Node ids of the authors that need a write (new, or given an id they may lack). */
  authorsToWrite: Set<string>;
  ambiguousAuthors: number;
  ambiguousOrganizations: number;
}

/** Organizations and authors that the records name, each resolved once (a re-run resolves none). */
export async function resolveNodes(statements: BatchStatements, records: PaperRecord[]): Promise<BatchNodes> {
  const orgRefs = new Map<string, NamedOrganization>();
  const authorRefs = new Map<string, NamedAuthor>();
  // A unit's institution is a reference too, resolved before the unit (PART_OF needs its node).
  const addOrgRef = (org: RecordOrganization) => {
    if (org.partOf) addOrgRef(org.partOf);
    // Several references to one organization: the first to give a place keeps it (addRef).
    addRef(orgRefs, organizationKey(org), { ...org, nameKey: organizationNameKey(org) });
  };
  for (const record of records) {
    for (const author of [...record.authors, ...record.otherAuthors]) {
      authorRefs.set(authorKey(author), { ...author, nameKey: keyOf(author.name) });
      for (const org of author.organizations) addOrgRef(org);
    }
    for (const org of record.organizations) addOrgRef(org);
  }
  const refParams = <R extends object>(refs: Map<string, R>) => [...refs].map(([key, ref]) => ({ key, ...ref }));
  const orgs = decide(orgRefs, await statements.rows<Resolution>(queries.resolveOrganizations, { refs: refParams(orgRefs) }));
  const authorResolutions = await statements.rows<Resolution>(queries.resolveAuthors, { refs: refParams(authorRefs) });
  const authors = decideAuthors(authorRefs, authorResolutions);
  // An author found in the graph needs no write unless the reference brings an id it may lack.
  const authorFound = new Map(authorResolutions.map((resolution) => [resolution.key, resolution]));
  const needsWrite = (key: string, ref: RecordAuthor) => {
    const found = authorFound.get(key)!;
    if (found.id === null || found.id !== authors.ids.get(key)) return true;
    const externalIds = [ref.openalexId, ref.orcid, ref.openreviewId].filter(Boolean).length;
    return externalIds > (found.byNameOnly ? 0 : 1);
  };

  const nodes: BatchNodes = {
    authorIdOf: (author) => authors.ids.get(authorKey(author))!,
    isLoose: (author) => authors.loose.has(authorKey(author)),
    organizationIdOf: (org) => orgs.ids.get(organizationKey(org))!,
    authors: new Map(),
    organizations: new Map(),
    authorsToWrite: new Set(),
    // Ambiguous names counted once per batch (the references are those of records written).
    ambiguousAuthors: authors.ambiguous.size,
    ambiguousOrganizations: orgs.ambiguous.size,
  };
  const addOrganization = (org: RecordOrganization): void => {
    if (org.partOf) addOrganization(org.partOf);
    addRef(nodes.organizations, nodes.organizationIdOf(org), orgRefs.get(organizationKey(org))!);
  };
  for (const record of records) {
    for (const author of [...record.authors, ...record.otherAuthors]) {
      const key = authorKey(author);
      addRef(nodes.authors, authors.ids.get(key)!, authorRefs.get(key)!);
      if (needsWrite(key, author)) nodes.authorsToWrite.add(authors.ids.get(key)!);
      for (const org of author.organizations) addOrganization(org);
    }
    for (const org of record.organizations) addOrganization(org);
  }
  return nodes;
}
