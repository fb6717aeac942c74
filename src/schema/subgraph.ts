import { encodeGlobalID } from '@pothos/plugin-relay';
import {
  MAX_AUTHORS_PER_PAPER,
  MAX_EGO_DEPTH,
  MAX_SUBGRAPH_AUTHORS,
  MAX_SUBGRAPH_LINKS,
  SELECTOR_ARGUMENTS,
  type SubgraphAnalytics,
  type SubgraphLink,
  type SubgraphNode,
} from '../analytics/subgraph.js';
import { builder } from './builder.js';
import { carriedNode } from './carried.js';
import { BadInputError } from '../errors/coded.js';
import { AuthorRef, OrganizationRef, TopicRef } from './refs.js';

/**
 * `subgraphAnalytics`: Graph Data Science's measures of a subgraph picked on demand
 * (src/analytics/subgraph.ts), as opposed to the whole-graph run's stored figures
 * (src/schema/analytics.ts). The same selector serves GET /export/subgraph (src/http/export.ts).
 */

const SubgraphNodeRef = builder.objectRef<SubgraphNode>('SubgraphNode').implement({
  description: 'An author of a subgraph and the measures of the author within that subgraph alone.',
  fields: (t) => ({
    id: t.id({ description: 'The global id of the author (what links name).', resolve: (node) => encodeGlobalID('Author', node.authorId) }),
    author: t.field({
      description: 'The author; null if removed since.',
      type: AuthorRef,
      nullable: true,
      resolve: (node, _args, { loaders }) => carriedNode(node.authorId, node.author, loaders.author),
    }),
    paperCount: t.exposeInt('paperCount', { description: "The author's papers within the years asked (bylines of any length)." }),
    community: t.exposeInt('community', {
      description: 'Community in this subgraph (Leiden, weighted by shared papers, seed 42): 0 is the largest, then by size.',
    }),
    pageRank: t.exposeFloat('pageRank', {
      description:
        "PageRank weighted by shared papers, on Graph Data Science's scale (damping 0.85): not normalized, so scores sum " +
        'to about the number of linked authors and an author with no link has 0.15. Divide by their sum for a distribution.',
    }),
    betweenness: t.exposeFloat('betweenness', {
      description:
        'Betweenness centrality, exact and unweighted: over pairs of other authors, the share of their shortest paths ' +
        "through this one, summed; each unordered pair counted once (networkx's undirected convention), not normalized.",
    }),
    coreNumber: t.exposeInt('coreNumber', { description: 'The largest k for which the author is in the k-core (0 without links).' }),
    clustering: t.exposeFloat('clustering', {
      description: "Local clustering coefficient: the share of pairs of the author's coauthors who are linked too (0 under two coauthors).",
    }),
  }),
});

const SubgraphLinkRef = builder.objectRef<SubgraphLink>('SubgraphLink').implement({
  description: 'A coauthor link of a subgraph (undirected).',
  fields: (t) => ({
    source: t.id({ description: 'Global id of one author (the lower id).', resolve: (link) => encodeGlobalID('Author', link.source) }),
    target: t.id({ description: 'Global id of the other author.', resolve: (link) => encodeGlobalID('Author', link.target) }),
    weight: t.exposeInt('weight', { description: 'Papers the two share within the years asked.' }),
  }),
});

const SubgraphAnalyticsRef = builder.objectRef<SubgraphAnalytics>('SubgraphAnalytics').implement({
  description: 'A subgraph of authors and their coauthor links, with communities and centralities computed for it on demand.',
  fields: (t) => ({
    authorCount: t.exposeInt('authorCount', { description: 'Authors in the subgraph.' }),
    linkCount: t.exposeInt('linkCount', { description: 'Links among them.' }),
    truncated: t.exposeBoolean('truncated', {
      description: `True when authors were left out to stay within ${MAX_SUBGRAPH_AUTHORS} authors and ${MAX_SUBGRAPH_LINKS} links (those with the fewest papers in the years went first).`,
    }),
    communityCount: t.exposeInt('communityCount', { description: 'Communities found, single authors included.' }),
    modularity: t.exposeFloat('modularity', {
      description: 'Modularity of the communities, weighted by shared papers (resolution 1); null without links.',
      nullable: true,
    }),
    nodes: t.field({
      description: 'The authors with their measures; most papers first (an ego network: the centre, then each depth).',
      type: [SubgraphNodeRef],
      resolve: (subgraph) => subgraph.nodes,
    }),
    links: t.field({ description: 'The links, most shared papers first.', type: [SubgraphLinkRef], resolve: (subgraph) => subgraph.links }),
  }),
});

/**
 * What a `subgraphAnalytics` costs before its selection: every author and link it may read and
 * measure, whatever the query selects of them, as Graph Data Science measures them all. Under the
 * default QUERY_MAX_COST (25,000), one per query, so that aliases cannot repeat it.
 */
export const SUBGRAPH_ANALYTICS_COST = MAX_SUBGRAPH_AUTHORS + MAX_SUBGRAPH_LINKS;

builder.queryField('subgraphAnalytics', (t) =>
  t.field({
    type: SubgraphAnalyticsRef,
    complexity: SUBGRAPH_ANALYTICS_COST,
    description:
      'Communities (Leiden), PageRank, betweenness, k-core and clustering of a subgraph, computed on demand by Graph Data ' +
      'Science. Give exactly one of `authors`, `egoOf`, `organization`, `topic`, `community`. Links join authors who share ' +
      `at least \`minSharedPapers\` papers in the years; papers with more authors than the server's MAX_AUTHORS_PER_PAPER (default ${MAX_AUTHORS_PER_PAPER}) make none. ` +
      `At most ${MAX_SUBGRAPH_AUTHORS} authors and ${MAX_SUBGRAPH_LINKS} links (see \`truncated\`). Costly: one per query.`,
    args: {
      authors: t.arg.globalIDList({ description: `These authors (global ids), 1 to ${MAX_SUBGRAPH_AUTHORS}; unknown ones are left out.`, for: AuthorRef }),
      egoOf: t.arg.globalID({ description: "This author's coauthor network (global id of the author).", for: AuthorRef }),
      depth: t.arg.int({ description: `With \`egoOf\`: hops from the author, 1 to ${MAX_EGO_DEPTH} (default 1).` }),
      organization: t.arg.globalID({
        description: 'Authors affiliated with this organization (global id); with years, those with a paper under it in them.',
        for: OrganizationRef,
      }),
      topic: t.arg.globalID({ description: 'Authors of papers on this topic (global id) within the years.', for: TopicRef }),
      community: t.arg.globalID({ description: 'The members of this Community of the whole-graph analytics (global id of a Community).' }),
      yearFrom: t.arg.int({ description: 'Count only papers from this year on (four digits), for links and for choosing authors.' }),
      yearTo: t.arg.int({ description: 'Count only papers up to this year (four digits), for links and for choosing authors.' }),
      minSharedPapers: t.arg.int({ description: 'Link two authors from this many shared papers on (default 1).' }),
    },
    resolve: (_root, args, { repositories }) => {
      if (args.community && args.community.typename !== 'Community') {
        throw new BadInputError('`community` must be the global id of a Community.', { argument: SELECTOR_ARGUMENTS.communityId });
      }
      return repositories.subgraph.analyze({
        authorIds: args.authors?.map((author) => author.id) ?? null,
        egoOf: args.egoOf?.id ?? null,
        depth: args.depth ?? null,
        organizationId: args.organization?.id ?? null,
        topicId: args.topic?.id ?? null,
        communityId: args.community?.id ?? null,
        yearFrom: args.yearFrom ?? null,
        yearTo: args.yearTo ?? null,
        minSharedPapers: args.minSharedPapers ?? null,
      });
    },
  }),
);
