import { GraphQLError, type ASTNode } from 'graphql';
import type { CodedError } from './coded.js';

/**
 * A coded error in GraphQL's shape, the one place that turns one into `extensions`: for graphql-js
 * (validation rules report GraphQLErrors), for yoga's plugins (a GraphQLError thrown or returned
 * there keeps its code), and for bodies answered before GraphQL runs. `http` makes yoga answer the
 * whole request with that status and headers (it leaves `http` out of the body).
 */
export function toGraphQLError(
  error: CodedError,
  options: { nodes?: readonly ASTNode[] | undefined; path?: readonly (string | number)[] | undefined; http?: { status: number; headers?: Record<string, string> } } = {},
): GraphQLError {
  const { nodes, path, http } = options;
  return new GraphQLError(error.message, {
    ...(nodes ? { nodes } : {}),
    ...(path ? { path } : {}),
    extensions: { ...error.extensions, ...(http ? { http } : {}) },
  });
}

/** The body GraphQL gives a request that failed with this error alone: `{"errors":[{message, extensions}]}`. */
export function errorBody(error: CodedError): string {
  return JSON.stringify({ errors: [{ message: error.message, extensions: error.extensions }] });
}

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/**
 * A whole response for an error found before GraphQL runs or outside it (the startup gate, a bad
 * bookmark header, the export): the error's status, GraphQL's body, JSON unless `headers` say otherwise.
 */
export function errorResponse(fetchAPI: { Response: typeof Response }, error: CodedError, headers: Record<string, string> = {}): Response {
  return new fetchAPI.Response(errorBody(error), { status: error.status, headers: { 'content-type': JSON_CONTENT_TYPE, ...headers } });
}
