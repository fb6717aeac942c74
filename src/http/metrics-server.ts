import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { METRICS_PORT_OFFSET, type MetricsSettings } from '../config.js';
import type { Logger } from '../logger.js';
import type { Metrics } from '../metrics.js';

export const METRICS_PATH = '/metrics';

export interface MetricsServer {
  /** http://host:port/metrics */
  url: string;
  close: () => Promise<void>;
}

/**
 * The metrics' own HTTP listener (METRICS_HOST:METRICS_PORT, loopback by default): Prometheus
 * scrapes it from inside the host or the pod's network, and the public API port never shows
 * request counts, error codes or memory to the world. Plain node:http: one GET route needs no
 * framework, and a scrape keeps working while the API itself is saturated.
 */
export async function startMetricsServer(
  metrics: Metrics,
  { host, port, derived }: Pick<MetricsSettings, 'host' | 'port' | 'derived'>,
  logger?: Logger,
): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    const { pathname } = new URL(request.url ?? '/', 'http://localhost');
    if (pathname !== METRICS_PATH) return void response.writeHead(404).end();
    if (request.method !== 'GET' && request.method !== 'HEAD') return void response.writeHead(405, { allow: 'GET, HEAD' }).end();
    metrics.registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': metrics.registry.contentType }).end(request.method === 'HEAD' ? undefined : text),
      () => response.writeHead(500).end(),
    );
  });
  const listen = (on: number) =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(on, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
  try {
    await listen(port);
  } catch (error) {
    // A port derived from PORT was never asked for: a second server on this machine (or any
    // program) holding it must not stop this one. A configured METRICS_PORT that is taken fails.
    if (!derived || port === 0 || (error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    await listen(0);
    logger?.info({ derivedPort: port }, `Port ${port} (PORT + ${METRICS_PORT_OFFSET}, METRICS_PORT unset) is taken: metrics on a free port instead`);
  }
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}${METRICS_PATH}`,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
