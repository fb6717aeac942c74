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

/** Answers per request (a parent and its arguments), compared by value. */
function byRequest<Request, Answer>(batch: (requests: readonly Request[]) => Promise<Answer[]>) {
  return new DataLoader<Request, Answer, string>(batch, { cacheKeyFn: (key) => JSON.stringify(key), maxBatchSize: MAX_BATCH });
}

export function createLoaders({ authors, identity, papers, organizations, topics, sources, analytics, related }: Repositories) {
  return {
    author: byId(authors.authorsByIds),
    authorIdsByNameKey: byId(authors.authorIdsByNameKeys),
    authorByExternalId: byId(authors.authorsByExternalIds),
    authorAffiliations: byId(authors.affiliationsByAuthorIds),
    authorTopics: byId(authors.topicsByAuthorIds),
    authorPaperStats: byId(authors.paperStatsByAuthorIds),
    authorReportedFigures: byId(authors.reportedFiguresByAuthorIds),
    authorLargeBylines: byId(authors.largeBylinesByAuthorIds),
    authorPapers: paged(authors.papers),
    authorCoauthors: paged(authors.coauthors),
    authorIdentityDecisions: byId(identity.decisionsByAuthorIds),
    authorSuggestedPapers: byRequest(related.suggestedPapers),

    paper: byId(papers.papersByIds),
    paperByExternalId: byId(papers.papersByExternalIds),
    paperByline: byId(papers.bylinesByPaperIds),
    paperOrganizations: byId(papers.organizationsByPaperIds),
    paperTopics: byId(papers.topicsByPaperIds),
    paperCites: paged(papers.cites),
    paperCitedBy: paged(papers.citedBy),
    paperRelated: byRequest(related.relatedPapers),

    organization: byId(organizations.organizationsByIds),
    organizationIdsByNameKey: byId(organizations.organizationIdsByNameKeys),
    organizationMembers: paged(organizations.members),
    organizationPapers: paged(organizations.papers),
    organizationCollaborators: paged(organizations.collaborators),
    organizationSubUnits: paged(organizations.subUnits),

    topic: byId(topics.topicsByIds),
    topicIdsByCode: byId(topics.topicIdsByCodes),
    topicTrend: byId(topics.trendsByTopicIds),
    topicPapers: paged(topics.papers),
    topicTopAuthors: paged(topics.topAuthors),

    source: byId(sources.sourcesByIds),

    authorAnalytics: byId(analytics.authorAnalyticsByIds),
    community: byId(analytics.communitiesByIds),
    analyticsRun: byId(analytics.runsByIds),
    communityMembers: paged(analytics.communityMembers),
    communityLinks: paged(analytics.communityLinks),
    topicEvolution: byId(analytics.topicEvolutionByIds),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
