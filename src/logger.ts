import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';
import { currentRequest } from './request-scope.js';

/**
 * Structured JSON logs; readable lines when a person watches a terminal (not in CI or pipes).
 * Every line logged while serving a request carries that request's id (`reqId`).
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const pretty = !destination && process.stdout.isTTY && !process.env.CI;
  const options = {
    level,
    mixin: () => {
      const request = currentRequest();
      return request ? { reqId: request.id } : {};
    },
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
