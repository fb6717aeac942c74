import { getOperationAST, type GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import { createAuthenticator } from '../auth.js';
import type { Metrics } from '../metrics.js';
import { noteErrorsOf, openRequestScope, requestScopeOf } from '../request-scope.js';
import { METRICS_PATH } from './metrics-server.js';

/** Routes as metric labels: a fixed set, whatever paths clients send. */
function routeOf(pathname: string, graphqlPath: string): string {
  if (pathname === graphqlPath) return 'graphql';
  if (pathname === '/health' || pathname === '/ready' || pathname === METRICS_PATH) return pathname.slice(1);
  return 'other';
}

/**
 * Every request gets a request scope (src/request-scope.ts) and ends with one JSON log line
 * (request id, operation, status, duration, Cypher statements, error codes) and its metrics.
 * The request id comes from X-Request-Id when the caller sends a plain one and goes back in the
 * response. With a metrics token, also serves /metrics to a caller that presents it; without,
 * the metrics are only on their own port (src/http/metrics-server.ts).
 */
export function useObservability({
  logger,
  metrics,
  graphqlPath,
  metricsToken,
}: {
  logger: Logger;
  metrics: Metrics;
  graphqlPath: string;
  metricsToken?: string | undefined;
}): Plugin {
  const scraper = metricsToken ? createAuthenticator([metricsToken]) : undefined;
  return {
    instrumentation: {
      request: async ({ request }, serve) => {
        openRequestScope(request);
        metrics.inFlight.inc();
        try {
          await serve();
        } finally {
          metrics.inFlight.dec();
        }
      },
    },
    async onRequest({ url, request, endResponse, fetchAPI }) {
      if (url.pathname !== METRICS_PATH || !scraper) return;
      if (!scraper(request.headers).authenticated) {
        return endResponse(new fetchAPI.Response(null, { status: 401, headers: { 'www-authenticate': 'Bearer realm="metrics"' } }));
      }
      endResponse(
        new fetchAPI.Response(await metrics.registry.metrics(), { headers: { 'content-type': metrics.registry.contentType } }),
      );
    },
    onParams({ params, request }) {
      const scope = requestScopeOf(request);
      if (scope && typeof params.operationName === 'string') scope.operationName = params.operationName;
    },
    onExecute({ args }) {
      const scope = requestScopeOf((args.contextValue as { request: Request }).request);
      const operation = getOperationAST(args.document, args.operationName);
      if (!scope || !operation) return;
      scope.operationType = operation.operation;
      scope.operationName ??= operation.name?.value;
      metrics.operations.inc({ type: operation.operation });
      return {
        // Before yoga masks them (its plugin comes after this one), so that its log line of an
        // unexpected error can name the request (src/yoga.ts).
        onExecuteDone({ result }) {
          const { errors } = result as { errors?: readonly object[] };
          if (errors?.length) noteErrorsOf(scope, errors);
        },
      };
    },
    onResultProcess({ result, request }) {
      const scope = requestScopeOf(request);
      if (!scope) return;
      for (const single of Array.isArray(result) ? result : [result]) {
        const errors = (single as { errors?: readonly GraphQLError[] }).errors ?? [];
        for (const error of errors) scope.errorCodes.push(String(error.extensions?.code ?? 'UNCODED'));
      }
    },
    onResponse({ request, response }) {
      const scope = requestScopeOf(request);
      if (!scope) return;
      const { pathname } = new URL(request.url, 'http://localhost');
      const route = routeOf(pathname, graphqlPath);
      const seconds = (performance.now() - scope.startedAt) / 1000;
      response.headers.set('x-request-id', scope.id);

      metrics.requests.inc({ route, status: String(response.status) });
      metrics.duration.observe({ route }, seconds);
      for (const code of scope.errorCodes) metrics.errors.inc({ code });
      if (route === 'graphql') metrics.statements.observe(scope.statements);
      // A 304 was answered from the cache before any GraphQL ran (src/http/response-cache.ts).
      const responseCache = response.status === 304 && route === 'graphql' ? 'not_modified' : scope.responseCache;
      if (responseCache) metrics.responseCache.inc({ result: responseCache });
      if (scope.operationType === 'mutation') metrics.mutations.inc({ outcome: scope.errorCodes[0] ?? 'ok' });

      const entry = {
        reqId: scope.id,
        method: request.method,
        path: pathname,
        status: response.status,
        durationMs: Math.round(seconds * 10_000) / 10,
        ...(scope.operationName ? { operationName: scope.operationName } : {}),
        ...(scope.operationType ? { operationType: scope.operationType } : {}),
        cypherStatements: scope.statements,
        ...(responseCache ? { responseCache } : {}),
        ...(scope.errorCodes.length ? { errorCodes: [...new Set(scope.errorCodes)] } : {}),
      };
      // Probes and scrapes come every few seconds: keep them out of the info log.
      if (route === 'graphql' || route === 'other') logger.info(entry, 'request');
      else logger.debug(entry, 'request');
    },
  };
}
