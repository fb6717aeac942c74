import type { Plugin } from 'graphql-yoga';
import { UnavailableError } from '../errors/coded.js';
import { errorResponse } from '../errors/graphql.js';
import { requestScopeOf } from '../request-scope.js';

/** What the server still waits for before it answers queries; undefined once it serves. */
export type StartupStep = 'waiting for Neo4j' | 'applying the schema' | 'loading the seed' | 'warming up Graph Data Science' | 'planning the suggestion statements';

/** Seconds a client is asked to wait before trying again while the server starts. */
export const STARTUP_RETRY_AFTER_SECONDS = 2;

/**
 * Until the database answers, its schema is applied, the seed is loaded and Graph Data Science has
 * loaded (src/server.ts says why), GraphQL requests (and
 * exports, which read the graph too) get 503 SERVICE_UNAVAILABLE with Retry-After: a graph half
 * loaded would answer `author: null` for someone who is about to be there, which a client cannot
 * tell from "no such author". Pages, probes and metrics are served as usual, so /ready can say 503
 * and GraphiQL can load.
 */
export function useStartupGate({ pendingStep, gatedPaths }: { pendingStep: () => StartupStep | undefined; gatedPaths: readonly string[] }): Plugin {
  return {
    onRequest({ request, url, endResponse, fetchAPI }) {
      const step = pendingStep();
      if (!step || !gatedPaths.some((path) => url.pathname === path || url.pathname.startsWith(`${path}/`))) return;
      // GraphiQL's page itself is served; its queries wait like any other.
      const pageRequest = request.method === 'GET' && !url.searchParams.has('query') && (request.headers.get('accept') ?? '').includes('text/html');
      if (pageRequest) return;
      const error = new UnavailableError(`The server is starting (${step}). Try again shortly.`);
      requestScopeOf(request)?.errorCodes.push(error.code);
      endResponse(errorResponse(fetchAPI, error, { 'retry-after': String(STARTUP_RETRY_AFTER_SECONDS), 'cache-control': 'no-store' }));
    },
  };
}
