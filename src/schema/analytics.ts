import { AnalyticsError, type AnalyticsInput } from '../analytics/run.js';
import type {
  AnalyticsRunRow,
  AuthorAnalyticsRow,
  CommunityLinkRow,
  CommunityRow,
  TopicYearRow,
} from '../repositories/analytics.js';
import type { PageRow } from '../repositories/batch.js';
import { pageArgs } from './args.js';
import { builder } from './builder.js';
import { intInRange } from '../errors/arguments.js';
import { listCost, pageCost } from './cost.js';
import { loadConnection, loadRootConnection, type Edge } from './pagination.js';
import { AuthorConnection, AuthorRef, OrganizationRef, TopicRef } from './refs.js';

/**
 * Collaboration analytics as stored by the latest run of `npm run analytics` (src/analytics/run.ts):
 * each author's community and centralities, the communities with their summaries and links, the
 * runs themselves, and how a topic grew. Everything here reads stored results, so it costs what
 * other author fields cost; `analyticsRun` says how fresh they are.
 */

export const CommunityRef = builder.objectRef<CommunityRow>('Community');
const AnalyticsRunRef = builder.objectRef<AnalyticsRunRow>('AnalyticsRun');

const present = <T>(values: (T | Error | null)[]) => values.filter((value): value is T => value !== null && !(value instanceof Error));

const AnalyticsRunStatus = builder.enumType('AnalyticsRunStatus', {
  description: 'Where an analytics run stands.',
  values: {
    RUNNING: { value: 'running', description: 'Still computing; its results are not served yet.' },
    COMPLETE: { value: 'complete', description: 'Done; the newest complete run is the one served.' },
    FAILED: { value: 'failed', description: 'Stopped with an error (see `error`); earlier results stay served.' },
  } as const,
});

const AnalyticsStepRef = builder.objectRef<{ name: string; millis: number }>('AnalyticsStep').implement({
  description: 'One step of a run and how long it took.',
  fields: (t) => ({
    name: t.exposeString('name', { description: 'What the step computed, e.g. "communities (Leiden)".' }),
    millis: t.exposeInt('millis', { description: 'Its time in milliseconds.' }),
  }),
});

AnalyticsRunRef.implement({
  description: 'One run of the whole-graph analytics: its parameters, its figures and its steps.',
  fields: (t) => ({
    number: t.int({ description: 'The run number, counting up from 1.', resolve: (run) => Number(run.id) }),
    status: t.field({ description: 'Running, complete or failed.', type: AnalyticsRunStatus, resolve: (run) => run.status }),
    startedAt: t.exposeString('startedAt', { description: 'When it started (ISO 8601).' }),
    finishedAt: t.exposeString('finishedAt', { description: 'When it completed or failed (ISO 8601); null while running.', nullable: true }),
    yearFrom: t.exposeInt('yearFrom', { description: 'Only papers from this year on made coauthor links; null: no lower bound.', nullable: true }),
    yearTo: t.exposeInt('yearTo', { description: 'Only papers up to this year made coauthor links; null: no upper bound.', nullable: true }),
    minSharedPapers: t.exposeInt('minSharedPapers', { description: 'Two authors were linked from this many shared papers.' }),
    maxAuthorsPerPaper: t.exposeInt('maxAuthorsPerPaper', { description: 'Papers with more authors made no links.' }),
    betweennessSamples: t.exposeInt('betweennessSamples', { description: 'Source authors sampled for betweenness; null: exact.', nullable: true }),
    resolution: t.float({ description: "Leiden's resolution (gamma): higher finds smaller communities.", resolve: (run) => run.resolution ?? 1 }),
    authorCount: t.exposeInt('authorCount', { description: 'Authors in the coauthor graph (all authors).', nullable: true }),
    linkCount: t.exposeInt('linkCount', { description: 'Coauthor links (pairs) in the graph.', nullable: true }),
    communityCount: t.exposeInt('communityCount', { description: 'Communities Leiden found, single authors included.', nullable: true }),
    modularity: t.exposeFloat('modularity', { description: "The modularity of Leiden's partition (weighted).", nullable: true }),
    steps: t.field({
      description: 'The steps done so far, in order, with their times.',
      type: [AnalyticsStepRef],
      resolve: (run) => run.stepNames.map((name, index) => ({ name, millis: run.stepMillis[index] ?? 0 })),
    }),
    error: t.exposeString('error', { description: 'Why it failed; null unless FAILED.', nullable: true }),
  }),
});

const AuthorAnalyticsRef = builder.objectRef<AuthorAnalyticsRow>('AuthorAnalytics').implement({
  description: "An author's place in the coauthor graph, from the analytics run named by `run`.",
  fields: (t) => ({
    run: t.field({
      description: 'The run that computed these figures.',
      type: AnalyticsRunRef,
      nullable: true,
      resolve: (row, _args, { loaders }) => loaders.analyticsRun.load(String(row.run)),
    }),
    community: t.field({
      description: 'The community (Leiden) the author belongs to; null when it is the author alone, or the run is no longer served.',
      type: CommunityRef,
      nullable: true,
      resolve: (row, _args, { loaders }) => loaders.community.load(`${row.run}:${row.community}`),
    }),
    communityNumber: t.exposeInt('community', { description: "The community's number within its run." }),
    pageRank: t.exposeFloat('pageRank', {
      description: 'PageRank over coauthor links weighted by shared papers (damping 0.85), on GDS\'s scale: not normalized; an author with no links has 0.15.',
    }),
    betweenness: t.exposeFloat('betweenness', {
      description: 'Betweenness centrality (unweighted shortest coauthor chains through this author), estimated from the run\'s sampled source authors unless it sampled none.',
    }),
    coreNumber: t.exposeInt('coreNumber', { description: 'The largest k such that the author is in the k-core of the coauthor graph.' }),
    clustering: t.exposeFloat('clustering', { description: "Local clustering coefficient: the share of the author's coauthor pairs who also wrote together." }),
  }),
});

builder.objectField(AuthorRef, 'analytics', (t) =>
  t.field({
    description: 'Community and centralities from the whole-graph analytics; null until a run has reached this author.',
    type: AuthorAnalyticsRef,
    nullable: true,
    resolve: (author, _args, { loaders }) => loaders.authorAnalytics.load(author.id),
  }),
);

const CommunityOrganizationRef = builder.objectRef<{ organizationId: string; memberCount: number }>('CommunityOrganization').implement({
  description: 'An organization of a community and how many of its members are affiliated with it.',
  fields: (t) => ({
    organization: t.field({
      description: 'The organization; null if removed since.',
      type: OrganizationRef,
      nullable: true,
      resolve: (row, _args, { loaders }) => loaders.organization.load(row.organizationId),
    }),
    memberCount: t.exposeInt('memberCount', { description: 'Members of the community affiliated with it.' }),
  }),
});

const CommunityTopicRef = builder.objectRef<{ topicId: string; paperCount: number }>('CommunityTopic').implement({
  description: "A topic of a community's papers and on how many of them.",
  fields: (t) => ({
    topic: t.field({ description: 'The topic; null if removed since.', type: TopicRef, nullable: true, resolve: (row, _args, { loaders }) => loaders.topic.load(row.topicId) }),
    paperCount: t.exposeInt('paperCount', { description: "The community's papers on this topic." }),
  }),
});

/** The run stores a community's 10 members of highest PageRank (cypher/analytics/communities.cypher). */
const TOP_AUTHORS = 10;

const linkOf = (edge: unknown) => (edge as Edge<PageRow, unknown>).row as unknown as CommunityLinkRow;

const CommunityLinkConnection = builder.connectionObject(
  { type: CommunityRef, name: 'CommunityLinkConnection', description: 'Communities that publish with one, most shared papers first.' },
  {
    name: 'CommunityLinkEdge',
    fields: (t) => ({
      paperCount: t.int({ description: 'Papers written by members of both communities together.', resolve: (edge) => linkOf(edge).paperCount }),
      bridges: t.field({
        description: 'The authors on those papers, of either community, with the highest betweenness first (at most 10).',
        type: [AuthorRef],
        resolve: async (edge, _args, { loaders }) => present(await loaders.author.loadMany(linkOf(edge).bridgeAuthorIds)),
      }),
    }),
  },
);

builder.node(CommunityRef, {
  description: 'A community of the coauthor graph (Leiden, weighted by shared papers) of the served analytics run.',
  id: { resolve: (community) => community.id },
  loadMany: (ids, { loaders }) => ids.map((id) => loaders.community.load(id)),
  fields: (t) => ({
    number: t.exposeInt('community', { description: 'Its number within its run.' }),
    size: t.exposeInt('size', { description: 'How many authors it has.' }),
    paperCount: t.exposeInt('paperCount', { description: 'Papers written by its members.' }),
    firstYear: t.exposeInt('firstYear', { description: "Year of its members' first paper.", nullable: true }),
    lastYear: t.exposeInt('lastYear', { description: "Year of its members' newest paper.", nullable: true }),
    topAuthors: t.field({
      description: 'Its members with the highest PageRank, highest first.',
      type: [AuthorRef],
      complexity: listCost,
      args: { first: t.arg.int({ description: `How many, 1 to ${TOP_AUTHORS} (default ${TOP_AUTHORS}).`, defaultValue: TOP_AUTHORS }) },
      resolve: async (community, { first }, { loaders }) => {
        const count = intInRange('first', first ?? TOP_AUTHORS, 1, TOP_AUTHORS);
        return present(await loaders.author.loadMany(community.topAuthorIds.slice(0, count)));
      },
    }),
    topOrganizations: t.field({
      description: 'The organizations most of its members are affiliated with (at most 5).',
      type: [CommunityOrganizationRef],
      resolve: (community) =>
        community.topOrganizationIds.map((organizationId, index) => ({ organizationId, memberCount: community.topOrganizationMemberCounts[index] ?? 0 })),
    }),
    topTopics: t.field({
      description: "The topics of most of its members' papers (at most 5).",
      type: [CommunityTopicRef],
      resolve: (community) => community.topTopicIds.map((topicId, index) => ({ topicId, paperCount: community.topTopicPaperCounts[index] ?? 0 })),
    }),
    members: t.field({
      type: AuthorConnection,
      complexity: pageCost,
      description: 'Its authors, highest PageRank first.',
      args: pageArgs,
      resolve: (community, page, { loaders }) => loadConnection(loaders.communityMembers, loaders.author, { parentId: community.id }, page),
    }),
    links: t.field({
      type: CommunityLinkConnection,
      complexity: pageCost,
      description: 'The communities its members publish with, with the papers and the authors who bridge them.',
      args: pageArgs,
      resolve: (community, page, { loaders }) => loadConnection(loaders.communityLinks, loaders.community, { parentId: community.id }, page),
    }),
    run: t.field({
      description: 'The analytics run that found it.',
      type: AnalyticsRunRef,
      nullable: true,
      resolve: (community, _args, { loaders }) => loaders.analyticsRun.load(String(community.run)),
    }),
  }),
});

const TopicYearRef = builder.objectRef<TopicYearRow>('TopicYear').implement({
  description: 'One year of a topic: its papers, the authors new to it, the communities working on it.',
  fields: (t) => ({
    year: t.exposeInt('year', { description: 'The year.' }),
    paperCount: t.exposeInt('paperCount', { description: 'Papers on the topic that year.' }),
    newAuthorCount: t.exposeInt('newAuthorCount', { description: 'Authors whose first paper on the topic came that year.' }),
    communityCount: t.exposeInt('communityCount', {
      description: "Communities (of the served analytics run) that the year's authors belong to; 0 before any run.",
    }),
  }),
});

builder.objectField(TopicRef, 'evolution', (t) =>
  t.field({
    description: 'How the topic grew, year by year, oldest first.',
    type: [TopicYearRef],
    resolve: (topic, _args, { loaders }) => loaders.topicEvolution.load(topic.id),
  }),
);

const CommunityConnection = builder.connectionObject({ type: CommunityRef, name: 'CommunityConnection', description: 'Communities, largest first.' });
const AnalyticsRunConnection = builder.connectionObject({ type: AnalyticsRunRef, name: 'AnalyticsRunConnection', description: 'Analytics runs, newest first.' });

const MAX_MIN_SIZE = 1_000_000;

builder.queryFields((t) => ({
  communities: t.field({
    type: CommunityConnection,
    complexity: pageCost,
    description: 'The communities of the served analytics run, largest first; empty before the first run.',
    args: {
      minSize: t.arg.int({ description: 'Only communities of at least this many authors (default 2).', defaultValue: 2 }),
      ...pageArgs,
    },
    resolve: (_root, { minSize, ...page }, { loaders, repositories }) => {
      const size = intInRange('minSize', minSize ?? 2, 2, MAX_MIN_SIZE);
      return loadRootConnection(repositories.analytics.communities, loaders.community, { minSize: size }, page);
    },
  }),
  analyticsRun: t.field({
    type: AnalyticsRunRef,
    nullable: true,
    description: 'An analytics run by number; without `number`, the run being served (the newest complete one). Null when there is none.',
    args: { number: t.arg.int({ description: 'The run number; omit for the served run.' }) },
    resolve: async (_root, { number }, { loaders, repositories }) => {
      const id = number == null ? await repositories.analytics.servedRun() : String(number);
      return id === null ? null : loaders.analyticsRun.load(id);
    },
  }),
  analyticsRuns: t.field({
    type: AnalyticsRunConnection,
    complexity: pageCost,
    description: 'Every analytics run, newest first, running and failed ones included.',
    args: pageArgs,
    resolve: (_root, page, { loaders, repositories }) => loadRootConnection(repositories.analytics.runs, loaders.analyticsRun, {}, page),
  }),
}));

const AnalyticsRunInput = builder.inputType('AnalyticsRunInput', {
  description: 'What a whole-graph analytics run counts; every field has a default.',
  fields: (t) => ({
    yearFrom: t.int({ description: 'Only papers from this year on make coauthor links.' }),
    yearTo: t.int({ description: 'Only papers up to this year make coauthor links.' }),
    minSharedPapers: t.int({ description: 'Link two authors from this many shared papers (default 1).' }),
    maxAuthorsPerPaper: t.int({ description: 'Papers with more authors make no links (default 100).' }),
    betweennessSamples: t.int({ description: 'Source authors sampled for betweenness (default 256); 0: exact, slow on large graphs.' }),
    resolution: t.float({ description: "Leiden's resolution (gamma, default 4): higher finds smaller communities." }),
  }),
});

builder.mutationField('startAnalyticsRun', (t) =>
  t.field({
    type: AnalyticsRunRef,
    authScopes: { authenticated: true },
    description:
      'Starts a whole-graph analytics run (as `npm run analytics` does) and answers at once with it, RUNNING; ' +
      'follow it with `analyticsRun(number:)`. ALREADY_RUNNING while another run is.',
    args: { input: t.arg({ description: 'Its parameters; all optional.', type: AnalyticsRunInput }) },
    resolve: async (_root, { input }, { loaders, repositories }) => {
      const { betweennessSamples, ...rest } = input ?? {};
      const parameters: AnalyticsInput = Object.fromEntries(Object.entries(rest).filter(([, value]) => value != null));
      if (betweennessSamples != null) parameters.betweennessSamples = betweennessSamples === 0 ? null : betweennessSamples;
      try {
        const run = await repositories.writes.startAnalytics(parameters);
        return (await loaders.analyticsRun.load(String(run)))!;
      } catch (error) {
        throw error instanceof AnalyticsError ? error.coded() : error;
      }
    },
  }),
);
