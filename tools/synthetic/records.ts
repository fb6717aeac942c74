import type { PaperRecord, RecordAuthor } from '../../src/ingest/record.js';
import { authorIdOf, graphSource, paperFacts, planGraph, type GenerateOptions, type GraphPlan } from './generate.js';
import type { SyntheticGraph, SyntheticOrganization, SyntheticPaper, SyntheticTopic } from './graph.js';

/**
 * A generated graph as the importer's records (src/ingest/record.ts), one per paper in
 * publication order, so that it is written by the importer like any source: fixed ids for
 * papers, authors and organizations (two authors of one name stay two people), each author's
 * organization that year on the authorship, topics with their scores, and the papers it cites
 * by their (made-up) OpenAlex ids. A cited paper is always older, so it is written first.
 */
export function graphRecords(graph: SyntheticGraph): PaperRecord[] {
  const authors = new Map(graph.authors.map((author) => [author.id, author]));
  const organizations = new Map(graph.organizations.map((org) => [org.id, org]));
  const topics = new Map(graph.topics.map((topic) => [topic.id, topic]));
  const openalexIds = new Map(graph.papers.map((paper) => [paper.id, paper.openalexId]));
  const bylines = groupByPaper(graph.authored);
  const topicsOf = groupByPaper(graph.hasTopic);
  const citesOf = new Map<string, string[]>();
  for (const { citingId, citedId } of graph.cites) citesOf.set(citingId, [...(citesOf.get(citingId) ?? []), openalexIds.get(citedId)!]);

  return graph.papers.map((paper) =>
    paperRecord(
      graph.source,
      paper,
      (bylines.get(paper.id) ?? []).sort((a, b) => a.position - b.position).map(({ authorId, organizationId }) => authorOf(authorId, authors.get(authorId)!.name, organizations.get(organizationId)!)),
      (topicsOf.get(paper.id) ?? []).map(({ topicId, score }) => ({ topic: topics.get(topicId)!, score })),
      citesOf.get(paper.id) ?? [],
    ),
  );
}

/**
 * The same records as graphRecords(generateGraph(options)), one at a time: only the graph's
 * structure is held (planGraph: drafts, names, citations), each paper's facts are drawn as its
 * record is asked for, and no row list (authorships, topics, citations) is built. What
 * `npm run generate -- --bulk` feeds the bulk converter at millions of authors.
 */
export function graphRecordStream(options: GenerateOptions): Generator<PaperRecord> & { papers: number; authors: number } {
  const plan = planGraph(options);
  return Object.assign(streamRecords(plan), { papers: plan.sorted.length, authors: plan.authorCount });
}

function* streamRecords(plan: GraphPlan): Generator<PaperRecord> {
  const { prefix, sorted, names, citations, organizations, topics, organizationAt } = plan;
  const source = graphSource(plan);
  let rank = 0;
  for (const paper of paperFacts(plan)) {
    const draft = sorted[rank]!;
    const record = paperRecord(
      source,
      paper,
      draft.authors.map((author) => authorOf(authorIdOf(prefix, author), names[author]!, organizations[organizationAt(author, draft.year)]!)),
      draft.topics.map(({ topic, score }) => ({ topic: topics[topic]!, score })),
      citations[rank]!.map((target) => `${prefix}:W${target + 1}`),
    );
    // What is drawn is not needed again: let it go as the stream moves on.
    (sorted as unknown[])[rank] = undefined;
    (citations as unknown[])[rank] = undefined;
    rank++;
    yield record;
  }
}

const authorOf = (id: string, name: string, org: SyntheticOrganization): RecordAuthor => ({ id, name, organizations: [{ id: org.id, name: org.name, ror: org.ror, country: org.country }] });

/** One paper's record, its fields in one order whichever way it is built (the record hash depends on it). */
function paperRecord(source: SyntheticGraph['source'], paper: SyntheticPaper, authors: RecordAuthor[], topics: { topic: SyntheticTopic; score: number }[], references: string[]): PaperRecord {
  return {
    source,
    recordId: paper.id,
    id: paper.id,
    title: paper.title,
    year: paper.year,
    publishedOn: paper.publishedOn,
    venue: paper.venue,
    abstract: paper.abstract,
    doi: paper.doi,
    arxivId: paper.arxivId ?? undefined,
    openalexId: paper.openalexId,
    url: paper.url,
    codeUrl: paper.codeUrl ?? undefined,
    citationCount: paper.citationCount,
    authorListComplete: paper.authorListComplete,
    authors,
    otherAuthors: [],
    organizations: [],
    topics: topics.map(({ topic, score }) => ({ id: topic.id, scheme: topic.scheme, code: topic.code, name: topic.name, score })),
    references,
  };
}

function groupByPaper<Row extends { paperId: string }>(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.paperId, [...(groups.get(row.paperId) ?? []), row]);
  return groups;
}
