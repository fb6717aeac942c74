import { setTimeout as sleep } from 'node:timers/promises';
import { useResponseCache } from '@graphql-yoga/plugin-response-cache';
import type { Plugin } from 'graphql-yoga';
import type { Logger } from 'pino';
import type { ResponseCacheSettings } from '../config.js';
import type { Metrics } from '../metrics.js';
import { BOOKMARK_HEADER } from './bookmarks.js';
import { watchGraphVersion } from './response-cache/graph-version.js';
import { cacheHeadersPlugin } from './response-cache/http-headers.js';
import { versionedCache, versionedKey } from './response-cache/keys.js';
import { memoryStore, redisStore } from './response-cache/stores.js';

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
 *
 * This module wires the parts (response-cache/: the version watch, the stores, the keys, the
 * HTTP headers) into yoga's plugin.
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
  const usable = () => version.tag() !== undefined && store.connected();
  // A client that sends a bookmark wants to read at least its own write: this copy's version may
  // be up to a poll behind that write, so its cached answers could predate it.
  const servable = (request: Request) => usable() && !request.headers.has(BOOKMARK_HEADER);

  const responseCache = useResponseCache({
    cache: versionedCache(store, version.tag),
    ttl: settings.ttlMs,
    // One cache for everyone: no response depends on who asks.
    session: () => null,
    enabled: (request) => servable(request),
    // Mutations go through the plugin's mutation path (never cached); what it would invalidate
    // by entity is covered by the version (cache.invalidate does nothing).
    invalidateViaMutation: true,
    includeExtensionMetadata: false,
    buildResponseCacheKey: (input) => versionedKey(version.tag(), input),
  });
  const http = cacheHeadersPlugin({ graphqlPath, httpMaxAgeSeconds: settings.httpMaxAgeSeconds, servable, onMutation: version.refresh });

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
