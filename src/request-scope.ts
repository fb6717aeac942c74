import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';

/**
 * What the server knows about the request it is serving, reachable from any code that runs on
 * that request's behalf (a resolver, a DataLoader batch, a read transaction, a log call) without
 * threading it through every signature. Code outside a request (scripts, the seed) sees none.
 */
export interface RequestScope {
  id: string;
  /** performance.now() when the request arrived. */
  startedAt: number;
  /** Cypher statements sent on this request's behalf (src/db/read.ts counts them). */
  statements: number;
  operationName?: string;
  operationType?: string;
  /** `extensions.code` of every error in the response. */
  errorCodes: string[];
}

const storage = new AsyncLocalStorage<RequestScope>();

// A caller's own request id is kept (so logs of several services line up) only if it is short
// and plain; anything else could forge or flood log lines.
const CALLER_ID = /^[\w.:-]{1,64}$/;

export function runInRequestScope<T>(callerId: string | null, work: () => T): T {
  const id = callerId && CALLER_ID.test(callerId) ? callerId : randomUUID();
  return storage.run({ id, startedAt: performance.now(), statements: 0, errorCodes: [] }, work);
}

export const currentRequest = (): RequestScope | undefined => storage.getStore();

export function countStatement(): void {
  const scope = storage.getStore();
  if (scope) scope.statements++;
}
