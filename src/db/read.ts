import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';
import { countStatement } from '../request-scope.js';
import { readTimeoutOf } from './driver.js';

/**
 * The read path of every repository: a managed read transaction (retried by the driver when a
 * failure is transient, routed to a read replica on a cluster) with a time limit, after which
 * Neo4j stops the query (the client hears TIMEOUT, see src/errors.ts). Each statement sent is
 * counted for the request it serves (src/request-scope.ts).
 */
export type Read = <Row extends RecordShape>(query: string, params: Record<string, unknown>) => Promise<Row[]>;

export function createRead(driver: Driver, database: string, { timeoutMs = readTimeoutOf(driver) } = {}): Read {
  return async <Row extends RecordShape>(query: string, params: Record<string, unknown>) => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead(
        (tx) => {
          countStatement();
          return tx.run<Row>(query, params);
        },
        { timeout: timeoutMs },
      );
      return result.records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  };
}
