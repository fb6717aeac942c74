import { useGraphQlJit } from '@envelop/graphql-jit';
import { useCSRFPrevention } from '@graphql-yoga/plugin-csrf-prevention';
import { useDeferStream } from '@graphql-yoga/plugin-defer-stream';
import { useDisableIntrospection } from '@graphql-yoga/plugin-disable-introspection';
import { createYoga, useReadinessCheck, type YogaLogger } from 'graphql-yoga';
import type { Logger } from 'pino';
import {
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_LIMITS,
  DEFAULT_PROFILE,
  defaultFrontendSettings,
  type FrontendSettings,
  type HttpSettings,
  type Profile,
  type QueryLimits,
} from './config.js';
import { createContextFactory } from './context.js';
import { logLevelOf, maskError } from './errors/mask.js';
import { corsPolicy, useVaryOnOrigin } from './http/cors.js';
import { exampleTabs } from './http/example-operations.js';
import { useBookmarks } from './http/bookmarks.js';
import { useMutationsRefusedWhileDraining } from './http/draining.js';
import { useExplorer } from './http/explorer.js';
import { EXPORT_PATH, useSubgraphExport } from './http/export.js';
import { renderGraphiQLPage, useGraphiQLAssets } from './http/graphiql.js';
import { usesIncrementalDelivery } from './http/incremental-delivery.js';
import { useObservability } from './http/observability.js';
import { useStartupGate, type StartupStep } from './http/startup-gate.js';
import type { ResponseCache } from './http/response-cache.js';
import { readManifest, usePersistedOperationsOf, type OperationManifest } from './http/persisted-operations.js';
import { useQueryLimits } from './limits/index.js';
import { createMetrics, type Metrics } from './metrics.js';
import type { RepositoriesFor } from './repositories/index.js';
import { requestIdOfError } from './request-scope.js';
import { schema } from './schema/index.js';

export const GRAPHQL_PATH = '/graphql';
/** The header a browser cannot send cross-site without a CORS preflight; GET needs it. */
export const CSRF_HEADER = 'x-graphql-yoga-csrf';

/** The GraphQL server as a fetch handler: the HTTP entry point wraps it, tests call it directly. */
export interface YogaDependencies {
  /** The repositories a request reads through, counting its statements. */
  repositories: RepositoriesFor;
  logger: Logger;
  /** Secrets that authorize writes; none: writes are refused. */
  apiTokens?: readonly string[];
  /** `production`: no GraphiQL, no introspection, no field suggestions. */
  profile?: Profile;
  limits?: QueryLimits;
  bodyLimitBytes?: HttpSettings['bodyLimitBytes'];
  /** CORS origins and persisted operations; by default those of the profile. */
  frontend?: Partial<FrontendSettings>;
  /** The persisted operations; by default schema/persisted-operations.json. */
  operationManifest?: OperationManifest;
  /** Whether the server can serve (answers /ready); by default always. */
  ready?: () => Promise<boolean>;
  /** What start-up still waits for; while it says anything, GraphQL answers 503 (src/http/startup-gate.ts). */
  pendingStartupStep?: () => StartupStep | undefined;
  /** Whether the server is shutting down: mutations are then refused (src/http/draining.ts). */
  draining?: () => boolean;
  metrics?: Metrics;
  /** Also serve /metrics on this port to callers presenting this token; unset: only on the metrics port. */
  metricsToken?: string | undefined;
  /** Reads answered from a cache until the graph changes (src/http/response-cache.ts); none by default. */
  responseCache?: ResponseCache;
}

export function createYogaServer({
  repositories,
  logger,
  apiTokens = [],
  profile = DEFAULT_PROFILE,
  limits = DEFAULT_LIMITS,
  bodyLimitBytes = DEFAULT_BODY_LIMIT_BYTES,
  frontend = {},
  operationManifest,
  ready = async () => true,
  pendingStartupStep = () => undefined,
  draining = () => false,
  metrics = createMetrics(),
  metricsToken,
  responseCache,
}: YogaDependencies) {
  const production = profile === 'production';
  const { corsOrigins, persistedOperations } = { ...defaultFrontendSettings(profile), ...frontend };
  return createYoga({
    schema,
    graphqlEndpoint: GRAPHQL_PATH,
    context: createContextFactory(repositories, apiTokens),
    // Served whole by this server (src/http/graphiql.ts), so it works offline; a tab per example.
    graphiql: production ? false : { title: 'scholar-graph', defaultTabs: exampleTabs() },
    renderGraphiQL: renderGraphiQLPage,
    landingPage: false,
    healthCheckEndpoint: '/health',
    batching: false,
    maxRequestBodySize: bodyLimitBytes,
    cors: corsPolicy(corsOrigins),
    // Never put the original message or stack in a response, whatever NODE_ENV says: the log has them.
    maskedErrors: { maskError, isDev: false },
    logging: yogaLogger(logger),
    plugins: [
      useObservability({ logger, metrics, graphqlPath: GRAPHQL_PATH, metricsToken }),
      useStartupGate({ pendingStep: pendingStartupStep, gatedPaths: [GRAPHQL_PATH, EXPORT_PATH] }),
      useReadinessCheck({ endpoint: '/ready', check: ready }),
      // Scaling out: read-your-writes across copies, and no write started by a copy shutting down.
      useBookmarks(),
      useMutationsRefusedWhileDraining(draining),
      useExplorer(),
      useSubgraphExport({ repositories, logger }),
      ...(production ? [] : [useGraphiQLAssets()]),
      useVaryOnOrigin(corsOrigins),
      useCSRFPrevention({ requestHeaders: [CSRF_HEADER] }),
      ...(persistedOperations === 'off' ? [] : usePersistedOperationsOf(operationManifest ?? readManifest(), persistedOperations)),
      {
        // A body refused half way is still arriving: close the connection rather than leave the
        // client to send its next request after the rest of this one.
        onResponse({ response }) {
          if (response.status === 413) response.headers.set('connection', 'close');
        },
      },
      // Each document is compiled once into a function that executes it (graphql-jit): on lists of
      // objects, such as 50 authors with their coauthors, 1.65x the throughput of graphql-js's
      // interpreter, measured side by side; no different on small queries. It cannot deliver
      // @defer / @stream in parts, so documents using them run on yoga's executor.
      useGraphQlJit({}, { enableIf: ({ document }) => !usesIncrementalDelivery(document) }),
      // @defer and @stream (declared in the schema, src/schema/directives.ts): their validation rules.
      useDeferStream(),
      ...(production ? [useDisableIntrospection()] : []),
      ...useQueryLimits(limits, { blockFieldSuggestions: production }),
      // Last: on a miss it wraps the JIT's executor, and only once the limits let a query run
      // (plugin order is execution order).
      ...(responseCache?.plugins ?? []),
    ],
  });
}

/**
 * Yoga's log calls as structured lines: an error goes under `err`, with its stack and cause.
 * Yoga logs every error it masks at error level; errors that are not bugs go lower (logLevelOf).
 */
function yogaLogger(logger: Logger): YogaLogger {
  const at =
    (level: 'debug' | 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error);
      const text = args.filter((arg) => !(arg instanceof Error)).map((arg) => (typeof arg === 'string' ? arg : JSON.stringify(arg)));
      if (!error) return logger[level](text.join(' '));
      const reqId = requestIdOfError(error);
      logger[level === 'error' ? logLevelOf(error) : level]({ err: error, ...(reqId ? { reqId } : {}) }, text.join(' ') || (error as Error).message);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}
