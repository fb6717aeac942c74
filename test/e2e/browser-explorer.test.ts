import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { skipWithout } from '../support/requirements.js';
import { browserMissing, launchBrowser, openRecordedPage, saveScreenshot } from '../support/browser.js';
import { startTestServer } from '../support/server.js';

/**
 * The explorer in a real browser (Chromium through playwright-core) against the real server and
 * the seed graph: what a person sees and clicks, and that nothing is fetched from beyond localhost.
 * The server runs with PERSISTED_OPERATIONS=only.
 */
/** What the page shows, once it shows it: a browser on two busy cores can take seconds. */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });

const missing = browserMissing();
const skip = skipWithout("the explorer's browser tests", missing);

interface ExplorerWindow {
  explorer: {
    graph: {
      order: number;
      nodes(): string[];
      getNodeAttribute(node: string, name: string): unknown;
      getNodeAttributes(node: string): { x: number; y: number };
      edge(a: string, b: string): string | undefined;
      extremities(edge: string): [string, string];
    };
    sigma: { graphToViewport(point: { x: number; y: number }): { x: number; y: number } };
  };
}

// A page load, a search and the layout's settling take seconds each on two cores.
describe.skipIf(skip)('explorer (browser)', { timeout: 90_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    // The strictest setting a deployment may choose: every operation the page sends must be listed
    // in schema/persisted-operations.json, so each test here also checks that the list is complete.
    server = await startTestServer({ PERSISTED_OPERATIONS: 'only' });
    origin = new URL(server.url).origin;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  async function open(path = '/', viewport = { width: 1280, height: 800 }) {
    const recorded = await openRecordedPage(browser, viewport);
    await recorded.page.goto(origin + path);
    return recorded;
  }

  /** Types into a search box and picks the suggestion with this exact label. */
  async function choose(page: Page, input: string, name: string) {
    await page.fill(input, name.slice(0, 6));
    const option = page.locator(`#${input === '#search' ? 'search' : 'path'}-results li[role=option]`, { hasText: name }).first();
    await option.waitFor();
    await option.dispatchEvent('mousedown');
  }

  const nodeNamed = (page: Page, name: string) =>
    page.evaluate((label) => {
      const { graph } = (window as unknown as ExplorerWindow).explorer;
      return graph.nodes().find((node) => graph.getNodeAttribute(node, 'label') === label) ?? null;
    }, name);

  /** Waits until the network is drawn and the layout has settled (it runs 2.5 s after a change). */
  async function networkDrawn(page: Page) {
    await page.waitForFunction(() => document.body.dataset.firstDrawMs !== undefined && document.body.dataset.state === 'ready');
    await page.waitForTimeout(3_000);
  }

  it('finds Baixu Chen, draws the coauthors, and lists the 3 papers behind the link to Junguang Jiang', async () => {
    const { page, externalRequests, errors } = await open();
    await choose(page, '#search', 'Baixu Chen');
    await networkDrawn(page);

    // The side panel names the coauthors drawn, Junguang Jiang among them.
    await eventually(() => page.locator('#panel h2').textContent()).toBe('Baixu Chen');
    await expect(page.locator('#panel .neighbours').getByRole('button', { name: 'Junguang Jiang', exact: true }).count()).resolves.toBe(1);
    expect(await nodeNamed(page, 'Junguang Jiang')).not.toBeNull();
    expect(page.url()).toContain('author=');

    // Click the drawn link itself, at the point along it farthest from every drawn node (another
    // author may lie on its middle).
    const midpoint = await page.evaluate(() => {
      const { graph, sigma } = (window as unknown as ExplorerWindow).explorer;
      const byLabel = (label: string) => graph.nodes().find((node) => graph.getNodeAttribute(node, 'label') === label)!;
      const [a, b] = [byLabel('Baixu Chen'), byLabel('Junguang Jiang')].map((node) => sigma.graphToViewport(graph.getNodeAttributes(node)));
      const nodes = graph.nodes().map((node) => sigma.graphToViewport(graph.getNodeAttributes(node)));
      const candidates = Array.from({ length: 13 }, (_, i) => 0.2 + (0.6 * i) / 12).map((t) => ({ x: a!.x + t * (b!.x - a!.x), y: a!.y + t * (b!.y - a!.y) }));
      const clearance = (p: { x: number; y: number }) => Math.min(...nodes.map((n) => Math.hypot(n.x - p.x, n.y - p.y)));
      return candidates.reduce((best, p) => (clearance(p) > clearance(best) ? p : best));
    });
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + midpoint.x, box.y + midpoint.y);
    await eventually(() => page.locator('#panel h2').textContent()).toMatch(/^(Baixu Chen & Junguang Jiang|Junguang Jiang & Baixu Chen)$/);
    await expect(page.locator('#panel h3').first().textContent()).resolves.toBe('3 shared papers');
    await expect(page.locator('#panel ol.papers > li').count()).resolves.toBe(3);
    await saveScreenshot(page, 'explorer-shared-papers');

    expect(externalRequests).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('expands a coauthor on click without redrawing the rest', async () => {
    const { page } = await open();
    await choose(page, '#search', 'Baixu Chen');
    await networkDrawn(page);
    const before = await page.evaluate(() => {
      const { graph } = (window as unknown as ExplorerWindow).explorer;
      return Object.fromEntries(graph.nodes().map((node) => [node, graph.getNodeAttributes(node).x]));
    });
    const junguang = (await nodeNamed(page, 'Junguang Jiang'))!;
    const point = await page.evaluate((node) => {
      const { graph, sigma } = (window as unknown as ExplorerWindow).explorer;
      return sigma.graphToViewport(graph.getNodeAttributes(node));
    }, junguang);
    const box = (await page.locator('#graph').boundingBox())!;
    await page.mouse.click(box.x + point.x, box.y + point.y);
    await eventually(() => page.locator('#panel h2').textContent()).toBe('Junguang Jiang');
    await eventually(() => page.evaluate((node) => (window as unknown as ExplorerWindow).explorer.graph.getNodeAttribute(node, 'expanded'), junguang)).toBe(true);
    // Every author drawn before is still there.
    const after = await page.evaluate(() => (window as unknown as ExplorerWindow).explorer.graph.nodes());
    expect(after).toEqual(expect.arrayContaining(Object.keys(before)));
    await saveScreenshot(page, 'explorer-expanded');
  });

  it('links Aishwarya Bandaru to Junguang Jiang through Baixu Chen with the path finder', async () => {
    const { page, externalRequests } = await open();
    await choose(page, '#search', 'Aishwarya Bandaru');
    await networkDrawn(page);
    await choose(page, '#path-to', 'Junguang Jiang');
    await eventually(() => page.locator('#panel h2').textContent()).toBe('Aishwarya Bandaru → Junguang Jiang: 2 hops');
    const hops = await page.locator('#panel ol.hops > li > strong').allTextContents();
    expect(hops).toEqual(['Aishwarya Bandaru – Baixu Chen', 'Baixu Chen – Junguang Jiang']);
    expect(page.url()).toContain('path=');
    await saveScreenshot(page, 'explorer-path');
    expect(externalRequests).toEqual([]);
  });

  it('restores a shared view from its URL', async () => {
    const first = await open();
    await choose(first.page, '#search', 'Baixu Chen');
    await networkDrawn(first.page);
    const shared = new URL(first.page.url());
    const { page } = await open(shared.pathname + shared.search);
    await page.waitForFunction(() => document.body.dataset.firstDrawMs !== undefined);
    await eventually(() => page.locator('#panel h2').textContent()).toBe('Baixu Chen');
    expect(await nodeNamed(page, 'Junguang Jiang')).not.toBeNull();
  });

  it('shows an error with its code', async () => {
    const { page } = await open('/?author=not-an-id');
    await eventually(() => page.locator('#status[role=alert]').textContent()).toMatch(/^BAD_USER_INPUT: /);
    await saveScreenshot(page, 'explorer-error');
  });

  it('switches to organizations and draws one', async () => {
    const { page } = await open();
    await page.getByRole('button', { name: 'Organizations' }).click();
    await choose(page, '#search', 'tencent-ai');
    await eventually(() => page.locator('#panel h2').textContent()).toBe('tencent-ai');
    expect(page.url()).toContain('mode=organizations');
    expect(page.url()).toContain('organization=');
    await saveScreenshot(page, 'explorer-organizations');
  });

  it('works on a phone-sized screen, from the keyboard', async () => {
    const { page } = await open('/', { width: 390, height: 844 });
    await page.focus('#search');
    await page.keyboard.type('Ba');
    await page.locator('#search-results li[role=option]').first().waitFor();
    // Typed on, and Enter before the list caught up ("Ba" lists Aishwarya Bandaru too): Enter
    // picks the first match of what is typed, not the first of the list still shown.
    await page.keyboard.type('ixu');
    await page.keyboard.press('Enter');
    await networkDrawn(page);
    await eventually(() => page.locator('#panel h2').textContent()).toBe('Baixu Chen');
    // The coauthors are reachable without the canvas: Tab to a name's link button and press Enter.
    await page.locator('#panel .neighbours').getByRole('button', { name: 'Papers shared with Junguang Jiang' }).focus();
    await page.keyboard.press('Enter');
    await eventually(() => page.locator('#panel h3').first().textContent()).toBe('3 shared papers');
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'explorer-phone');
  });
});
