import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { once } from '../../src/http/static-assets.js';
import { projectRoot } from '../../src/paths.js';

/**
 * networkx as an independent reference for tests: test/reference/networkx_reference.py, run in a
 * project-local venv that this module creates from PyPI on first use (once), so a fresh
 * machine needs only python3. Pinned, so the reference's answers do not drift with releases;
 * numpy and scipy because nx.pagerank is written over them.
 */
export const PYTHON_PACKAGES = { networkx: '3.6.1', numpy: '2.4.6', scipy: '1.17.1' } as const;

const venv = join(projectRoot, '.venv');
const venvPython = join(venv, 'bin', 'python');
const script = join(projectRoot, 'test', 'reference', 'networkx_reference.py');

const names = Object.keys(PYTHON_PACKAGES);
const versions = Object.values(PYTHON_PACKAGES);
/** Python that fails unless the venv imports each package at its pinned version. */
const pinsInstalled = `import ${names.join(', ')}
assert (${names.map((name) => `${name}.__version__`).join(', ')}) == (${versions.map((v) => `'${v}'`).join(', ')})`;

/**
 * Run by the system python3. Test files run in parallel processes, so the check and the install
 * happen under an flock: the kernel drops it when its holder dies, so an interrupted install
 * leaves no stale lock, and the next run finds the pins missing and installs again.
 */
const ensureVenv = `
import fcntl, os, subprocess, sys
venv, python, check, *pins = sys.argv[1:]
os.makedirs(venv, exist_ok=True)
with open(os.path.join(venv, 'scholar-graph-install.lock'), 'w') as lock:
    fcntl.flock(lock, fcntl.LOCK_EX)
    if not os.path.exists(python) or subprocess.run([python, '-c', check], capture_output=True).returncode != 0:
        subprocess.run([sys.executable, '-m', 'venv', venv], check=True)
        subprocess.run([python, '-m', 'pip', 'install', '--disable-pip-version-check', '-q', *pins], check=True)
        subprocess.run([python, '-c', check], check=True)
`;

interface Outcome {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: string[], stdin = ''): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: projectRoot, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // A script that exits before reading all its input breaks the pipe; its exit code and stderr say why.
    child.stdin.on('error', () => {});
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}

const pythonReady = once(async () => {
  const pins = Object.entries(PYTHON_PACKAGES).map(([name, version]) => `${name}==${version}`);
  const outcome = await run('python3', ['-c', ensureVenv, venv, venvPython, pinsInstalled, ...pins]);
  if (outcome.code !== 0) {
    throw new Error(`Could not set up ${venv} with ${pins.join(' ')} (exit ${outcome.code}):\n${outcome.stderr}`);
  }
});

/** What networkx_reference.py's `measures` command answers: each measure by node id. */
export interface NetworkxMeasures {
  pageRank: Record<string, number>;
  weightedPageRank: Record<string, number>;
  betweenness: Record<string, number>;
  coreNumber: Record<string, number>;
  clustering: Record<string, number>;
}

/** How long a test's first networkx call may take: it may create .venv and install from PyPI. */
export const FIRST_USE_MS = 180_000;

/** Runs a command of networkx_reference.py on `input` (sent as JSON) and returns its JSON answer. */
export async function networkx<T>(command: string, input: unknown): Promise<T> {
  await pythonReady();
  const outcome = await run(venvPython, [script, command], JSON.stringify(input));
  if (outcome.code !== 0) {
    throw new Error(`networkx_reference.py ${command} failed (exit ${outcome.code}):\n${outcome.stderr}`);
  }
  return JSON.parse(outcome.stdout) as T;
}
