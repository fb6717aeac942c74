import { createHash } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createRedisCache } from '@envelop/response-cache-redis';
import { createInMemoryCache, hashSHA256, useResponseCache, type Cache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { stringify } from 'safe-stable-stringify';
import type { ResponseCacheSettings } from '../config.js';
import type { Metrics } from '../metrics.js';
import { requestScopeOf } from '../request-scope.js';
import { BOOKMARK_HEADER } from './bookmarks.js';

/**
 * The response cache: a read answered once is answered again from memory (or Redis) without a
 * Cypher statement, until the graph changes.
 *
 * What is cached: every query without errors, for everyone alike (reads are public; a token only
 * matters to writes, src/auth.ts), keyed by document, operation name and variables. Mutations
 * never are.
 *
 * How it is invalidated: by the graph's version (src/db/graph-version.ts), which changes with
 * every commit, whoever makes it. The version is part of every cache key, so a write makes every
 * older entry unreachable at once: no write path has to name what it touched. In a graph that
 * is also the only sound rule: a new paper changes paths, counts, rankings and ego networks of
 * responses that never named it, and a response such as `collaborationPath { length }` names no
 * entity at all. The server asks Neo4j for the version every `pollMs` (one `RETURN 1`, in the
 * background, never on a request) and right after each mutation it serves, so its own writes
 * are seen by the next read; another process's write (an import, an analytics run, another
 * server) is seen within `pollMs`. While the version is unknown (Neo4j away) nothing is served
 * from or stored in the cache; nor while Redis, when used, is not connected.
 *
 * HTTP: a cached response carries `ETag` (its cache key, so it changes with the graph) and
 * `Last-Modified`; `If-None-Match` with a current ETag gets `304 Not Modified`. GET reads that
 * could be cached say `Cache-Control: public, max-age=<httpMaxAgeSeconds>` (by default 0 with
 * must-revalidate: browsers and CDNs ask again each time, cheaply, and never serve what the
 * server would not); everything else says `no-store`.
 */
export interface ResponseCache {
  plugins: Plugin[];
  /** Resolves once the cache can serve (graph version known, Redis connected), or after `timeoutMs`. */
  ready: (timeoutMs: number) => Promise<void>;
  /** Stops watching the graph's version and closes Redis. */
  close: () => Promise<void>;
}

export interface ResponseCacheDependencies {
  settings: ResponseCacheSettings;
  /** The graph's version, read from Neo4j (src/db/graph-version.ts). */
  readVersion: () => Promise<string>;
  logger: Logger;
  metrics: Metrics;
  graphqlPath: string;
}

export function createResponseCache({ settings, readVersion, logger, metrics, graphqlPath }: ResponseCacheDependencies): ResponseCache {
  const version = watchGraphVersion({
    read: readVersion,
    intervalMs: settings.pollMs,
    onChange: () => {
      metrics.responseCacheFlushes.inc();
      store.flush();
    },
    onLost: (error) => {
      store.flush();
      logger.warn({ err: error }, 'Cannot read the graph version from Neo4j: the response cache is bypassed until it can');
    },
    onFound: () => logger.info('Graph version known: the response cache serves again'),
  });
  const store = settings.redisUrl ? redisStore(settings.redisUrl, logger) : memoryStore(settings.maxEntries);
  const cache = versionedCache(store, version.tag);
  const usable = () => version.tag() !== undefined && store.connected();
  // A client that sends a bookmark wants to read at least its own write: this copy's version may
  // be up to a poll behind that write, so its cached answers could predate it.
  const servable = (request: Request) => usable() && !request.headers.has(BOOKMARK_HEADER);

  const responseCache = useResponseCache({
    cache,
    ttl: settings.ttlMs,
    // One cache for everyone: no response depends on who asks.
    session: () => null,
    enabled: (request) => servable(request),
    // Mutations go through the plugin's mutation path (never cached); what it would invalidate
    // by entity is covered by the version (cache.invalidate does nothing).
    invalidateViaMutation: true,
    includeExtensionMetadata: false,
    buildResponseCacheKey: async ({ documentString, operationName, variableValues }) => {
      const tag = version.tag() ?? 'none';
      // Variables with their keys sorted (safe-stable-stringify): `{a, b}` and `{b, a}` are one entry.
      const digest = await hashSHA256([documentString, operationName ?? '', stringify(variableValues ?? {})].join('|'));
      return `${tag}.${digest}`;
    },
  });

  const cacheControlOf = (request: Request, response: Response) => {
    const scope = requestScopeOf(request);
    const cacheable =
      request.method === 'GET' &&
      (response.status === 304 || (response.status === 200 && (scope?.responseCache === 'hit' || scope?.responseCache === 'miss') && !scope.errorCodes.length));
    if (!cacheable) return 'no-store';
    return settings.httpMaxAgeSeconds > 0 ? `public, max-age=${settings.httpMaxAgeSeconds}` : 'public, max-age=0, must-revalidate';
  };

  const http: Plugin = {
    onResultProcess({ request, result }) {
      const scope = requestScopeOf(request);
      if (!scope) return;
      if ((result as Record<symbol, unknown>)[SERVED_FROM_CACHE]) scope.responseCache = 'hit';
      else if (scope.operationType === 'query') scope.responseCache = servable(request) ? 'miss' : 'bypass';
      // This server's own write: learn the new version before answering, so that this client's
      // next read is not served what the write changed.
      if (scope.operationType === 'mutation') return version.refresh();
    },
    onResponse({ request, response }) {
      if (new URL(request.url, 'http://localhost').pathname !== graphqlPath) return;
      response.headers.set('cache-control', cacheControlOf(request, response));
      const etag = response.headers.get('etag');
      // The plugin's ETag is the bare cache key; HTTP wants it quoted (clients send it back as is).
      if (etag && !etag.startsWith('"')) {
        // Deleted first: yoga wrote it as `ETag`, and its headers would keep both spellings.
        response.headers.delete('ETag');
        response.headers.set('etag', `"${etag}"`);
      }
    },
  };

  return {
    plugins: [responseCache, http],
    ready: async (timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      while (!usable() && Date.now() < deadline) await sleep(20);
    },
    close: async () => {
      version.stop();
      await store.close();
    },
  };
}

/** Yoga's response cache marks a result it served from the cache with this symbol. */
const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

interface Store {
  cache: () => Cache;
  /** Whether it can take reads and writes now (Redis: connected). */
  connected: () => boolean;
  /** Forget everything (memory only: Redis keys of older versions just expire). */
  flush: () => void;
  close: () => Promise<void>;
}

/** An LRU of at most `max` responses; a flush drops it whole and starts a new one. */
function memoryStore(max: number): Store {
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
function redisStore(url: string, logger: Logger): Store {
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

/**
 * Entries only under the current version: a key of another version is neither read (an old
 * ETag gets no 304) nor written (a read that started before a write must not store what it saw
 * under the new version's name).
 */
function versionedCache(store: Store, currentTag: () => string | undefined): Cache {
  const current = (key: string) => {
    const tag = currentTag();
    return tag !== undefined && key.startsWith(`${tag}.`);
  };
  return {
    get: (key) => {
      const bare = key.replace(/^W\//, '').replaceAll('"', '');
      return current(bare) ? store.cache().get(bare) : null;
    },
    set: (key, result, entities, ttl) => (current(key) ? store.cache().set(key, result, entities, ttl) : undefined),
    invalidate: () => {},
  };
}

/** Polls the graph's version; its tag is short and opaque, undefined while it cannot be read. */
function watchGraphVersion({
  read,
  intervalMs,
  onChange,
  onLost,
  onFound,
}: {
  read: () => Promise<string>;
  intervalMs: number;
  onChange: () => void;
  onLost: (error: unknown) => void;
  onFound: () => void;
}) {
  let version: string | undefined;
  let tag: string | undefined;
  let everKnown = false;
  // Reads may overlap (a poll and a mutation's refresh): only a newer read's answer counts.
  let started = 0;
  let applied = 0;
  const refresh = async () => {
    const sequence = ++started;
    try {
      const next = await read();
      if (sequence < applied) return;
      applied = sequence;
      if (next === version) return;
      const wasKnown = version !== undefined;
      version = next;
      tag = createHash('sha256').update(next).digest('hex').slice(0, 16);
      if (wasKnown) onChange();
      else if (everKnown) onFound();
      everKnown = true;
    } catch (error) {
      if (sequence < applied) return;
      applied = sequence;
      if (version !== undefined) onLost(error);
      version = tag = undefined;
    }
  };
  let polling: Promise<void> | undefined;
  const timer = setInterval(() => void (polling ??= refresh().finally(() => (polling = undefined))), intervalMs);
  timer.unref();
  void refresh();
  return {
    tag: () => tag,
    refresh,
    stop: () => clearInterval(timer),
  };
}
