import { readFileSync } from 'node:fs';
import { cpus } from 'node:os';

/** What /proc says of a live process, for the benchmarks (Linux). */

// Clock ticks per second of /proc's utime and stime: USER_HZ, 100 on Linux.
const TICK_MS = 10;

/** User plus system CPU time of a process so far, in ms; null when it cannot be read. */
export function cpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    // The command name (field 2) may hold spaces: count fields after its closing parenthesis.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(')').at(-1)!.trim().split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** Peak resident memory (VmHWM) of a process so far, in MiB; null when it cannot be read. */
export function peakMemoryMiB(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? 0) / 1024;
  } catch {
    return null;
  }
}

/** The CPU's model name, for a benchmark's report. */
export function cpuModel(): string {
  try {
    return /model name\s*:\s*(.+)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? cpus()[0]?.model ?? '?';
  } catch {
    return cpus()[0]?.model ?? '?';
  }
}
