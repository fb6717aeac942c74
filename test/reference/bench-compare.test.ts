import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, inject, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { removeGeneratedGraph, testDatabase, testDriver } from '../support/server.js';
import '../support/provided-context.js';

/**
 * Smoke test of `npm run bench:compare -- --short` against the suite's Neo4j: it installs the
 * contenders' dependencies if need be, writes a small generated graph under its own prefix,
 * starts the three contenders, finds that their answers agree and prints a row per query. The
 * figures themselves are not checked: they depend on the machine. The graph is deleted after.
 */

const PREFIX = 'benchsmoke';
const QUERY_IDS = ['Q1', 'Q2', 'Q3', 'Q4', 'Q5', 'Q6', 'Q7', 'Q8'];

afterAll(async () => {
  // The harness deletes its graph itself (--delete-graph); this is for a run that failed half way.
  const driver = testDriver();
  try {
    await removeGeneratedGraph(driver, PREFIX);
  } finally {
    await driver.close();
  }
}, 120_000);

it('bench:compare --short: the three contenders agree, a row per query', async () => {
  const neo4j = inject('neo4j');
  const json = join(mkdtempSync(join(tmpdir(), 'bench-compare-')), 'figures.json');
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', 'bench/compare.ts', '--short', '--duration', '1', '--prefix', PREFIX, '--delete-graph', '--json', json],
    {
      cwd: projectRoot,
      env: { ...process.env, NEO4J_URI: neo4j.uri, NEO4J_USER: neo4j.user, NEO4J_PASSWORD: neo4j.password, NEO4J_DATABASE: neo4j.database },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));

  expect(code, `stdout:\n${stdout}\nstderr:\n${stderr.slice(-5000)}`).toBe(0);
  const summaryRows = stdout.split('\n').filter((line) => /^\| Q\d [^|]/.test(line));
  expect(summaryRows.map((line) => line.slice(2, 4))).toEqual(QUERY_IDS);
  for (const row of summaryRows) expect(row).toMatch(/\| agree \|$/);
  expect(stdout).not.toContain('WARNING');

  const figures = JSON.parse(readFileSync(json, 'utf8')) as { results: { id: string; agreed: boolean; medians: Record<string, { requests: number; errors: number }> }[] };
  expect(figures.results.map((r) => r.id)).toEqual(QUERY_IDS);
  for (const result of figures.results) {
    expect(result.agreed).toBe(true);
    // Every contender served requests, without errors (how many is the machine's business).
    for (const contender of ['this', 'neo4jGraphql', 'floor']) {
      expect(result.medians[contender]!.requests).toBeGreaterThan(0);
      expect(result.medians[contender]!.errors).toBe(0);
    }
  }

  // --delete-graph left nothing of the generated graph behind.
  const driver = testDriver();
  try {
    const { records } = await driver.executeQuery('MATCH (n) WHERE n.id STARTS WITH $p RETURN count(n) AS n', { p: `${PREFIX}:` }, { database: testDatabase() });
    expect(Number(records[0]!.get('n'))).toBe(0);
  } finally {
    await driver.close();
  }
}, 300_000);
