import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { type Driver } from 'neo4j-driver';
import { DEFAULT_DRIVER_SETTINGS, type Config, type DriverSettings } from '../config.js';
import { ReadBreaker } from './breaker.js';
import { disableNagleOnClientSockets } from './tcp-nodelay.js';

export type Neo4jConnection = Config['neo4j'] & { uri: string };

const DEFAULT_SETTINGS: DriverSettings = DEFAULT_DRIVER_SETTINGS;

/** How reads are limited: their time limit, and how long transient failures are retried (src/db/read.ts). */
export interface ReadLimits {
  timeoutMs: number;
  retryTimeMs: number;
}

/** The time limits of writes (src/db/write.ts): the API's, and an import's per transaction. */
export interface WriteLimits {
  timeoutMs: number;
  importTimeoutMs: number;
}

/**
 * The database everything that sends Cypher is given (repositories, src/db/read.ts and write.ts,
 * analytics, ingest): the driver, the database's name, the limits reads and writes run under, and
 * the breaker every read shares, so that all reads learn at once that Neo4j is away. An entry
 * point creates one and passes it down.
 */
export interface GraphDatabase {
  driver: Driver;
  /** The database's name on the server (NEO4J_DATABASE). */
  database: string;
  read: ReadLimits;
  write: WriteLimits;
  breaker: ReadBreaker;
}

/** A driver and everything reads and writes through it need, with the configured settings. */
export function createGraphDatabase(connection: Neo4jConnection, settings: DriverSettings = DEFAULT_SETTINGS): GraphDatabase {
  return graphDatabaseOn(createDriver(connection, settings), connection.database, settings);
}

/** A GraphDatabase over a driver made elsewhere (a test's counting driver, a tool's own). */
export function graphDatabaseOn(driver: Driver, database: string, settings: DriverSettings = DEFAULT_SETTINGS): GraphDatabase {
  return {
    driver,
    database,
    read: { timeoutMs: settings.readTimeoutMs, retryTimeMs: settings.retryTimeMs },
    write: { timeoutMs: settings.writeTimeoutMs, importTimeoutMs: settings.importTimeoutMs },
    breaker: new ReadBreaker(),
  };
}

/** One Driver per process: created by the entry point and passed down, never at import time. */
export function createDriver(connection: Neo4jConnection, settings: DriverSettings = DEFAULT_SETTINGS): Driver {
  disableNagleOnClientSockets();
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    // Fail fast when the database is away rather than after the driver's defaults (30 s to
    // connect, 60 s to wait for a pooled connection, 30 s of retries), so that clients hear
    // SERVICE_UNAVAILABLE or TIMEOUT within seconds.
    connectionTimeout: settings.connectionTimeoutMs,
    connectionAcquisitionTimeout: settings.acquisitionTimeoutMs,
    maxTransactionRetryTime: settings.retryTimeMs,
    maxConnectionPoolSize: settings.maxPoolSize,
    // Counts, years and positions are far below 2^53: plain numbers, converted once, here.
    disableLosslessIntegers: true,
  });
}


/**
 * Resolves once the database answers a query. `stillStarting` lets a caller stop waiting as soon
 * as the server process it launched has died (or it is shutting down). Authentication errors end
 * the wait at once.
 */
export async function waitForDatabase(
  driver: Driver,
  database: string,
  { timeoutMs = 120_000, stillStarting = () => true }: { timeoutMs?: number; stillStarting?: () => boolean } = {},
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await driver.executeQuery('RETURN 1', {}, { database });
      return;
    } catch (error) {
      const code = (error as { code?: string }).code ?? '';
      if (code.startsWith('Neo.ClientError.Security')) throw error;
      if (!stillStarting() || Date.now() > deadline) throw error;
      await sleep(500);
    }
  }
}

/**
 * Whether the database answers a trivial read within `timeoutMs`: the readiness probe. Never
 * throws; a hung server counts as unreachable.
 */
export async function databaseReachable(driver: Driver, database: string, timeoutMs: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const answered = driver
    .executeQuery('RETURN 1', {}, { database, routing: neo4j.routing.READ })
    .then(() => true, () => false);
  try {
    return await Promise.race([answered, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
