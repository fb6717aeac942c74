import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

/** Structured JSON logs; readable lines when a person watches a terminal (not in CI or pipes). */
export function createLogger(level: Config['logLevel']): Logger {
  const pretty = process.stdout.isTTY && !process.env.CI;
  return pino({
    level,
    ...(pretty ? { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } } : {}),
  });
}

export type { Logger };
