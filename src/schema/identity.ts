import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { DEFAULT_MAX_AUTHORS_PER_PAPER } from '../domain/bylines.js';
import { normalizeKey } from '../domain/normalize.js';
import { intInRange } from '../errors/arguments.js';
import { BadInputError } from '../errors/coded.js';
import {
  SHARED_COAUTHORS_LISTED,
  SUGGESTION_NAMES_SCANNED,
  type IdentityDecisionRow,
  type IdentitySuggestionReason,
  type IdentitySuggestionRow,
} from '../repositories/identity.js';
import { pageArgs } from './args.js';
import { builder } from './builder.js';
import { listCost, pageCost } from './cost.js';
import { pageWindow, rowConnection, type PageArgs } from './pagination.js';
import { present } from './paper.js';
import { AuthorRef } from './refs.js';

/**
 * Curation of author identity: pairs of authors that may be one person, for an operator to
 * accept (merged, as mergeAuthors merges) or reject (recorded as two people). Each decision is
 * an IdentityDecision node; a decided pair is never suggested again.
 */

const REASONS: Record<IdentitySuggestionReason, { description: string }> = {
  NAME_NODE_AND_PERSON: {
    description:
      "A name's own node (an author with no external id, holding name-only byline entries) and an identified author " +
      '(OpenAlex id, ORCID or OpenReview id) of the same name. Accepting gives the identified author those entries.',
  },
  SAME_NAME_SHARED_COAUTHORS: {
    description:
      'Two identified authors of the same name with a coauthor in common, whose ORCID iDs and OpenReview ids do not ' +
      'differ (two ids of one person, such as an OpenAlex id and an OpenReview id).',
  },
};
const IdentitySuggestionReasonRef = builder.enumType('IdentitySuggestionReason', {
  description: 'Why two authors may be one person.',
  values: REASONS,
});

const IdentityDecisionKindRef = builder.enumType('IdentityDecisionKind', {
  description: 'What an operator said about an identity suggestion.',
  values: {
    ACCEPTED: { description: 'One person: the second author was merged into the first.' },
    REJECTED: { description: 'Two people: both authors stay.' },
  } as const,
});

/** A suggestion's id names its pair and reason; it is not a Node (nothing to fetch it by). */
const SUGGESTION_TYPENAME = 'IdentitySuggestion';
const suggestionId = (row: IdentitySuggestionRow) => encodeGlobalID(SUGGESTION_TYPENAME, JSON.stringify([row.keep.id, row.other.id, row.reason]));

function decodeSuggestionId(text: string): { keepId: string; otherId: string; reason: IdentitySuggestionReason } {
  try {
    const { typename, id } = decodeGlobalID(text);
    const [keepId, otherId, reason] = JSON.parse(id) as unknown[];
    if (typename === SUGGESTION_TYPENAME && typeof keepId === 'string' && typeof otherId === 'string' && keepId !== otherId && typeof reason === 'string' && reason in REASONS) {
      return { keepId, otherId, reason: reason as IdentitySuggestionReason };
    }
  } catch {
    // malformed: answered below
  }
  throw new BadInputError('`id` must be the id of an IdentitySuggestion.', { argument: 'id' });
}

const IdentitySuggestionRef = builder.objectRef<IdentitySuggestionRow>('IdentitySuggestion').implement({
  description: 'Two authors that may be one person, and what they share.',
  fields: (t) => ({
    id: t.id({ description: 'Opaque; pass it to `decideIdentitySuggestion`.', resolve: suggestionId }),
    authors: t.field({
      type: [AuthorRef],
      description: 'The two authors: first the one to keep, then the one accepting merges into it.',
      resolve: (row) => [row.keep, row.other],
    }),
    reason: t.field({ type: IdentitySuggestionReasonRef, description: 'Why they may be one person.', resolve: (row) => row.reason }),
    sharedCoauthorCount: t.exposeInt('sharedCoauthorCount', {
      description:
        'Authors who wrote papers with both (papers with more than MAX_AUTHORS_PER_PAPER authors, ' +
        `${DEFAULT_MAX_AUTHORS_PER_PAPER} by default, make no coauthor link, as in \`Author.coauthors\`).`,
    }),
    sharedCoauthors: t.field({
      type: [AuthorRef],
      complexity: listCost,
      description: `Those coauthors in common, by name (at most ${SHARED_COAUTHORS_LISTED}).`,
      args: { first: t.arg.int({ description: `How many, 1 to ${SHARED_COAUTHORS_LISTED} (default 5).`, defaultValue: 5 }) },
      resolve: async (row, { first }, { loaders }) =>
        present(await loaders.author.loadMany(row.sharedCoauthorIds.slice(0, intInRange('first', first ?? 5, 1, SHARED_COAUTHORS_LISTED)))),
    }),
    score: t.exposeFloat('score', {
      nullable: true,
      description: 'How much their coauthors overlap: coauthors in common over the coauthors of the one with fewer, 0 to 1; null when either has none.',
    }),
  }),
});

const IdentityDecisionRef = builder.objectRef<IdentityDecisionRow>('IdentityDecision').implement({
  description: "An operator's answer to an identity suggestion: who, when, about which two authors.",
  fields: (t) => ({
    id: t.id({ description: 'Opaque and stable.', resolve: (row) => encodeGlobalID('IdentityDecision', row.id) }),
    decision: t.field({ type: IdentityDecisionKindRef, description: 'Accepted (merged) or rejected (two people).', resolve: (row) => (row.decision === 'accepted' ? 'ACCEPTED' : 'REJECTED') }),
    by: t.exposeString('by', { description: 'Who decided: `token:` and the first 12 hex digits of the SHA-256 of the API token used (never the token).' }),
    at: t.exposeString('at', { description: 'When (ISO 8601).' }),
    reason: t.field({ type: IdentitySuggestionReasonRef, nullable: true, description: 'Why they had been suggested.', resolve: (row) => row.reason }),
    authorIds: t.field({
      type: ['ID'],
      description: 'Global ids of the two authors, the one kept first; after an accept the second no longer exists.',
      resolve: (row) => row.authorIds.map((id) => encodeGlobalID('Author', id)),
    }),
    names: t.stringList({ description: 'Their names when decided, in the order of `authorIds`.', resolve: (row) => row.names }),
    authors: t.field({
      type: [AuthorRef],
      nullable: { list: false, items: true },
      description: 'The two authors, in the order of `authorIds`; null for one no longer in the graph (merged by the accept).',
      resolve: (row, _args, { loaders }) => row.authorIds.map((id) => loaders.author.load(id)),
    }),
  }),
});

const IdentitySuggestionConnection = builder.connectionObject({
  type: IdentitySuggestionRef,
  name: 'IdentitySuggestionConnection',
  description: 'Identity suggestions, most coauthors in common first.',
});
const IdentityDecisionConnection = builder.connectionObject({
  type: IdentityDecisionRef,
  name: 'IdentityDecisionConnection',
  description: 'Identity decisions, newest first.',
});

builder.objectField(AuthorRef, 'identityDecisions', (t) =>
  t.field({
    type: [IdentityDecisionRef],
    description: 'Identity decisions about this author (as the one kept, or the one found to be another person), newest first.',
    resolve: (author, _args, { loaders }) => loaders.authorIdentityDecisions.load(author.id),
  }),
);

builder.queryFields((t) => ({
  identitySuggestions: t.field({
    type: IdentitySuggestionConnection,
    complexity: pageCost,
    description:
      'Pairs of authors with one name that may be one person, for an operator to decide (`decideIdentitySuggestion`): ' +
      'most coauthors in common first, then most papers of the second author, then by name. Scans the ' +
      `${SUGGESTION_NAMES_SCANNED.toLocaleString('en')} names borne by several authors (one of them identified, a pair of them undecided) that hold the most papers, ` +
      'or with `name` that name alone. Never two authors of one paper, nor a pair already decided, nor two whose ORCID ' +
      'iDs or OpenReview ids differ.',
    args: {
      ...pageArgs,
      name: t.arg.string({ description: 'Only suggestions of this name (matched ignoring case, accents, punctuation and extra spaces).' }),
    },
    resolve: async (_root, { name, ...page }, { repositories }) => {
      const nameKey = name == null ? null : normalizeKey(name);
      if (nameKey === '') throw new BadInputError('`name` needs a letter or digit.', { argument: 'name' });
      const window = pageWindow(page);
      const rows = await repositories.identity.suggestions.page({ nameKey }, window.after, window.limit);
      return rowConnection(rows, window, () => repositories.identity.suggestions.count({ nameKey }));
    },
  }),
  identityDecisions: t.field({
    type: IdentityDecisionConnection,
    complexity: pageCost,
    description: 'Every identity decision operators made, newest first.',
    args: pageArgs,
    resolve: async (_root, page: PageArgs, { repositories }) => {
      const window = pageWindow(page);
      const rows = await repositories.identity.decisions.page({}, window.after, window.limit);
      return rowConnection(
        rows.map((row) => ({ ...(row.node as IdentityDecisionRow), sortKey: row.sortKey })),
        window,
        () => repositories.identity.decisions.count({}),
      );
    },
  }),
}));

builder.mutationField('decideIdentitySuggestion', (t) =>
  t.field({
    type: IdentityDecisionRef,
    authScopes: { authenticated: true },
    description:
      'Answers an identity suggestion. Accepted: the second author is merged into the first, as `mergeAuthors` merges ' +
      '(and refused as it refuses). Rejected: both stay, recorded as two people. Either way the decision is recorded ' +
      '(`identityDecisions`) and the pair is not suggested again. A suggestion that no longer holds (an author gone, ' +
      'names apart, decided already) is a STALE_SUGGESTION error.',
    args: {
      id: t.arg.id({ description: 'The `id` of an IdentitySuggestion.', required: true }),
      accept: t.arg.boolean({ description: 'True: one person (merge). False: two people.', required: true }),
    },
    resolve: async (_root, { id, accept }, { repositories, loaders, auth }) => {
      const suggestion = decodeSuggestionId(String(id));
      const decision = await repositories.writes.decideIdentity({ ...suggestion, accept, by: auth.subject ?? 'unknown' });
      loaders.author.clearAll();
      loaders.authorIdentityDecisions.clearAll();
      return decision;
    },
  }),
);
