import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';

/**
 * The read path of every repository: a managed read transaction (retried by the driver when a
 * failure is transient, routed to a read replica on a cluster) with a time limit.
 */
export type Read = <Row extends RecordShape>(query: string, params: Record<string, unknown>) => Promise<Row[]>;

export function createRead(driver: Driver, database: string, { timeoutMs = 5_000 } = {}): Read {
  return async <Row extends RecordShape>(query: string, params: Record<string, unknown>) => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    try {
      const result = await session.executeRead((tx) => tx.run<Row>(query, params), { timeout: timeoutMs });
      return result.records.map((record) => record.toObject());
    } finally {
      await session.close();
    }
  };
}
