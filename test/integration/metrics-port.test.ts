import { createServer, type Server } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { METRICS_PORT_OFFSET } from '../../src/config.js';
import type { RunningServer } from '../../src/server.js';
import { startObservedServer } from '../support/hardening.js';

/**
 * Servers side by side on one machine with the defaults (METRICS_PORT unset), as `PORT=4001 npm
 * start` beside a running `npm start` is: each serves metrics, on PORT + 5464 or, when that is
 * taken, on a free port. A METRICS_PORT that is configured and taken still fails the start.
 */

/** Ports are the point: serving at once, without waiting for Neo4j and the analytics warm-up. */
const start = (env: Record<string, string>) => startObservedServer(env, { waitForNeo4j: false });

const running: RunningServer[] = [];
const held: Server[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
  await Promise.all(held.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** Listens on `port` (0: any) as another program would; resolves with the port. */
function hold(port: number): Promise<number> {
  const server = createServer();
  held.push(server);
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve((server.address() as { port: number }).port));
  });
}

function isFree(port: number): Promise<boolean> {
  const probe = createServer();
  return new Promise((resolve) => {
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

/** A free port whose derived metrics port is free too. */
async function portWithFreeMetricsPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 40_000);
    if ((await isFree(port)) && (await isFree(port + METRICS_PORT_OFFSET))) return port;
  }
}

const metricsPortOf = (server: RunningServer) => Number(new URL(server.metricsUrl).port);
const scrape = async (server: RunningServer) => (await fetch(server.metricsUrl)).status;

describe('the metrics port with METRICS_PORT unset', () => {
  it('lets two servers that differ only in PORT both start, each with metrics on PORT + 5464', async () => {
    const [a, b] = [await portWithFreeMetricsPort(), await portWithFreeMetricsPort()];
    running.push(await start({ PORT: String(a), METRICS_PORT: '' }));
    running.push(await start({ PORT: String(b), METRICS_PORT: '' }));
    expect(running.map(metricsPortOf)).toEqual([a + METRICS_PORT_OFFSET, b + METRICS_PORT_OFFSET]);
    expect(await Promise.all(running.map(scrape))).toEqual([200, 200]);
  });

  it('takes a free port, and says so, when the derived one is taken', async () => {
    const port = await portWithFreeMetricsPort();
    await hold(port + METRICS_PORT_OFFSET);
    const server = await start({ PORT: String(port), METRICS_PORT: '' });
    running.push(server);
    expect(metricsPortOf(server)).not.toBe(port + METRICS_PORT_OFFSET);
    expect(await scrape(server)).toBe(200);
    expect(server.logs.map((line) => line.msg)).toContain(
      `Port ${port + METRICS_PORT_OFFSET} (PORT + ${METRICS_PORT_OFFSET}, METRICS_PORT unset) is taken: metrics on a free port instead`,
    );
  });

  it('serves metrics on a free port with PORT=0', async () => {
    const server = await start({ PORT: '0', METRICS_PORT: '' });
    running.push(server);
    expect(metricsPortOf(server)).toBeGreaterThan(0);
    expect(await scrape(server)).toBe(200);
  });
});

describe('a configured METRICS_PORT', () => {
  it('fails the start, naming the port and the variables, when it is taken', async () => {
    const taken = await hold(0);
    await expect(start({ METRICS_PORT: String(taken) })).rejects.toThrow(
      `Cannot serve metrics on 127.0.0.1:${taken} (METRICS_HOST, METRICS_PORT): listen EADDRINUSE`,
    );
  });
});
