import neo4j, { type Driver } from 'neo4j-driver';
import type { Config } from '../config.js';

export type Neo4jConnection = Config['neo4j'] & { uri: string };

/** One Driver per process: created by the entry point and passed down, never at import time. */
export function createDriver(connection: Neo4jConnection): Driver {
  return neo4j.driver(connection.uri, neo4j.auth.basic(connection.user, connection.password), {
    // Fail fast when the database is away rather than after the driver's default 30 s.
    connectionTimeout: 3_000,
    connectionAcquisitionTimeout: 5_000,
    maxConnectionPoolSize: 50,
    // Counts, years and positions are far below 2^53: plain numbers, converted once, here.
    disableLosslessIntegers: true,
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Resolves once the database answers a query. `stillStarting` lets a caller stop waiting as soon
 * as the server process it launched has died. Authentication errors end the wait at once.
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
