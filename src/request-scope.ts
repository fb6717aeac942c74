import { randomUUID } from 'node:crypto';

/**
 * What the server knows about one request it serves: its id, when it came, how many Cypher
 * statements it sent, its operation and the error codes of its response.
 *
 * Kept per Request object, which yoga hands to every hook and to the context factory, rather
 * than in an AsyncLocalStorage: on Node 20 and 22 that installs promise hooks, a cost on every
 * promise the server makes (about a tenth of the throughput of a query over 50 authors, measured
 * side by side). Code that sends statements gets the request's counter through its context
 * (src/context.ts); log lines about a request's errors get its id through the error (below).
 */
export interface RequestScope extends StatementCounter, Causality {
  id: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  operationName?: string;
  operationType?: string;
  /** `extensions.code` of every error in the response. */
  errorCodes: string[];
  /**
   * What the response cache did (src/http/response-cache.ts): served it (`hit`), ran the query
   * (`miss`; stored unless it had errors), or could not be used (`bypass`: graph version unknown).
   */
  responseCache?: 'hit' | 'miss' | 'bypass';
}

/** Counts the Cypher statements sent on a request's behalf (src/db/read.ts, src/db/write.ts). */
export interface StatementCounter {
  statements: number;
}

/**
 * Which writes a request's transactions must see (causal consistency on a cluster, where reads go
 * to followers and read replicas that may lag): the bookmarks the client sent back
 * (X-Neo4j-Bookmark, src/http/bookmarks.ts), replaced by those of each write the request commits.
 * Unset for most requests: a read with no bookmark waits for nothing.
 */
export interface Causality {
  bookmarks?: string[];
  /** The bookmarks of the request's last committed write, which its response carries. */
  written?: string[];
}

const scopes = new WeakMap<Request, RequestScope>();

// A caller's own request id is kept (so logs of several services line up) only if it is short
// and plain; anything else could forge or flood log lines.
const CALLER_ID = /^[\w.:-]{1,64}$/;

export function openRequestScope(request: Request): RequestScope {
  const callerId = request.headers.get('x-request-id');
  const id = callerId && CALLER_ID.test(callerId) ? callerId : randomUUID();
  const scope: RequestScope = { id, startedAt: performance.now(), statements: 0, errorCodes: [] };
  scopes.set(request, scope);
  return scope;
}

export const requestScopeOf = (request: Request): RequestScope | undefined => scopes.get(request);

/**
 * Errors met while serving a request, by that request's id: yoga logs the errors it masks after
 * the fact, with no request at hand, and the log line should still say which request it was.
 */
const requestIdOfErrors = new WeakMap<object, string>();

export function noteErrorsOf(scope: RequestScope, errors: readonly object[]): void {
  for (const error of errors) {
    requestIdOfErrors.set(error, scope.id);
    const original = (error as { originalError?: unknown }).originalError;
    if (original && typeof original === 'object') requestIdOfErrors.set(original, scope.id);
  }
}

export const requestIdOfError = (error: unknown): string | undefined =>
  error && typeof error === 'object' ? requestIdOfErrors.get(error) : undefined;
