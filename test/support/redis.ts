import { setTimeout as sleep } from 'node:timers/promises';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.js';

/**
 * A real redis-server for a test file: on a free loopback port, in a temporary directory, with
 * no persistence (nothing written to disk), stopped and removed by `stop`. Debian's
 * `apt-get install redis-server` provides it (CI installs it, .ci/run); REDIS_SERVER names another.
 */
export interface TestRedis {
  url: string;
  stop: () => Promise<void>;
}

const REDIS_SERVER = process.env.REDIS_SERVER ?? 'redis-server';

const answersPing = (port: number) =>
  new Promise<boolean>((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('error', () => resolve(false));
    socket.once('connect', () => socket.write('PING\r\n'));
    socket.once('data', (data) => {
      socket.destroy();
      resolve(data.toString().startsWith('+PONG'));
    });
  });

export async function startTestRedis(): Promise<TestRedis> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'scholar-graph-redis-'));
  const child: ChildProcess = spawn(REDIS_SERVER, ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--save', '', '--appendonly', 'no'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let spawnFailed = false;
  const spawnError = new Promise<Error>((resolve) => child.once('error', (error) => ((spawnFailed = true), resolve(error))));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    // A process that never started (no such program) may never report an exit.
    if (!spawnFailed) await exited;
    rmSync(dir, { recursive: true, force: true });
  };

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (await answersPing(port)) return { url: `redis://127.0.0.1:${port}`, stop };
    const failed = await Promise.race([spawnError, sleep(100)]);
    if (failed || child.exitCode !== null || Date.now() > deadline) {
      await stop().catch(() => {});
      throw new Error(`redis-server did not start (${failed?.message ?? `exit ${child.exitCode}`}); install it (apt-get install redis-server) or set REDIS_SERVER.\n${stderr}`);
    }
  }
}
