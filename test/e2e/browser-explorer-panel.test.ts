import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../src/server.js';
import { browserMissing, launchBrowser, openRecordedPage, saveScreenshot } from '../support/browser.js';
import { skipWithout } from '../support/requirements.js';
import { startTestServer } from '../support/server.js';

/**
 * The explorer's author panel and labels (issue 24) in a real browser against the seed graph:
 * what a source reported beside what the graph computes, each labelled; every author of a small
 * network named on the drawing. The server runs with PERSISTED_OPERATIONS=only, so every
 * operation the page sends must be in schema/persisted-operations.json.
 */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });
const skip = skipWithout("the explorer's browser tests", browserMissing());

interface ExplorerWindow {
  explorer: {
    graph: {
      order: number;
      nodes(): string[];
      neighbors(node: string): string[];
      edge(a: string, b: string): string | undefined;
      getNodeAttribute(node: string, name: string): unknown;
      getEdgeAttribute(edge: string, name: string): unknown;
    };
    sigma: {
      getNodeDisplayedLabels(): Set<string>;
      getNodeDisplayData(node: string): { highlighted: boolean; color: string } | undefined;
      getEdgeDisplayData(edge: string): { hidden: boolean } | undefined;
    };
  };
}

/** In the page: the id of the drawn author with this name, or null. */
const idOf = (name: string) => {
  const { graph } = (window as unknown as ExplorerWindow).explorer;
  return graph.nodes().find((node) => graph.getNodeAttribute(node, 'label') === name) ?? null;
};

describe.skipIf(skip)('explorer: the author panel and labels (browser)', { timeout: 90_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let origin: string;

  beforeAll(async () => {
    server = await startTestServer({ PERSISTED_OPERATIONS: 'only' });
    origin = new URL(server.url).origin;
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** Opens the page, searches `name` and waits for the network to be drawn and laid out. */
  async function showAuthor(name: string): Promise<Page> {
    const { page } = await openRecordedPage(browser, { width: 1280, height: 800 });
    await page.goto(origin + '/');
    await page.fill('#search', name.slice(0, 6));
    const option = page.locator('#search-results li[role=option]', { hasText: name }).first();
    await option.waitFor();
    await option.dispatchEvent('mousedown');
    await page.waitForFunction(() => document.body.dataset.firstDrawMs !== undefined && document.body.dataset.state === 'ready');
    await eventually(() => page.locator('#panel h2').textContent()).toBe(name);
    // The layout runs 2.5 s after a change.
    await page.waitForTimeout(3_000);
    return page;
  }

  it("shows Baixu Chen's figures as the graph computes them and as the profile reported them, each labelled", async () => {
    const page = await showAuthor('Baixu Chen');
    const figures = page.locator('#panel section.figures');
    await expect(figures.locator('h3').textContent()).resolves.toBe('In this graph');
    const computed = await figures.locator('dl.metrics').evaluate((dl) =>
      Object.fromEntries([...dl.querySelectorAll('dt')].map((dt) => [dt.textContent, dt.nextElementSibling?.textContent])),
    );
    // The seed holds 6 of the profile's papers and none of their citations.
    expect(computed).toMatchObject({ Papers: '6', Citations: '0', 'h-index': '0' });
    await expect(figures.locator('p.reported').allTextContents()).resolves.toEqual([
      'Reported by Researcher profile of Baixu Chen (shared/data/seed/profile.txt): h-index 79, citations 347, papers 6',
    ]);
    await saveScreenshot(page, 'explorer-reported-figures');
  });

  it('names every author of a small network on the drawing', async () => {
    const page = await showAuthor('Baixu Chen');
    const { drawn, labelled } = await page.evaluate(() => {
      const { graph, sigma } = (window as unknown as ExplorerWindow).explorer;
      return { drawn: graph.nodes().map((node) => graph.getNodeAttribute(node, 'label') as string), labelled: [...sigma.getNodeDisplayedLabels()].map((node) => graph.getNodeAttribute(node, 'label') as string) };
    });
    // The seed's Baixu Chen: 9 coauthors, all drawn, all named.
    expect(drawn).toHaveLength(10);
    expect(labelled.sort()).toEqual(drawn.sort());
    await saveScreenshot(page, 'explorer-small-network-labels');
  });

  it("suggests Aishwarya Bandaru's coauthors' coauthors with their reasons, and a click draws the suggestion and the path to them", async () => {
    const page = await showAuthor('Aishwarya Bandaru');
    const list = page.locator('#panel section.suggestions ol.suggested > li > button');
    await eventually(() => list.count()).toBeGreaterThan(0);
    const names = await list.allTextContents();
    // Nobody she has written with, and not herself: her coauthors are all drawn (depth 1).
    const coauthors = await page.evaluate(() => {
      const { graph } = (window as unknown as ExplorerWindow).explorer;
      const centre = graph.nodes().find((node) => graph.getNodeAttribute(node, 'label') === 'Aishwarya Bandaru')!;
      return graph.neighbors(centre).map((node) => graph.getNodeAttribute(node, 'label') as string);
    });
    expect(coauthors).toContain('Baixu Chen');
    expect(names).not.toContain('Aishwarya Bandaru');
    for (const coauthor of coauthors) expect(names).not.toContain(coauthor);
    // Junguang Jiang: three papers with Baixu Chen, her coauthor. The hover title says so.
    expect(names).toContain('Junguang Jiang');
    expect(await page.evaluate(idOf, 'Junguang Jiang')).toBeNull();
    const junguang = page.locator('#panel .suggested button', { hasText: 'Junguang Jiang' });
    const title = (await junguang.getAttribute('title'))!;
    expect(title).toMatch(/^Coauthors in common \(1\): Baixu Chen$/m);
    expect(title).toMatch(/^2 coauthor hops apart$/m);
    await junguang.hover();

    await junguang.click();
    await eventually(() => page.evaluate(idOf, 'Junguang Jiang')).not.toBeNull();
    await expect(junguang.getAttribute('aria-pressed')).resolves.toBe('true');
    const drawn = await page.evaluate(() => {
      const { graph, sigma } = (window as unknown as ExplorerWindow).explorer;
      const byName = (name: string) => graph.nodes().find((node) => graph.getNodeAttribute(node, 'label') === name)!;
      const [aishwarya, baixu, junguang] = ['Aishwarya Bandaru', 'Baixu Chen', 'Junguang Jiang'].map(byName) as [string, string, string];
      const hop = graph.edge(baixu, junguang);
      return {
        hopWeight: hop ? graph.getEdgeAttribute(hop, 'weight') : null,
        hopShown: hop ? !sigma.getEdgeDisplayData(hop)?.hidden : false,
        linkedToHer: graph.edge(aishwarya, junguang) !== undefined,
        highlighted: [aishwarya, baixu, junguang].map((node) => sigma.getNodeDisplayData(node)?.highlighted),
        labelled: sigma.getNodeDisplayedLabels().has(junguang),
      };
    });
    // The path is her, Baixu Chen, Junguang Jiang: the hop weighs their 3 shared papers, and no
    // link joins her to Junguang Jiang (they have not written together).
    expect(drawn).toEqual({ hopWeight: 3, hopShown: true, linkedToHer: false, highlighted: [true, true, true], labelled: true });
    await saveScreenshot(page, 'explorer-suggestion-drawn');
  });
});
