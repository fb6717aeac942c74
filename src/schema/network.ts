import { encodeGlobalID } from '@pothos/plugin-relay';
import { DEFAULT_MAX_AUTHORS_PER_PAPER } from '../domain/bylines.js';
import type { AuthorRow } from '../repositories/authors.js';
import type { CoauthorLinkRow, EgoNetworkRow, EgoNodeRow, PathHopRow } from '../repositories/network.js';
import { builder } from './builder.js';
import { egoNetworkCost } from './cost.js';
import { carriedNode } from './carried.js';
import { intInRange } from '../errors/arguments.js';
import { AuthorRef, MAX_AUTHORS_PER_PAPER_DESCRIPTION, PaperRef, skippedPapersDescription, type SkippedBylines } from './refs.js';

const MAX_HOPS = 6;
const EGO_LIMITS = { depth: 3, maxNodes: 500, maxEdges: 5_000 };

interface CollaborationPath extends SkippedBylines {
  authors: AuthorRow[];
  hops: PathHopRow[];
}

type EgoNetwork = EgoNetworkRow & { maxAuthorsPerPaper: number };

const HopRef = builder.objectRef<PathHopRow>('CollaborationHop').implement({
  description: 'Two consecutive authors of a path and the papers they wrote together.',
  fields: (t) => ({
    from: t.field({ description: 'The author nearer the start of the path.', type: AuthorRef, nullable: true, resolve: (hop) => hop.from }),
    to: t.field({ description: 'The next author along the path.', type: AuthorRef, nullable: true, resolve: (hop) => hop.to }),
    paperCount: t.exposeInt('paperCount', { description: 'The papers the two share that make coauthor links (at most `maxAuthorsPerPaper` authors each).' }),
    papers: t.field({
      type: [PaperRef],
      description: 'Those papers, newest first (at most 20).',
      resolve: (hop) => hop.papers,
    }),
  }),
});

const PathRef = builder.objectRef<CollaborationPath>('CollaborationPath').implement({
  description: 'A shortest chain of coauthorships between two authors.',
  fields: (t) => ({
    length: t.int({ description: 'Number of hops (0 when both ends are the same author).', resolve: (path) => path.hops.length }),
    authors: t.field({
      type: [AuthorRef],
      description: 'The authors along the path, from the first to the last.',
      resolve: (path) => path.authors,
    }),
    hops: t.field({ description: 'The links between consecutive authors, from the first to the last.', type: [HopRef], resolve: (path) => path.hops }),
    skippedPapers: t.int({
      description: `${skippedPapersDescription('of the authors on this path')} The search did not walk through any such paper, so a shorter chain through one may exist.`,
      resolve: (path) => (typeof path.skippedPapers === 'function' ? path.skippedPapers() : path.skippedPapers),
    }),
    maxAuthorsPerPaper: t.exposeInt('maxAuthorsPerPaper', { description: MAX_AUTHORS_PER_PAPER_DESCRIPTION }),
  }),
});

builder.queryField('collaborationPath', (t) =>
  t.field({
    type: PathRef,
    nullable: true,
    description:
      `A shortest coauthor path between two authors; null when there is none within maxHops (at most ${MAX_HOPS}). ` +
      `Papers with more authors than the server's MAX_AUTHORS_PER_PAPER (${DEFAULT_MAX_AUTHORS_PER_PAPER} by default) make no coauthor links, so no path goes through one.`,
    args: {
      from: t.arg.globalID({ description: 'Global id of the author the path starts from.', for: AuthorRef, required: true }),
      to: t.arg.globalID({ description: 'Global id of the author the path ends at.', for: AuthorRef, required: true }),
      maxHops: t.arg.int({ description: 'The longest path to look for, 1 to 6 hops (default 6).', defaultValue: MAX_HOPS }),
    },
    resolve: async (_root, { from, to, maxHops }, { loaders, repositories }) => {
      const hops = intInRange('maxHops', maxHops ?? MAX_HOPS, 1, MAX_HOPS);
      const { maxAuthorsPerPaper } = repositories.settings;
      if (from.id === to.id) {
        const author = await loaders.author.load(from.id);
        // A path of one author: what it skips is that author's own (read only when selected).
        const skippedPapers = async () => (await loaders.authorLargeBylines.load(from.id))?.skippedPapers ?? 0;
        return author ? { authors: [author], hops: [], skippedPapers, maxAuthorsPerPaper } : null;
      }
      // The hops carry their authors and papers (read with them), so nothing is loaded again.
      const rows = await repositories.network.collaborationPath(from.id, to.id, hops);
      if (rows.length === 0) return null;
      return { authors: [rows[0]!.from, ...rows.map((row) => row.to)], hops: rows, skippedPapers: rows[0]!.skippedPapers, maxAuthorsPerPaper };
    },
  }),
);

const EgoNodeRef = builder.objectRef<EgoNodeRow>('EgoNode').implement({
  description: 'An author of an ego network and how far from the centre.',
  fields: (t) => ({
    id: t.id({ description: 'The global id of the author.', resolve: (node) => encodeGlobalID('Author', node.authorId) }),
    depth: t.exposeInt('depth', { description: 'Hops from the centre (0 is the centre).' }),
    author: t.field({ description: 'The author; null if removed since.', type: AuthorRef, nullable: true, resolve: (node, _args, { loaders }) => carriedNode(node.authorId, node.author, loaders.author) }),
  }),
});

const EgoEdgeRef = builder.objectRef<CoauthorLinkRow>('EgoEdge').implement({
  description: 'A coauthor link: global ids of its two authors and its weight.',
  fields: (t) => ({
    source: t.id({ description: 'Global id of one author (links are undirected).', resolve: (edge) => encodeGlobalID('Author', edge.source) }),
    target: t.id({ description: 'Global id of the other author.', resolve: (edge) => encodeGlobalID('Author', edge.target) }),
    sharedPaperCount: t.exposeInt('sharedPaperCount', { description: 'Papers the two wrote together (within the years asked).' }),
    firstYear: t.exposeInt('firstYear', { description: 'Year of their first shared paper (within the years asked).', nullable: true }),
    lastYear: t.exposeInt('lastYear', { description: 'Year of their last shared paper (within the years asked).', nullable: true }),
  }),
});

const EgoNetworkRef = builder.objectRef<EgoNetwork>('EgoNetwork').implement({
  description: 'Nodes and weighted edges around an author, for a graph-drawing client.',
  fields: (t) => ({
    nodes: t.field({ description: 'The centre (depth 0), then the authors of each depth, strongest link first.', type: [EgoNodeRef], resolve: (network) => network.nodes }),
    edges: t.field({ description: 'Links among the nodes, strongest first (at most 5000).', type: [EgoEdgeRef], resolve: (network) => network.edges }),
    nodesTruncated: t.exposeBoolean('nodesTruncated', { description: 'True when authors were left out to respect maxNodes.' }),
    edgesTruncated: t.exposeBoolean('edgesTruncated', { description: `True when links were left out (at most ${EGO_LIMITS.maxEdges}).` }),
    skippedPapers: t.exposeInt('skippedPapers', { description: skippedPapersDescription('of the authors in this network (within the years asked)') }),
    maxAuthorsPerPaper: t.exposeInt('maxAuthorsPerPaper', { description: MAX_AUTHORS_PER_PAPER_DESCRIPTION }),
  }),
});

builder.objectField(AuthorRef, 'egoNetwork', (t) =>
  t.field({
    type: EgoNetworkRef,
    complexity: egoNetworkCost,
    description:
      'Coauthors out to `depth` hops and the links among them; strongest links are kept first when capped. Papers with more ' +
      `authors than the server's MAX_AUTHORS_PER_PAPER (${DEFAULT_MAX_AUTHORS_PER_PAPER} by default) make no links (\`skippedPapers\` counts them).`,
    args: {
      depth: t.arg.int({ defaultValue: 1, description: `1 to ${EGO_LIMITS.depth}.` }),
      maxNodes: t.arg.int({ defaultValue: 100, description: `1 to ${EGO_LIMITS.maxNodes}, the centre included.` }),
      minSharedPapers: t.arg.int({ defaultValue: 1, description: 'Links with fewer shared papers are ignored.' }),
      yearFrom: t.arg.int({ description: 'Count only papers from this year on.' }),
      yearTo: t.arg.int({ description: 'Count only papers up to this year.' }),
    },
    resolve: async (author, args, { repositories }): Promise<EgoNetwork> => {
      const request = {
        depth: intInRange('depth', args.depth ?? 1, 1, EGO_LIMITS.depth),
        maxNodes: intInRange('maxNodes', args.maxNodes ?? 100, 1, EGO_LIMITS.maxNodes),
        maxEdges: EGO_LIMITS.maxEdges,
        minSharedPapers: intInRange('minSharedPapers', args.minSharedPapers ?? 1, 1, 1_000_000),
        yearFrom: args.yearFrom ?? null,
        yearTo: args.yearTo ?? null,
      };
      const { maxAuthorsPerPaper } = repositories.settings;
      // An author removed since it was read has no network left: an empty one, not an error.
      const network = (await repositories.network.egoNetwork(author.id, request)) ?? { nodes: [], edges: [], nodesTruncated: false, edgesTruncated: false, skippedPapers: 0 };
      return { ...network, maxAuthorsPerPaper };
    },
  }),
);
