import { createRedisCache } from '@envelop/response-cache-redis';
import { createInMemoryCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** Where cached responses live: this process's memory, or a Redis shared by every server. */
export interface Store {
  cache: () => Cache;
  /** Whether it can take reads and writes now (Redis: connected). */
  connected: () => boolean;
  /** Forget everything (memory only: Redis keys of older versions just expire). */
  flush: () => void;
  close: () => Promise<void>;
}

/** An LRU of at most `max` responses; a flush drops it whole and starts a new one. */
export function memoryStore(max: number): Store {
  let cache = createInMemoryCache({ max });
  return {
    cache: () => cache,
    connected: () => true,
    flush: () => void (cache = createInMemoryCache({ max })),
    close: async () => {},
  };
}

/**
 * Redis, shared by every server that names it. Keys live under `scholar-graph:response:` and
 * expire with their TTL; entries of older graph versions are never read again and expire too.
 * Redis being away must not stall reads: commands fail at once when it is not connected (no
 * offline queue) or after a second, and a failed read is a miss, a failed write is skipped.
 */
export function redisStore(url: string, logger: Logger): Store {
  const redis = new Redis(url, {
    keyPrefix: 'scholar-graph:response:',
    enableOfflineQueue: false,
    maxRetriesPerRequest: 1,
    commandTimeout: 1_000,
  });
  let lastWarning = 0;
  const warn = (error: unknown) => {
    // At most one line a minute while Redis is away; ioredis reconnects by itself.
    if (Date.now() - lastWarning < 60_000) return;
    lastWarning = Date.now();
    logger.warn({ err: error }, 'Redis (response cache) failed: reads are served uncached meanwhile');
  };
  redis.on('error', warn);
  const inner = createRedisCache({ redis });
  const cache: Cache = {
    get: async (key) => {
      try {
        return await inner.get(key);
      } catch (error) {
        warn(error);
        return null;
      }
    },
    // No entity sets: invalidation is by version, and the sets would only grow.
    set: async (key, result, _entities, ttl) => {
      try {
        await inner.set(key, result, [], ttl);
      } catch (error) {
        warn(error);
      }
    },
    invalidate: () => {},
  };
  return {
    cache: () => cache,
    connected: () => redis.status === 'ready',
    flush: () => {},
    close: async () => {
      await redis.quit().catch(() => redis.disconnect());
    },
  };
}
