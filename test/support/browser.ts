import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/**
 * Browser tests drive the system's Chromium (Debian's `chromium` package) through playwright-core:
 * no browser download. Set CHROMIUM_PATH to use another build.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * Headless, sandbox-less (CI runs as root), no calls home. WebGL works headless through ANGLE on
 * SwiftShader (software; Chromium only falls back to it when told it may).
 */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const SCREENSHOTS_DIR = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

/** Why the browser tests cannot run here (no Chromium), or undefined when they can (see skipWithout). */
export function browserMissing(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  return `no Chromium at ${CHROMIUM_PATH}: install it (\`apt-get install chromium\`) or set CHROMIUM_PATH`;
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS });
}

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export interface RecordedPage {
  page: Page;
  context: BrowserContext;
  /** Every request (pages and workers) to a host other than this machine; each is also blocked. */
  externalRequests: string[];
  /** Console errors and uncaught exceptions, for failure messages. */
  errors: string[];
}

/** A fresh context and page that records, and blocks, every request that would leave the machine. */
export async function openRecordedPage(browser: Browser, viewport = { width: 1400, height: 1400 }): Promise<RecordedPage> {
  const context = await browser.newContext({ viewport });
  const externalRequests: string[] = [];
  const errors: string[] = [];
  const external = (url: string | URL) => {
    const { protocol, hostname } = typeof url === 'string' ? new URL(url) : url;
    return (protocol === 'http:' || protocol === 'https:' || protocol === 'ws:' || protocol === 'wss:') && !LOCAL_HOSTS.has(hostname);
  };
  context.on('request', (request) => {
    if (external(request.url())) externalRequests.push(request.url());
  });
  await context.route(external, (route) => route.abort('blockedbyclient'));
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return { page, context, externalRequests, errors };
}

/** Writes `test-results/screenshots/<name>.png` and returns its path. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOTS_DIR, { recursive: true });
  const path = `${SCREENSHOTS_DIR}${name}.png`;
  await page.screenshot({ path });
  return path;
}
