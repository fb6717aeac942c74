import { getOperationAST } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import { UnavailableError } from '../errors/coded.js';
import { toGraphQLError } from '../errors/graphql.js';

/**
 * While the server drains at shutdown (src/server.ts), reads still finish, but a mutation is not
 * started: the shutdown limit could cut it half way, and the client could not tell whether it
 * landed. It gets SERVICE_UNAVAILABLE (`reason: DRAINING`), HTTP 503 with Retry-After, having
 * written nothing, so it can send it again at once: to another copy, through the load balancer.
 */
export const RETRY_AFTER_SECONDS = 1;

export function useMutationsRefusedWhileDraining(draining: () => boolean): Plugin {
  return {
    onExecute({ args, setResultAndStopExecution }) {
      if (!draining() || getOperationAST(args.document, args.operationName)?.operation !== 'mutation') return;
      const error = new UnavailableError('The server is shutting down and starts no more writes; nothing was written. Send the mutation again.', {
        reason: 'DRAINING',
      });
      setResultAndStopExecution({
        errors: [toGraphQLError(error, { http: { status: error.status, headers: { 'retry-after': String(RETRY_AFTER_SECONDS) } } })],
      });
    },
  };
}
