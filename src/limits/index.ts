import { EnvelopArmorPlugin } from '@escape.tech/graphql-armor';
import type { GraphQLArmorRejectCallback } from '@escape.tech/graphql-armor-types';
import { GraphQLError, validate, type ValidationRule } from 'graphql';
import { createComplexityRule, type QueryComplexityOptions } from 'graphql-query-complexity';
import type { Plugin } from 'graphql-yoga';
import type { QueryLimits } from '../config.js';
import { RefusedError } from '../errors/coded.js';
import { toGraphQLError } from '../errors/graphql.js';
import { costEstimator } from './cost.js';
import { pageSizeRule } from './page-size.js';

/**
 * The query limits, all checked while parsing or validating, so a refused query runs nothing:
 * tokens (while parsing), depth, aliases and directives (graphql-armor), page sizes and cost
 * (ours, with the request's variables). Each refusal is a QUERY_TOO_COMPLEX error that names the
 * limit, except an out-of-range `first`, which is BAD_USER_INPUT as it is in the resolvers.
 *
 * Validation is cached per document (yoga's parser and validation cache): graphql-js's rules and
 * armor's limits depend on the document alone. The page-size and cost rules also read the
 * request's variables, so they run on every request, just before execution and by themselves:
 * two rules over the document instead of the thirty-odd of a full validation. Their refusals are
 * answered as validation errors are: status 400, no data.
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
      // Not in onValidate: yoga caches what validation returns, by document, for later requests.
      onExecute({ args, setResultAndStopExecution }) {
        const values = args.variableValues ?? {};
        const rules = [
          pageSizeRule(values),
          costRule({
            maximumComplexity: limits.cost,
            variables: values,
            ...(typeof args.operationName === 'string' ? { operationName: args.operationName } : {}),
            estimators: [costEstimator],
            createError: (max, actual) => tooComplexError(`Query cost limit of ${max} exceeded, found ${actual}.`),
          }),
        ];
        const refusals = validate(args.schema, args.document, rules);
        if (refusals.length) setResultAndStopExecution({ errors: refusals.map(asValidationError) });
      },
    },
  ];
}

/** What yoga makes of a validation error (useHTTPValidationError), for refusals found before execution. */
function asValidationError(error: GraphQLError): GraphQLError {
  const extensions = error.extensions as Record<string, unknown>;
  extensions.code ??= 'GRAPHQL_VALIDATION_FAILED';
  extensions.http = { status: 400, spec: true };
  return error;
}

const tooComplexError = (message: string) => toGraphQLError(new RefusedError(message, 'QUERY_TOO_COMPLEX'));

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
