import { cypher } from '../db/cypher.js';
import type { Read } from '../db/read.js';
import { listsByIds, pagesOf, rootList, rowsByIds, type PageRequest, type PageRow } from './batch.js';

/** An author's figures from the analytics run that last reached them (src/analytics/run.ts). */
export interface AuthorAnalyticsRow {
  id: string;
  run: number;
  community: number;
  pageRank: number;
  betweenness: number;
  coreNumber: number;
  clustering: number;
}

/** A community of a run, with the summary the run stored (cypher/analytics/communities.cypher). */
export interface CommunityRow {
  /** "<run>:<number>" */
  id: string;
  run: number;
  community: number;
  size: number;
  paperCount: number;
  firstYear: number | null;
  lastYear: number | null;
  topAuthorIds: string[];
  topOrganizationIds: string[];
  topOrganizationMemberCounts: number[];
  topTopicIds: string[];
  topTopicPaperCounts: number[];
}

export interface CommunityLinkRow extends PageRow {
  paperCount: number;
  bridgeAuthorIds: string[];
}

export type AnalyticsRunStatus = 'running' | 'complete' | 'failed';

export interface AnalyticsRunRow {
  /** The run's number, as a string (a DataLoader key). */
  id: string;
  status: AnalyticsRunStatus;
  startedAt: string;
  finishedAt: string | null;
  yearFrom: number | null;
  yearTo: number | null;
  minSharedPapers: number;
  maxAuthorsPerPaper: number;
  betweennessSamples: number | null;
  randomSeed: number;
  /** Absent on runs from before the parameter existed (they ran at 1). */
  resolution?: number | null;
  authorCount?: number | null;
  linkCount?: number | null;
  communityCount?: number | null;
  modularity?: number | null;
  storedCommunityCount?: number | null;
  communityLinkCount?: number | null;
  stepNames: string[];
  stepMillis: number[];
  error?: string | null;
}

export interface TopicYearRow {
  year: number;
  paperCount: number;
  newAuthorCount: number;
  communityCount: number;
}

export type AuthorOrder = 'PAGE_RANK' | 'BETWEENNESS' | 'PAPER_COUNT';

const servedRunQuery = cypher('read/analytics/served-run');

export function createAnalyticsRepository(read: Read) {
  return {
    authorAnalyticsByIds: rowsByIds<AuthorAnalyticsRow>(read, 'read/analytics/author-analytics'),
    communitiesByIds: rowsByIds<CommunityRow>(read, 'read/analytics/communities-by-ids'),
    runsByIds: rowsByIds<AnalyticsRunRow>(read, 'read/analytics/runs-by-ids'),
    /** The number of the run readers serve (the newest complete one); null before the first. */
    servedRun: async () => (await read<{ id: string | null }>(servedRunQuery, {}))[0]?.id ?? null,
    communityMembers: pagesOf<PageRequest>(read, 'read/analytics/community-members'),
    communityLinks: pagesOf<PageRequest, CommunityLinkRow>(read, 'read/analytics/community-links'),
    topicEvolutionByIds: listsByIds<TopicYearRow>(read, 'read/analytics/topic-evolution'),
    communities: rootList<{ minSize: number }>(read, 'read/root/communities'),
    runs: rootList<Record<string, never>>(read, 'read/root/analytics-runs'),
    authorsBy: {
      PAGE_RANK: rootList<Record<string, never>>(read, 'read/root/authors-by-page-rank'),
      BETWEENNESS: rootList<Record<string, never>>(read, 'read/root/authors-by-betweenness'),
      PAPER_COUNT: rootList<Record<string, never>>(read, 'read/root/authors-by-paper-count'),
    } satisfies Record<AuthorOrder, unknown>,
  };
}

export type AnalyticsRepository = ReturnType<typeof createAnalyticsRepository>;
