/**
 * `npx tsx bench/cypher-ab.ts A.cypher B.cypher --params '{"x": 1}' [--rounds 30]`: two versions
 * of one query, run alternately (A B A B ...) against the configured Neo4j so that machine noise
 * hits both alike; prints each one's median and the ratio. Use it before changing a query.
 */
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { loadConfig } from '../src/config.js';
import { createGraphDatabase } from '../src/db/driver.js';
import { createRead } from '../src/db/read.js';
import { count } from './lib/cli.js';
import { median } from './lib/stats.js';

const program = new Command().argument('<a>').argument('<b>').option('--params <json>', 'query parameters', '{}').addOption(count('--rounds <n>', 'rounds', 1, 30)).parse();
const [fileA, fileB] = program.args as [string, string];
const options = program.opts<{ params: string; rounds: number }>();
const config = loadConfig();
if (!config.neo4j.uri) throw new Error('Set NEO4J_URI to the database to measure.');
const db = createGraphDatabase({ ...config.neo4j, uri: config.neo4j.uri });
const { driver } = db;
const read = createRead(db, { timeoutMs: 60_000 });
const params = JSON.parse(options.params) as Record<string, unknown>;
const queries = { A: readFileSync(fileA, 'utf8'), B: readFileSync(fileB, 'utf8') };
const times: Record<'A' | 'B', number[]> = { A: [], B: [] };
const results: Record<string, string> = {};
for (let round = -3; round < options.rounds; round++) {
  for (const name of ['A', 'B'] as const) {
    const started = performance.now();
    const rows = await read(queries[name], params);
    if (round >= 0) times[name].push(performance.now() - started);
    results[name] = JSON.stringify(rows);
  }
}
await driver.close();
console.log(`same results: ${results.A === results.B}`);
console.log(`A ${fileA}: median ${median(times.A).toFixed(1)} ms; B ${fileB}: median ${median(times.B).toFixed(1)} ms; A/B = ${(median(times.A) / median(times.B)).toFixed(2)}`);
