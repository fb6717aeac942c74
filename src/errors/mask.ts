import { PothosSchemaError, PothosValidationError } from '@pothos/core';
import { GraphQLError } from 'graphql';
import { maskError as maskUnexpectedError, type YogaServerOptions } from 'graphql-yoga';
import { BadInputError, CodedError, InternalError, TimeoutError, UnavailableError } from './coded.js';
import { BOOKMARK_HEADER, INVALID_BOOKMARK, databaseFailure } from './database.js';
import { toGraphQLError } from './graphql.js';

type MaskError = NonNullable<Exclude<YogaServerOptions<object, object>['maskedErrors'], boolean | undefined>['maskError']>;

/**
 * What clients see of errors: every error carries `extensions.code`, and nothing about the
 * server (stack, host, Cypher) leaks. Yoga logs the original of every error this replaces.
 *
 * - Coded errors (src/errors/coded.ts) pass through: their message and extensions are the client's.
 * - A malformed or wrong-type global id, which the Relay plugin reports with the id in the
 *   message, becomes a BAD_USER_INPUT that does not echo the input.
 * - Neo4j being away is SERVICE_UNAVAILABLE; a read or write over its time limit, or no pooled
 *   connection free in time, is TIMEOUT. Clients may retry both. A bookmark Neo4j cannot read is
 *   BAD_USER_INPUT with `reason: INVALID_BOOKMARK`.
 * - Errors graphql-js and yoga raise about the request itself (variable values, CSRF, ...) come
 *   without a code; they get one from their HTTP status.
 * - Everything else is masked by yoga's default ("Unexpected error.", INTERNAL_SERVER_ERROR).
 */
export const maskError: MaskError = (error, message, isDev) => {
  const located = error instanceof GraphQLError ? error : undefined;
  // graphql-js and graphql-jit copy a thrown error's message and `extensions` onto the error they locate.
  if (located?.originalError instanceof CodedError) return located;
  if (error instanceof CodedError) return toGraphQLError(error);
  const known = knownFailure(error);
  if (known) return toGraphQLError(PUBLIC[known](), { nodes: located?.nodes, path: located?.path });
  const graphqlOriginal = !located?.originalError || located.originalError instanceof GraphQLError;
  if (located && graphqlOriginal && located.extensions.code === undefined) {
    // Changed in place, as yoga itself codes validation errors: a client's mistake is not a
    // server error to log.
    (located.extensions as Record<string, unknown>).code = codeForStatus(httpStatus(located));
    return located;
  }
  return maskUnexpectedError(error, message, isDev);
};

/**
 * The coded error a client is given for any error, outside GraphQL's execution (the export):
 * the error itself when it is coded, the coded form of a known failure, else "Unexpected error.".
 */
export function publicError(error: unknown): CodedError {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof CodedError) return original;
  const known = knownFailure(error);
  return known ? PUBLIC[known]() : new InternalError('Unexpected error.');
}

type KnownFailure = 'BAD_ID' | 'BAD_INPUT' | 'BAD_BOOKMARK' | 'TIMEOUT' | 'WRITE_TIMEOUT' | 'SERVICE_UNAVAILABLE' | 'AWAY';

/** What a client is told of each known failure. */
const PUBLIC: Record<KnownFailure, () => CodedError> = {
  BAD_ID: () => new BadInputError('An id argument is malformed or names a node of another type.'),
  BAD_INPUT: () => new BadInputError('An argument is not valid.'),
  BAD_BOOKMARK: () =>
    new BadInputError(`The ${BOOKMARK_HEADER} header holds no bookmark this database gave. Send back the header of a mutation's response as it came.`, {
      reason: INVALID_BOOKMARK,
    }),
  TIMEOUT: () => new TimeoutError('The database took too long to answer and the query was stopped. Ask for less, or try again.'),
  WRITE_TIMEOUT: () =>
    new TimeoutError('The write took too long (or waited too long for another write to finish) and was rolled back: nothing was written. Try again.'),
  SERVICE_UNAVAILABLE: () => new UnavailableError('The database is unavailable. Try again shortly.'),
  AWAY: () => new UnavailableError('The database is unavailable. Try again shortly.'),
};

/**
 * An error that is not a bug: a bad id or other input Pothos refused (its messages echo the
 * input, so they are replaced), or the database being slow or away. Undefined for anything else.
 * The log uses it too, to keep such errors out of its error level.
 */
function knownFailure(error: unknown): KnownFailure | undefined {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof PothosValidationError) {
    return /global ID|is not of type|does not support loading by id/i.test(original.message) ? 'BAD_ID' : 'BAD_INPUT';
  }
  // node(id:) naming a type this schema does not have
  if (original instanceof PothosSchemaError && /has not been implemented/.test(original.message)) return 'BAD_ID';
  return databaseFailure(original);
}

/**
 * How much an error that yoga masked matters to an operator: a client's bad input, or a read
 * refused while Neo4j is known to be away (the breaker logs that once), is debug; the database
 * failing a read is a warning; anything else is an error.
 */
export function logLevelOf(error: unknown): 'debug' | 'warn' | 'error' {
  const original = error instanceof GraphQLError ? (error.originalError ?? error) : error;
  if (original instanceof CodedError) {
    if (original instanceof InternalError) return 'error';
    return original instanceof TimeoutError || original instanceof UnavailableError ? 'warn' : 'debug';
  }
  const known = knownFailure(error);
  if (known === 'BAD_ID' || known === 'BAD_INPUT' || known === 'BAD_BOOKMARK' || known === 'AWAY') return 'debug';
  return known ? 'warn' : 'error';
}

const httpStatus = (error: GraphQLError): number | undefined =>
  (error.extensions.http as { status?: number } | undefined)?.status;

function codeForStatus(status: number | undefined): string {
  if (status === 401) return 'UNAUTHENTICATED';
  if (status === 403) return 'FORBIDDEN';
  if (status === 413) return 'REQUEST_ENTITY_TOO_LARGE';
  if (status === undefined || (status >= 400 && status < 500)) return 'BAD_USER_INPUT';
  return 'INTERNAL_SERVER_ERROR';
}
