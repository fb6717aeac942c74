import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism, freemem, totalmem } from 'node:os';
import { join } from 'node:path';
import type { LocalNeo4jConfig } from '../../src/config.js';
import { ARRAY_DELIMITER_OPTION } from '../../src/ingest/bulk/csv.js';
import { MANIFEST } from '../../src/ingest/bulk/convert.js';
import type { GroupFiles } from '../../src/ingest/bulk/csv.js';
import { findJava } from './install.js';
import { LocalNeo4jError, instancePaths } from './paths.js';
import { startLocalNeo4j, stopLocalNeo4j } from './instance.js';

/**
 * `neo4j-admin database import full` on the project's own Neo4j (the tool is in the server's
 * jars: `org.neo4j.cli.AdminTool`), run with the instance's NEO4J_HOME and NEO4J_CONF, so it
 * writes the store into the instance's data folder, then the instance started again. For a
 * remote Neo4j, the same arguments as the command to run on its host.
 */

const ADMIN = 'org.neo4j.cli.AdminTool';

export interface AdminImportOptions {
  database?: string;
  /** Worker threads; the machine's cores by default. */
  threads?: number;
  /** Off-heap memory for the importer's caches; by default half the memory free now (at least 1g, at most 90%). */
  maxOffHeapMemory?: string;
  highParallelIo?: 'on' | 'off' | 'auto';
}

interface Manifest {
  groups: GroupFiles[];
  idType: 'integer' | 'string';
}

export function readManifest(dir: string): Manifest {
  const file = join(dir, MANIFEST);
  if (!existsSync(file)) throw new LocalNeo4jError(`No ${MANIFEST} in ${dir}: convert the records first.`);
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

export function defaultOffHeap(): string {
  const bytes = Math.min(Math.max(freemem() / 2, 2 ** 30), totalmem() * 0.9);
  return `${Math.floor(bytes / 2 ** 20)}m`;
}

/**
 * The tool's arguments: the database name first (so no file list swallows it), then every
 * group with rows. `files` maps a local path to the one named in the command (a remote host's).
 */
export function adminImportArgs(manifest: Manifest, options: AdminImportOptions & { reportFile?: string }, files: (path: string) => string = (path) => path): string[] {
  const groups = manifest.groups.filter((group) => group.rows > 0);
  const multiline = groups.flatMap((group) => group.multiline);
  return [
    'database', 'import', 'full', options.database ?? 'neo4j',
    '--overwrite-destination=true',
    `--id-type=${manifest.idType}`,
    `--array-delimiter=${ARRAY_DELIMITER_OPTION}`,
    // The converter resolved every relationship and wrote every node once: any bad entry is a bug.
    '--skip-bad-relationships=false',
    '--skip-duplicate-nodes=false',
    '--bad-tolerance=0',
    `--threads=${options.threads ?? availableParallelism()}`,
    `--max-off-heap-memory=${options.maxOffHeapMemory ?? defaultOffHeap()}`,
    `--high-parallel-io=${options.highParallelIo ?? 'auto'}`,
    ...(options.reportFile ? [`--report-file=${files(options.reportFile)}`] : []),
    ...(multiline.length ? ['--multiline-fields-format=v2', `--multiline-fields=${multiline.map(files).join(',')}`] : []),
    ...groups.map((group) => `--${group.kind}=${group.name}=${[group.header, ...group.data].map(files).join(',')}`),
  ];
}

const shellQuote = (arg: string) => (/^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`);

/** The command to run on a database host that has the files under `remoteDir`. */
export function remoteImportCommand(dir: string, remoteDir: string, options: AdminImportOptions = {}): string {
  const manifest = readManifest(dir);
  const args = adminImportArgs(manifest, { ...options, maxOffHeapMemory: options.maxOffHeapMemory ?? '90%', threads: options.threads }, (path) => path.replace(dir, remoteDir));
  // The host's own core count: leave --threads to its default there unless one was given.
  const hostArgs = options.threads ? args : args.filter((arg) => !arg.startsWith('--threads='));
  return `neo4j-admin ${hostArgs.map(shellQuote).join(' ')}`;
}

export interface AdminImportResult {
  ms: number;
  /** The tool's last lines (its own summary: counts, peak memory). */
  output: string;
}

/**
 * Stops the instance, imports the files into its database (replacing its store: the caller
 * checked it was empty), starts it again. The tool's output goes to `log` line by line.
 */
export async function adminImportLocal(config: LocalNeo4jConfig, dir: string, options: AdminImportOptions = {}, log: (line: string) => void = console.error): Promise<AdminImportResult> {
  const manifest = readManifest(dir);
  const paths = instancePaths(config.dir, config.instance);
  if (!existsSync(paths.confFile) || !existsSync(paths.lib)) await startLocalNeo4j(config, log);
  await stopLocalNeo4j(config, log);
  const java = findJava();
  const args = ['-cp', `${paths.lib}/*`, ADMIN, ...adminImportArgs(manifest, { ...options, reportFile: join(dir, 'import.report') })];
  const started = performance.now();
  const tail: string[] = [];
  const code = await new Promise<number | null>((resolve, reject) => {
    const child = spawn(java.command, args, { env: { ...process.env, NEO4J_HOME: paths.home, NEO4J_CONF: paths.conf }, stdio: ['ignore', 'pipe', 'pipe'] });
    const lines = () => {
      let rest = '';
      return (data: Buffer) => {
        const text = rest + data.toString('utf8');
        const parts = text.split('\n');
        rest = parts.pop()!;
        for (const line of parts) {
          if (!line.trim()) continue;
          tail.push(line);
          if (tail.length > 60) tail.shift();
          // Its progress is rows of dots, a percentage every 5%: only the percentages are shown.
          if (/^[\s.-]*$/.test(line)) continue;
          log(/%\s/.test(line) ? `  ${line.replace(/^[\s.-]+/, '').trim()}` : line);
        }
      };
    };
    child.stdout.on('data', lines());
    child.stderr.on('data', lines());
    child.on('error', reject);
    child.on('exit', resolve);
  });
  if (code !== 0) {
    throw new LocalNeo4jError(`neo4j-admin database import failed (exit ${code}); the files are kept in ${dir}:\n${tail.slice(-25).join('\n')}`);
  }
  const ms = performance.now() - started;
  await startLocalNeo4j(config, log);
  return { ms, output: tail.join('\n') };
}
