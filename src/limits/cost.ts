import { getNamedType, getNullableType, isCompositeType, isListType, isObjectType, type GraphQLOutputType } from 'graphql';
import type { ComplexityEstimator, ComplexityEstimatorArgs } from 'graphql-query-complexity';
import { MAX_SUBGRAPH_AUTHORS, MAX_SUBGRAPH_LINKS } from '../analytics/subgraph.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../schema/pagination.js';

/**
 * The cost model: roughly how many objects a query can make the server load. graphql-query-
 * complexity walks the query (fragments, variables, @skip/@include) and asks this estimator for
 * each field; its own estimators price a field by a fixed number or a schema extension, and no
 * library prices a connection by its `first`, so this one does, by our schema's shapes:
 *
 * - a scalar comes with its object: 0;
 * - an object: 1 and its fields;
 * - a connection (a field with `first`): 1 for the page and `first` times an edge's cost (an
 *   edge and the page's pageInfo are free, a node is an object); a plain list with `first`:
 *   `first` objects;
 * - `nodes(ids:)`: one object per id;
 * - any other list: LIST_SIZE objects, a typical count (affiliations, a byline, topics);
 * - an ego network: up to `maxNodes` authors per level, `depth` levels;
 * - subgraph analytics: every author and link it may read and measure (2,000 + 20,000), whatever
 *   the query selects of them, as Graph Data Science measures them all: under the default limit
 *   (25,000), one per query, so that aliases cannot repeat it;
 * - introspection: 0 (the token and depth limits bound it, production turns it off).
 */

/** The assumed length of a list that has no `first`. */
export const LIST_SIZE = 5;

/** What a `subgraphAnalytics` costs before its selection: the most authors and links it reads. */
export const SUBGRAPH_ANALYTICS_COST = MAX_SUBGRAPH_AUTHORS + MAX_SUBGRAPH_LINKS;

const pageSize = (first: unknown) =>
  typeof first === 'number' && Number.isInteger(first) ? Math.min(Math.max(first, 1), MAX_PAGE_SIZE) : DEFAULT_PAGE_SIZE;

const isList = (type: GraphQLOutputType) => isListType(getNullableType(type));

const isConnection = (type: GraphQLOutputType) => {
  const named = getNamedType(type);
  return isObjectType(named) && 'edges' in named.getFields() && 'pageInfo' in named.getFields();
};

const positive = (value: unknown, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value) ? Math.max(value, 1) : fallback;

export const costEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }: ComplexityEstimatorArgs) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 0;
  if (!isCompositeType(getNamedType(field.type))) return 0;

  if (isConnection(type) && field.name === 'edges') return childComplexity;
  if (getNamedType(field.type).name === 'PageInfo') return 0;
  if (type.name === 'Author' && field.name === 'egoNetwork') {
    return positive(args.depth, 1) * positive(args.maxNodes, 100) + childComplexity;
  }
  if (type.name === 'Query' && field.name === 'subgraphAnalytics') return SUBGRAPH_ANALYTICS_COST + childComplexity;
  if (type.name === 'Query' && field.name === 'nodes' && Array.isArray(args.ids)) return args.ids.length * (1 + childComplexity);
  if (field.args.some((arg) => arg.name === 'first')) {
    const size = pageSize(args.first);
    return isConnection(field.type) ? 1 + size * childComplexity : size * (1 + childComplexity);
  }
  if (isList(field.type)) return LIST_SIZE * (1 + childComplexity);
  return 1 + childComplexity;
};
