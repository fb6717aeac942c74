/**
 * `npm run bench:explorer [-- --authors 5 --runs 5 --sizes 2000,10000 --keep --reimport]`: the
 * explorer page in real headless Chromium (test/support/browser.ts: Debian's chromium, WebGL on
 * SwiftShader, i.e. software) against the imported paper lists, in an instance of its own
 * (`bench-explorer`, ports 7697/7484; imported on first use, kept between runs). Prints:
 * - the bundle: explorer/dist/assets JavaScript and CSS, raw and gzip (level 9);
 * - time to first network: for the authors with the most papers, a fresh page load, the name
 *   typed into the search box, Enter, and the page's own `firstDrawMs` (choosing the result to
 *   the network's first render), plus the wall time from Enter as the bench sees it;
 * - frames per second while a node is dragged around a circle, once the most prolific author's
 *   network was expanded (biggest authors first) to about 2,000 and 10,000 drawn nodes.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { Command } from 'commander';
import neo4j, { type Driver } from 'neo4j-driver';
import type { Browser, Page } from 'playwright-core';
import { createDriver } from '../src/db/driver.js';
import { applySchema } from '../src/db/migrate.js';
import { sharedDataDir } from '../scripts/shared-data.js';
import { launchBrowser, openRecordedPage } from '../test/support/browser.js';
import { count, jsonOption } from './lib/cli.js';
import { projectRoot } from './lib/paths.js';
import { describeMachine, machineLine } from './lib/report.js';
import { buildServer, startBuiltServer, type ServerProcess } from './lib/server.js';
import { median } from './lib/stats.js';
import { localNeo4jSettings, localNeo4jStatus, resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from './lib/tools.js';

const options = new Command('bench:explorer')
  .option('--paths <dir>', 'paper lists to import when the graph is empty', join(sharedDataDir, 'paperlists'))
  .addOption(count('--authors <n>', 'the most prolific authors whose first network is timed', 1, 5))
  .addOption(count('--runs <n>', 'timed first networks per author (alternating authors)', 1, 5))
  .option('--sizes <list>', 'drawn node counts at which dragging is measured', '2000,10000')
  .addOption(count('--drags <n>', 'drags (about 3 s each) per size; the median is reported', 1, 3))
  .option('--reimport', 'wipe the instance and import the paper lists again')
  .option('--keep', 'leave the instance running afterwards')
  .addOption(jsonOption())
  .parse()
  .opts<{ paths: string; authors: number; runs: number; sizes: string; drags: number; reimport?: boolean; keep?: boolean; json?: string }>();

const sizes = options.sizes.split(',').map((size) => Number(size.trim()));
if (sizes.some((size) => !Number.isInteger(size) || size < 2)) {
  console.error(`--sizes: expected whole numbers, e.g. 2000,10000 (got ${options.sizes})`);
  process.exit(1);
}

const local = { ...localNeo4jSettings(), instance: 'bench-explorer', boltPort: 7697, httpPort: 7484 };
const uri = `bolt://127.0.0.1:${local.boltPort}`;
const quiet = () => {};
const DRAG_MS = 3_000;
/** After the last expansion: the layout runs 2.5 s; then the page must be still this long. */
const STILL_MS = 500;

const kB = (bytes: number) => `${(bytes / 1024).toFixed(1)} kB`;

// ---- the graph -----------------------------------------------------------------------------------

/** The bench's own reads of the graph (counts, the most prolific authors), over one driver. */
async function cypher<T = Record<string, unknown>>(driver: Driver, query: string, params: Record<string, unknown> = {}): Promise<T[]> {
  const { records } = await driver.executeQuery(query, params, { database: 'neo4j' });
  return records.map((record) => record.toObject() as T);
}

async function importPaperLists(driver: Driver) {
  if (!existsSync(options.paths)) throw new Error(`No paper lists at ${options.paths} (set SHARED_DATA_DIR or --paths).`);
  await applySchema(driver, 'neo4j');
  console.log(`importing ${options.paths} (takes about a minute or two)`);
  const started = performance.now();
  const args = ['--import', 'tsx', 'scripts/import.ts', 'paperlist', options.paths, '--no-progress', '--report', join(projectRoot, 'test-results', 'bench-explorer-rejected.jsonl')];
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, NEO4J_URI: uri, NEO4J_PASSWORD: local.password, LOG_LEVEL: 'warn' }, stdio: ['ignore', 'inherit', 'inherit'] });
  const ticker = setInterval(() => console.log(`  importing... ${((performance.now() - started) / 1000).toFixed(0)} s`), 15_000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(ticker);
  if (code !== 0) throw new Error(`the import exited with ${code}`);
  const seconds = (performance.now() - started) / 1000;
  console.log(`import done in ${seconds.toFixed(1)} s`);
  return seconds;
}

// ---- the bundle ------------------------------------------------------------------------------------

function bundleSizes() {
  const assets = join(projectRoot, 'explorer', 'dist', 'assets');
  const sum = { js: { raw: 0, gzip: 0, files: 0 }, css: { raw: 0, gzip: 0, files: 0 } };
  for (const name of readdirSync(assets)) {
    const kind = name.endsWith('.js') ? 'js' : name.endsWith('.css') ? 'css' : null;
    if (!kind) continue;
    const bytes = readFileSync(join(assets, name));
    sum[kind].raw += bytes.length;
    sum[kind].gzip += gzipSync(bytes, { level: 9 }).length;
    sum[kind].files++;
  }
  return sum;
}

// ---- the page --------------------------------------------------------------------------------------

interface Author {
  name: string;
  papers: number;
}

/** In the page: what `window.explorer` offers (main.ts). */
type ExplorerWindow = Window & {
  explorer: {
    graph: import('graphology').default;
    sigma: import('sigma').default;
    expand(id: string): Promise<void>;
  };
  benchRenders?: number[];
  benchDowns?: string[];
};

async function openExplorer(browser: Browser, url: string) {
  const recorded = await openRecordedPage(browser);
  // tsx (esbuild's keepNames) wraps named functions in the callbacks sent to the page in __name().
  await recorded.page.addInitScript('window.__name = (f) => f');
  await recorded.page.goto(url);
  await recorded.page.waitForSelector('body[data-state="ready"]');
  return recorded;
}

/** Types the name, waits for the suggestions, picks this author's (Enter) and waits for the first draw. */
async function searchAndDraw(page: Page, author: Author) {
  await page.locator('#search').fill(author.name);
  await page.waitForSelector('#search-results li[role=option]');
  const index = await page.evaluate(({ name, papers }) => {
    const options = [...document.querySelectorAll('#search-results li[role=option]')];
    const exact = options.findIndex((li) => li.firstChild?.textContent === name && (li.textContent ?? '').includes(`${papers} papers`));
    return exact >= 0 ? exact : Math.max(0, options.findIndex((li) => li.firstChild?.textContent === name));
  }, author);
  for (let i = 0; i < index; i++) await page.keyboard.press('ArrowDown');
  const started = performance.now();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.body.dataset.firstDrawMs !== undefined, undefined, { timeout: 60_000 });
  const wallMs = performance.now() - started;
  const drawn = await page.evaluate(() => {
    const { graph } = (window as unknown as ExplorerWindow).explorer;
    return { firstDrawMs: Number(document.body.dataset.firstDrawMs), nodes: graph.order, edges: graph.size };
  });
  return { ...drawn, wallMs, optionIndex: index };
}

/** Waits for the layout to stop: no frame drawn for STILL_MS (at most 20 s). */
async function waitUntilStill(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as ExplorerWindow;
    if (!w.benchRenders) {
      w.benchRenders = [];
      w.explorer.sigma.on('afterRender', () => w.benchRenders!.push(performance.now()));
    }
  });
  await sleep(3_000);
  const deadline = Date.now() + 20_000;
  while (Date.now() < deadline) {
    const before = await page.evaluate(() => (window as unknown as ExplorerWindow).benchRenders!.length);
    await sleep(STILL_MS);
    if ((await page.evaluate(() => (window as unknown as ExplorerWindow).benchRenders!.length)) === before) return true;
  }
  return false;
}

/** Expands the biggest not-yet-expanded authors until `target` nodes are drawn (or none is left). */
async function growTo(page: Page, target: number, tried: Set<string>) {
  const started = performance.now();
  let expansions = 0;
  for (;;) {
    const next = await page.evaluate(
      ({ target, tried }) => {
        const { graph } = (window as unknown as ExplorerWindow).explorer;
        if (graph.order >= target) return null;
        let best: string | null = null;
        let bestPapers = -1;
        graph.forEachNode((node, attributes) => {
          if (attributes.expanded || tried.includes(node)) return;
          if (attributes.paperCount > bestPapers) [best, bestPapers] = [node, attributes.paperCount as number];
        });
        return best;
      },
      { target, tried: [...tried] },
    );
    if (!next) break;
    tried.add(next);
    await page.evaluate((id) => (window as unknown as ExplorerWindow).explorer.expand(id), next);
    expansions++;
    if (expansions % 5 === 0) {
      const order = await page.evaluate(() => (window as unknown as ExplorerWindow).explorer.graph.order);
      console.log(`  ${expansions} expansions: ${order} nodes`);
    }
  }
  const counts = await page.evaluate(() => {
    const { graph } = (window as unknown as ExplorerWindow).explorer;
    return { nodes: graph.order, edges: graph.size };
  });
  return { ...counts, expansions, seconds: (performance.now() - started) / 1000 };
}

/** The biggest drawn node whose disc is well inside the viewport: where the drag grabs. */
async function grabPoint(page: Page) {
  return page.evaluate(() => {
    const { graph, sigma } = (window as unknown as ExplorerWindow).explorer;
    const { width, height } = sigma.getDimensions();
    let best: { node: string; x: number; y: number; size: number } | null = null;
    graph.forEachNode((node) => {
      const data = sigma.getNodeDisplayData(node);
      if (!data || data.hidden) return;
      // Display data are in sigma's framed (normalised) coordinates, not the graph's.
      const point = sigma.framedGraphToViewport(data);
      const margin = 150;
      if (point.x < margin || point.y < margin || point.x > width - margin || point.y > height - margin) return;
      if (!best || data.size > best.size) best = { node, x: point.x, y: point.y, size: data.size };
    });
    return best as { node: string; x: number; y: number; size: number } | null;
  });
}

/** One drag of about DRAG_MS around a circle; frames are sigma's afterRender events meanwhile. */
async function dragOnce(page: Page) {
  const box = (await page.locator('#graph').boundingBox())!;
  const grab = await grabPoint(page);
  if (!grab) throw new Error('no drawn node inside the viewport to drag');
  await page.evaluate(() => {
    const w = window as unknown as ExplorerWindow;
    if (!w.benchDowns) {
      w.benchDowns = [];
      w.explorer.sigma.on('downNode', ({ node }) => w.benchDowns!.push(node));
    }
    w.benchDowns.length = 0;
  });
  const cx = box.x + grab.x;
  const cy = box.y + grab.y;
  const radius = 80;
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  const pageStart = await page.evaluate(() => performance.now());
  const started = performance.now();
  let moves = 0;
  for (let elapsed = 0; elapsed < DRAG_MS; elapsed = performance.now() - started) {
    // Out from the node's centre, then round the circle twice (one lap each 1.5 s).
    const angle = (2 * Math.PI * elapsed) / 1_500;
    const r = Math.min(radius, (radius * elapsed) / 200);
    await page.mouse.move(cx + r * Math.cos(angle), cy + r * Math.sin(angle));
    moves++;
    await sleep(2);
  }
  const pageEnd = await page.evaluate(() => performance.now());
  await page.mouse.up();
  const { frames, grabbed } = await page.evaluate(
    ({ from, to }) => {
      const w = window as unknown as ExplorerWindow;
      return { frames: w.benchRenders!.filter((t) => t >= from && t <= to).length, grabbed: w.benchDowns![0] ?? null };
    },
    { from: pageStart, to: pageEnd },
  );
  const seconds = (pageEnd - pageStart) / 1000;
  return { fps: frames / seconds, frames, seconds, moves, grabbed, intended: grab.node };
}

// ---- the run ---------------------------------------------------------------------------------------

let server: ServerProcess | undefined;
let browser: Browser | undefined;
try {
  if (options.reimport) {
    console.log(`--reimport: wiping instance ${local.instance}`);
    await resetLocalNeo4j(local, quiet);
  }
  console.log(`starting instance ${local.instance} (${uri}, heap ${local.heap}, page cache ${local.pageCache})`);
  await startLocalNeo4j(local, quiet);
  const driver = createDriver({ uri, user: 'neo4j', password: local.password, database: 'neo4j' });
  const count = async (query: string) => Number((await cypher<{ n: number }>(driver, query))[0]!.n);
  const countPapers = () => count('MATCH (p:Paper) RETURN count(p) AS n');
  let importSeconds: number | null = null;
  let papers = await countPapers();
  if (papers === 0) {
    importSeconds = await importPaperLists(driver);
    papers = await countPapers();
  } else console.log(`graph already imported (${papers} papers): no import (--reimport to redo it)`);
  const data = {
    papers,
    authors: await count('MATCH (a:Author) RETURN count(a) AS n'),
    authorships: await count('MATCH (:Author)-[r:AUTHORED]->() RETURN count(r) AS n'),
  };
  const top = (
    await cypher<{ name: string; papers: number }>(driver, 'MATCH (a:Author)-[:AUTHORED]->() RETURN a.name AS name, count(*) AS papers ORDER BY papers DESC, name LIMIT $n', {
      n: neo4j.int(options.authors),
    })
  ).map((row) => ({ name: row.name, papers: Number(row.papers) }));
  await driver.close();
  console.log(`most prolific authors: ${top.map((a) => `${a.name} (${a.papers})`).join(', ')}`);

  buildServer((line) => console.log(line));
  const bundle = bundleSizes();

  // No response cache: the runs repeat the same authors, and a fresh page load should be measured.
  server = await startBuiltServer({ neo4j: { uri, user: 'neo4j', password: local.password, database: 'neo4j' }, env: { LOG_LEVEL: 'silent', RESPONSE_CACHE_TTL_MS: '0' } });
  const url = `${server.base}/`;
  console.log(`server at ${url}`);

  browser = await launchBrowser();
  const chromium = browser.version();
  const probe = await openExplorer(browser, url);
  const webgl = await probe.page.evaluate(() => {
    const gl = document.createElement('canvas').getContext('webgl');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return gl ? String(info ? gl.getParameter(info.UNMASKED_RENDERER_WEBGL) : gl.getParameter(gl.RENDERER)) : 'no WebGL';
  });
  await probe.context.close();

  // Time to first network. One unmeasured warm-up first: Neo4j's JIT (and the server's) is cold.
  console.log(`\nwarm-up (not measured): ${top[0]!.name}`);
  {
    const { page, context } = await openExplorer(browser, url);
    await searchAndDraw(page, top[0]!);
    await context.close();
  }
  const firstDraws = new Map<string, { firstDrawMs: number; wallMs: number; nodes: number; edges: number }[]>(top.map((a) => [a.name, []]));
  for (let run = 0; run < options.runs; run++) {
    for (const author of top) {
      const { page, context, errors } = await openExplorer(browser, url);
      const result = await searchAndDraw(page, author);
      if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
      await context.close();
      firstDraws.get(author.name)!.push(result);
      console.log(`  run ${run + 1} ${author.name}: firstDrawMs ${result.firstDrawMs} ms, Enter to drawn ${result.wallMs.toFixed(0)} ms, ${result.nodes} nodes / ${result.edges} links${result.optionIndex ? ` (suggestion ${result.optionIndex + 1})` : ''}`);
    }
  }

  // Dragging at growing sizes, from the most prolific author's network.
  console.log(`\ndragging: ${top[0]!.name}'s network, expanded biggest author first`);
  const drags: { target: number; nodes: number; edges: number; expansions: number; growSeconds: number; still: boolean; redrawMs: number; fps: number[]; runs: Awaited<ReturnType<typeof dragOnce>>[] }[] = [];
  {
    const { page, context, errors } = await openExplorer(browser, url);
    await searchAndDraw(page, top[0]!);
    const tried = new Set<string>();
    for (const target of sizes) {
      const grown = await growTo(page, target, tried);
      console.log(`  target ${target}: ${grown.nodes} nodes, ${grown.edges} links after ${grown.expansions} more expansions (${grown.seconds.toFixed(1)} s)`);
      const still = await waitUntilStill(page);
      if (!still) console.log('  (the page never went still: measuring anyway)');
      // What one full redraw costs the page (sigma.refresh() indexes and draws at once; CPU side).
      const redrawMs = await page.evaluate(() => {
        const { sigma } = (window as unknown as ExplorerWindow).explorer;
        const times: number[] = [];
        for (let i = 0; i < 5; i++) {
          const t = performance.now();
          sigma.refresh();
          times.push(performance.now() - t);
        }
        return times.sort((a, b) => a - b)[2]!;
      });
      console.log(`  one full redraw (sigma.refresh()): ${redrawMs.toFixed(0)} ms`);
      const runs = [];
      for (let i = 0; i < options.drags; i++) {
        const run = await dragOnce(page);
        runs.push(run);
        console.log(`  drag ${i + 1}: ${run.frames} frames in ${run.seconds.toFixed(2)} s = ${run.fps.toFixed(1)} fps (${run.moves} mouse moves; grabbed ${run.grabbed === run.intended ? 'the intended node' : run.grabbed ? `another node (${run.grabbed})` : 'no node: the camera panned'})`);
        await sleep(300);
      }
      drags.push({ target, nodes: grown.nodes, edges: grown.edges, expansions: grown.expansions, growSeconds: grown.seconds, still, redrawMs, fps: runs.map((r) => r.fps), runs });
    }
    if (errors.length) console.log(`  page errors: ${errors.join('; ')}`);
    await context.close();
  }

  // ---- figures ----
  const allFirst = [...firstDraws.values()].flat();
  console.log(
    `\nmachine: ${machineLine()}; Chromium ${chromium} headless; WebGL renderer: ${webgl}` +
      `\n  (rendering is software WebGL through SwiftShader on this machine: a real GPU draws far faster)` +
      `\ndata: ${options.paths}: ${Number(data.papers)} papers, ${Number(data.authors)} authors, ${Number(data.authorships)} authorships in the graph` +
      (importSeconds === null ? '' : `; imported in ${importSeconds.toFixed(1)} s`),
  );
  console.log('\nbundle (explorer/dist/assets, gzip level 9); goal: JavaScript <= 300 kB gzip');
  console.table({
    JavaScript: { files: bundle.js.files, raw: kB(bundle.js.raw), gzip: kB(bundle.js.gzip), goal: bundle.js.gzip <= 300 * 1024 ? 'met' : 'MISSED' },
    CSS: { files: bundle.css.files, raw: kB(bundle.css.raw), gzip: kB(bundle.css.gzip), goal: '' },
  });
  console.log(`time to first network (ms; ${options.runs} runs per author, alternating, after one unmeasured warm-up); goal <= 1000 ms`);
  const firstTable: Record<string, Record<string, string | number>> = {};
  for (const author of top) {
    const runs = firstDraws.get(author.name)!;
    const ms = runs.map((r) => r.firstDrawMs);
    firstTable[`${author.name} (${author.papers} papers)`] = {
      nodes: runs[0]!.nodes,
      links: runs[0]!.edges,
      'firstDrawMs median': median(ms),
      min: Math.min(...ms),
      max: Math.max(...ms),
      'Enter→drawn median': Math.round(median(runs.map((r) => r.wallMs))),
    };
  }
  const overall = median(allFirst.map((r) => r.firstDrawMs));
  firstTable.overall = { nodes: '', links: '', 'firstDrawMs median': overall, min: Math.min(...allFirst.map((r) => r.firstDrawMs)), max: Math.max(...allFirst.map((r) => r.firstDrawMs)), 'Enter→drawn median': Math.round(median(allFirst.map((r) => r.wallMs))) };
  console.table(firstTable);
  console.log(`overall median ${overall} ms: goal ${overall <= 1000 ? 'met' : 'MISSED'}`);
  console.log(`\ndragging a node (${options.drags} drags of ${DRAG_MS / 1000} s per size, sigma afterRender events per second, median); goal >= 30 fps at 2,000 nodes; software WebGL (SwiftShader)`);
  console.table(
    Object.fromEntries(
      drags.map((d) => [
        `target ${d.target}`,
        { 'drawn nodes': d.nodes, 'drawn links': d.edges, 'fps median': Number(median(d.fps).toFixed(1)), 'fps each': d.fps.map((f) => f.toFixed(1)).join(' / '), 'mouse moves/s': Number(median(d.runs.map((r) => r.moves / r.seconds)).toFixed(1)), 'full redraw ms': Math.round(d.redrawMs), 'layout stopped': d.still ? 'yes' : 'no' },
      ]),
    ),
  );
  if (options.json) {
    writeFileSync(
      options.json,
      `${JSON.stringify({ machine: { ...describeMachine(), chromium, webgl }, data: { papers: Number(data.papers), authors: Number(data.authors), importSeconds }, bundle, firstDraws: Object.fromEntries(firstDraws), overallFirstDrawMs: overall, drags }, null, 2)}\n`,
    );
    console.log(`figures written to ${options.json}`);
  }
} finally {
  await browser?.close();
  await server?.stop();
  if (!options.keep) await stopLocalNeo4j(local, quiet);
  else console.log(`instance ${local.instance} left running (${localNeo4jStatus(local).uri})`);
}

