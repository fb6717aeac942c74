/**
 * The errors a client is meant to see, whichever layer finds them: repositories, analytics, the
 * HTTP plugins and the schema throw these, and nothing else builds a GraphQLError. Each has the
 * code clients branch on (`extensions.code`), a message written for the client (shown as it is),
 * and the HTTP status it gets when it is the whole answer (the export, the startup gate, ...).
 *
 * `extensions` is what graphql-js and graphql-jit copy from an error a resolver throws, so a
 * coded error reaches the response as `{code, ...details}` without being rebuilt (src/errors/
 * mask.ts lets it pass). Errors of the database or of Pothos are not coded: mask.ts turns those
 * it knows into one of these, and masks the rest.
 */
export class CodedError extends Error {
  override name = 'CodedError';
  constructor(
    message: string,
    /** `extensions.code`. */
    readonly code: string,
    /** The HTTP status when this error is the whole answer. */
    readonly status: number,
    /** The other extensions, after `code`, in this order. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super(message);
  }

  get extensions(): Record<string, unknown> {
    return { code: this.code, ...this.details };
  }
}

/** An argument (or header, or query parameter) the client gave is not valid; `argument` names it when one is to blame. */
export class BadInputError extends CodedError {
  override name = 'BadInputError';
  constructor(message: string, details: { argument?: string; [extension: string]: unknown } = {}) {
    super(message, 'BAD_USER_INPUT', 400, details);
  }
}

/** A name given to look something up fits several nodes; `candidates` lists their ids. */
export class AmbiguousNameError extends CodedError {
  override name = 'AmbiguousNameError';
  constructor(name: string, candidates: string[]) {
    super(`Several nodes are named "${name}"; ask by id instead (see extensions.candidates).`, 'AMBIGUOUS_NAME', 400, { candidates });
  }
}

/** A write names something that is not there. */
export class NotFoundError extends CodedError {
  override name = 'NotFoundError';
  constructor(message: string) {
    super(message, 'NOT_FOUND', 404);
  }
}

/** Work of which one runs at a time is running already (an analytics run). */
export class AlreadyRunningError extends CodedError {
  override name = 'AlreadyRunningError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'ALREADY_RUNNING', 409, details);
  }
}

/**
 * An identity suggestion that no longer holds: one of its authors is gone (merged or removed),
 * their names now differ, or the pair was decided already. The client asks for suggestions again.
 */
export class StaleSuggestionError extends CodedError {
  override name = 'StaleSuggestionError';
  constructor(message: string) {
    super(message, 'STALE_SUGGESTION', 409);
  }
}

/** The field needs an API token the request does not carry. */
export class UnauthenticatedError extends CodedError {
  override name = 'UnauthenticatedError';
  constructor(message: string) {
    super(message, 'UNAUTHENTICATED', 401);
  }
}

/**
 * A request the server's rules refuse, with a code of its own: too costly (QUERY_TOO_COMPLEX),
 * not a persisted operation (PERSISTED_OPERATIONS_ONLY), a method a path does not answer
 * (METHOD_NOT_ALLOWED).
 */
export class RefusedError extends CodedError {
  override name = 'RefusedError';
  constructor(message: string, code: string, status = 400) {
    super(message, code, status);
  }
}

/** The database took too long: the query was stopped (a write rolled back). Clients may retry. */
export class TimeoutError extends CodedError {
  override name = 'TimeoutError';
  constructor(message: string) {
    super(message, 'TIMEOUT', 504);
  }
}

/** The database, or the server itself (starting, draining), cannot answer now. Clients may retry. */
export class UnavailableError extends CodedError {
  override name = 'UnavailableError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'SERVICE_UNAVAILABLE', 503, details);
  }
}

/** A failure whose message is still worth showing (an analytics run's); anything else is masked as "Unexpected error.". */
export class InternalError extends CodedError {
  override name = 'InternalError';
  constructor(message: string, details: Record<string, unknown> = {}) {
    super(message, 'INTERNAL_SERVER_ERROR', 500, details);
  }
}
