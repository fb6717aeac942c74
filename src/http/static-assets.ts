import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as gzipCallback } from 'node:zlib';

/**
 * Files the server sends as they are (the explorer's build, GraphiQL's bundle): held in memory,
 * gzipped once, with an ETag. Hand-made: the kept static-file handlers (serve-static, sirv,
 * @fastify/static) are Node (req, res) middlewares, and yoga answers Fetch Requests in-process
 * (`yoga.fetch` in the tests), so none fits; these few lines answer GET/HEAD, 304 and gzip.
 */
export interface StaticAsset {
  type: string;
  body: Uint8Array<ArrayBuffer>;
  gzipped: Uint8Array<ArrayBuffer>;
  etag: string;
  /** Content-hashed files never change under their name; the rest is revalidated. */
  cacheControl: string;
}

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

const gzip = promisify(gzipCallback);

/** Hashes and gzips (off the event loop: GraphiQL's bundle is 9 MB) the content once. */
export async function staticAsset(type: string, content: Buffer | string, cacheControl: string): Promise<StaticAsset & { hash: string }> {
  const body = typeof content === 'string' ? Buffer.from(content) : content;
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 16);
  const gzipped = new Uint8Array(await gzip(body, { level: 9 }));
  return { type, body: new Uint8Array(body), gzipped, etag: `"${hash}"`, hash, cacheControl };
}

/** A promise made on first use and kept; forgotten on failure, so the next use tries again. */
export function once<T>(make: () => Promise<T>): () => Promise<T> {
  let made: Promise<T> | undefined;
  return () =>
    (made ??= make().catch((error: unknown) => {
      made = undefined;
      throw error;
    }));
}

/** Whether Accept-Encoding allows gzip (`gzip`, `x-gzip` or `*`, with a q above 0). */
export function acceptsGzip(header: string | null): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    if (coding.trim() !== 'gzip' && coding.trim() !== 'x-gzip' && coding.trim() !== '*') return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  });
}

/** The response for an asset: 405 for other methods, 304 when the client has it, gzip when it takes it. */
export function assetResponse(request: Request, asset: StaticAsset, ResponseClass: typeof Response): Response {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new ResponseClass(null, { status: 405, headers: { allow: 'GET, HEAD' } });
  const headers: Record<string, string> = {
    'content-type': asset.type,
    'cache-control': asset.cacheControl,
    etag: asset.etag,
    vary: 'accept-encoding',
    'x-content-type-options': 'nosniff',
  };
  if (request.headers.get('if-none-match') === asset.etag) return new ResponseClass(null, { status: 304, headers });
  const compressed = acceptsGzip(request.headers.get('accept-encoding'));
  const body = compressed ? asset.gzipped : asset.body;
  if (compressed) headers['content-encoding'] = 'gzip';
  headers['content-length'] = String(body.byteLength);
  return new ResponseClass(request.method === 'HEAD' ? null : body, { status: 200, headers });
}
