import { createHash } from 'node:crypto';
import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import type { GraphDatabase } from '../db/driver.js';
import { createWrite, type Write, type WriteTransaction } from '../db/write.js';
import { addRef, authorKey, decide, keyOf, organizationKey, paperIdFor, type Resolution } from './identity.js';
import type { AuthorRef, OrganizationRef, PaperRecord } from './record.js';

/**
 * Writes checked paper records, a batch per transaction, deciding who and what each record is
 * (the keys and the decisions are in identity.ts; this module asks the graph and writes):
 *
 * - Papers: a fixed id, else DOI / OpenAlex / arXiv / OpenReview id, else normalized title with
 *   a year (±1) and shared-author check. New papers get an id from their strongest external id.
 * - Authors and organizations: external ids first (OpenAlex, ORCID, OpenReview; ROR, OpenAlex);
 *   else the normalized name, joining the one node that has it. When several nodes share the
 *   name (the ambiguous case) the record joins the name's own node, `author:<name>` /
 *   `org:<name>`, never one of the identified people; `mergeAuthors` can then fix it by hand.
 * - A record a source gave before, unchanged (same hash on RECORDED_IN), is skipped whole, so a
 *   second run writes nothing, and fixes made meanwhile (merges, splits) are not undone.
 *
 * Everything is MERGE (or CREATE of what resolution found absent) on ids held unique by
 * constraints, so a batch can be repeated and two imports of the same data can race without
 * making duplicates (the loser retries).
 */

const q = (name: string) => cypher(`import/${name}`);
const queries = {
  resolveOrganizations: q('resolve-organizations'),
  resolveAuthors: q('resolve-authors'),
  resolvePapers: q('resolve-papers'),
  unchanged: q('unchanged-records'),
  sources: q('write-sources'),
  topics: q('write-topics'),
  organizations: q('write-organizations'),
  authors: q('write-authors'),
  papers: q('write-papers'),
  createPapers: q('create-papers'),
  authorships: q('write-authorships'),
  createAuthorships: q('create-authorships'),
  retireAuthorships: q('retire-authorships'),
  removeOrphanAuthors: q('remove-orphan-authors'),
  links: q('write-paper-links'),
  createLinks: q('create-paper-links'),
  refreshAuthors: q('refresh-authors'),
  staleAuthors: q('stale-authors'),
  linkReferences: q('link-references'),
};

export interface KindCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export interface BatchResult {
  papers: KindCounts;
  authors: { created: number; matched: number; ambiguous: number };
  organizations: { created: number; matched: number; ambiguous: number };
  topics: { created: number };
  /** The node id each record was written to (or found unchanged at), in record order. */
  paperIds: string[];
  /** Where the batch's time went: deciding who and what each record is, writing, committing. */
  ms: { resolve: number; write: number; commit: number };
  /** Milliseconds per statement, by the name in its first comment line (import/write-papers...). */
  statementMs: Record<string, number>;
  /** Parameter rows sent to the write statements (one per node, link or refresh). */
  rowsWritten: number;
}

const hashOf = (record: PaperRecord) => {
  const { recordId: _where, ...facts } = record;
  return createHash('sha256').update(JSON.stringify(facts)).digest('hex');
};

/** An author as import/write-authors takes it. */
const authorRow = (id: string, author: AuthorRef) => ({
  id, name: author.name, nameKey: keyOf(author.name), openalexId: author.openalexId ?? null, orcid: author.orcid ?? null, openreviewId: author.openreviewId ?? null,
});

export interface WriteOptions {
  /**
   * Bulk imports: leave the authors a batch touches marked (StaleSummary) instead of recomputing
   * their summaries in it; `refreshStaleAuthors` recomputes each once at the end. Single writes
   * (the API) refresh at once.
   */
  deferSummaries?: boolean;
}

async function resolveAndWrite(tx: WriteTransaction, records: PaperRecord[], options: WriteOptions): Promise<BatchResult> {
  const started = performance.now();
  const statementMs: Record<string, number> = {};
  const exec = async (query: string, params: Record<string, unknown>) => {
    const started = performance.now();
    const outcome = await tx.run(query, params);
    const name = /^\/\/ (\S+?):?\s/.exec(query)?.[1] ?? 'other';
    statementMs[name] = (statementMs[name] ?? 0) + performance.now() - started;
    return outcome;
  };
  const run = async <T>(query: string, params: Record<string, unknown>) =>
    (await exec(query, params)).records.map((record) => record.toObject() as T);

  // Papers first: a record this source gave before, unchanged, needs nothing else resolved.
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
  const matched = new Map((await run<{ key: number; id: string }>(queries.resolvePapers, { refs: paperRefs })).map((r) => [r.key, r.id]));
  const papers = records.map((record, key) => ({ record, key, existed: matched.has(key), id: matched.get(key) ?? ownIds[key]!, hash: hashOf(record) }));

  const unchanged = new Set(
    (await run<{ key: number }>(queries.unchanged, {
      records: papers.filter((p) => p.existed).map((p) => ({ key: p.key, paperId: p.id, sourceId: p.record.source.id, hash: p.hash })),
    })).map((row) => row.key),
  );
  const changed = papers.filter((paper) => !unchanged.has(paper.key));
  const result: BatchResult = {
    papers: { created: changed.filter((p) => !p.existed).length, updated: changed.filter((p) => p.existed).length, unchanged: unchanged.size },
    authors: { created: 0, matched: 0, ambiguous: 0 },
    organizations: { created: 0, matched: 0, ambiguous: 0 },
    topics: { created: 0 },
    paperIds: papers.map((paper) => paper.id),
    ms: { resolve: performance.now() - started, write: 0, commit: 0 },
    statementMs,
    rowsWritten: 0,
  };
  if (changed.length === 0) return result;

  // Organizations and authors that changed records name, each once (a re-run resolves none).
  const orgRefs = new Map<string, OrganizationRef & { nameKey: string }>();
  const authorRefs = new Map<string, AuthorRef & { nameKey: string }>();
  for (const { record } of changed) {
    for (const author of [...record.authors, ...record.otherAuthors]) {
      authorRefs.set(authorKey(author), { ...author, nameKey: keyOf(author.name) });
      for (const org of author.organizations) orgRefs.set(organizationKey(org), { ...org, nameKey: keyOf(org.name) });
    }
    for (const org of record.organizations) orgRefs.set(organizationKey(org), { ...org, nameKey: keyOf(org.name) });
  }
  const refParams = <R extends object>(refs: Map<string, R>) => [...refs].map(([key, ref]) => ({ key, ...ref }));
  const orgs = decide(orgRefs, await run<Resolution>(queries.resolveOrganizations, { refs: refParams(orgRefs) }));
  const authorResolutions = await run<Resolution>(queries.resolveAuthors, { refs: refParams(authorRefs) });
  const authors = decide(authorRefs, authorResolutions);
  // An author found in the graph needs no write unless the reference brings an id it may lack.
  const authorFound = new Map(authorResolutions.map((resolution) => [resolution.key, resolution]));
  const needsWrite = (key: string, ref: AuthorRef) => {
    const found = authorFound.get(key)!;
    if (found.id === null || found.id !== authors.ids.get(key)) return true;
    const externalIds = [ref.openalexId, ref.orcid, ref.openreviewId].filter(Boolean).length;
    return externalIds > (found.byNameOnly ? 0 : 1);
  };
  const authorsToWrite = new Set<string>();

  result.ms.resolve = performance.now() - started;
  const resolved = performance.now();

  // Only what changed records name is written.
  const usedAuthors = new Map<string, AuthorRef & { nameKey: string }>();
  const usedOrgs = new Map<string, OrganizationRef & { nameKey: string }>();
  for (const { record } of changed) {
    for (const author of [...record.authors, ...record.otherAuthors]) {
      const key = authorKey(author);
      addRef(usedAuthors, authors.ids.get(key)!, authorRefs.get(key)!);
      if (needsWrite(key, author)) authorsToWrite.add(authors.ids.get(key)!);
      for (const org of author.organizations) addRef(usedOrgs, orgs.ids.get(organizationKey(org))!, orgRefs.get(organizationKey(org))!);
    }
    for (const org of record.organizations) addRef(usedOrgs, orgs.ids.get(organizationKey(org))!, orgRefs.get(organizationKey(org))!);
  }
  // Ambiguous names counted once per batch (the references are those of records written).
  result.authors.ambiguous = authors.ambiguous.size;
  result.organizations.ambiguous = orgs.ambiguous.size;
  /** A write statement over `rows` (bound to `$<name>`); says how many nodes it created. */
  const write = async (query: string, name: string, rows: unknown[]) => {
    result.rowsWritten += rows.length;
    return (await exec(query, { [name]: rows })).summary.counters.updates().nodesCreated;
  };

  await write(queries.sources, 'sources', [...new Map(changed.map(({ record }) => [record.source.id, record.source])).values()]);
  const topics = [...new Map(changed.flatMap(({ record }) => record.topics).map((topic) => [topic.id, topic])).values()];
  result.topics.created = await write(queries.topics, 'topics', topics.map((t) => ({ ...t, code: t.code ?? null })));
  result.organizations.created = await write(queries.organizations, 'organizations',
    [...usedOrgs].map(([id, org]) => ({ id, name: org.name, nameKey: org.nameKey, ror: org.ror ?? null, openalexId: org.openalexId ?? null, country: org.country ?? null })),
  );
  result.organizations.matched = usedOrgs.size - result.organizations.created;
  result.authors.created = await write(queries.authors, 'authors', [...usedAuthors].filter(([id]) => authorsToWrite.has(id)).map(([id, author]) => authorRow(id, author)));
  result.authors.matched = usedAuthors.size - result.authors.created;

  // New papers are created whole; papers written before get what this source adds (write-papers).
  const paperRow = ({ record, id, hash }: (typeof changed)[number]) => ({
    id, hash, recordId: record.recordId, sourceId: record.source.id,
    title: record.title, titleKey: keyOf(record.title), year: record.year, publishedOn: record.publishedOn ?? null,
    venue: record.venue ?? null, abstract: record.abstract ?? null, doi: record.doi?.toLowerCase() ?? null, arxivId: record.arxivId ?? null,
    openreviewId: record.openreviewId ?? null, openalexId: record.openalexId ?? null, url: record.url ?? null, codeUrl: record.codeUrl ?? null,
    citationCount: record.citationCount ?? null, authorListComplete: record.authorListComplete, references: record.references,
  });
  const created = changed.filter((paper) => !paper.existed);
  const updated = changed.filter((paper) => paper.existed);
  if (created.length) await write(queries.createPapers, 'papers', created.map(paperRow));
  if (updated.length) await write(queries.papers, 'papers', updated.map(paperRow));

  const orgIdsOf = (list: OrganizationRef[]) => [...new Set(list.map((org) => orgs.ids.get(organizationKey(org))!))];
  const bylineOf = ({ record, id }: (typeof changed)[number]) => {
    const row = (author: AuthorRef) => ({ authorId: authors.ids.get(authorKey(author))!, paperId: id, name: author.name, sourceId: record.source.id, organizationIds: orgIdsOf(author.organizations) });
    return [
      ...record.authors.map((author, index) => ({ ...row(author), position: index + 1 as number | null, complete: record.authorListComplete })),
      ...record.otherAuthors.map((author) => ({ ...row(author), position: null, complete: false })),
    ];
  };
  // A byline can name one author twice (two references resolved to one person): one authorship,
  // as MERGE would leave it (the later position, the last affiliations given).
  const once = (rows: ReturnType<typeof bylineOf>) => [
    ...rows.reduce((byAuthor, row) => {
      const earlier = byAuthor.get(row.authorId);
      return byAuthor.set(row.authorId, { ...row, position: row.complete || !earlier ? row.position : earlier.position, organizationIds: row.organizationIds.length ? row.organizationIds : (earlier?.organizationIds ?? []) });
    }, new Map<string, ReturnType<typeof bylineOf>[number]>()).values(),
  ];
  if (created.length) await write(queries.createAuthorships, 'authorships', created.flatMap((paper) => once(bylineOf(paper))));
  if (updated.length) await write(queries.authorships, 'authorships', updated.flatMap(bylineOf));
  // Papers written before whose source now gives a whole byline: what it no longer names goes
  // (how a byline that an older importer misread heals on re-import).
  const rewritten = changed.filter(({ record, existed }) => existed && record.authorListComplete);
  const [{ authorIds: bereft } = { authorIds: [] }] = rewritten.length
    ? await run<{ authorIds: string[] }>(queries.retireAuthorships, {
        bylines: rewritten.map(({ record, id }) => ({ paperId: id, sourceId: record.source.id, authorIds: [...record.authors, ...record.otherAuthors].map((author) => authors.ids.get(authorKey(author))) })),
      })
    : [];
  const linksOf = ({ record, id }: (typeof changed)[number]) => ({
    paperId: id,
    topics: [...new Map(record.topics.map((topic) => [topic.id, { id: topic.id, score: topic.score ?? null }])).values()],
    organizationIds: orgIdsOf([...record.organizations, ...record.authors.flatMap((author) => author.organizations)]),
    references: [...new Set(record.references)],
  });
  if (created.length) await write(queries.createLinks, 'links', created.map(linksOf));
  if (updated.length) await write(queries.links, 'links', updated.map(linksOf));
  // The authorship statements marked every author they touched; a single write refreshes them now.
  if (!options.deferSummaries) await write(queries.refreshAuthors, 'authorIds', [...new Set([...usedAuthors.keys(), ...bereft])]);
  if (bereft.length) await write(queries.removeOrphanAuthors, 'authorIds', bereft);
  result.ms.write = performance.now() - resolved;
  return result;
}

const CONSTRAINT_RACE = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/**
 * The import writer over a write path (src/db/write.ts): by default an import's own, each
 * transaction under NEO4J_IMPORT_TIMEOUT_MS; the API passes the request's, under
 * NEO4J_WRITE_TIMEOUT_MS and counting its statements.
 */
export function createImportWriter(
  db: GraphDatabase,
  write: Write = createWrite(db, { timeoutMs: db.write.importTimeoutMs }),
) {
  return {
    /** One transaction: the whole batch lands or none of it. */
    async writeBatch(records: PaperRecord[], options: WriteOptions = {}): Promise<BatchResult> {
      for (let attempt = 1; ; attempt++) {
        try {
          let worked = 0;
          const result = await write.transaction(async (tx) => {
            const written = await resolveAndWrite(tx, records, options);
            worked = performance.now();
            return written;
          });
          result.ms.commit = performance.now() - worked;
          return result;
        } catch (error) {
          // Another import created the same node between our reading and writing: read again.
          if ((error as { code?: string }).code !== CONSTRAINT_RACE || attempt >= 3) throw error;
        }
      }
    },

    /** One author by the same identity rules as an import; returns the node id. */
    async upsertAuthor(author: AuthorRef): Promise<{ id: string; created: boolean }> {
      return write.transaction(async (tx) => {
        const key = authorKey(author);
        const refs = new Map([[key, { ...author, nameKey: keyOf(author.name) }]]);
        const resolved = (await tx.run(queries.resolveAuthors, { refs: [...refs].map(([k, ref]) => ({ key: k, ...ref, openalexId: ref.openalexId ?? null, orcid: ref.orcid ?? null, openreviewId: ref.openreviewId ?? null })) })).records.map((r) => r.toObject() as Resolution);
        const id = decide(refs, resolved).ids.get(key)!;
        const { summary } = await tx.run(queries.authors, { authors: [authorRow(id, author)] });
        return { id, created: summary.counters.updates().nodesCreated > 0 };
      });
    },

    /** Recomputes the summaries of every author a bulk import marked, a chunk per transaction; returns how many. */
    async refreshStaleAuthors(chunk = 5_000): Promise<number> {
      let refreshed = 0;
      for (;;) {
        const { records } = await write.statement(queries.staleAuthors, { limit: neo4j.int(chunk) });
        if (records.length === 0) return refreshed;
        await write.statement(queries.refreshAuthors, { authorIds: records.map((record) => record.get('id')) });
        refreshed += records.length;
      }
    },

    /** Links citations whose cited paper arrived after the citing one (once per import). */
    async linkReferences(): Promise<number> {
      const { summary } = await write.statement(queries.linkReferences, {});
      return summary.counters.updates().relationshipsCreated;
    },
  };
}

export type ImportWriter = ReturnType<typeof createImportWriter>;
