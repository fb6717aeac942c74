import type { Driver } from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalytics } from '../../src/analytics/run.js';
import type { RunningServer } from '../../src/server.js';
import { generateGraph, type SyntheticGraph } from '../../tools/synthetic/generate.js';
import { writeGraph } from '../../tools/synthetic/write.js';
import { CoauthorNetwork } from '../../explorer/src/operations.js';
import { removeAnalytics } from '../support/analytics.js';
import { skipWithout } from '../support/requirements.js';
import { browserMissing, launchBrowser, openRecordedPage, saveScreenshot } from '../support/browser.js';
import { postGraphQL, removeGeneratedGraph, startTestServer, testDatabase, testDriver } from '../support/server.js';
import { graphDatabaseOn } from '../../src/db/driver.js';

/**
 * The explorer coloured by community, in a real browser against the real server: on the seed and a
 * generated graph of 200 authors in labs (so several communities, linked), first before any
 * analytics run (the legend says to run one), then after `runAnalytics`: the legend names the
 * communities drawn by their top authors, every author drawn wears the colour of their community,
 * and the panel shows the author's figures. The centre is a generated author whose coauthors come
 * from several labs, so that one level of coauthors spans several communities. Afterwards the run's
 * results and the generated graph are removed again, so other files see the graph as before.
 */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 30_000, interval: 100 });

const PREFIX = 'explorer-analytics';
const GREY = '#9aa3ad';

const missing = browserMissing();
const skip = skipWithout("the explorer's community browser tests", missing);

interface ExplorerWindow {
  explorer: {
    graph: { nodes(): string[]; getNodeAttribute(node: string, name: string): unknown };
    sigma: { getNodeDisplayData(node: string): { color: string } | undefined };
  };
}

/** What the page draws of each node: its community (number), label and colour on screen. */
const drawnNodes = (page: Page) =>
  page.evaluate(() => {
    const { graph, sigma } = (window as unknown as ExplorerWindow).explorer;
    return graph.nodes().map((node) => ({
      id: node,
      label: graph.getNodeAttribute(node, 'label') as string,
      community: graph.getNodeAttribute(node, 'community') as number | null,
      colour: sigma.getNodeDisplayData(node)?.color ?? null,
    }));
  });

/** The legend's entries: their text and their swatch's colour. */
const legendEntries = (page: Page) =>
  page.locator('#legend li').evaluateAll((items) =>
    items.map((item) => {
      const swatch = item.querySelector<HTMLElement>('.swatch');
      return { text: item.textContent ?? '', colour: swatch ? getComputedStyle(swatch).backgroundColor : null };
    }),
  );

/**
 * The author whose coauthors come from the most labs (planted communities) with two or more of
 * them each, then from the most labs, then with the most coauthors: a centre for a colourful picture.
 */
function bridgingAuthor(graph: SyntheticGraph): string {
  const labOf = new Map(graph.authors.map((author) => [author.id, author.lab]));
  const bylines = new Map<string, string[]>();
  for (const { paperId, authorId } of graph.authored) bylines.set(paperId, [...(bylines.get(paperId) ?? []), authorId]);
  const coauthors = new Map<string, Set<string>>();
  for (const byline of bylines.values()) {
    for (const author of byline) for (const other of byline) if (other !== author) coauthors.set(author, (coauthors.get(author) ?? new Set()).add(other));
  }
  const score = (author: { id: string; name: string }) => {
    const perLab = new Map<number, number>();
    for (const other of coauthors.get(author.id) ?? []) perLab.set(labOf.get(other)!, (perLab.get(labOf.get(other)!) ?? 0) + 1);
    return [[...perLab.values()].filter((count) => count >= 2).length, perLab.size, coauthors.get(author.id)?.size ?? 0];
  };
  const ranked = graph.authors.map((author) => ({ name: author.name, score: score(author) }));
  ranked.sort((a, b) => b.score[0]! - a.score[0]! || b.score[1]! - a.score[1]! || b.score[2]! - a.score[2]! || a.name.localeCompare(b.name));
  return ranked[0]!.name;
}

/** "rgb(78, 121, 167)" as "#4e79a7". */
const hex = (rgb: string) => `#${(rgb.match(/\d+/g) ?? []).slice(0, 3).map((n) => Number(n).toString(16).padStart(2, '0')).join('')}`;

// A page load, a search and the layout's settling take seconds each on two busy cores.
describe.skipIf(skip)('explorer coloured by community (browser)', { timeout: 180_000 }, () => {
  let driver: Driver;
  let server: RunningServer;
  let browser: Browser;
  let origin: string;
  /** The top author of the largest community of the generated graph, and who they are. */
  let centre: { id: string; name: string };

  beforeAll(async () => {
    driver = testDriver();
    await removeAnalytics(driver, testDatabase());
    const generated = generateGraph({ authors: 200, prefix: PREFIX, seed: 3 });
    await writeGraph(driver, testDatabase(), generated);
    server = await startTestServer();
    origin = new URL(server.url).origin;
    browser = await launchBrowser();
    const found = await postGraphQL<{ author: { id: string; name: string } }>(server.url, 'query($name: String!) { author(name: $name) { id name } }', {
      name: bridgingAuthor(generated),
    });
    centre = found.data!.author;
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await removeAnalytics(driver, testDatabase());
    if (driver) await removeGeneratedGraph(driver, PREFIX);
    await driver?.close();
  });

  async function open(path: string, viewport = { width: 1280, height: 800 }) {
    const recorded = await openRecordedPage(browser, viewport);
    await recorded.page.goto(origin + path);
    return recorded;
  }

  /** Waits until the network is drawn and the layout has settled (it runs 2.5 s after a change). */
  async function networkDrawn(page: Page) {
    await page.waitForFunction(() => document.body.dataset.firstDrawMs !== undefined && document.body.dataset.state === 'ready', undefined, { timeout: 90_000 });
    await page.waitForTimeout(3_000);
  }

  it('before any analytics run, says so in the legend instead of drawing everyone grey silently', async () => {
    const { page, errors } = await open(`/?author=${encodeURIComponent(centre.id)}&colour=community`);
    await networkDrawn(page);
    await eventually(() => page.locator('#legend').textContent()).toBe('No analytics yet: run npm run analytics');
    await expect(page.locator('#colour-by').inputValue()).resolves.toBe('community');
    // The panel has no analytics to show either.
    await eventually(() => page.locator('#panel h2').textContent()).toBe(centre.name);
    await expect(page.locator('#panel .analytics').count()).resolves.toBe(0);
    await saveScreenshot(page, 'explorer-communities-no-analytics');
    expect(errors).toEqual([]);
  });

  describe('after an analytics run', () => {
    beforeAll(async () => {
      await runAnalytics(graphDatabaseOn(driver, testDatabase()), { concurrency: 1 });
    }, 180_000);

    it('accepts the explorer’s largest network request (depth 3, 300 authors, with communities) under the cost limit', async () => {
      const response = await postGraphQL<{ author: { egoNetwork: { nodes: { author: { analytics: unknown } | null }[] } } }>(server.url, CoauthorNetwork.toString(), {
        id: centre.id,
        depth: 3,
        maxNodes: 300,
      });
      expect(response.errors).toBeUndefined();
      // Everyone within three levels of the centre (the seed's authors are not linked to them), each with a community.
      const nodes = response.data!.author.egoNetwork.nodes;
      expect(nodes.length).toBeGreaterThan(50);
      expect(nodes.every((node) => node.author?.analytics)).toBe(true);
    });

    it('colours the authors by community, names each community in the legend, and shows the figures in the panel', async () => {
      const { page, externalRequests, errors } = await open(`/?author=${encodeURIComponent(centre.id)}&colour=community`);
      await networkDrawn(page);
      await eventually(() => page.locator('#panel h2').textContent()).toBe(centre.name);

      // The legend: "Community of <top author> (<n> drawn)", the commonest first.
      const legend = await legendEntries(page);
      expect(legend.length).toBeGreaterThan(1);
      for (const entry of legend) expect(entry.text).toMatch(/^Community of \S.* \(\d+ drawn\)$/);
      await expect(page.locator('#legend').getAttribute('aria-label')).resolves.toBe('Colours: communities');

      // Every author drawn has a community, and wears its colour: one colour per community, each
      // community's colour its legend swatch's; the communities beyond the palette are grey.
      const nodes = await drawnNodes(page);
      expect(nodes.every((node) => node.community !== null)).toBe(true);
      const colourOf = new Map<number, Set<string>>();
      for (const node of nodes) colourOf.set(node.community!, (colourOf.get(node.community!) ?? new Set()).add(node.colour!));
      for (const colours of colourOf.values()) expect(colours.size).toBe(1);
      const coloured = [...colourOf].filter(([, colours]) => ![...colours].includes(GREY));
      expect(coloured.length).toBe(legend.length);
      expect(new Set(coloured.map(([, colours]) => [...colours][0])).size).toBe(coloured.length);
      expect(new Set(legend.map((entry) => hex(entry.colour!)))).toEqual(new Set(coloured.map(([, colours]) => [...colours][0])));

      // The counts and names are the API's: each community's drawn members, named by its top author.
      const { data } = await postGraphQL<{ nodes: ({ analytics: { communityNumber: number; community: { topAuthors: { name: string }[] } | null } } | null)[] }>(
        server.url,
        'query($ids: [ID!]!) { nodes(ids: $ids) { ... on Author { analytics { communityNumber community { topAuthors { name } } } } } }',
        { ids: nodes.map((node) => node.id) },
      );
      const expected = new Map<string, number>();
      data!.nodes.forEach((author, index) => {
        expect(author!.analytics.communityNumber).toBe(nodes[index]!.community);
        const name = `Community of ${author!.analytics.community?.topAuthors[0]?.name ?? nodes[index]!.label}`;
        expected.set(name, (expected.get(name) ?? 0) + 1);
      });
      for (const entry of legend) {
        const [, name, count] = entry.text.match(/^(.*) \((\d+) drawn\)$/)!;
        expect(expected.get(name!)).toBe(Number(count));
      }

      // The panel: the centre's community and figures, as the API gives them.
      const { data: details } = await postGraphQL<{ author: { analytics: { pageRank: number; coreNumber: number; community: { size: number; topAuthors: { name: string }[] } } } }>(
        server.url,
        'query($id: ID!) { author(id: $id) { analytics { pageRank coreNumber community { size topAuthors { name } } } } }',
        { id: centre.id },
      );
      const figures = details!.author.analytics;
      await eventually(() => page.locator('#panel .analytics h3').textContent()).toBe('Collaboration analytics');
      const panel = Object.fromEntries(
        await page.locator('#panel .analytics dt').evaluateAll((terms) => terms.map((term) => [term.textContent, term.nextElementSibling?.textContent])),
      ) as Record<string, string>;
      expect(Object.keys(panel)).toEqual(['Community', 'PageRank', 'Betweenness', 'Core number', 'Clustering']);
      expect(panel.Community).toBe(`of ${figures.community.topAuthors[0]!.name} · ${figures.community.size} authors`);
      expect(panel.PageRank).toBe(new Intl.NumberFormat('en', { maximumSignificantDigits: 3 }).format(figures.pageRank));
      expect(panel['Core number']).toBe(String(figures.coreNumber));
      expect(panel.Betweenness).toMatch(/^[\d,.]+$/);
      expect(Number(panel.Clustering)).toBeGreaterThanOrEqual(0);
      expect(Number(panel.Clustering)).toBeLessThanOrEqual(1);
      // Its swatch is its community's colour on the drawing.
      const centreColour = nodes.find((node) => node.id === centre.id)!.colour!;
      if (centreColour !== GREY) {
        expect(hex(await page.locator('#panel .analytics .swatch').evaluate((swatch) => getComputedStyle(swatch).backgroundColor))).toBe(centreColour);
      }

      await saveScreenshot(page, 'explorer-communities');
      expect(externalRequests).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('switches between organizations and communities from the keyboard, and keeps the choice in the address', async () => {
      const { page } = await open(`/?author=${encodeURIComponent(centre.id)}`);
      await networkDrawn(page);
      await eventually(() => page.locator('#legend').getAttribute('aria-label')).toBe('Colours: organizations');
      const byOrganization = await legendEntries(page);
      expect(byOrganization.every((entry) => !entry.text.startsWith('Community of'))).toBe(true);
      expect(page.url()).not.toContain('colour=');

      await page.focus('#colour-by');
      await page.keyboard.press('ArrowDown');
      await eventually(() => page.locator('#colour-by').inputValue()).toBe('community');
      await eventually(() => page.url()).toContain('colour=community');
      await eventually(async () => (await legendEntries(page)).every((entry) => /^Community of .* \(\d+ drawn\)$/.test(entry.text))).toBe(true);
      // The drawing is recoloured without a reload: authors of one community share a colour.
      const nodes = await drawnNodes(page);
      const colours = new Map<number, Set<string>>();
      for (const node of nodes) colours.set(node.community!, (colours.get(node.community!) ?? new Set()).add(node.colour!));
      expect([...colours.values()].every((set) => set.size === 1)).toBe(true);

      await page.keyboard.press('ArrowUp');
      await eventually(() => page.locator('#legend').getAttribute('aria-label')).toBe('Colours: organizations');
      await eventually(() => page.url()).not.toContain('colour=');
      expect((await legendEntries(page)).map((entry) => entry.text)).toEqual(byOrganization.map((entry) => entry.text));
    });
  });
});
