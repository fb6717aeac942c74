/**
 * The figures of a comparison: medians over rounds per query and contender, and the markdown
 * tables (ratios of this server to the floor and to @neo4j/graphql, then the detail).
 */
import { markdownTable } from '../lib/report.js';
import { median as medianOf } from '../lib/stats.js';
import type { Run } from './measure.js';
import { CONTENDERS, type ContenderName } from './queries.js';

export type Medians = { [K in keyof Run]: number | null };

/** The median of the figures that could be read; null (n/a in the tables) when none could. */
function median(values: (number | null)[]): number | null {
  const value = medianOf(values);
  return Number.isNaN(value) ? null : value;
}

/** Medians over rounds; errors are summed instead: one failed request in any round counts. */
export function medians(runs: Run[]): Medians {
  const keys = Object.keys(runs[0]!) as (keyof Run)[];
  const figures = Object.fromEntries(keys.map((key) => [key, median(runs.map((run) => run[key]))])) as Medians;
  return { ...figures, errors: runs.reduce((sum, run) => sum + run.errors, 0) };
}

const fixed = (value: number | null, digits: number) => (value === null ? 'n/a' : value.toFixed(digits));
const ratio = (a: number | null, b: number | null) => (a === null || b === null || b === 0 ? 'n/a' : (a / b).toFixed(2));

export interface QueryResult {
  id: string;
  title: string;
  note?: string;
  agreed: boolean;
  medians: Record<ContenderName, Medians>;
}

export function tables(results: QueryResult[]): string {
  const right = (title: string) => ({ title, align: 'right' as const });
  const summary = markdownTable(
    ['query', right('this server req/s'), right('@neo4j/graphql'), right('floor'), right('this / floor'), right('this / @neo4j/graphql'), 'answers'],
    results.map((r) => {
      const rps = (c: ContenderName) => r.medians[c].requestsPerSecond;
      return [`${r.id} ${r.title}`, fixed(rps('this'), 0), fixed(rps('neo4jGraphql'), 0), fixed(rps('floor'), 0), ratio(rps('this'), rps('floor')), ratio(rps('this'), rps('neo4jGraphql')), r.agreed ? 'agree' : '**DIFFER**'];
    }),
  );
  const names: Record<ContenderName, string> = { this: 'this server', neo4jGraphql: '@neo4j/graphql', floor: 'floor' };
  const detail = markdownTable(
    ['query', 'contender', right('req/s'), right('p50 ms'), right('p99 ms'), right('errors'), right('Node CPU ms/req'), right('Neo4j CPU ms/req'), right('Cypher statements/req')],
    results.flatMap((r) =>
      CONTENDERS.map((c) => {
        const m = r.medians[c];
        return [r.id, names[c], fixed(m.requestsPerSecond, 0), fixed(m.p50Ms, 0), fixed(m.p99Ms, 0), fixed(m.errors, 0), fixed(m.nodeCpuMsPerRequest, 2), fixed(m.neo4jCpuMsPerRequest, 2), fixed(m.statementsPerRequest, 2)];
      }),
    ),
  );
  const notes = results.filter((r) => r.note).map((r) => `- ${r.id}: ${r.note}`);
  return [summary, '', detail, ...(notes.length ? ['', ...notes] : [])].join('\n');
}
