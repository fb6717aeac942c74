import neo4j, { type Driver, type RecordShape } from 'neo4j-driver';
import { countStatement } from '../request-scope.js';
import { breakerOf, readTimeoutOf } from './driver.js';
import { ReadTimeoutError } from './failures.js';

/**
 * The read path of every repository: a managed read transaction (retried by the driver when a
 * failure is transient, routed to a read replica on a cluster) with a time limit. Each statement
 * sent is counted for the request it serves (src/request-scope.ts).
 */
export type Read = <Row extends RecordShape>(query: string, params: Record<string, unknown>) => Promise<Row[]>;

/**
 * The limit is kept on both sides. Neo4j is told it (so it stops the query even if this process
 * dies), but it only notices every couple of seconds (db.transaction.monitor.check.interval), so
 * the client also stops waiting when the time is up and closes the session, whose RESET ends the
 * query on the server at once. The clock starts when the transaction does, after a pooled
 * connection was found (waiting for one has its own limit, src/db/driver.ts).
 *
 * While Neo4j is away, reads are refused at once by the driver's breaker (src/db/breaker.ts).
 */
export function createRead(driver: Driver, database: string, { timeoutMs = readTimeoutOf(driver) } = {}): Read {
  const breaker = breakerOf(driver);
  const readOnce = async <Row extends RecordShape>(query: string, params: Record<string, unknown>) => {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ });
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    let expire: (error: Error) => void = () => {};
    const deadline = new Promise<never>((_resolve, reject) => {
      expire = reject;
    });
    const work = session.executeRead(
      (tx) => {
        countStatement();
        clearTimeout(timer); // a retry gets a clock of its own, as it does on the server
        timer = setTimeout(() => {
          timedOut = true;
          expire(new ReadTimeoutError(timeoutMs));
        }, timeoutMs);
        return tx.run<Row>(query, params);
      },
      { timeout: timeoutMs },
    );
    try {
      const result = await Promise.race([work, deadline]);
      return result.records.map((record) => record.toObject());
    } finally {
      clearTimeout(timer);
      if (timedOut) {
        // Cancelled by the close below; its failure is the expected end of the abandoned work.
        work.catch(() => {});
        // Not awaited: a server that hangs would never answer the RESET.
        session.close().catch(() => {});
      } else {
        await session.close();
      }
    }
  };
  return <Row extends RecordShape>(query: string, params: Record<string, unknown>) => breaker.run(() => readOnce<Row>(query, params));
}
