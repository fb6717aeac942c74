import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { afterAll, describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { projectRoot } from '../../src/paths.js';
import { freePort, graphql, until, type Answer } from '../support/hardening.js';
import { inject } from 'vitest';
import '../support/provided-context.js';

/**
 * SIGTERM under load, on the real entry point in a process of its own (`node --import tsx
 * src/index.ts`, as `npm start` runs it): the requests in flight finish, including uploads still
 * arriving, no new connection is taken, and the process exits 0.
 */

let child: ChildProcess | undefined;
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

const HEADLINE = '{ author(name: "Baixu Chen") { name papers { totalCount } } }';

/** A POST whose body arrives in two parts, the second only when `finish` is called. */
function slowUpload(port: number) {
  const body = Buffer.from(JSON.stringify({ query: HEADLINE, operationName: null }) + ' '.repeat(10_000));
  const half = Math.floor(body.length / 2);
  let finish!: () => void;
  const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
    const upload = request(
      {
        host: '127.0.0.1',
        port,
        path: '/graphql',
        method: 'POST',
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': body.length },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode!, text }));
      },
    );
    upload.on('error', reject);
    upload.write(body.subarray(0, half));
    finish = () => upload.end(body.subarray(half));
  });
  return { answer, finish: () => finish() };
}

function newConnectionRefused(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = request({ host: '127.0.0.1', port, path: '/health', agent: false }, (response) => {
      response.resume();
      resolve(false);
    });
    probe.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    probe.end();
  });
}

describe('SIGTERM', () => {
  it('lets in-flight requests finish, takes no new connection, and exits 0', async () => {
    const neo4j = inject('neo4j');
    const port = await freePort();
    const url = `http://127.0.0.1:${port}/graphql`;
    const lines: Record<string, unknown>[] = [];
    child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
      cwd: projectRoot,
      env: {
        ...process.env,
        NEO4J_URI: neo4j.uri,
        NEO4J_USER: neo4j.user,
        NEO4J_PASSWORD: neo4j.password,
        NEO4J_DATABASE: neo4j.database,
        HOST: '127.0.0.1',
        PORT: String(port),
        METRICS_PORT: '0',
        SEED_ON_EMPTY: 'false',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let pending = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      pending += chunk.toString();
      const complete = pending.split('\n');
      pending = complete.pop()!;
      for (const line of complete) if (line.trim()) lines.push(JSON.parse(line) as Record<string, unknown>);
    });
    const exited = new Promise<number | null>((resolve) => child!.once('exit', (code) => resolve(code)));
    await until(async () => (await fetch(`http://127.0.0.1:${port}/ready`)).status === 200, 60_000, 'the server to be ready');

    // Load: workers asking one after another; and uploads that are still arriving at SIGTERM.
    const outcomes: { start: number; end: number; answer?: Answer; error?: string }[] = [];
    let loading = true;
    const worker = async () => {
      while (loading) {
        const start = performance.now();
        try {
          outcomes.push({ start, end: performance.now(), answer: await graphql(url, HEADLINE) });
        } catch (error) {
          outcomes.push({ start, end: performance.now(), error: String((error as Error).cause ?? error) });
          return; // the server has stopped taking connections
        }
      }
    };
    const workers = Array.from({ length: 8 }, worker);
    const uploads = Array.from({ length: 3 }, () => slowUpload(port));
    await sleep(2_000);

    const sigterm = performance.now();
    child.kill('SIGTERM');
    await sleep(300);
    const refused = await newConnectionRefused(port);
    for (const upload of uploads) upload.finish();
    const uploaded = await Promise.all(uploads.map((upload) => upload.answer));
    const code = await exited;
    const drainMs = performance.now() - sigterm;
    loading = false;
    await Promise.all(workers);

    console.log(
      `[figures] SIGTERM under load: exit ${code} after ${Math.round(drainMs)} ms ` +
        `(${outcomes.filter((outcome) => outcome.answer && outcome.start < sigterm).length} requests served before it, uploads finished 300 ms after it)`,
    );
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(refused).toBe(true);
    // Uploads still arriving when SIGTERM came were answered in full.
    for (const { status, text } of uploaded) {
      expect(status).toBe(200);
      expect(JSON.parse(text)).toEqual({ data: { author: { name: 'Baixu Chen', papers: { totalCount: 6 } } } });
    }
    // Every request sent in good time before SIGTERM got its answer (one sent at the very moment
    // may meet a connection being closed: the client sees a reset, never a wrong answer).
    const before = outcomes.filter((outcome) => outcome.start < sigterm - 50);
    expect(before.length).toBeGreaterThan(16);
    for (const outcome of before) {
      expect(outcome.error).toBeUndefined();
      expect(outcome.answer!.status).toBe(200);
      expect(outcome.answer!.body.data.author.name).toBe('Baixu Chen');
    }
    for (const outcome of outcomes) if (outcome.answer) expect(outcome.answer.status).toBe(200);
    // The log tells the story: the signal, the drain, the stop; no request failed.
    const messages = lines.map((line) => String(line.msg));
    // Start-up: what it waits for first; the address only once it answers with the whole graph.
    const waiting = messages.findIndex((message) => message.startsWith('Waiting for Neo4j'));
    const schemaApplied = messages.indexOf('Neo4j ready, constraints and indexes applied');
    const address = messages.findIndex((message) => message.startsWith('GraphQL (and GraphiQL in a browser) at http://'));
    expect(waiting).toBeGreaterThanOrEqual(0);
    expect(schemaApplied).toBeGreaterThan(waiting);
    expect(address).toBeGreaterThan(schemaApplied);
    expect(messages.find((message) => message.startsWith('Prometheus metrics at http://127.0.0.1:'))).toBeDefined();
    expect(messages).toContain('Shutting down: finishing requests in flight');
    expect(lines.find((line) => line.msg === 'Stopped')?.drainMs).toEqual(expect.any(Number));
    expect(lines.filter((line) => (line.level as number) >= 50)).toEqual([]);
  }, 120_000);
});
