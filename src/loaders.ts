import DataLoader from 'dataloader';
import type { CountRequest, PageRequest, PageRow } from './repositories/batch.js';
import type { Repositories } from './repositories/index.js';

/**
 * Per-request DataLoaders: the only place batching happens. Every lookup a resolver makes for a
 * parent object goes through one of these, so a request's round trips to Neo4j grow with the
 * depth of the query, not with the number of parents.
 */

const MAX_BATCH = 1_000;

function byId<Value>(batch: (ids: readonly string[]) => Promise<Value[]>) {
  return new DataLoader<string, Value>(batch, { maxBatchSize: MAX_BATCH });
}

/**
 * A list per key whose rows carry the node they refer to (`x {%Label%}` in their Cypher): each
 * row primes that node's loader, so resolving the node costs no statement of its own.
 */
function priming<Row, Node>(
  batch: (ids: readonly string[]) => Promise<Row[][]>,
  nodeLoader: DataLoader<string, Node>,
  nodeOf: (row: Row) => [id: string, node: Node | undefined],
) {
  return async (ids: readonly string[]) => {
    const lists = await batch(ids);
    for (const list of lists) {
      for (const row of list) {
        const [id, node] = nodeOf(row);
        if (node) nodeLoader.prime(id, node);
      }
    }
    return lists;
  };
}

/** A page loader and its count loader; equal requests (compared by value) share one entry. */
export interface PagedLoaders<Request extends PageRequest, Row extends PageRow> {
  page: DataLoader<Request, Row[], string>;
  count: DataLoader<CountRequest<Request>, number, string>;
}

function paged<Request extends PageRequest, Row extends PageRow>(source: {
  pages: (requests: readonly Request[]) => Promise<Row[][]>;
  counts: (requests: readonly CountRequest<Request>[]) => Promise<number[]>;
}): PagedLoaders<Request, Row> {
  const options = { cacheKeyFn: (key: unknown) => JSON.stringify(key), maxBatchSize: MAX_BATCH };
  return { page: new DataLoader(source.pages, options), count: new DataLoader(source.counts, options) };
}

export function createLoaders({ authors, papers, organizations, topics, sources }: Repositories) {
  const author = byId(authors.authorsByIds);
  const paper = byId(papers.papersByIds);
  const organization = byId(organizations.organizationsByIds);
  const topic = byId(topics.topicsByIds);
  return {
    author,
    authorIdsByNameKey: byId(authors.authorIdsByNameKeys),
    authorAffiliations: byId(priming(authors.affiliationsByAuthorIds, organization, (row) => [row.organizationId, row.organization])),
    authorTopics: byId(priming(authors.topicsByAuthorIds, topic, (row) => [row.topicId, row.topic])),
    authorPaperStats: byId(authors.paperStatsByAuthorIds),
    authorReportedFigures: byId(authors.reportedFiguresByAuthorIds),
    authorPapers: paged(authors.papers),
    authorCoauthors: paged(authors.coauthors),

    paper,
    paperByline: byId(priming(papers.bylinesByPaperIds, author, (row) => [row.authorId, row.author])),
    paperOrganizations: byId(priming(papers.organizationsByPaperIds, organization, (row) => [row.organizationId, row.organization])),
    paperTopics: byId(priming(papers.topicsByPaperIds, topic, (row) => [row.topicId, row.topic])),
    paperCites: paged(papers.cites),
    paperCitedBy: paged(papers.citedBy),

    organization,
    organizationIdsByNameKey: byId(organizations.organizationIdsByNameKeys),
    organizationMembers: paged(organizations.members),
    organizationPapers: paged(organizations.papers),
    organizationCollaborators: paged(organizations.collaborators),

    topic,
    topicIdsByCode: byId(topics.topicIdsByCodes),
    topicTrend: byId(topics.trendsByTopicIds),
    topicPapers: paged(topics.papers),
    topicTopAuthors: paged(topics.topAuthors),

    source: byId(sources.sourcesByIds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
