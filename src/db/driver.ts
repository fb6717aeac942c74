import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { type Driver } from 'neo4j-driver';
import { loadConfig, type Config, type DriverSettings } from '../config.js';
import { ReadBreaker } from './breaker.js';
import { disableNagleOnClientSockets } from './tcp-nodelay.js';

export type Neo4jConnection = Config['neo4j'] & { uri: string };

const DEFAULT_SETTINGS: DriverSettings = loadConfig({}).driver;

// The read and write transaction timeouts and the read breaker belong to the driver, so that every
// repository built on a driver (src/repositories/index.ts passes only the driver on) reads under
// them without each caller passing them along, and all reads share what one learns of Neo4j.
const readSettings = new WeakMap<Driver, ReadSettings>();

/** How reads through a driver are limited: their time limit, and how long transient failures are retried. */
export interface ReadSettings {
  timeoutMs: number;
  retryTimeMs: number;
}
const breakers = new WeakMap<Driver, ReadBreaker>();

/** The time limits of writes through a driver (src/db/write.ts): the API's, and an import's per transaction. */
export interface WriteSettings {
  timeoutMs: number;
  importTimeoutMs: number;
}
const writeSettings = new WeakMap<Driver, WriteSettings>();

/** One Driver per process: created by the entry point and passed down, never at import time. */
export function createDriver(connection: Neo4jConnection, settings: DriverSettings = DEFAULT_SETTINGS): Driver {
  disableNagleOnClientSockets();
  const driver = neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
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
  readSettings.set(driver, { timeoutMs: settings.readTimeoutMs, retryTimeMs: settings.retryTimeMs });
  writeSettings.set(driver, { timeoutMs: settings.writeTimeoutMs, importTimeoutMs: settings.importTimeoutMs });
  return driver;
}

/** The read settings the driver was created with (the defaults for others). */
export const readSettingsOf = (driver: Driver): ReadSettings =>
  readSettings.get(driver) ?? { timeoutMs: DEFAULT_SETTINGS.readTimeoutMs, retryTimeMs: DEFAULT_SETTINGS.retryTimeMs };

/** The write settings the driver was created with (the defaults for others). */
export const writeSettingsOf = (driver: Driver): WriteSettings =>
  writeSettings.get(driver) ?? { timeoutMs: DEFAULT_SETTINGS.writeTimeoutMs, importTimeoutMs: DEFAULT_SETTINGS.importTimeoutMs };

/** The breaker shared by every read through this driver. */
export function breakerOf(driver: Driver): ReadBreaker {
  let breaker = breakers.get(driver);
  if (!breaker) breakers.set(driver, (breaker = new ReadBreaker()));
  return breaker;
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
