import type { CORSOptions, Plugin } from 'graphql-yoga';
import type { CorsOrigins } from '../config.js';
import { BOOKMARK_HEADER } from './bookmarks.js';

/**
 * Which browser pages on other origins may call the API (CORS_ORIGINS). The explorer and GraphiQL
 * are served by this server, same-origin, and need none of it.
 *
 * Yoga's own handling of an origin list is not used as it stands: it answers a refused origin
 * with `Access-Control-Allow-Origin: null`, which sandboxed iframes and `data:` pages match, and
 * allows credentials by default. The API authenticates by header (bearer token or X-API-Key),
 * never by cookie, so credentials are never allowed; a refused origin gets no CORS header at all.
 */
export const CORS_ALLOWED_HEADERS = ['content-type', 'accept', 'authorization', 'x-api-key', 'x-graphql-yoga-csrf', BOOKMARK_HEADER.toLowerCase()];

export function corsPolicy(origins: CorsOrigins): (request: Request) => CORSOptions {
  const allowed = origins === '*' ? undefined : new Set(origins);
  const granted = (origin: string): CORSOptions => ({
    // One origin, named: yoga sends it as it is. With `*`, yoga names the origin that asked.
    origin: allowed ? [origin] : '*',
    methods: ['GET', 'POST'],
    allowedHeaders: CORS_ALLOWED_HEADERS,
    // A client's error report can quote the request id the log has; a mutation's bookmark is sent
    // back on later reads (read your own write on any copy, src/http/bookmarks.ts).
    exposedHeaders: ['x-request-id', BOOKMARK_HEADER.toLowerCase()],
    credentials: false,
    // Browsers cap it (Chromium at 2 h); one preflight per 10 minutes per URL is enough.
    maxAge: 600,
  });
  return (request) => {
    const origin = request.headers.get('origin');
    if (!origin || (allowed && !allowed.has(origin))) return false;
    return granted(origin);
  };
}

/**
 * Caches (a CDN in front of persisted GET queries) must keep answers to different origins apart
 * when the answer depends on the origin, which it does whenever some origins are refused.
 */
export const useVaryOnOrigin = (origins: CorsOrigins): Plugin => ({
  onResponse({ response }) {
    if (origins === '*') return;
    const vary = response.headers.get('vary');
    if (!vary?.toLowerCase().split(/\s*,\s*/).includes('origin')) response.headers.set('vary', vary ? `${vary}, Origin` : 'Origin');
  },
});
