import neo4j, { Neo4jError, type ManagedTransaction, type QueryResult, type RecordShape } from 'neo4j-driver';
import type { Causality, StatementCounter } from '../request-scope.js';
import type { GraphDatabase } from './driver.js';
import { WriteTimeoutError } from '../errors/database.js';

/**
 * The write path: every write transaction the server or an import sends goes through here, so
 * that each one
 *
 * - runs under a time limit (NEO4J_WRITE_TIMEOUT_MS for the API, NEO4J_IMPORT_TIMEOUT_MS for
 *   `npm run import`), which Neo4j enforces: a transaction over it is rolled back, nothing of it
 *   lands, and the caller gets a WriteTimeoutError (TIMEOUT for clients). A write waiting for a
 *   lock another transaction holds is stopped the same way;
 * - counts its statements on the request's counter, like reads (src/db/read.ts);
 * - follows the request's bookmarks (what the client saw, or wrote earlier in the request) and
 *   leaves its own bookmark there, which the request's later reads follow and its response carries
 *   (X-Neo4j-Bookmark): on a cluster, a read replica then serves them only once it has the write.
 *
 * Unlike reads, there is no clock on this side: a write abandoned by the client while its COMMIT
 * is on the way might still land, and the client would be told it did not. Neo4j's own limit is
 * the one that decides, and it answers for it.
 */
export type WriteTransaction = Pick<ManagedTransaction, 'run'>;

export interface Write {
  /** One managed write transaction (retried by the driver on transient failures); `work` may run more than once. */
  transaction<T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T>;
  /** One statement in a transaction of its own. */
  statement<Row extends RecordShape = RecordShape>(query: string, params?: Record<string, unknown>): Promise<QueryResult<Row>>;
}

/** How one write path differs from the database's API writes: its time limit, its request's counter and bookmarks. */
export interface WritePathOptions {
  /** Defaults to the database's NEO4J_WRITE_TIMEOUT_MS (src/db/driver.ts). */
  timeoutMs?: number;
  counter?: StatementCounter;
  causality?: Causality;
}

/** What Neo4j answers when it stops a transaction, be it for its time limit or while it waited for a lock. */
const STOPPED_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
  'Neo.ClientError.Transaction.LockClientStopped',
  'Neo.TransientError.Transaction.LockClientStopped',
  'Neo.ClientError.Transaction.Terminated',
  'Neo.TransientError.Transaction.Terminated',
]);

export function createWrite({ driver, database, write }: GraphDatabase, { timeoutMs, counter, causality }: WritePathOptions = {}): Write {
  const limit = timeoutMs ?? write.timeoutMs;

  const transaction = async <T>(work: (tx: WriteTransaction) => Promise<T>): Promise<T> => {
    const bookmarks = causality?.bookmarks;
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE, ...(bookmarks?.length ? { bookmarks } : {}) });
    const started = Date.now();
    try {
      const result = await session.executeWrite(
        (tx) =>
          work({
            run: ((query: string, params?: Record<string, unknown>) => {
              if (counter) counter.statements++;
              return tx.run(query, params);
            }) as WriteTransaction['run'],
          }),
        { timeout: limit },
      );
      if (causality) causality.bookmarks = causality.written = session.lastBookmarks();
      return result;
    } catch (error) {
      // Terminated or lock-waiting transactions end with codes that also have other causes; past
      // the limit, the limit is the cause.
      if (error instanceof Neo4jError && STOPPED_CODES.has(error.code) && Date.now() - started >= limit) {
        throw new WriteTimeoutError(limit, { cause: error });
      }
      throw error;
    } finally {
      await session.close();
    }
  };

  return {
    transaction,
    statement: <Row extends RecordShape = RecordShape>(query: string, params: Record<string, unknown> = {}) =>
      transaction(async (tx) => (await tx.run(query, params)) as unknown as QueryResult<Row>),
  };
}
