import { pino, type DestinationStream, type Logger } from 'pino';
import type { Config } from './config.js';

/**
 * Structured JSON logs; readable lines when a person watches a terminal (not in CI or pipes).
 * Lines about a request carry its id (`reqId`): the request line, and its unexpected errors.
 */
export function createLogger(level: Config['logLevel'], destination?: DestinationStream): Logger {
  const pretty = !destination && process.stdout.isTTY && !process.env.CI;
  const options = {
    level,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  };
  return destination ? pino(options, destination) : pino(options);
}

export type { Logger };
