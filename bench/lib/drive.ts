import autocannon from 'autocannon';
import { CSRF_HEADER } from '../../src/yoga.js';

export interface Driven {
  result: autocannon.Result;
  /** Answers that carried GraphQL errors. */
  graphqlErrors: number;
  /** Their `extensions.code`s, and how often (UNCODED for an error without one). */
  errorCodes: Record<string, number>;
}

/**
 * autocannon against a GraphQL endpoint for `seconds`: POSTs of the bodies `next` gives, one per
 * request, over `connections` connections. `onLatency` hears each response's time in ms.
 */
export function drive({ url, connections, seconds, next, onLatency }: { url: string; connections: number; seconds: number; next: () => string; onLatency?: (ms: number) => void }): Promise<Driven> {
  let graphqlErrors = 0;
  const errorCodes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url,
        connections,
        duration: seconds,
        method: 'POST',
        headers: { 'content-type': 'application/json', [CSRF_HEADER]: '1' },
        requests: [
          {
            setupRequest: (request) => ({ ...request, body: next() }),
            onResponse: (_status, body) => {
              if (!body.includes('"errors"')) return;
              graphqlErrors++;
              const codes = [...body.matchAll(/"code":"([A-Z_]+)"/g)].map((match) => match[1]!);
              for (const code of codes.length ? codes : ['UNCODED']) errorCodes[code] = (errorCodes[code] ?? 0) + 1;
            },
          },
        ],
      },
      (error, result) => (error ? reject(error) : resolve({ result, graphqlErrors, errorCodes })),
    );
    if (onLatency) instance.on('response', (_client, _status, _bytes, ms) => onLatency(ms));
  });
}

/** Sends `bodies` in turn, so that no two consecutive requests are the same. */
export const inTurn = (bodies: string[]) => {
  let index = 0;
  return () => bodies[index++ % bodies.length]!;
};

/** The sum of connection errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
export const failedRequests = ({ result, graphqlErrors }: Driven) => result.errors + result.timeouts + result.non2xx + graphqlErrors;
