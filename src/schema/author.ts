import { DEFAULT_MAX_AUTHORS_PER_PAPER } from '../domain/bylines.js';
import { computeMetrics } from '../domain/metrics.js';
import { normalizeKey } from '../domain/normalize.js';
import { SEARCH_RANKING } from '../domain/search.js';
import { searchArgument } from '../errors/arguments.js';
import { pageArgs } from './args.js';
import type { AffiliationRow, AuthorTopicRow } from '../repositories/authors.js';
import { builder } from './builder.js';
import { pageCost } from './cost.js';
import { carriedNode } from './carried.js';
import { BadInputError } from '../errors/coded.js';
import { loadByExternalId, loadByIdOrKey, oneArgument } from './lookup.js';
import { loadConnection, loadRootConnection } from './pagination.js';
import {
  AuthorConnection,
  AuthorRef,
  CoauthorConnection,
  MetricsRef,
  OrganizationRef,
  PaperConnection,
  ReportedFiguresRef,
  type SkippedBylines,
  SourceRef,
  TopicRef,
  YearCountRef,
} from './refs.js';

builder.node(AuthorRef, {
  description: 'A person who wrote papers.',
  id: { resolve: (author) => author.id },
  loadMany: (ids, { loaders }) => ids.map((id) => loaders.author.load(id)),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name as a source spelled it.' }),
    orcid: t.exposeString('orcid', { description: 'ORCID iD (0000-0000-0000-0000), where a source gave it.', nullable: true }),
    openalexId: t.exposeString('openalexId', { description: 'OpenAlex author id (A123…), where known.', nullable: true }),
    openreviewId: t.exposeString('openreviewId', { description: 'OpenReview profile id (~First_Last1), where known.', nullable: true }),
    papers: t.field({
      type: PaperConnection,
      complexity: pageCost,
      description: 'Papers by this author, newest first.',
      args: {
        ...pageArgs,
        sharedWith: t.arg.globalIDList({
          for: AuthorRef,
          description:
            'Only papers that every one of these authors also wrote and that make coauthor links: the papers behind ' +
            `\`coauthors\`, so papers with more than the server's MAX_AUTHORS_PER_PAPER authors (${DEFAULT_MAX_AUTHORS_PER_PAPER} by default) are left out.`,
        }),
      },
      resolve: (author, { sharedWith, ...page }, { loaders }) => {
        const others = [...new Set((sharedWith ?? []).map((other) => other.id))].sort();
        return loadConnection(loaders.authorPapers, loaders.paper, { parentId: author.id, sharedWith: others }, page);
      },
    }),
    coauthors: t.field({
      type: CoauthorConnection,
      complexity: pageCost,
      description:
        'People who wrote papers with this author: most shared papers first, then by name. Papers with more than ' +
        `\`maxAuthorsPerPaper\` authors (the server's MAX_AUTHORS_PER_PAPER, ${DEFAULT_MAX_AUTHORS_PER_PAPER} by default) make no coauthor link; ` +
        '`skippedPapers` counts them.',
      args: pageArgs,
      resolve: async (author, page, { loaders, repositories }) => {
        const connection = await loadConnection(loaders.authorCoauthors, loaders.author, { parentId: author.id }, page);
        const skipped: SkippedBylines = {
          skippedPapers: async () => (await loaders.authorLargeBylines.load(author.id))?.skippedPapers ?? 0,
          maxAuthorsPerPaper: repositories.settings.maxAuthorsPerPaper,
        };
        return Object.assign(connection, skipped);
      },
    }),
    affiliations: t.field({
      type: [AffiliationRef],
      description: 'Organizations this author published from, most papers first.',
      resolve: (author, _args, { loaders }) => loaders.authorAffiliations.load(author.id),
    }),
    topics: t.field({
      type: [AuthorTopicRef],
      description: "The topics of this author's papers, most papers first.",
      resolve: (author, _args, { loaders }) => loaders.authorTopics.load(author.id),
    }),
    metrics: t.field({
      type: MetricsRef,
      description: 'Figures computed from the graph.',
      resolve: async (author, _args, { loaders }) => computeMetrics(await loaders.authorPaperStats.load(author.id)),
    }),
    reported: t.field({
      type: [ReportedFiguresRef],
      description: 'Figures that sources reported about this author, as reported (not recomputed), one per source by source id.',
      resolve: (author, _args, { loaders }) => loaders.authorReportedFigures.load(author.id),
    }),
  }),
});

const AffiliationRef = builder.objectRef<AffiliationRow>('Affiliation').implement({
  description: 'An author at an organization: over how many papers, from when to when.',
  fields: (t) => ({
    organization: t.field({
      description: 'The organization; null if it was removed since.',
      type: OrganizationRef,
      nullable: true,
      resolve: (affiliation, _args, { loaders }) => carriedNode(affiliation.organizationId, affiliation.organization, loaders.organization),
    }),
    paperCount: t.exposeInt('paperCount', { description: 'Papers the author published from this organization.' }),
    firstYear: t.exposeInt('firstYear', { description: 'Year of the first of those papers.', nullable: true }),
    lastYear: t.exposeInt('lastYear', { description: 'Year of the last of those papers.', nullable: true }),
  }),
});

const AuthorTopicRef = builder.objectRef<AuthorTopicRow>('AuthorTopic').implement({
  description: "A topic of an author's papers, with how many of them.",
  fields: (t) => ({
    topic: t.field({
      description: 'The topic; null if it was removed since.',
      type: TopicRef,
      nullable: true,
      resolve: (row, _args, { loaders }) => carriedNode(row.topicId, row.topic, loaders.topic),
    }),
    paperCount: t.exposeInt('paperCount', { description: "The author's papers on this topic." }),
  }),
});

MetricsRef.implement({
  description: "An author's figures, computed from the papers in this graph (not as sources report them).",
  fields: (t) => ({
    paperCount: t.exposeInt('paperCount', { description: 'Papers in the graph by this author.' }),
    citationCount: t.exposeInt('citationCount', { description: "Sum of the papers' citation counts as sources give them." }),
    hIndex: t.exposeInt('hIndex', { description: 'The largest h such that h of the papers have at least h citations each.' }),
    firstYear: t.exposeInt('firstYear', { description: 'Year of the first paper; null without papers.', nullable: true }),
    lastYear: t.exposeInt('lastYear', { description: 'Year of the newest paper; null without papers.', nullable: true }),
    papersPerYear: t.field({ description: 'Papers per year, oldest year first; years without papers are left out.', type: [YearCountRef], resolve: (metrics) => metrics.papersPerYear }),
  }),
});

ReportedFiguresRef.implement({
  description: 'What one source said about an author. Compare with `metrics`; do not mix them.',
  fields: (t) => ({
    source: t.field({
      description: 'The source that reported these figures.',
      type: SourceRef,
      nullable: true,
      resolve: (figures, _args, { loaders }) => loaders.source.load(figures.sourceId),
    }),
    hIndex: t.exposeInt('hIndex', { description: 'The h-index the source gave.', nullable: true }),
    paperCount: t.exposeInt('paperCount', { description: 'The paper count the source gave (may cover papers not in this graph).', nullable: true }),
    citationCount: t.exposeInt('citationCount', { description: 'The citation count the source gave.', nullable: true }),
    noveltyPercent: t.exposeFloat('noveltyPercent', { description: "The source's novelty score, 0 to 100.", nullable: true }),
    aiScore: t.exposeFloat('aiScore', { description: "The source's AI score, as it gives it.", nullable: true }),
    primaryTopic: t.field({
      description: 'The topic the source names as the main one.',
      type: TopicRef,
      nullable: true,
      resolve: (figures, _args, { loaders }) => (figures.primaryTopic ? loaders.topic.load(figures.primaryTopic) : null),
    }),
  }),
});

const AuthorOrderRef = builder.enumType('AuthorOrder', {
  description: 'Orders of the full author list.',
  values: {
    PAGE_RANK: { description: 'Highest PageRank first (authors the analytics has not reached yet are left out).' },
    BETWEENNESS: { description: 'Highest betweenness first (authors the analytics has not reached yet are left out).' },
    PAPER_COUNT: { description: 'Most papers first.' },
  } as const,
});

/** The arguments that identify the author of `author(...)`: one of them. */
const AUTHOR_LOOKUP_ARGUMENTS = ['id', 'name', 'orcid', 'openalexId'] as const;

builder.queryFields((t) => ({
  author: t.field({
    type: AuthorRef,
    nullable: true,
    description:
      'One author, by id, by name or by an external id (ORCID iD, OpenAlex id); give exactly one. Names match ignoring ' +
      'case, accents and extra spaces; a name several authors share is an AMBIGUOUS_NAME error listing their ids. An ' +
      'OpenAlex id that was merged into another author answers with that author. Unknown: null.',
    args: {
      id: t.arg.globalID({ description: 'Global id of the author.', for: AuthorRef }),
      name: t.arg.string({ description: 'The name, matched ignoring case, accents, punctuation and extra spaces.' }),
      orcid: t.arg.string({
        description: 'ORCID iD, bare (0000-0003-3260-0660) or as a URL (https://orcid.org/0000-0003-3260-0660).',
      }),
      openalexId: t.arg.string({
        description: 'OpenAlex author id, bare (A5023888391) or as a URL (https://openalex.org/A5023888391); a merged id leads to the author it was merged into.',
      }),
    },
    resolve: (_root, args, { loaders }) => {
      const argument = oneArgument(args, AUTHOR_LOOKUP_ARGUMENTS);
      if (argument === 'orcid' || argument === 'openalexId') {
        return loadByExternalId({
          argument, text: args[argument]!, kind: argument === 'orcid' ? 'orcid' : 'openalexAuthor', byExternalId: loaders.authorByExternalId, nodes: loaders.author,
        });
      }
      return loadByIdOrKey({
        typename: 'Author', keyArgument: 'name', id: args.id, asked: args.name, key: normalizeKey, nodes: loaders.author, idsByKey: loaders.authorIdsByNameKey,
      });
    },
  }),
  authors: t.field({
    type: AuthorConnection,
    complexity: pageCost,
    description:
      'Authors found by name (`search`, for search-as-you-type: the last word may be the start of a word), or all authors ' +
      `in an order (\`orderBy\`). Give one of the two. ${SEARCH_RANKING('the one with more papers')}`,
    args: {
      search: t.arg.string({ description: 'Words of the name; the last may be the start of a word (at least one letter or digit).' }),
      orderBy: t.arg({ type: AuthorOrderRef, description: 'List every author in this order instead of searching.' }),
      ...pageArgs,
    },
    resolve: (_root, { search, orderBy, ...page }, { loaders, repositories }) => {
      if ((search == null) === (orderBy == null)) {
        throw new BadInputError('Give `search` or `orderBy`, one of the two.', { argument: search == null ? 'search' : 'orderBy' });
      }
      if (orderBy != null) return loadRootConnection(repositories.analytics.authorsBy[orderBy], loaders.author, {}, page);
      return loadRootConnection(repositories.authors.search, loaders.author, searchArgument(search!), page);
    },
  }),
}));

