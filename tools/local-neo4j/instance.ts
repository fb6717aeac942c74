import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import type { LocalNeo4jConfig } from '../../src/config.js';
import { createDriver, waitForDatabase } from '../../src/db/driver.js';
import { findJava, installGds, installNeo4j, type Java } from './install.js';
import { GDS_VERSION, LocalNeo4jError, NEO4J_VERSION, instancePaths, type InstancePaths } from './paths.js';

/**
 * The project's own Neo4j Community server, for machines without Docker. Starting, stopping and
 * pid files are left to Neo4j's own launcher (the class behind its `bin/neo4j` script), so the
 * server runs exactly as a packaged Neo4j would; this module writes its config, waits for Bolt
 * and stops it with SIGTERM.
 */

const LAUNCHER = 'org.neo4j.server.startup.Neo4jCommand';
const ADMIN = 'org.neo4j.cli.AdminTool';

export interface LocalNeo4jStatus {
  running: boolean;
  pid?: number;
  uri: string;
  home: string;
}

type Log = (line: string) => void;

export function boltUri(config: LocalNeo4jConfig): string {
  return `bolt://127.0.0.1:${config.boltPort}`;
}

function neo4jConf(config: LocalNeo4jConfig, paths: InstancePaths): string {
  return [
    '# Written by scholar-graph (tools/local-neo4j/instance.ts) at every start; edits are overwritten.',
    'server.default_listen_address=127.0.0.1',
    `server.bolt.listen_address=127.0.0.1:${config.boltPort}`,
    `server.bolt.advertised_address=127.0.0.1:${config.boltPort}`,
    `server.http.listen_address=127.0.0.1:${config.httpPort}`,
    `server.http.advertised_address=127.0.0.1:${config.httpPort}`,
    'server.https.enabled=false',
    `server.directories.data=${paths.data}`,
    `server.directories.logs=${paths.logs}`,
    `server.directories.run=${paths.run}`,
    `server.directories.lib=${paths.lib}`,
    `server.directories.plugins=${paths.plugins}`,
    // Graph Data Science reads and writes the store through its own APIs: its procedures must be
    // unrestricted. Nothing else is.
    'dbms.security.procedures.unrestricted=gds.*',
    `server.memory.heap.initial_size=${config.heap}`,
    `server.memory.heap.max_size=${config.heap}`,
    `server.memory.pagecache.size=${config.pageCache}`,
    'dbms.usage_report.enabled=false',
    // Bolt waits 5 s, twice, for connections that a stopped local server no longer has.
    'internal.server.bolt.connection_shutdown_wait_time=1s',
    'internal.server.bolt.thread_pool_shutdown_wait_time=1s',
    // The JVM flags Neo4j ships in its default neo4j.conf.
    'server.jvm.additional=-XX:+UseG1GC',
    'server.jvm.additional=-XX:-OmitStackTraceInFastThrow',
    'server.jvm.additional=-XX:+DisableExplicitGC',
    'server.jvm.additional=-Djdk.nio.maxCachedBufferSize=1024',
    'server.jvm.additional=-Dio.netty.tryReflectionSetAccessible=true',
    'server.jvm.additional=--add-opens=java.base/java.nio=ALL-UNNAMED',
    'server.jvm.additional=--add-opens=java.base/java.io=ALL-UNNAMED',
    'server.jvm.additional=--add-opens=java.base/sun.nio.ch=ALL-UNNAMED',
    'server.jvm.additional=-Dlog4j2.disable.jmx=true',
    '',
  ].join('\n');
}

function runJava(java: Java, paths: InstancePaths, args: string[]) {
  return spawnSync(java.command, ['-cp', `${paths.lib}/*`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf },
  });
}

function readPid(paths: InstancePaths): number | undefined {
  if (!existsSync(paths.pidFile)) return undefined;
  const pid = Number(readFileSync(paths.pidFile, 'utf8').trim());
  return Number.isInteger(pid) && pid > 0 ? pid : undefined;
}

function isAlive(pid: number | undefined): pid is number {
  if (pid === undefined) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portInUse(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function logTail(paths: InstancePaths, lines = 25): string {
  const file = [paths.logFile, join(paths.logs, 'debug.log')].find(existsSync);
  return file ? readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n') : '(no log written)';
}

export function localNeo4jStatus(config: LocalNeo4jConfig): LocalNeo4jStatus {
  const paths = instancePaths(config.dir, config.instance);
  const pid = readPid(paths);
  const running = isAlive(pid);
  return { running, ...(running ? { pid } : {}), uri: boltUri(config), home: paths.home };
}

/** Starts the instance unless it already runs; resolves with its Bolt URI once it answers. */
export async function startLocalNeo4j(config: LocalNeo4jConfig, log: Log = console.error): Promise<string> {
  const paths = instancePaths(config.dir, config.instance);
  const uri = boltUri(config);
  const status = localNeo4jStatus(config);
  if (!status.running) {
    const java = findJava();
    const lib = installNeo4j(config.dir, log);
    const plugins = installGds(config.dir, log);
    if (await portInUse(config.boltPort)) {
      throw new LocalNeo4jError(
        `Port ${config.boltPort} is taken by another program. Set LOCAL_NEO4J_BOLT_PORT to a free port, ` +
          `or point NEO4J_URI at the Neo4j already listening there.`,
      );
    }
    for (const dir of [paths.conf, paths.data, paths.logs, paths.run]) mkdirSync(dir, { recursive: true });
    if (!existsSync(paths.lib)) symlinkSync(lib, paths.lib, 'dir');
    if (!existsSync(paths.plugins)) symlinkSync(plugins, paths.plugins, 'dir');
    writeFileSync(paths.confFile, neo4jConf(config, paths));
    if (!existsSync(paths.authFile)) {
      const set = runJava(java, paths, [ADMIN, 'dbms', 'set-initial-password', config.password]);
      if (set.status !== 0) throw new LocalNeo4jError(`Could not set the initial password:\n${set.stdout}${set.stderr}`);
    }
    log(`Starting Neo4j ${NEO4J_VERSION} (instance "${config.instance}", ${uri}, data in ${paths.data})...`);
    const started = runJava(java, paths, [LAUNCHER, 'start']);
    if (started.status !== 0) {
      throw new LocalNeo4jError(`Neo4j did not start:\n${started.stdout}${started.stderr}\n${logTail(paths)}`);
    }
  }
  const driver = createDriver({ uri, user: 'neo4j', password: config.password, database: 'neo4j' });
  try {
    await waitForDatabase(driver, 'neo4j', { stillStarting: () => isAlive(readPid(paths)) });
    await requireGds(driver, status.running, paths);
  } catch (error) {
    if (error instanceof LocalNeo4jError) throw error;
    const code = (error as { code?: string }).code ?? '';
    if (code.startsWith('Neo.ClientError.Security')) {
      throw new LocalNeo4jError(
        `The local Neo4j in ${paths.home} refused NEO4J_PASSWORD: it was created with another one. ` +
          `Use that password, or wipe the instance with \`npm run neo4j:reset\`.`,
      );
    }
    throw new LocalNeo4jError(`Neo4j did not become ready: ${(error as Error).message}\n${logTail(paths)}`);
  } finally {
    await driver.close();
  }
  return uri;
}

/** Proves the plugin loaded: `gds.version()` answers with the pinned version. */
async function requireGds(driver: ReturnType<typeof createDriver>, wasRunning: boolean, paths: InstancePaths) {
  try {
    const { records } = await driver.executeQuery('RETURN gds.version() AS version');
    const version = records[0]?.get('version');
    if (version === GDS_VERSION) return;
    throw new Error(`gds.version() is ${version}, expected ${GDS_VERSION}`);
  } catch (error) {
    const restart = wasRunning
      ? ' It was already running, perhaps since before the plugin was added: restart it with `npm run neo4j:stop` and start again.'
      : '';
    throw new LocalNeo4jError(
      `The local Neo4j in ${paths.home} has no working Graph Data Science plugin ` +
        `(${(error as Error).message}).${restart}\n${logTail(paths)}`,
    );
  }
}

/**
 * Stops the instance cleanly: SIGTERM starts Neo4j's own graceful shutdown (the launcher's `stop`
 * does the same, but polls in steps that add seconds). SIGKILL only if it hangs for two minutes.
 */
export async function stopLocalNeo4j(config: LocalNeo4jConfig, log: Log = console.error): Promise<boolean> {
  const paths = instancePaths(config.dir, config.instance);
  const pid = readPid(paths);
  if (!isAlive(pid)) return false;
  log(`Stopping Neo4j (instance "${config.instance}")...`);
  process.kill(pid, 'SIGTERM');
  const deadline = Date.now() + 120_000;
  while (isAlive(pid)) {
    if (Date.now() > deadline) {
      log('Neo4j did not stop within 2 minutes; killing it.');
      process.kill(pid, 'SIGKILL');
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  rmSync(paths.pidFile, { force: true });
  return true;
}

/** Stops the instance and deletes its data, config and logs (the downloaded jars stay). */
export async function resetLocalNeo4j(config: LocalNeo4jConfig, log: Log = console.error): Promise<void> {
  await stopLocalNeo4j(config, log);
  rmSync(instancePaths(config.dir, config.instance).home, { recursive: true, force: true });
}
