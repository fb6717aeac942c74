import { intInRange, yearArgument } from '../../errors/arguments.js';
import { BadInputError } from '../../errors/coded.js';

/** At most this many authors; beyond, those with the most papers in the years are kept (then by id). */
export const MAX_SUBGRAPH_AUTHORS = 2_000;
/** At most this many links; beyond, authors are left out as above until the rest fit. */
export const MAX_SUBGRAPH_LINKS = 20_000;
export const MAX_EGO_DEPTH = 2;

export interface SubgraphSelector {
  /** A given list of authors (1..2000). */
  authorIds?: string[] | null;
  /** An author's coauthor network, `depth` 1..2 (default 1). */
  egoOf?: string | null;
  depth?: number | null;
  /** Authors affiliated with an organization (AFFILIATED_WITH). */
  organizationId?: string | null;
  /** Authors of papers on a topic. */
  topicId?: string | null;
  /** A community of the whole-graph analytics, "<run>:<community>". */
  communityId?: string | null;
  /** Only papers in these years count, for selection (organization, topic, ego) and for links. */
  yearFrom?: number | null;
  yearTo?: number | null;
  /** Links need at least this many shared papers (default 1). */
  minSharedPapers?: number | null;
}

/**
 * The selector arguments by their public names (GraphQL arguments and the export's query
 * parameters), which BAD_USER_INPUT errors name in `extensions.argument`.
 */
export const SELECTOR_ARGUMENTS = {
  authorIds: 'authors',
  egoOf: 'egoOf',
  organizationId: 'organization',
  topicId: 'topic',
  communityId: 'community',
} as const;

export type SelectorKind = keyof typeof SELECTOR_ARGUMENTS;

/** A selector checked and filled with defaults. */
export interface Selection {
  kind: SelectorKind;
  authorIds: string[];
  egoOf: string | null;
  depth: number;
  organizationId: string | null;
  topicId: string | null;
  community: { run: number; community: number } | null;
  yearFrom: number | null;
  yearTo: number | null;
  minSharedPapers: number;
}

/** A Community's id is "<run>:<community>", both whole numbers. */
export function parseCommunityId(id: string): { run: number; community: number } {
  const match = /^(\d{1,15}):(\d{1,15})$/.exec(id);
  if (!match) throw new BadInputError('`community` is not the id of a community.', { argument: SELECTOR_ARGUMENTS.communityId });
  return { run: Number(match[1]), community: Number(match[2]) };
}

/** Checks a selector (BAD_USER_INPUT naming the argument) and fills in its defaults. */
export function checkSelector(selector: SubgraphSelector): Selection {
  const given = (Object.keys(SELECTOR_ARGUMENTS) as SelectorKind[]).filter((kind) => selector[kind] != null);
  if (given.length !== 1) {
    const names = Object.values(SELECTOR_ARGUMENTS).map((name) => `\`${name}\``).join(', ');
    throw new BadInputError(`Give exactly one of ${names}${given.length ? `, not ${given.map((kind) => `\`${SELECTOR_ARGUMENTS[kind]}\``).join(' and ')}` : ''}.`, {
      argument: SELECTOR_ARGUMENTS[given[1] ?? 'authorIds'],
    });
  }
  const kind = given[0]!;
  if (selector.depth != null && kind !== 'egoOf') throw new BadInputError('`depth` goes with `egoOf`.', { argument: 'depth' });

  const authorIds = [...new Set(selector.authorIds ?? [])];
  if (kind === 'authorIds' && (authorIds.length < 1 || authorIds.length > MAX_SUBGRAPH_AUTHORS)) {
    throw new BadInputError(`\`authors\` must list 1 to ${MAX_SUBGRAPH_AUTHORS} authors.`, { argument: SELECTOR_ARGUMENTS.authorIds });
  }
  const yearFrom = yearArgument('yearFrom', selector.yearFrom);
  const yearTo = yearArgument('yearTo', selector.yearTo);
  if (yearFrom !== null && yearTo !== null && yearFrom > yearTo) throw new BadInputError('`yearFrom` must not be after `yearTo`.', { argument: 'yearFrom' });
  return {
    kind,
    authorIds,
    egoOf: selector.egoOf ?? null,
    depth: intInRange('depth', selector.depth ?? 1, 1, MAX_EGO_DEPTH),
    organizationId: selector.organizationId ?? null,
    topicId: selector.topicId ?? null,
    community: selector.communityId != null ? parseCommunityId(selector.communityId) : null,
    yearFrom,
    yearTo,
    minSharedPapers: intInRange('minSharedPapers', selector.minSharedPapers ?? 1, 1, 1_000_000),
  };
}
