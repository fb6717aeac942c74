import { setTimeout as sleep } from 'node:timers/promises';
import neo4j, { isRetriableError, type RecordShape } from 'neo4j-driver';
import type { Causality, StatementCounter } from '../request-scope.js';
import type { GraphDatabase, ReadLimits } from './driver.js';
import { ReadTimeoutError } from '../errors/database.js';

/**
 * The read path of every repository: one auto-commit query in a read session (routed to a read
 * replica on a cluster) with a time limit, retried while failures are transient. Each statement
 * sent is counted on the counter of the request it serves, if any (src/request-scope.ts), and
 * follows the request's bookmarks when it has any (a replica answers once it has those writes).
 */
export type Read = <Row extends RecordShape>(query: string, params: Record<string, unknown>) => Promise<Row[]>;

/**
 * Why auto-commit rather than a managed transaction (`executeRead`): a read is one statement, and
 * a transaction around it costs two more Bolt messages (BEGIN, COMMIT), a round trip and a socket
 * write each, which profiles showed as the largest single cost of serving a request. The driver
 * retries only managed transactions, so transient failures are retried here, the way it would:
 * backoff from RETRY_DELAY_MS, doubling, with jitter, for up to NEO4J_RETRY_TIME_MS.
 *
 * The time limit is kept on both sides. Neo4j is told it (so it stops the query even if this
 * process dies), but it only notices every couple of seconds (db.transaction.monitor.check.interval),
 * so the client also stops waiting when the time is up and closes the session, whose RESET ends the
 * query on the server at once. Each attempt gets a clock of its own, started once a pooled
 * connection is asked for (waiting for one has its own limit, src/db/driver.ts).
 *
 * While Neo4j is away, reads are refused at once by the database's breaker (src/db/breaker.ts).
 */
export function createRead(
  { driver, database, read, breaker }: GraphDatabase,
  { counter, causality, ...overrides }: Partial<ReadLimits> & { counter?: StatementCounter; causality?: Causality } = {},
): Read {
  const { timeoutMs, retryTimeMs } = { ...read, ...overrides };

  const attempt = async <Row extends RecordShape>(query: string, params: Record<string, unknown>): Promise<Row[]> => {
    if (counter) counter.statements++;
    // All records in one PULL: the caller needs them all anyway, and a result left half-pulled
    // when the time is up would make the close below send a DISCARD that races the RESET.
    const bookmarks = causality?.bookmarks;
    const session = driver.session({ database, defaultAccessMode: neo4j.session.READ, fetchSize: FETCH_ALL, ...(bookmarks?.length ? { bookmarks } : {}) });
    let timer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const deadline = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        timedOut = true;
        reject(new ReadTimeoutError(timeoutMs));
      }, timeoutMs);
    });
    // A Result is a thenable that runs on first subscription; wrap it so it can be raced and caught.
    const work = Promise.resolve(session.run<Row>(query, params, { timeout: timeoutMs }));
    try {
      const { records } = await Promise.race([work, deadline]);
      return records.map((record) => record.toObject());
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

  const withRetries = async <Row extends RecordShape>(query: string, params: Record<string, unknown>): Promise<Row[]> => {
    const started = Date.now();
    // The breaker's trial read, while Neo4j is away, asks once: retrying it only delays the news.
    const retryFor = breaker.away ? 0 : retryTimeMs;
    for (let delay = RETRY_DELAY_MS; ; delay *= 2) {
      try {
        return await attempt<Row>(query, params);
      } catch (error) {
        if (!isRetriableError(error as Error) || Date.now() - started >= retryFor) throw error;
        await sleep(delay * (1 + RETRY_JITTER * (2 * Math.random() - 1)));
      }
    }
  };

  return <Row extends RecordShape>(query: string, params: Record<string, unknown>) => breaker.run(() => withRetries<Row>(query, params));
}

const FETCH_ALL = -1;
/** The driver's own retry schedule for managed transactions. */
const RETRY_DELAY_MS = 1_000;
const RETRY_JITTER = 0.2;
