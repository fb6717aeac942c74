import { importQueries as queries, type BatchStatements } from './batch-statements.js';
import type { BatchNodes, BatchPaper } from './batch-identity.js';
import { keyOf, organizationNameKey } from './identity.js';
import type { PaperRecord, RecordAuthor, RecordOrganization, RecordTopic } from './record.js';

/**
 * The Cypher writes of a batch whose nodes are resolved (batch-identity.ts), in order: the nodes
 * the records name, the papers, their bylines, their links, and the authors' summaries. Only
 * what changed records name is written.
 */

/** An author as import/write-authors takes it. */
export const authorRow = (id: string, author: RecordAuthor) => ({
  id, name: author.name, nameKey: keyOf(author.name), openalexId: author.openalexId ?? null, orcid: author.orcid ?? null, openreviewId: author.openreviewId ?? null,
});

/** An organization as import/write-organizations takes it; `partOf` the node id of the institution it is a unit of. */
export const organizationRow = (id: string, org: RecordOrganization, partOf: string | null = null) => ({
  id, name: org.name, nameKey: organizationNameKey(org), ror: org.ror ?? null, openalexId: org.openalexId ?? null, country: org.country ?? null,
  city: org.city ?? null, partOf,
});

/**
 * The topic nodes the records name, as import/write-topics takes them: each topic and the topics
 * it is part of (subfield, field, domain), every node once, a node after the one it is part of;
 * `partOf` the id of its parent (PART_OF), null for a root or a topic without hierarchy.
 */
export const topicRows = (records: PaperRecord[]) => topicNodeRows(records.flatMap((record) => record.topics));

/** topicRows of a list of topics (an OpenAlex topics part: import/snapshot/write-topics). */
export function topicNodeRows(topics: Pick<RecordTopic, 'id' | 'name' | 'scheme' | 'code' | 'partOf'>[]) {
  const rows = new Map<string, { id: string; name: string; scheme: string; code: string | null; partOf: string | null }>();
  for (const topic of topics) {
    const chain = [topic, ...(topic.partOf ?? [])];
    for (let level = chain.length - 1; level >= 0; level--) {
      const node = chain[level]!;
      if (!rows.has(node.id)) rows.set(node.id, { id: node.id, name: node.name, scheme: node.scheme, code: node.code ?? null, partOf: chain[level + 1]?.id ?? null });
    }
  }
  return [...rows.values()];
}

/** Sources, topics, organizations and authors; says how many of each were created. */
export async function writeNodes(statements: BatchStatements, changed: BatchPaper[], nodes: BatchNodes) {
  await statements.write(queries.sources, 'sources', [...new Map(changed.map(({ record }) => [record.source.id, record.source])).values()]);
  const topicsCreated = await statements.write(queries.topics, 'topics', topicRows(changed.map(({ record }) => record)));
  // Institutions before their units: a unit's row finds its institution's node (PART_OF).
  const organizationRows = [...nodes.organizations].map(([id, org]) => organizationRow(id, org, org.partOf ? nodes.organizationIdOf(org.partOf) : null));
  const organizationsCreated = await statements.write(queries.organizations, 'organizations',
    [...organizationRows.filter((row) => !row.partOf), ...organizationRows.filter((row) => row.partOf)],
  );
  const authorsCreated = await statements.write(queries.authors, 'authors', [...nodes.authors].filter(([id]) => nodes.authorsToWrite.has(id)).map(([id, author]) => authorRow(id, author)));
  return { topicsCreated, organizationsCreated, authorsCreated };
}

/** A paper as import/create-papers and import/write-papers take it. */
export const paperRow = ({ record, id, hash }: Pick<BatchPaper, 'record' | 'id' | 'hash'>) => ({
  id, hash, recordId: record.recordId, sourceId: record.source.id,
  title: record.title, titleKey: keyOf(record.title), year: record.year, publishedOn: record.publishedOn ?? null,
  venue: record.venue ?? null, abstract: record.abstract ?? null, doi: record.doi?.toLowerCase() ?? null, arxivId: record.arxivId ?? null,
  openreviewId: record.openreviewId ?? null, openalexId: record.openalexId ?? null, url: record.url ?? null, codeUrl: record.codeUrl ?? null,
  citationCount: record.citationCount ?? null, authorListComplete: record.authorListComplete, references: record.references,
});

/** New papers are created whole; papers written before get what this source adds (write-papers). */
export async function writePapers(statements: BatchStatements, created: BatchPaper[], updated: BatchPaper[]) {
  if (created.length) await statements.write(queries.createPapers, 'papers', created.map(paperRow));
  if (updated.length) await statements.write(queries.papers, 'papers', updated.map(paperRow));
}

/**
 * A paper's authorships as import/write-authorships takes them, one row per byline entry, in
 * byline order (then the authors without a position). `corresponding` is true or false when the
 * source says, null when it does not; `rawName` the byline's spelling when it differs.
 */
export function bylineRows({ record, id }: Pick<BatchPaper, 'record' | 'id'>, nodes: Pick<BatchNodes, 'authorIdOf' | 'organizationIdOf' | 'isLoose'>) {
  // One object a row (no spread of a partial one): the bulk converter builds 40M of them at 10M works.
  const row = (author: RecordAuthor, position: number | null, complete: boolean) => {
    // Name-only: placed by evidence after the import (place-authors.ts); else held by an id or by the spelling an operator merged.
    const loose = nodes.isLoose(author);
    return {
      authorId: nodes.authorIdOf(author), paperId: id, name: author.name, sourceId: record.source.id,
      loose, identityMethod: loose ? null : author.id || author.openalexId || author.orcid || author.openreviewId ? 'id' : 'merged-name',
      organizationIds: [...new Set(author.organizations.map(nodes.organizationIdOf))],
      corresponding: author.corresponding ?? null, rawName: author.rawName ?? null,
      position, complete,
    };
  };
  return [
    ...record.authors.map((author, index) => row(author, index + 1, record.authorListComplete)),
    ...record.otherAuthors.map((author) => row(author, null, false)),
  ];
}
export type BylineRow = ReturnType<typeof bylineRows>[number];

/**
 * A byline can name one author twice (two references resolved to one person): one authorship,
 * as MERGE would leave it (the later position, the last affiliations given). What
 * import/create-authorships takes.
 */
export const onceByAuthor = (rows: BylineRow[]) => [
  ...rows.reduce((byAuthor, row) => {
    const earlier = byAuthor.get(row.authorId);
    return byAuthor.set(row.authorId, { ...row, position: row.complete || !earlier ? row.position : earlier.position, organizationIds: row.organizationIds.length ? row.organizationIds : (earlier?.organizationIds ?? []) });
  }, new Map<string, BylineRow>()).values(),
];

/**
 * The authorships of each paper. Returns the authors that papers written before no longer name
 * (their source now gives a whole byline without them).
 */
export async function writeBylines(statements: BatchStatements, created: BatchPaper[], updated: BatchPaper[], nodes: BatchNodes): Promise<string[]> {
  if (created.length) await statements.write(queries.createAuthorships, 'authorships', created.flatMap((paper) => onceByAuthor(bylineRows(paper, nodes))));
  if (updated.length) await statements.write(queries.authorships, 'authorships', updated.flatMap((paper) => bylineRows(paper, nodes)));
  // Papers written before whose source now gives a whole byline: what it no longer names goes
  // (how a byline that an older importer misread heals on re-import).
  const rewritten = updated.filter(({ record }) => record.authorListComplete);
  if (!rewritten.length) return [];
  const [{ authorIds } = { authorIds: [] }] = await statements.rows<{ authorIds: string[] }>(queries.retireAuthorships, {
    bylines: rewritten.map(({ record, id }) => ({ paperId: id, sourceId: record.source.id, authorIds: [...record.authors, ...record.otherAuthors].map(nodes.authorIdOf) })),
  });
  return authorIds;
}

/** A paper's topics (HAS_TOPIC score, primary: true or null), organizations and references, as import/write-paper-links takes them. */
export const linkRow = ({ record, id }: Pick<BatchPaper, 'record' | 'id'>, nodes: Pick<BatchNodes, 'organizationIdOf'>) => ({
  paperId: id,
  topics: [...new Map(record.topics.map((topic) => [topic.id, { id: topic.id, score: topic.score ?? null, primary: topic.primary ? true : null }])).values()],
  organizationIds: [...new Set([...record.organizations, ...record.authors.flatMap((author) => author.organizations)].map(nodes.organizationIdOf))],
  references: [...new Set(record.references)],
});

/** Each paper's topics, organizations (its own and its authors') and citations. */
export async function writeLinks(statements: BatchStatements, created: BatchPaper[], updated: BatchPaper[], nodes: BatchNodes) {
  if (created.length) await statements.write(queries.createLinks, 'links', created.map((paper) => linkRow(paper, nodes)));
  // Papers written before: with the record's source (a paper no other source gave drops the links it no longer names).
  if (updated.length) await statements.write(queries.links, 'links', updated.map((paper) => ({ ...linkRow(paper, nodes), sourceId: paper.record.source.id })));
}

/**
 * The authorship statements marked every author they touched: a single write refreshes their
 * summaries (AFFILIATED_WITH, display name) now, a bulk import once at its end
 * (refreshStaleAuthors). Authors left without a paper go.
 */
export async function refreshSummaries(statements: BatchStatements, nodes: BatchNodes, bereft: string[], { deferSummaries }: { deferSummaries?: boolean }) {
  if (!deferSummaries) await statements.write(queries.refreshAuthors, 'authorIds', [...new Set([...nodes.authors.keys(), ...bereft])]);
  if (bereft.length) await statements.write(queries.removeOrphanAuthors, 'authorIds', bereft);
}
