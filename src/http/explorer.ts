import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, relative, sep } from 'node:path';
import type { Plugin } from 'graphql-yoga';
import { projectRoot } from '../paths.js';
import { assetResponse, IMMUTABLE, once, REVALIDATE, staticAsset, type StaticAsset } from './static-assets.js';

/**
 * The explorer (explorer/, built by Vite into explorer/dist) served at `/`: its page, and its
 * content-hashed bundles under /assets/. Read once, on the first request; a page that is not
 * built yet answers `/` with how to build it.
 */

export const EXPLORER_DIST = join(projectRoot, 'explorer', 'dist');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

/** Every file of the build by its URL path; `/` is the page. None when it is not built. */
export async function loadExplorer(directory = EXPLORER_DIST): Promise<Map<string, StaticAsset> | null> {
  if (!existsSync(join(directory, 'index.html'))) return null;
  const files = new Map<string, StaticAsset>();
  for (const file of await readdir(directory, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const path = join(file.parentPath, file.name);
    const urlPath = '/' + relative(directory, path).split(sep).join('/');
    const hashed = urlPath.startsWith('/assets/');
    files.set(urlPath, await staticAsset(TYPES[extname(path)] ?? 'application/octet-stream', await readFile(path), hashed ? IMMUTABLE : REVALIDATE));
  }
  files.set('/', files.get('/index.html')!);
  return files;
}

const NOT_BUILT = once(() =>
  staticAsset(
    'text/html; charset=utf-8',
    '<!doctype html><title>scholar-graph</title><p>The explorer is not built: run <code>npm run build:explorer</code>. GraphQL is at <a href="/graphql">/graphql</a>.',
    REVALIDATE,
  ),
);

export function useExplorer(directory = EXPLORER_DIST): Plugin {
  const explorer = once(() => loadExplorer(directory));
  return {
    async onRequest({ request, url, fetchAPI, endResponse }) {
      // Only the page's own paths: everything else (GraphQL, health, GraphiQL) goes on.
      if (url.pathname !== '/' && !url.pathname.startsWith('/assets/') && !/^\/[\w.-]+\.\w+$/.test(url.pathname)) return;
      const found = (await explorer())?.get(url.pathname) ?? (url.pathname === '/' ? await NOT_BUILT() : undefined);
      if (found) endResponse(assetResponse(request, found, fetchAPI.Response));
    },
  };
}
