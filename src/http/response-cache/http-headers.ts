import type { Plugin } from 'graphql-yoga';
import { requestScopeOf } from '../../request-scope.js';

/** Yoga's response cache marks a result it served from the cache with this symbol. */
const SERVED_FROM_CACHE = Symbol.for('servedFromResponseCache');

/**
 * The HTTP side of the response cache: each query's outcome on its request scope (hit, miss,
 * bypass), `Cache-Control` on every GraphQL response, and the plugin's ETag quoted as HTTP
 * wants it (`If-None-Match` with a current one gets `304 Not Modified` from the plugin).
 */
export function cacheHeadersPlugin({
  graphqlPath,
  httpMaxAgeSeconds,
  servable,
  onMutation,
}: {
  graphqlPath: string;
  httpMaxAgeSeconds: number;
  /** Whether the cache may serve this request now. */
  servable: (request: Request) => boolean;
  /** After a mutation this server ran, before its answer goes out. */
  onMutation: () => Promise<void>;
}): Plugin {
  const cacheControlOf = (request: Request, response: Response) => {
    const scope = requestScopeOf(request);
    const cacheable =
      request.method === 'GET' &&
      (response.status === 304 || (response.status === 200 && (scope?.responseCache === 'hit' || scope?.responseCache === 'miss') && !scope.errorCodes.length));
    if (!cacheable) return 'no-store';
    return httpMaxAgeSeconds > 0 ? `public, max-age=${httpMaxAgeSeconds}` : 'public, max-age=0, must-revalidate';
  };

  return {
    onResultProcess({ request, result }) {
      const scope = requestScopeOf(request);
      if (!scope) return;
      if ((result as Record<symbol, unknown>)[SERVED_FROM_CACHE]) scope.responseCache = 'hit';
      else if (scope.operationType === 'query') scope.responseCache = servable(request) ? 'miss' : 'bypass';
      // This server's own write: learn the new version before answering, so that this client's
      // next read is not served what the write changed.
      if (scope.operationType === 'mutation') return onMutation();
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
}
