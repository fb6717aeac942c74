import type { FieldComplexityValue } from '@pothos/plugin-complexity';
import { getNamedType, getNullableType, isCompositeType, isListType, type GraphQLOutputType } from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/**
 * The cost model: roughly how many objects a query can make the server load. Each field declares
 * its cost with @pothos/plugin-complexity's `complexity` option: `{ field, multiplier }`, read as
 * "the field's own cost, plus `multiplier` times the cost of what is selected under it" (a plain
 * number n is `{ field: n, multiplier: 1 }`, so lists here always give their multiplier).
 * src/limits/ adds them up over a query and refuses it past QUERY_MAX_COST.
 *
 * - a scalar comes with its object: 0; an object: 1 and its fields (`defaultCost`, for every
 *   field that declares nothing);
 * - a connection (`pageCost`): 1 for the page and `first` times an edge's cost (an edge and the
 *   page's pageInfo are free, a node is an object); a plain list with `first` (`listCost`):
 *   `first` objects;
 * - `nodes(ids:)`: one object per id;
 * - any other list: LIST_SIZE objects, a typical count (affiliations, a byline, topics);
 * - an ego network: up to `maxNodes` authors per level, `depth` levels;
 * - suggestions (`Paper.related`, `Author.suggestedPapers`, `suggestedBridges`): `first` of
 *   them and the walk (`relatedCost`);
 * - subgraph analytics: every author and link it may read and measure (SUBGRAPH_ANALYTICS_COST
 *   in src/schema/subgraph.ts);
 * - introspection and `__typename`: 0 (graphql-js's own fields declare nothing; the token and
 *   depth limits bound them, production turns introspection off).
 */

/** The assumed length of a list that has no `first`. */
export const LIST_SIZE = 5;

/** The page a `first` asks for, clamped (the page-size rule refuses what is out of range, not the cost). */
const pageSize = (first: unknown) =>
  typeof first === 'number' && Number.isInteger(first) ? Math.min(Math.max(first, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;

const positive = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(value, 1) : fallback;

/** The cost of a field that declares none, by its type. */
export const defaultCost = (_args: unknown, _context: unknown, field: { type: GraphQLOutputType }): FieldComplexityValue => {
  if (!isCompositeType(getNamedType(field.type))) return 0;
  return isListType(getNullableType(field.type)) ? { field: LIST_SIZE, multiplier: LIST_SIZE } : 1;
};

/** A connection: the page, and `first` edges. */
export const pageCost = ({ first }: { first?: number | null }): FieldComplexityValue => ({ field: 1, multiplier: pageSize(first) });

/** A plain list with `first`: that many objects. */
export const listCost = ({ first }: { first?: number | null }): FieldComplexityValue => {
  const size = pageSize(first);
  return { field: size, multiplier: size };
};

/**
 * Related papers and bridges: the walk around the parent (its authors', coauthors' and topics'
 * papers, one batched statement for many parents, but work for each) as RELATED_WALK_COST
 * objects, and an answer whose `suggestions` list, costed as any list (LIST_SIZE items), holds
 * `first`.
 */
const RELATED_WALK_COST = 20;
export const relatedCost = ({ first }: { first?: number | null }): FieldComplexityValue => ({ field: RELATED_WALK_COST, multiplier: pageSize(first) / LIST_SIZE });

/** `nodes(ids:)`: one object per id. */
export const idsCost = ({ ids }: { ids: readonly unknown[] }): FieldComplexityValue => ({ field: ids.length, multiplier: ids.length });

/** An ego network: up to `maxNodes` authors per level, `depth` levels; its selection once. */
export const egoNetworkCost = ({ depth, maxNodes }: { depth?: number | null; maxNodes?: number | null }): FieldComplexityValue =>
  positive(depth, 1) * positive(maxNodes, 100);

/** An edge and a page's pageInfo cost nothing of their own. */
export const EDGES_COST: FieldComplexityValue = { field: 0, multiplier: 1 };
export const PAGE_INFO_COST: FieldComplexityValue = 0;

/**
 * Suggested collaborators: a walk of two coauthor hops (about an ego network of 200), and
 * `first` suggestions each with its reasons. Priced so that a request asks it of few authors.
 */
export const suggestionsCost = ({ first }: { first?: number | null }): FieldComplexityValue => ({ field: 200, multiplier: pageSize(first) });
