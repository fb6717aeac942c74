import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';
import { cpus } from 'node:os';
import { projectRoot } from './paths.js';

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

/** The pids of a process's children. */
export const childrenOf = (pid: number): number[] =>
  readdirSync('/proc')
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((candidate) => {
      try {
        return readFileSync(`/proc/${candidate}/stat`, 'utf8').split(')').at(-1)!.trim().split(' ')[1] === String(pid);
      } catch {
        return false;
      }
    });

/** CPU seconds every process on the machine has spent so far (/proc/stat): on a shared machine, what the others took too. */
export function machineBusySeconds(): number {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  const idle = fields[3]! + (fields[4] ?? 0);
  return ((fields.reduce((sum, n) => sum + n, 0) - idle) * TICK_MS) / 1000;
}

/**
 * The pid of the process listening on a loopback TCP port (Neo4j's Bolt port), from /proc: the
 * socket's inode in /proc/net/tcp*, then the process holding it. Null when it cannot be seen.
 */
export function pidListeningOn(port: number): number | null {
  const inodes = new Set<string>();
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    let text = '';
    try {
      text = readFileSync(table, 'utf8');
    } catch {
      continue;
    }
    for (const line of text.split('\n').slice(1)) {
      const fields = line.trim().split(/\s+/);
      // local_address is HEX_IP:HEX_PORT; state 0A is LISTEN.
      if (fields[1]?.endsWith(`:${port.toString(16).toUpperCase().padStart(4, '0')}`) && fields[3] === '0A') inodes.add(fields[9]!);
    }
  }
  if (inodes.size === 0) return null;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      for (const fd of readdirSync(`/proc/${entry}/fd`)) {
        const target = readlinkSync(`/proc/${entry}/fd/${fd}`);
        if (target.startsWith('socket:[') && inodes.has(target.slice(8, -1))) return Number(entry);
      }
    } catch {
      // a process that ended, or one we may not look into
    }
  }
  return null;
}

export interface MeasuredRun {
  code: number | null;
  seconds: number;
  /** Peak RSS of the child itself. */
  peakMiB: number;
  /** Peak RSS of the other processes watched (`others`), the largest of them; null when none was seen. */
  othersPeakMiB: number | null;
  /** Whether `stopAfterSeconds` cut it short. */
  stopped: boolean;
}

/**
 * Runs `node ...args` from the project root, its output on ours, and polls the peak RSS of it
 * and of the processes `others()` names at each tick (its java child, the Neo4j it talks to).
 * Pass `--import tsx <script>` rather than `npx tsx`, so that the pid polled is the script's own.
 */
export async function runMeasured(
  args: string[],
  { env = {}, others = () => [], pollMs = 500, stopAfterSeconds }: { env?: NodeJS.ProcessEnv; others?: (pid: number) => (number | null)[]; pollMs?: number; stopAfterSeconds?: number } = {},
): Promise<MeasuredRun> {
  const started = performance.now();
  const child = spawn(process.execPath, args, { cwd: projectRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
  let peakMiB = 0;
  let othersPeakMiB: number | null = null;
  const poll = setInterval(() => {
    peakMiB = Math.max(peakMiB, peakMemoryMiB(child.pid!) ?? 0); // null: exited between ticks
    for (const pid of others(child.pid!)) {
      if (pid !== null) othersPeakMiB = Math.max(othersPeakMiB ?? 0, peakMemoryMiB(pid) ?? 0);
    }
  }, pollMs);
  // A run cut short (a rate over its first minutes): killed outright, as a crash would stop it.
  let stopped = false;
  const stop = stopAfterSeconds === undefined ? undefined : setTimeout(() => {
    stopped = true;
    child.kill('SIGKILL');
  }, stopAfterSeconds * 1000);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(poll);
  clearTimeout(stop);
  return { code, seconds: (performance.now() - started) / 1000, peakMiB, othersPeakMiB, stopped };
}
