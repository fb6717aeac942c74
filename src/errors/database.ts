import { Neo4jError } from 'neo4j-driver';

/**
 * The database failures a client is told about as such (src/errors/mask.ts): Neo4j being away
 * (SERVICE_UNAVAILABLE), a read or write running out of time (TIMEOUT), and a bookmark Neo4j
 * cannot read (BAD_BOOKMARK, a BAD_USER_INPUT for the client). Anything else from the driver is a
 * bug or a misconfiguration, masked and logged. The classes are thrown by src/db/ and are not
 * coded errors: their messages are for the log, and the mask gives clients a message of its own.
 * They live here, below src/db/, so that the mask can tell them apart.
 */

/**
 * The header that carries bookmarks (src/http/bookmarks.ts): here because the error for a bookmark
 * Neo4j cannot read names it.
 */
export const BOOKMARK_HEADER = 'X-Neo4j-Bookmark';
/** `extensions.reason` of the BAD_USER_INPUT a bad bookmark gets. */
export const INVALID_BOOKMARK = 'INVALID_BOOKMARK';

/** A read that ran past its time limit. */
export class ReadTimeoutError extends Error {
  override name = 'ReadTimeoutError';
  constructor(readonly timeoutMs: number) {
    super(`Read transaction stopped after ${timeoutMs} ms`);
  }
}

/** A write transaction stopped by Neo4j at its time limit (src/db/write.ts): rolled back, nothing written. */
export class WriteTimeoutError extends Error {
  override name = 'WriteTimeoutError';
  constructor(
    readonly timeoutMs: number,
    options?: ErrorOptions,
  ) {
    super(`Write transaction stopped after ${timeoutMs} ms and rolled back`, options);
  }
}

/** A read refused without trying, because Neo4j was found away moments ago (src/db/breaker.ts). */
export class DatabaseAwayError extends Error {
  override name = 'DatabaseAwayError';
  constructor(readonly awayForMs: number) {
    super(`Neo4j has not answered for ${awayForMs} ms; not trying again yet`);
  }
}

const TIMEOUT_CODES = new Set([
  'Neo.ClientError.Transaction.TransactionTimedOut',
  'Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration',
]);
const UNAVAILABLE_CODES = new Set([
  'ServiceUnavailable',
  'SessionExpired',
  'Neo.TransientError.General.DatabaseUnavailable',
]);

/** A bookmark (X-Neo4j-Bookmark, src/http/bookmarks.ts) well formed on its face that Neo4j could not parse. */
const BAD_BOOKMARK_CODES = new Set(['Neo.ClientError.Transaction.InvalidBookmark', 'Neo.ClientError.Transaction.InvalidBookmarkMixture']);

/**
 * TIMEOUT (WRITE_TIMEOUT for a write), SERVICE_UNAVAILABLE or BAD_BOOKMARK when the error, or one it wraps, is such a
 * failure; AWAY when the read was not even tried (a SERVICE_UNAVAILABLE too, for the client).
 */
export function databaseFailure(error: unknown): 'TIMEOUT' | 'WRITE_TIMEOUT' | 'SERVICE_UNAVAILABLE' | 'AWAY' | 'BAD_BOOKMARK' | undefined {
  let current: unknown = error;
  for (let depth = 0; current instanceof Error && depth < 5; depth++) {
    if (current instanceof ReadTimeoutError) return 'TIMEOUT';
    if (current instanceof WriteTimeoutError) return 'WRITE_TIMEOUT';
    if (current instanceof DatabaseAwayError) return 'AWAY';
    if (current instanceof Neo4jError) {
      if (TIMEOUT_CODES.has(current.code)) return 'TIMEOUT';
      if (UNAVAILABLE_CODES.has(current.code)) return 'SERVICE_UNAVAILABLE';
      if (BAD_BOOKMARK_CODES.has(current.code)) return 'BAD_BOOKMARK';
      // The pool's own timeout has no code of its own ("N/A"), only this message.
      if (/^Connection acquisition timed out/.test(current.message)) return 'TIMEOUT';
      return undefined;
    }
    current = (current as { originalError?: unknown }).originalError ?? current.cause;
  }
  return undefined;
}
