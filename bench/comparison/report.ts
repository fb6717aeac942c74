/**
 * The figures of a comparison: medians over rounds per query and contender, and the markdown
 * tables (ratios of this server to the floor and to @neo4j/graphql, then the detail).
 */
import type { Run } from './measure.js';
import { CONTENDERS, type ContenderName } from './queries.js';

export type Medians = { [K in keyof Run]: number | null };

export function median(values: (number | null)[]): number | null {
  const known = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (known.length === 0) return null;
  const mid = Math.floor(known.length / 2);
  return known.length % 2 ? known[mid]! : (known[mid - 1]! + known[mid]!) / 2;
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
  const summary = [
    '| query | this server req/s | @neo4j/graphql | floor | this / floor | this / @neo4j/graphql | answers |',
    '|---|---:|---:|---:|---:|---:|---|',
    ...results.map((r) => {
      const rps = (c: ContenderName) => r.medians[c].requestsPerSecond;
      return `| ${r.id} ${r.title} | ${fixed(rps('this'), 0)} | ${fixed(rps('neo4jGraphql'), 0)} | ${fixed(rps('floor'), 0)} | ${ratio(rps('this'), rps('floor'))} | ${ratio(rps('this'), rps('neo4jGraphql'))} | ${r.agreed ? 'agree' : '**DIFFER**'} |`;
    }),
  ];
  const names: Record<ContenderName, string> = { this: 'this server', neo4jGraphql: '@neo4j/graphql', floor: 'floor' };
  const detail = [
    '| query | contender | req/s | p50 ms | p99 ms | errors | Node CPU ms/req | Neo4j CPU ms/req | Cypher statements/req |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...results.flatMap((r) =>
      CONTENDERS.map((c) => {
        const m = r.medians[c];
        return `| ${r.id} | ${names[c]} | ${fixed(m.requestsPerSecond, 0)} | ${fixed(m.p50Ms, 0)} | ${fixed(m.p99Ms, 0)} | ${fixed(m.errors, 0)} | ${fixed(m.nodeCpuMsPerRequest, 2)} | ${fixed(m.neo4jCpuMsPerRequest, 2)} | ${fixed(m.statementsPerRequest, 2)} |`;
      }),
    ),
  ];
  const notes = results.filter((r) => r.note).map((r) => `- ${r.id}: ${r.note}`);
  return [...summary, '', ...detail, ...(notes.length ? ['', ...notes] : [])].join('\n');
}
