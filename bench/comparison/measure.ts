/**
 * One measured run: autocannon against one contender for a fixed time, rotating through the
 * query's variable sets, with the CPU time the contender's Node process and Neo4j spent (from
 * /proc/<pid>/stat) and the Cypher statements the contender sent, all per request.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { CSRF_HEADER } from '../../src/yoga.js';
import { drive, failedRequests, inTurn } from '../lib/drive.js';
import { cpuMs } from '../lib/proc.js';
import type { Contender } from './contenders.js';

export interface Run {
  requestsPerSecond: number;
  requests: number;
  p50Ms: number;
  p99Ms: number;
  /** Connection errors, timeouts, non-2xx answers and answers carrying GraphQL errors. */
  errors: number;
  nodeCpuMsPerRequest: number;
  neo4jCpuMsPerRequest: number | null;
  statementsPerRequest: number;
}

export const headers = { 'content-type': 'application/json', [CSRF_HEADER]: '1' };

export async function post(url: string, body: string): Promise<{ data?: unknown; errors?: unknown[] }> {
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  try {
    return JSON.parse(text);
  } catch {
    return { errors: [`HTTP ${response.status}: ${text.slice(0, 200)}`] };
  }
}

export async function measure(contender: Contender, neo4jPid: number | null, bodies: string[], seconds: number, connections: number): Promise<Run> {
  const before = { counters: await contender.counters(), node: cpuMs(contender.pid), neo4j: cpuMs(neo4jPid) };
  // `bodies` are sent in turn, so no two consecutive requests are the same.
  const driven = await drive({ url: contender.url, connections, seconds, next: inTurn(bodies) });
  const { result } = driven;
  // autocannon stops at the deadline with requests in flight; let the server finish them, so
  // that their statements and CPU time fall in the same window as their count.
  await sleep(300);
  const after = { counters: await contender.counters(), node: cpuMs(contender.pid), neo4j: cpuMs(neo4jPid) };
  const served = after.counters.requests - before.counters.requests;
  const perRequest = (a: number | null, b: number | null) => (a === null || b === null || served === 0 ? null : (b - a) / served);
  return {
    requestsPerSecond: result.requests.average,
    requests: result.requests.total,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    errors: failedRequests(driven),
    nodeCpuMsPerRequest: perRequest(before.node, after.node) ?? Number.NaN,
    neo4jCpuMsPerRequest: perRequest(before.neo4j, after.neo4j),
    statementsPerRequest: perRequest(before.counters.statements, after.counters.statements) ?? Number.NaN,
  };
}
