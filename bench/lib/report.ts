import { cpus, loadavg, totalmem } from 'node:os';
import { cpuModel } from './proc.js';

/** What every benchmark report says of where it ran, and its markdown tables. */

export interface Machine {
  cpu: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** When the figures were measured (ISO 8601, UTC). */
  date: string;
}

export function describeMachine(): Machine {
  return { cpu: cpuModel(), cores: cpus().length, memoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10, node: process.version, date: new Date().toISOString() };
}

/** The machine in one line: "2 × AMD EPYC 7B13, 7.8 GiB, Node v20.19.0, 2026-12-06T22:40:00Z". */
export const machineLine = (machine: Machine = describeMachine()) =>
  `${machine.cores} × ${machine.cpu}, ${machine.memoryGiB} GiB, Node ${machine.node}, ${machine.date.replace(/\.\d+Z$/, 'Z')}`;

/** The 1, 5 and 15 minute load averages, two decimals: on a shared machine, what else ran. */
export const loadAverage = () => loadavg().map((value) => value.toFixed(2));

export interface Column {
  title: string;
  /** Numbers right-aligned; text left (the default). */
  align?: 'left' | 'right';
}

/** A markdown table: a header row, its alignment row, one row per entry. */
export function markdownTable(columns: (Column | string)[], rows: (string | number)[][]): string {
  const heads = columns.map((column) => (typeof column === 'string' ? { title: column } : column));
  const line = (cells: (string | number)[]) => `| ${cells.join(' | ')} |`;
  return [line(heads.map((head) => head.title)), line(heads.map((head) => (head.align === 'right' ? '---:' : '---'))), ...rows.map(line)].join('\n');
}
