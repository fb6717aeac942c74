import { setTimeout as sleep } from 'node:timers/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { warmUpGds } from './analytics/warm-up.js';
import { planLongStatements } from './repositories/warm-up.js';
import { ConfigError, type Config } from './config.js';
import { createGraphDatabase, databaseReachable, waitForDatabase } from './db/driver.js';
import { readGraphVersion } from './db/graph-version.js';
import { applySchema } from './db/migrate.js';
import { rekeyOrganizations } from './ingest/rekey-organizations.js';
import { startMetricsServer, type MetricsServer } from './http/metrics-server.js';
import type { StartupStep } from './http/startup-gate.js';
import { createResponseCache } from './http/response-cache.js';
import { seedIfEmpty } from './ingest/seed.js';
import type { Logger } from './logger.js';
import { createMetrics } from './metrics.js';
import { createRepositoryFactory } from './repositories/index.js';
import { GRAPHQL_PATH, createYogaServer } from './yoga.js';

export interface RunningServer {
  url: string;
  /** Where Prometheus scrapes: the metrics' own port (METRICS_HOST:METRICS_PORT). */
  metricsUrl: string;
  /**
   * Resolves once the server answers queries: Neo4j reached, schema applied, seed loaded. Until
   * then GraphQL answers 503 SERVICE_UNAVAILABLE. Already resolved when startServer waited.
   */
  serving: Promise<void>;
  /** What start-up waits for now; undefined once serving. */
  pendingStep: () => StartupStep | undefined;
  /** Stops taking connections, lets in-flight requests finish (up to the shutdown timeout), closes the driver. */
  close: () => Promise<void>;
}

export interface StartOptions {
  /**
   * Resolve only once Neo4j answers and the schema is applied (at most a minute, else fail): the
   * default, for tests and scripts. `false` serves at once, /ready answering 503 until Neo4j is
   * there, which the entry point wants: a database that is late or away must not stop the process.
   */
  waitForNeo4j?: boolean;
}

/** How long /ready waits for Neo4j to answer before calling it unreachable. */
const READY_PROBE_MS = 2_000;
const PREPARE_RETRY_MS = 2_000;

/**
 * Wires the process together: the configured Neo4j, the schema's constraints, the seed for an
 * empty graph, and the HTTP server. The server never starts a Neo4j itself: in development,
 * `npm start` (scripts/start.ts) starts the project's own and passes its NEO4J_URI.
 */
export async function startServer(config: Config, logger: Logger, { waitForNeo4j = true }: StartOptions = {}): Promise<RunningServer> {
  const uri = config.neo4j.uri;
  if (!uri) throw new ConfigError("NEO4J_URI is not set: set NEO4J_URI, or run `npm start`, which starts the project's own Neo4j");
  const db = createGraphDatabase({ ...config.neo4j, uri }, config.driver);
  const { driver, database } = db;
  const metrics = createMetrics();
  db.breaker.onChange = (away) => {
    metrics.databaseUp.set(away ? 0 : 1);
    if (away) logger.warn({ uri }, 'Neo4j is away: reads are refused (SERVICE_UNAVAILABLE) and retried once a second');
    else logger.info({ uri }, 'Neo4j is back: serving reads');
  };
  let pendingStep: StartupStep | undefined = 'waiting for Neo4j';
  let draining = false;

  const prepare = async (timeoutMs: number) => {
    pendingStep = 'waiting for Neo4j';
    await waitForDatabase(driver, database, { timeoutMs, stillStarting: () => !draining });
    if (config.applySchema) {
      pendingStep = 'applying the schema';
      const statements = await applySchema(driver, database);
      logger.info({ uri, database, statements }, 'Neo4j ready, constraints and indexes applied');
      const rekeyed = await rekeyOrganizations(driver, database);
      if (rekeyed) logger.info({ organizations: rekeyed }, "Organizations given today's name keys (a graph imported under an earlier rule)");
    } else logger.info({ uri, database }, 'Neo4j ready (schema left as it is)');
    if (config.seedOnEmpty) {
      pendingStep = 'loading the seed';
      if (await seedIfEmpty(db)) logger.info('Empty graph: seed loaded');
    }
    // Graph Data Science loads its classes on its first call after a fresh Neo4j start, which
    // takes longer than the read time limit, and plain reads sent meanwhile stalled past theirs
    // (the first reads after the address was logged all ended in TIMEOUT). So that is paid before
    // serving, not by the first clients; the log line below says what it cost this time.
    pendingStep = 'warming up Graph Data Science';
    const warmed = await warmUpGds(driver, database);
    if ('millis' in warmed) logger.info({ millis: warmed.millis }, 'Graph Data Science warmed up');
    else logger.warn({ err: warmed.error }, 'Graph Data Science did not answer: analytics fields will fail (see docs/analytics.md)');
    pendingStep = 'planning the suggestion statements';
    try {
      logger.info(await planLongStatements(db, { maxAuthorsPerPaper: config.maxAuthorsPerPaper }), 'Suggestion statements planned');
    } catch (error) {
      logger.warn({ err: error }, 'Suggestion statements not planned ahead: their first calls plan them');
    }
    pendingStep = undefined;
  };

  if (waitForNeo4j) {
    try {
      await prepare(60_000);
    } catch (error) {
      await driver.close();
      throw error;
    }
  }

  const ready = async () => {
    if (draining || pendingStep) return false;
    const up = await databaseReachable(driver, database, READY_PROBE_MS);
    metrics.databaseUp.set(up ? 1 : 0);
    return up;
  };

  const responseCache = config.responseCache
    ? createResponseCache({ settings: config.responseCache, readVersion: () => readGraphVersion(driver, database), logger, metrics, graphqlPath: GRAPHQL_PATH })
    : undefined;
  const yoga = createYogaServer({
    repositories: createRepositoryFactory(db, { maxAuthorsPerPaper: config.maxAuthorsPerPaper }),
    logger,
    apiTokens: config.apiTokens,
    profile: config.profile,
    limits: config.limits,
    bodyLimitBytes: config.httpSettings.bodyLimitBytes,
    frontend: config.frontend,
    ready,
    pendingStartupStep: () => pendingStep,
    draining: () => draining,
    metrics,
    metricsToken: config.metrics.token,
    responseCache,
  });
  // Tests and scripts (waiting for Neo4j) start with a cache that serves: Redis connected, version read.
  if (waitForNeo4j) await responseCache?.ready(5_000);
  const { requestTimeoutMs, headersTimeoutMs, keepAliveTimeoutMs, shutdownTimeoutMs } = config.httpSettings;
  const http = createServer(
    {
      // Slow or stalled clients (slowloris) lose their connection instead of holding it.
      requestTimeout: requestTimeoutMs,
      headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
      keepAliveTimeout: keepAliveTimeoutMs,
      // How often those two limits are checked (Node's default, 30 s, would let them run over by as much).
      connectionsCheckingInterval: Math.min(1_000, headersTimeoutMs),
    },
    yoga,
  );
  // A socket with no traffic either way for this long is closed, whatever the request is doing
  // (say, a client that stopped reading its response). Longer than the request limits, so that
  // those answer 408 first.
  http.setTimeout(2 * requestTimeoutMs);
  // Malformed or too slow HTTP (no GraphQL yet): answered as Node would, and noted in the log.
  http.on('clientError', (error: NodeJS.ErrnoException, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? '408 Request Timeout' : error.code === 'HPE_HEADER_OVERFLOW' ? '431 Request Header Fields Too Large' : '400 Bad Request';
    logger.debug({ code: error.code, status }, 'Refused malformed or slow HTTP');
    socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
  });
  let metricsServer: MetricsServer;
  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(config.http.port, config.http.host, resolve);
    });
    metricsServer = await startMetricsServer(metrics, config.metrics, logger).catch((error: unknown) => {
      http.close();
      throw new Error(`Cannot serve metrics on ${config.metrics.host}:${config.metrics.port} (METRICS_HOST, METRICS_PORT): ${(error as Error).message}`);
    });
  } catch (error) {
    await responseCache?.close();
    await driver.close();
    throw error;
  }
  const { port } = http.address() as AddressInfo;
  const host = config.http.host === '0.0.0.0' || config.http.host === '127.0.0.1' ? 'localhost' : config.http.host;
  const url = `http://${host}:${port}${GRAPHQL_PATH}`;

  // Not waited for: keep trying until Neo4j answers (or the server stops), /ready saying 503 meanwhile.
  const preparing = !pendingStep
    ? Promise.resolve()
    : (async () => {
        logger.info(
          { uri, database },
          `Waiting for Neo4j, then ${config.applySchema ? 'applying the schema and ' : ''}${config.seedOnEmpty ? 'loading the seed into an empty graph' : 'nothing else'}; GraphQL answers 503 SERVICE_UNAVAILABLE until then`,
        );
        while (!draining) {
          try {
            return await prepare(Number.POSITIVE_INFINITY);
          } catch (error) {
            if (draining) return;
            logger.warn({ err: error }, 'Neo4j is not ready yet; trying again');
            await sleep(PREPARE_RETRY_MS);
          }
        }
      })();

  return {
    url,
    metricsUrl: metricsServer.url,
    serving: preparing,
    pendingStep: () => pendingStep,
    close: async () => {
      draining = true; // /ready now says 503, so a load balancer stops sending
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      // close() ends idle keep-alive connections once; those busy now become idle when their
      // response is sent, so keep ending idle ones until all are gone, and cut the rest at the limit.
      const idle = setInterval(() => http.closeIdleConnections(), 50);
      const limit = setTimeout(() => {
        logger.warn({ shutdownTimeoutMs }, 'Requests still running at the shutdown limit; closing their connections');
        http.closeAllConnections();
      }, shutdownTimeoutMs);
      try {
        await closed;
      } finally {
        clearInterval(idle);
        clearTimeout(limit);
      }
      await preparing;
      await metricsServer.close();
      await yoga.dispose();
      await responseCache?.close();
      await driver.close();
    },
  };
}
