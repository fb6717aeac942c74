/** The GraphQL endpoint over fetch: data or an ApiError carrying the server's code and message. */
import type { TypedDocumentString } from './gql/graphql.js';

export const GRAPHQL_URL = '/graphql';

export class ApiError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface GraphQLResponse<Data> {
  data?: Data | null;
  errors?: { message: string; extensions?: { code?: string } }[];
}

/**
 * Runs one named operation; an answer with errors is an error (the page never shows half an answer).
 * The document is one of operations.ts's, typed by GraphQL Code Generator: its variables are
 * checked and its data typed. Its text is sent as generated, which schema/persisted-operations.json lists.
 */
export async function request<Data, Variables>(document: TypedDocumentString<Data, Variables>, variables: Variables, signal?: AbortSignal): Promise<Data> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/graphql-response+json, application/json' },
      body: JSON.stringify({ query: document.toString(), variables }),
      signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError('NETWORK_ERROR', 'The server cannot be reached.');
  }
  let body: GraphQLResponse<Data>;
  try {
    body = (await response.json()) as GraphQLResponse<Data>;
  } catch {
    throw new ApiError(`HTTP_${response.status}`, response.statusText || 'The server sent no GraphQL answer.');
  }
  const first = body.errors?.[0];
  if (first) throw new ApiError(first.extensions?.code ?? `HTTP_${response.status}`, first.message);
  if (!body.data) throw new ApiError(`HTTP_${response.status}`, 'The server sent no data.');
  return body.data;
}
