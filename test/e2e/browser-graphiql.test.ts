import { request } from 'node:http';
import { gunzipSync } from 'node:zlib';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { skipWithout } from '../support/requirements.js';
import { browserMissing, launchBrowser, openRecordedPage, saveScreenshot } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

/** GraphiQL is served whole by the server (src/http/graphiql.ts): nothing comes from a CDN. */

let server: RunningServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server?.close());

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** A GET with exactly these headers (fetch would add Accept-Encoding and decompress). */
function get(url: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    request(url, { headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
      response.on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

const SHARED_TITLES = [
  'ForkMerge: Mitigating Negative Transfer in Auxiliary-Task Learning',
  'Debiased Self-Training for Semi-Supervised Learning',
  'Decoupled Adaptation for Cross-Domain Object Detection',
];

describe('the GraphiQL page over HTTP', () => {
  const page = () => get(server.url, { accept: 'text/html' });
  const assetPaths = async () => [...(await page()).body.toString().matchAll(/\/graphiql\/assets\/[\w.-]+/g)].map((match) => match[0]);

  it('is a small HTML page that names its assets on this server', async () => {
    const response = await page();
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/html/);
    expect(response.body.byteLength).toBeLessThan(50_000);
    const html = response.body.toString();
    expect(html).not.toMatch(/unpkg|jsdelivr|githubusercontent|https?:\/\/(?!www\.w3\.org)/);
    const names = (await assetPaths()).map((path) => path.replace(/^.*\//, '').replace(/\.[0-9a-f]{16}\./, '.'));
    expect(new Set(names)).toEqual(
      new Set(['favicon.ico', 'graphiql.css', 'graphiql.js', 'editor.worker.js', 'json.worker.js', 'graphql.worker.js']),
    );
    for (const tab of ['SharedPapers', 'Coauthors', 'CollaborationPath', 'EgoNetwork']) expect(html).toContain(`query ${tab}(`);
  });

  it('serves every asset immutable, with its content type, gzipped when the client takes gzip', async () => {
    const origin = new URL(server.url).origin;
    for (const path of await assetPaths()) {
      const plain = await get(origin + path);
      const gzipped = await get(origin + path, { 'accept-encoding': 'gzip, deflate, br' });
      for (const response of [plain, gzipped]) {
        expect(response.status, path).toBe(200);
        expect(response.headers['cache-control'], path).toBe('public, max-age=31536000, immutable');
        expect(response.headers['content-type'], path).toMatch(
          path.endsWith('.js') ? /^text\/javascript/ : path.endsWith('.css') ? /^text\/css/ : /^image\/(x-icon|vnd\.microsoft\.icon)/,
        );
      }
      expect(plain.headers['content-encoding'], path).toBeUndefined();
      expect(gzipped.headers['content-encoding'], path).toBe('gzip');
      expect(gzipped.body.byteLength, path).toBeLessThan(plain.body.byteLength);
      expect(gunzipSync(gzipped.body).equals(plain.body), path).toBe(true);
    }
  });

  it('answers 404 for an asset it does not have, and no gzip when the client refuses it', async () => {
    const origin = new URL(server.url).origin;
    expect((await get(`${origin}/graphiql/assets/graphiql.0000000000000000.js`)).status).toBe(404);
    const [path] = await assetPaths();
    expect((await get(origin + path!, { 'accept-encoding': 'gzip;q=0, identity' })).headers['content-encoding']).toBeUndefined();
  });
});

const missing = browserMissing();
const skip = skipWithout("the GraphiQL browser tests", missing);

describe.skipIf(skip)(`GraphiQL in Chromium${missing ? ` (skipped: ${missing})` : ''}`, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(() => browser?.close());

  it('has WebGL in headless Chromium (the explorer draws with it)', async () => {
    const { page, context } = await openRecordedPage(browser);
    try {
      const webgl = await page.evaluate(() => Boolean(document.createElement('canvas').getContext('webgl2')));
      expect(webgl).toBe(true);
    } finally {
      await context.close();
    }
  });

  // Slow where Chromium draws in software on a busy machine: seconds per step.
  it('renders with nothing fetched from off this machine and runs the SharedPapers tab', { timeout: 90_000 }, async () => {
    const { page, context, externalRequests, errors } = await openRecordedPage(browser);
    // Monaco shows spaces as no-break spaces and wraps long lines: compare with whitespace folded.
    const fold = (text: string) => text.replace(/[\s\u00a0]+/g, ' ');
    try {
      await page.goto(server.url);
      await page.locator('.graphiql-query-editor .monaco-editor').waitFor({ state: 'visible', timeout: 30_000 });
      // GraphiQL's tabs are a drag-to-reorder list whose layout animation can leave them drawn
      // away from their boxes headless, so a pointer click may land on another tab: click the tab itself.
      await page.locator('button.graphiql-tab-button[title="SharedPapers"]').dispatchEvent('click');
      await expect.poll(() => page.locator('li.graphiql-tab-active').textContent()).toContain('SharedPapers');
      await expect.poll(async () => fold(await page.locator('.graphiql-query-editor').innerText())).toContain('query SharedPapers(');
      await expect.poll(async () => fold(await page.locator('.graphiql-editor-tool').innerText())).toContain('"name": "Baixu Chen"');

      await page.locator('.graphiql-execute-button').click();
      const result = () => page.locator('.graphiql-response').innerText().then(fold);
      await expect.poll(result, { timeout: 30_000 }).toContain('"totalCount": 3');
      const text = await result();
      for (const title of SHARED_TITLES) expect(text).toContain(title);
      await saveScreenshot(page, 'graphiql-shared-papers');

      expect(externalRequests).toEqual([]);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
