import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, type ValidationRule } from 'graphql';
import { createComplexityRule, type QueryComplexityOptions } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import type { QueryLimits } from '../config.js';
import { costEstimator } from './cost.js';
import { pageSizeRule } from './page-size.js';

/**
 * The query limits, all checked while parsing or validating, so a refused query runs nothing:
 * tokens (while parsing), depth, aliases and directives (graphql-armor), page sizes and cost
 * (ours, with the request's variables). Each refusal is a QUERY_TOO_COMPLEX error that names the
 * limit, except an out-of-range `first`, which is BAD_USER_INPUT as it is in the resolvers.
 *
 * The page-size and cost rules read the variables, so yoga's validation cache (keyed by the
 * document alone) must be off where these plugins are used; parsed documents are still cached.
 */
export function useQueryLimits(limits: QueryLimits, { blockFieldSuggestions }: { blockFieldSuggestions: boolean }): Plugin[] {
  const armor = { onReject: [tooComplex], propagateOnRejection: false, exposeLimits: true };
  return [
    EnvelopArmorPlugin({
      maxTokens: { ...armor, n: limits.tokens },
      // Fragments add no level of their own: the fields in them count where they are spread.
      maxDepth: { ...armor, n: limits.depth, ignoreIntrospection: true, flattenFragments: true },
      maxAliases: { ...armor, n: limits.aliases },
      maxDirectives: { ...armor, n: limits.directives },
      // Armor's cost limit prices every field alike; ours prices lists by `first` (cost.ts).
      costLimit: { enabled: false },
      blockFieldSuggestion: { enabled: blockFieldSuggestions },
    }),
    {
      onValidate({ addValidationRule, context }) {
        const { variables, operationName } = (context as { params?: { variables?: unknown; operationName?: unknown } }).params ?? {};
        const values = variables && typeof variables === 'object' ? (variables as Record<string, unknown>) : {};
        addValidationRule(pageSizeRule(values));
        addValidationRule(
          costRule({
            maximumComplexity: limits.cost,
            variables: values,
            ...(typeof operationName === 'string' ? { operationName } : {}),
            estimators: [costEstimator],
            createError: (max, actual) => tooComplexError(`Query cost limit of ${max} exceeded, found ${actual}.`),
          }),
        );
      },
    },
  ];
}

const tooComplexError = (message: string) => new GraphQLError(message, { extensions: { code: 'QUERY_TOO_COMPLEX' } });

// Armor phrases its refusals as "Syntax Error: …" and gives them no code. While validating it
// hands us the context to report to; while parsing (the token limit) there is none, so throwing
// ends the parse.
const tooComplex: GraphQLArmorRejectCallback = (context, error) => {
  const coded = tooComplexError(error.message.replace(/^Syntax Error: /, ''));
  if (!context) throw coded;
  context.reportError(coded);
};

/**
 * graphql-query-complexity's rule, except that its own guard against huge documents (it throws
 * past 10,000 evaluated fields, say through fragments spread many times) is reported as a coded
 * refusal rather than thrown as an uncoded error.
 */
function costRule(options: QueryComplexityOptions): ValidationRule {
  return (context) => {
    const visitor = createComplexityRule(options)(context);
    const enter = visitor.OperationDefinition.enter as (...args: unknown[]) => unknown;
    visitor.OperationDefinition.enter = (...args: unknown[]) => {
      try {
        return enter.apply(visitor, args);
      } catch (error) {
        if (!(error instanceof GraphQLError)) throw error;
        visitor.complexity = 0; // reported here, not again when the operation is left
        context.reportError(tooComplexError('Query is too large to estimate its cost.'));
        return undefined;
      }
    };
    return visitor;
  };
}
