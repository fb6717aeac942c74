import type { PaperRecord, RecordAuthor } from '../../src/ingest/record.js';
import type { SyntheticGraph } from './graph.js';

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

  return graph.papers.map((paper) => ({
    source: graph.source,
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
    authors: (bylines.get(paper.id) ?? [])
      .sort((a, b) => a.position - b.position)
      .map(({ authorId, organizationId }): RecordAuthor => {
        const org = organizations.get(organizationId)!;
        return { id: authorId, name: authors.get(authorId)!.name, organizations: [{ id: org.id, name: org.name, ror: org.ror, country: org.country }] };
      }),
    otherAuthors: [],
    organizations: [],
    topics: (topicsOf.get(paper.id) ?? []).map(({ topicId, score }) => {
      const topic = topics.get(topicId)!;
      return { id: topic.id, scheme: topic.scheme, code: topic.code, name: topic.name, score };
    }),
    references: citesOf.get(paper.id) ?? [],
  }));
}

function groupByPaper<Row extends { paperId: string }>(rows: Row[]): Map<string, Row[]> {
  const groups = new Map<string, Row[]>();
  for (const row of rows) groups.set(row.paperId, [...(groups.get(row.paperId) ?? []), row]);
  return groups;
}
