import { encodeGlobalID } from '@pothos/plugin-relay';
import { DEFAULT_MAX_PAPERS_PER_HUB, MAX_AUTHOR_TOPICS, MAX_RELATED_NEIGHBOURS, MAX_REASON_ITEMS, RELATED_WEIGHTS, SCORE_HALF_WEIGHT, nameList, relatedSummary, scoreOfWeight } from '../domain/related.js';
import { intInRange } from '../errors/arguments.js';
import { BadInputError } from '../errors/coded.js';
import type { BridgeRow, BridgeSideRow, BridgesRow, RelatedPaperRow, RelatedPapersRow } from '../repositories/related.js';
import { builder } from './builder.js';
import { relatedCost } from './cost.js';
import { AuthorRef, MAX_AUTHORS_PER_PAPER_DESCRIPTION, PaperRef, TopicRef } from './refs.js';

/**
 * Related papers (`Paper.related`, `Author.suggestedPapers`) and the people who bridge authors'
 * neighbourhoods (`suggestedBridges`): each answer carries its reasons as data, every one of
 * which names something in the graph (an author of both papers, a coauthor, a topic both carry),
 * and a one-line summary of them. Ranked in Cypher, ties by id: the same on every replica.
 */

const MAX_SUGGESTIONS = 50;
const DEFAULT_SUGGESTIONS = 10;
/** suggestedBridges takes 2 to this many authors, one side each. */
export const MAX_BRIDGE_SIDES = 5;

type PaperSuggestions = RelatedPapersRow & { maxAuthorsPerPaper: number };
type Bridges = BridgesRow & { maxAuthorsPerPaper: number };

const FIRST_DESCRIPTION = `How many, 1 to ${MAX_SUGGESTIONS} (default ${DEFAULT_SUGGESTIONS}).`;
const firstArgument = (first: number | null | undefined) => intInRange('first', first ?? DEFAULT_SUGGESTIONS, 1, MAX_SUGGESTIONS);

const weightsInWords =
  `${RELATED_WEIGHTS.author} for each author in common (or each coauthor who wrote it, for an author), ${RELATED_WEIGHTS.citation} when one cites the other, ` +
  `${RELATED_WEIGHTS.keyword} per keyword and per reference or citer in common, ${RELATED_WEIGHTS.topic} per other topic`;

const ReasonsRef = builder.objectRef<RelatedPaperRow>('PaperSuggestionReasons').implement({
  description:
    'What a suggested paper has in common with the paper (Paper.related) or the author (Author.suggestedPapers) it was suggested for; ' +
    'each item names something in the graph. Lists that are capped have a count beside them.',
  fields: (t) => ({
    sharedAuthors: t.field({
      type: [AuthorRef],
      description: `Paper.related: authors who wrote both papers, in the byline order of the asked paper (at most ${MAX_REASON_ITEMS}); empty for Author.suggestedPapers.`,
      resolve: (row) => row.sharedAuthors ?? [],
    }),
    sharedAuthorCount: t.int({ description: 'How many authors wrote both papers.', resolve: (row) => row.sharedAuthorCount ?? 0 }),
    viaCoauthors: t.field({
      type: [AuthorRef],
      description: `Author.suggestedPapers: coauthors of the author who wrote the paper, most papers with the author first (at most ${MAX_REASON_ITEMS}); empty for Paper.related.`,
      resolve: (row) => row.viaCoauthors ?? [],
    }),
    viaCoauthorCount: t.int({ description: "How many of the author's coauthors wrote the paper.", resolve: (row) => row.viaCoauthorCount ?? 0 }),
    sharedTopics: t.field({
      type: [TopicRef],
      description: 'Topics (other than keywords) both carry, rarest first (then by name): for an author, among the topics of their papers.',
      resolve: (row) => row.sharedTopics,
    }),
    sharedKeywords: t.stringList({ description: 'Keywords (topics of scheme `keyword`) both carry, rarest first (then by name).', resolve: (row) => row.sharedKeywords }),
    cites: t.boolean({ description: 'Paper.related: the asked paper cites this one.', resolve: (row) => row.cites ?? false }),
    citedBy: t.boolean({ description: 'Paper.related: this paper cites the asked one.', resolve: (row) => row.citedBy ?? false }),
    referencesInCommon: t.int({ description: 'Paper.related: papers both cite.', resolve: (row) => row.referencesInCommon ?? 0 }),
    citersInCommon: t.int({ description: 'Paper.related: papers that cite both.', resolve: (row) => row.citersInCommon ?? 0 }),
    weight: t.exposeFloat('weight', { description: `The summed weight of these reasons: ${weightsInWords}.` }),
    summary: t.string({
      description: 'The reasons in one line for people, strongest first: "2 authors in common (A and B); 1 keyword in common (graph neural networks)".',
      resolve: (row) =>
        relatedSummary({
          sharedAuthors: { names: (row.sharedAuthors ?? []).map((author) => author.name), count: row.sharedAuthorCount ?? 0 },
          viaCoauthors: { names: (row.viaCoauthors ?? []).map((author) => author.name), count: row.viaCoauthorCount ?? 0 },
          sharedTopics: row.sharedTopics.map((topic) => topic.name),
          sharedKeywords: row.sharedKeywords,
          cites: row.cites ?? false,
          citedBy: row.citedBy ?? false,
          referencesInCommon: row.referencesInCommon ?? 0,
          citersInCommon: row.citersInCommon ?? 0,
        }),
    }),
  }),
});

const PaperSuggestionRef = builder.objectRef<RelatedPaperRow>('PaperSuggestion').implement({
  description: 'A suggested paper, how strongly, and why.',
  fields: (t) => ({
    paper: t.field({ type: PaperRef, description: 'The suggested paper.', resolve: (row) => row.paper }),
    score: t.float({
      description: `0 to 1, higher is stronger: the reasons' weight w as w / (w + ${SCORE_HALF_WEIGHT}), so one author in common is 0.5.`,
      resolve: (row) => scoreOfWeight(row.weight),
    }),
    reasons: t.field({ type: ReasonsRef, description: 'What it has in common, as data.', resolve: (row) => row }),
  }),
});

const PaperSuggestionsRef = builder.objectRef<PaperSuggestions>('PaperSuggestions').implement({
  description: 'Suggested papers, strongest first (ties by id), and what the search left out.',
  fields: (t) => ({
    suggestions: t.field({ type: [PaperSuggestionRef], description: 'Strongest first, then by id.', resolve: (answer) => answer.suggestions }),
    candidatesTruncated: t.exposeBoolean('candidatesTruncated', {
      description: `True when some of the author's coauthors (past ${MAX_RELATED_NEIGHBOURS}, strongest kept) or topics (past ${MAX_AUTHOR_TOPICS}, most papers kept) were not walked.`,
    }),
    skippedPapers: t.exposeInt('skippedPapers', {
      description: 'Papers whose byline is longer than `maxAuthorsPerPaper`, so that their authors relate nothing: the asked paper itself (1 or 0), or the author\'s.',
    }),
    maxAuthorsPerPaper: t.exposeInt('maxAuthorsPerPaper', { description: MAX_AUTHORS_PER_PAPER_DESCRIPTION }),
    skippedHubs: t.exposeInt('skippedHubs', {
      description: 'Topics and keywords (and, for a paper, papers it cites or that cite it) linked to more than `maxPapersPerHub` papers, which relate none.',
    }),
    maxPapersPerHub: t.int({
      description: 'A topic, keyword or paper carried by, citing or cited by more papers than this relates none of them: too broad to say anything, and too costly to walk.',
      resolve: () => DEFAULT_MAX_PAPERS_PER_HUB,
    }),
  }),
});

builder.objectField(PaperRef, 'related', (t) =>
  t.field({
    type: PaperSuggestionsRef,
    complexity: relatedCost,
    description:
      `Papers nearest this one, never itself: by its authors, keywords and topics, citations either way, and references and citers in common; ` +
      `ranked by the weight of what they share (${weightsInWords}), then by id. Papers with more authors than \`maxAuthorsPerPaper\` make no author links; ` +
      'topics, keywords and papers linked to more than `maxPapersPerHub` papers make none.',
    args: { first: t.arg.int({ description: FIRST_DESCRIPTION, defaultValue: DEFAULT_SUGGESTIONS }) },
    resolve: async (paper, { first }, { loaders, repositories }): Promise<PaperSuggestions> => ({
      ...(await loaders.paperRelated.load({ parentId: paper.id, first: firstArgument(first) })),
      maxAuthorsPerPaper: repositories.settings.maxAuthorsPerPaper,
    }),
  }),
);

builder.objectField(AuthorRef, 'suggestedPapers', (t) =>
  t.field({
    type: PaperSuggestionsRef,
    complexity: relatedCost,
    description:
      `Papers this author did not write, by their coauthors (the ${MAX_RELATED_NEIGHBOURS} strongest) and on their topics and keywords (the ${MAX_AUTHOR_TOPICS} on most of their papers); ` +
      `ranked by the weight of what they share (${weightsInWords}), then by id. Papers with more authors than \`maxAuthorsPerPaper\` make no coauthor links; ` +
      'topics and keywords on more than `maxPapersPerHub` papers make none.',
    args: { first: t.arg.int({ description: FIRST_DESCRIPTION, defaultValue: DEFAULT_SUGGESTIONS }) },
    resolve: async (author, { first }, { loaders, repositories }): Promise<PaperSuggestions> => ({
      ...(await loaders.authorSuggestedPapers.load({ parentId: author.id, first: firstArgument(first) })),
      maxAuthorsPerPaper: repositories.settings.maxAuthorsPerPaper,
    }),
  }),
);

const BridgeSideRef = builder.objectRef<BridgeSideRow>('BridgeSide').implement({
  description: 'How a bridge reaches one of the authors asked about: directly, or through their coauthors.',
  fields: (t) => ({
    author: t.field({ type: AuthorRef, description: 'The author of this side (one of `between`).', resolve: (side) => side.author }),
    direct: t.exposeBoolean('direct', { description: 'The bridge wrote a paper with this author.' }),
    through: t.field({
      type: [AuthorRef],
      description: `Coauthors of this author who wrote a paper with the bridge, most papers with the bridge first, then by id (at most ${MAX_REASON_ITEMS}).`,
      resolve: (side) => side.through,
    }),
    throughCount: t.exposeInt('throughCount', { description: 'How many coauthors of this author wrote a paper with the bridge.' }),
    pathCount: t.exposeInt('pathCount', { description: 'Short paths from this author to the bridge: 1 if direct, plus one through each of `through`.' }),
  }),
});

const bridgeSummary = (bridge: BridgeRow) =>
  bridge.sides
    .map((side) => {
      const ways = [side.direct ? 'coauthor' : null, side.throughCount > 0 ? `through ${nameList(side.through.map((a) => a.name), side.throughCount)}` : null];
      return `${side.author.name} (${ways.filter(Boolean).join('; ')})`;
    })
    .join(' and ') + `: ${bridge.pathCount} short path${bridge.pathCount === 1 ? '' : 's'}`;

const BridgeSuggestionRef = builder.objectRef<BridgeRow>('BridgeSuggestion').implement({
  description: 'A person who links the coauthor neighbourhoods of two or more of the authors asked about, and how.',
  fields: (t) => ({
    author: t.field({ type: AuthorRef, description: 'The bridge.', resolve: (bridge) => bridge.author }),
    pathCount: t.exposeInt('pathCount', {
      description: "Coauthor paths of at most 4 hops between two of the asked authors that go through the bridge: for each pair of sides it reaches, the product of the sides' `pathCount`, summed.",
    }),
    sideCount: t.int({ description: 'How many of the asked authors it reaches (2 or more).', resolve: (bridge) => bridge.sides.length }),
    sides: t.field({ type: [BridgeSideRef], description: 'The sides it reaches, in the order of `between`.', resolve: (bridge) => bridge.sides }),
    summary: t.string({ description: 'The sides in one line for people: "A (coauthor) and B (through C and D): 2 short paths".', resolve: bridgeSummary }),
  }),
});

const BridgeSuggestionsRef = builder.objectRef<Bridges>('BridgeSuggestions').implement({
  description: 'The people who link the asked authors, most sides first, then most paths, then by id.',
  fields: (t) => ({
    suggestions: t.field({ type: [BridgeSuggestionRef], description: 'Most sides reached first, then most paths, then by id.', resolve: (answer) => answer.suggestions }),
    neighboursTruncated: t.exposeBoolean('neighboursTruncated', {
      description: `True when an asked author has more coauthors than \`maxNeighbours\`: only the strongest were walked.`,
    }),
    maxNeighbours: t.int({ description: 'The coauthors walked per asked author, strongest (most shared papers) first.', resolve: () => MAX_RELATED_NEIGHBOURS }),
    skippedPapers: t.exposeInt('skippedPapers', { description: "The asked authors' papers whose byline is longer than `maxAuthorsPerPaper`: they link no one." }),
    maxAuthorsPerPaper: t.exposeInt('maxAuthorsPerPaper', { description: MAX_AUTHORS_PER_PAPER_DESCRIPTION }),
  }),
});

builder.queryField('suggestedBridges', (t) =>
  t.field({
    type: BridgeSuggestionsRef,
    complexity: relatedCost,
    description:
      `The people who link the coauthor neighbourhoods of 2 to ${MAX_BRIDGE_SIDES} authors (one side each: the author and their coauthors): anyone else who wrote a paper ` +
      'with someone on two or more sides, ranked by the sides reached, then by the short coauthor paths between the asked authors through them, then by id. ' +
      'An unknown, repeated or missing author is a BAD_USER_INPUT error naming `between`.',
    args: {
      between: t.arg.globalIDList({ description: `Global ids of 2 to ${MAX_BRIDGE_SIDES} distinct authors.`, for: AuthorRef, required: true }),
      first: t.arg.int({ description: FIRST_DESCRIPTION, defaultValue: DEFAULT_SUGGESTIONS }),
    },
    resolve: async (_root, { between, first }, { loaders, repositories }): Promise<Bridges> => {
      const ids = between.map((author) => author.id);
      const size = firstArgument(first);
      if (ids.length < 2 || ids.length > MAX_BRIDGE_SIDES) {
        throw new BadInputError(`\`between\` takes 2 to ${MAX_BRIDGE_SIDES} authors; it has ${ids.length}.`, { argument: 'between' });
      }
      if (new Set(ids).size < ids.length) throw new BadInputError('`between` names an author twice.', { argument: 'between' });
      const found = await loaders.author.loadMany(ids);
      const unknown = ids.filter((_id, index) => !found[index] || found[index] instanceof Error);
      if (unknown.length > 0) {
        throw new BadInputError(`\`between\` names ${unknown.length === 1 ? 'an author' : 'authors'} not in the graph.`, {
          argument: 'between',
          unknownIds: unknown.map((id) => encodeGlobalID('Author', id)),
        });
      }
      return { ...(await repositories.related.bridges(ids, size)), maxAuthorsPerPaper: repositories.settings.maxAuthorsPerPaper };
    },
  }),
);
