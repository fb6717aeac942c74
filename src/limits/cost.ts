import type { FieldComplexity } from '@pothos/plugin-complexity';
import type { ComplexityEstimator } from 'graphql-query-complexity';

/**
 * Prices a field by what it declares with @pothos/plugin-complexity's `complexity` option (the
 * model is in src/schema/cost.ts): its own cost plus `multiplier` times its selection's.
 * graphql-query-complexity walks the query (fragments, variables, @skip/@include, the dearest of
 * an abstract type's members) and asks this for each field; graphql-js's own fields
 * (`__typename`, introspection) declare nothing and cost nothing.
 *
 * Why not the plugin's own walk (its validation rule): it counts fields under @skip and
 * @include(if: false), adds up every member of an abstract type rather than taking the dearest,
 * prices `__typename` at 1, and decodes global ids before pricing, so that a malformed id
 * would refuse the whole query (400) instead of nulling its field (BAD_USER_INPUT, 200). The
 * declarations are the plugin's; the sum is this.
 */
export const costEstimator: ComplexityEstimator = ({ field, args, childComplexity }) => {
  const declared = field.extensions?.complexity as FieldComplexity<object, Record<string, unknown>> | undefined;
  if (declared === undefined) return 0;
  const cost = typeof declared === 'function' ? declared(args, {}, field as never) : declared;
  return typeof cost === 'number' ? cost + childComplexity : (cost.field ?? 0) + (cost.multiplier ?? 1) * childComplexity;
};
