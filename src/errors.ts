import { PothosSchemaError, PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError as maskUnexpectedError, type YogaServerOptions } from 'graphql-yoga';

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

/**
 * What clients see of errors. Our GraphQLErrors (with codes) pass through; a malformed or
 * wrong-type global id, which the Relay plugin reports with the id in the message, becomes a
 * BAD_USER_INPUT that does not echo the input; everything else is masked by yoga's default
 * ("Unexpected error.", INTERNAL_SERVER_ERROR), its details going to the log only.
 */
export const maskError: MaskError = (error, message, isDev) => {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  const badId =
    (original instanceof PothosValidationError && /global ID|is not of type/i.test(original.message)) ||
    // node(id:) naming a type this schema does not have
    (original instanceof PothosSchemaError && /has not been implemented/.test(original.message));
  if (badId) {
    const located = error instanceof GraphQLError ? error : undefined;
    return new GraphQLError('An id argument is malformed or names a node of another type.', {
      ...(located?.nodes ? { nodes: located.nodes } : {}),
      ...(located?.path ? { path: located.path } : {}),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  }
  return maskUnexpectedError(error, message, isDev);
};
