import { DEFAULT_MAX_AUTHORS_PER_PAPER } from '../domain/bylines.js';
import { counted } from '../domain/related.js';
import { intInRange, yearArgument } from '../errors/arguments.js';
import { BadInputError } from '../errors/coded.js';
import { COLLABORATOR_CAPS, type CollaboratorSuggestionRow, type CollaboratorSuggestionsRow } from '../repositories/suggestions.js';
import { builder } from './builder.js';
import { suggestionsCost } from './cost.js';
import { AuthorRef, MAX_AUTHORS_PER_PAPER_DESCRIPTION, OrganizationRef, TopicRef, skippedPapersDescription } from './refs.js';

const MAX_SUGGESTIONS = 50;

/** Keyword topics are the words authors gave their papers; the other schemes are curated topics. */
const isKeyword = (topic: { scheme: string }) => topic.scheme === 'keyword';

interface CollaboratorSuggestion extends CollaboratorSuggestionRow {
  /** The author the suggestion is for: the start of its path. */
  for: CollaboratorSuggestionRow['author'];
}

type CollaboratorSuggestions = Omit<CollaboratorSuggestionsRow, 'suggestions'> & {
  suggestions: CollaboratorSuggestion[];
  maxAuthorsPerPaper: number;
};

const list = (names: string[], most = 3) =>
  names.length <= most ? names.join(', ') : `${names.slice(0, most).join(', ')} and ${names.length - most} more`;

/** One line a person reads on hover: the same facts as the structured reasons, in their order. */
export function reasonSummary(suggestion: CollaboratorSuggestionRow): string {
  const parts: string[] = [];
  const count = suggestion.commonCoauthorCount;
  if (count > 0) parts.push(`${counted(count, 'coauthor')} in common (${list(suggestion.commonCoauthors.map((a) => a.name))})`);
  const topics = suggestion.sharedTopics.filter((t) => !isKeyword(t));
  const keywords = suggestion.sharedTopics.filter(isKeyword);
  if (topics.length > 0) parts.push(`topics in common: ${list(topics.map((t) => t.name))}`);
  if (keywords.length > 0) parts.push(`keywords in common: ${list(keywords.map((t) => t.name))}`);
  if (suggestion.sharedOrganizations.length > 0) parts.push(`at ${list(suggestion.sharedOrganizations.map((o) => o.name))}`);
  if (suggestion.recentPapers > 0) parts.push(counted(suggestion.recentPapers, 'recent paper'));
  return parts.join('; ');
}

const ReasonsRef = builder.objectRef<CollaboratorSuggestion>('CollaboratorReasons').implement({
  description: 'Why a person is suggested: the evidence its score was computed from, each item checkable in the graph.',
  fields: (t) => ({
    commonCoauthors: t.field({
      type: [AuthorRef],
      description: 'Coauthors of both (within the years), strongest ties first, at most 5.',
      resolve: (s) => s.commonCoauthors,
    }),
    commonCoauthorCount: t.exposeInt('commonCoauthorCount', { description: 'How many coauthors the two have in common.' }),
    sharedTopics: t.field({
      type: [TopicRef],
      description: 'Topics (not keywords) both wrote papers on, rarest first.',
      resolve: (s) => s.sharedTopics.filter((topic) => !isKeyword(topic)),
    }),
    sharedKeywords: t.stringList({
      description: 'Keywords both gave papers, rarest first.',
      resolve: (s) => s.sharedTopics.filter(isKeyword).map((topic) => topic.name),
    }),
    sharedOrganizations: t.field({
      type: [OrganizationRef],
      description: 'Organizations both were affiliated with, smallest first.',
      resolve: (s) => s.sharedOrganizations,
    }),
    pathLength: t.int({
      nullable: true,
      description: 'Coauthor hops between the two: 2 through a common coauthor; null when they are further apart (suggested for an organization in common).',
      resolve: (s) => (s.commonCoauthorCount > 0 ? 2 : null),
    }),
    recentPapers: t.exposeInt('recentPapers', { description: "The suggested person's papers in the two years up to `yearTo`: recent activity." }),
    summary: t.string({ description: 'The reasons in one line, for people (a tooltip).', resolve: reasonSummary }),
  }),
});

const SuggestionRef = builder.objectRef<CollaboratorSuggestion>('CollaboratorSuggestion').implement({
  description: 'A person the author has not written with, and why they might.',
  fields: (t) => ({
    author: t.field({ type: AuthorRef, description: 'The person suggested.', resolve: (s) => s.author }),
    score: t.exposeFloat('score', { description: 'From 0 to 1, higher is stronger; comparable within one answer, not across authors.' }),
    path: t.field({
      type: [AuthorRef],
      description: 'From the author to the person suggested: through the strongest common coauthor when there is one, else the two.',
      resolve: (s) => [s.for, ...s.commonCoauthors.slice(0, 1), s.author],
    }),
    reasons: t.field({ type: ReasonsRef, description: 'The evidence of the score.', resolve: (s) => s }),
  }),
});

const SuggestionsRef = builder.objectRef<CollaboratorSuggestions>('CollaboratorSuggestions').implement({
  description: 'Suggested collaborators, strongest first, and how the search was bounded.',
  fields: (t) => ({
    suggestions: t.field({ type: [SuggestionRef], description: 'Strongest first (then by id).', resolve: (s) => s.suggestions }),
    candidatesTruncated: t.exposeBoolean('candidatesTruncated', {
      description: `True when the search stopped at its caps (the ${COLLABORATOR_CAPS.maxCoauthors} strongest coauthors walked, ${COLLABORATOR_CAPS.pool} candidates scored, or 5 per suggestion asked): weaker candidates were not considered.`,
    }),
    maxAuthorsPerPaper: t.exposeInt('maxAuthorsPerPaper', { description: MAX_AUTHORS_PER_PAPER_DESCRIPTION }),
    skippedPapers: t.exposeInt('skippedPapers', { description: skippedPapersDescription('of the author (up to `yearTo`)') }),
  }),
});

builder.objectField(AuthorRef, 'suggestedCollaborators', (t) =>
  t.field({
    type: SuggestionsRef,
    complexity: suggestionsCost,
    description:
      'People this author has not written with, ranked by coauthors in common (recent ties weigh more), topics, keywords and ' +
      'organizations in common, each with its reasons. Papers with more authors than the server\'s MAX_AUTHORS_PER_PAPER ' +
      `(${DEFAULT_MAX_AUTHORS_PER_PAPER} by default) make no links.`,
    args: {
      first: t.arg.int({ defaultValue: 10, description: `1 to ${MAX_SUGGESTIONS}.` }),
      yearTo: t.arg.int({ description: 'Count only papers up to this year (default: this year): what was known then.' }),
      minScore: t.arg.float({ defaultValue: 0, description: 'Leave out suggestions scored below this (0 to 1).' }),
    },
    resolve: async (author, args, { repositories }): Promise<CollaboratorSuggestions> => {
      const minScore = args.minScore ?? 0;
      if (!(minScore >= 0 && minScore <= 1)) throw new BadInputError('`minScore` must be between 0 and 1.', { argument: 'minScore' });
      const request = {
        first: intInRange('first', args.first ?? 10, 1, MAX_SUGGESTIONS),
        yearTo: yearArgument('yearTo', args.yearTo) ?? new Date().getUTCFullYear(),
        minScore,
      };
      const found = await repositories.suggestions.collaborators(author.id, request);
      return {
        suggestions: (found?.suggestions ?? []).map((row) => ({ ...row, for: author })),
        skippedPapers: found?.skippedPapers ?? 0,
        candidatesTruncated: found?.candidatesTruncated ?? false,
        maxAuthorsPerPaper: repositories.settings.maxAuthorsPerPaper,
      };
    },
  }),
);
