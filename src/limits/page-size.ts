import { Kind, valueFromAST, valueFromASTUntyped, type ValidationRule } from 'graphql';
import { BadInputError } from '../errors/coded.js';
import { toGraphQLError } from '../errors/graphql.js';
import { MAX_PAGE_SIZE } from '../schema/pagination.js';

/**
 * `first` must be 1..MAX_PAGE_SIZE: checked while validating, with the request's variables, so
 * an out-of-range page is refused before any Cypher runs. (The resolvers check it again, but only
 * once their parents have been read.) Values that are not Ints at all are left to graphql-js's
 * own rules and variable coercion.
 */
export function pageSizeRule(variables: Readonly<Record<string, unknown>>): ValidationRule {
  return (context) => {
    // Defaults of the variables the operations declare, for variables the request leaves out.
    const defaults = new Map<string, unknown>();
    for (const definition of context.getDocument().definitions) {
      if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
      for (const variable of definition.variableDefinitions ?? []) {
        if (variable.defaultValue) defaults.set(variable.variable.name.value, valueFromASTUntyped(variable.defaultValue));
      }
    }
    return {
      Argument(node) {
        const definition = context.getArgument();
        if (node.name.value !== 'first' || !definition) return;
        const value =
          node.value.kind === Kind.VARIABLE
            ? (variables[node.value.name.value] ?? defaults.get(node.value.name.value))
            : valueFromAST(node.value, definition.type);
        if (typeof value !== 'number' || !Number.isInteger(value)) return;
        if (value < 1 || value > MAX_PAGE_SIZE) {
          context.reportError(toGraphQLError(new BadInputError(`\`first\` must be between 1 and ${MAX_PAGE_SIZE}.`, { argument: 'first' }), { nodes: [node] }));
        }
      },
    };
  };
}
