import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { graphDatabaseOn } from '../../src/db/driver.js';
import { runImport } from '../../src/ingest/import.js';
import { projectRoot } from '../../src/paths.js';
import type { RunningServer } from '../../src/server.js';
import { browserMissing, launchBrowser, openRecordedPage, saveScreenshot } from '../support/browser.js';
import { skipWithout } from '../support/requirements.js';
import { startTestServer, testDatabase, testDriver } from '../support/server.js';

/**
 * The explorer's Organizations mode with institutions and their units (issue 25), in a real
 * browser: a paper list whose affiliations name Stanford University, two of its departments and
 * Google Research (test/fixtures/explorer/units2099.json), imported beside the seed and removed
 * afterwards. The typeahead says whose a unit is; the panel lists the units on demand, links a
 * unit to its institution, and counts the units as the institution or not.
 */
const eventually = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 20_000, interval: 100 });
const skip = skipWithout("the explorer's browser tests", browserMissing());
const FIXTURE = join(projectRoot, 'test', 'fixtures', 'explorer', 'units2099.json');
const SOURCE = 'source:paperlist:units2099';

describe.skipIf(skip)('explorer: institutions and their units (browser)', { timeout: 90_000 }, () => {
  let server: RunningServer;
  let browser: Browser;
  let driver: Driver;

  /** The fixture's papers, then whatever only they held up (its authors, units, institutions). */
  const removeFixture = async () => {
    const run = (query: string) => driver.executeQuery(query, { source: SOURCE }, { database: testDatabase() });
    await run('MATCH (p:Paper)-[:RECORDED_IN]->(:Source {id: $source}) DETACH DELETE p');
    await run('MATCH (s:Source {id: $source}) DETACH DELETE s');
    await run("MATCH (a:Author) WHERE a.name ENDS WITH ' Unitas' DETACH DELETE a");
    // Units first, then the institutions they were part of.
    for (let pass = 0; pass < 2; pass++) {
      await run('MATCH (o:Organization) WHERE NOT (o)<-[:FROM_ORGANIZATION|AFFILIATED_WITH|PART_OF]-() DETACH DELETE o');
    }
  };

  beforeAll(async () => {
    driver = testDriver();
    await removeFixture();
    await runImport(graphDatabaseOn(driver, testDatabase()), { format: 'paperlist', paths: [FIXTURE] });
    server = await startTestServer({ PERSISTED_OPERATIONS: 'only' });
    browser = await launchBrowser();
  }, 60_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    if (driver) await removeFixture();
    await driver?.close();
  });

  it('shows an institution, its units on demand, a unit with its institution, and the figures with or without units', async () => {
    const { page } = await openRecordedPage(browser, { width: 1280, height: 800 });
    await page.goto(new URL(server.url).origin + '/');
    await page.getByRole('button', { name: 'Organizations' }).click();

    // The typeahead: the institution first for its name; a unit says whose it is.
    await page.fill('#search', 'Department of Statistics');
    const unitOption = page.locator('#search-results li[role=option]', { hasText: 'Department of Statistics' }).first();
    await eventually(() => unitOption.textContent()).toContain('Stanford University');
    await page.fill('#search', 'Stanford University');
    const first = page.locator('#search-results li[role=option]').first();
    await eventually(() => first.textContent()).toMatch(/^Stanford University/);
    await first.dispatchEvent('mousedown');

    await eventually(() => page.locator('#panel h2').textContent()).toBe('Stanford University');
    await eventually(() => page.locator('#panel').textContent()).toContain('3 papers');
    // Units on demand: listed, closed until opened.
    const units = page.locator('#panel details');
    await eventually(() => units.locator('summary').textContent()).toBe('Units (2)');
    expect(await units.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    await units.locator('summary').click();
    await eventually(() => units.locator('li').allTextContents()).toEqual([
      expect.stringContaining('Department of Computer Science'),
      expect.stringContaining('Department of Statistics'),
    ]);

    // Without its units: only the papers that name Stanford University itself.
    await page.locator('#count-units').uncheck();
    await eventually(() => page.locator('#panel').textContent()).toContain('2 papers (its units left out)');
    await page.locator('#count-units').check();
    await eventually(() => page.locator('#panel').textContent()).toContain('3 papers');

    // A unit links back to its institution.
    await page.locator('#panel details summary').click();
    await page.locator('#panel details button', { hasText: 'Department of Statistics' }).click();
    await eventually(() => page.locator('#panel h2').textContent()).toBe('Department of Statistics');
    await eventually(() => page.locator('#panel .part-of').textContent()).toBe('Part of Stanford University');
    await saveScreenshot(page, 'explorer-organization-unit');
    await page.locator('#panel .part-of button').click();
    await eventually(() => page.locator('#panel h2').textContent()).toBe('Stanford University');
  });
});
