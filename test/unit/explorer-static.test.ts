import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { createSchema, createYoga } from 'graphql-yoga';
import { describe, expect, it } from 'vitest';
import { useExplorer } from '../../src/http/explorer.js';

/** The explorer's files as the server sends them, from a build laid out as Vite writes it. */
function serverWith(build: Record<string, string> | null) {
  const directory = mkdtempSync(join(tmpdir(), 'explorer-'));
  for (const [path, content] of Object.entries(build ?? {})) {
    mkdirSync(join(directory, path, '..'), { recursive: true });
    writeFileSync(join(directory, path), content);
  }
  const schema = createSchema({ typeDefs: 'type Query { ok: Boolean }', resolvers: { Query: { ok: () => true } } });
  return createYoga({ schema, plugins: [useExplorer(directory)], graphiql: false, landingPage: false, logging: false });
}

const page = '<!doctype html><script type="module" src="/assets/index-abc123.js"></script>';
const script = 'console.log("explorer");'.repeat(50);

describe('the explorer over HTTP', () => {
  const yoga = serverWith({ 'index.html': page, 'assets/index-abc123.js': script, 'favicon.svg': '<svg/>' });

  it('serves the page at / (revalidated) and its hashed assets (immutable, gzipped when asked)', async () => {
    const home = await yoga.fetch('http://localhost/');
    expect(home.status).toBe(200);
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    expect(await home.text()).toBe(page);

    const asset = await yoga.fetch('http://localhost/assets/index-abc123.js', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await asset.arrayBuffer())).toString()).toBe(script);

    const again = await yoga.fetch('http://localhost/assets/index-abc123.js', { headers: { 'if-none-match': asset.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect((await yoga.fetch('http://localhost/favicon.svg')).headers.get('content-type')).toBe('image/svg+xml');
  });

  it('leaves GraphQL and unknown paths alone, and refuses writes to its files', async () => {
    const graphql = await yoga.fetch('http://localhost/graphql', { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query":"{ ok }"}' });
    expect(await graphql.json()).toEqual({ data: { ok: true } });
    expect((await yoga.fetch('http://localhost/assets/missing.js')).status).toBe(404);
    expect((await yoga.fetch('http://localhost/', { method: 'POST' })).status).toBe(405);
  });

  it('says how to build the page when it is not built', async () => {
    const response = await serverWith(null).fetch('http://localhost/');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('npm run build:explorer');
  });
});
