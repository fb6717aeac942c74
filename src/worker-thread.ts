import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * A worker thread running the module beside `from` named `name` (.ts under tsx, .js when built).
 * Under tsx (the npm scripts, the tests) the entry is a stub that registers tsx's loader first:
 * Node 20 does not apply the main thread's loader to a worker's entry file.
 */
export function startModuleWorker(from: string, name: string, options: WorkerOptions = {}): Worker {
  const typescript = from.endsWith('.ts');
  const entry = new URL(`./${name}${typescript ? '.ts' : '.js'}`, from).href;
  const code = typescript
    ? `import(${JSON.stringify(tsxApi(from))}).then(({ register }) => { register(); return import(${JSON.stringify(entry)}); });`
    : `import(${JSON.stringify(entry)});`;
  return new Worker(code, { ...options, eval: true });
}

/**
 * tsx's ESM API. vitest's module runner has no import.meta.resolve; there require.resolve finds
 * the package's `require` entry, whose `import` twin (package.json exports) sits beside it.
 */
function tsxApi(from: string): string {
  if (typeof import.meta.resolve === 'function') return import.meta.resolve('tsx/esm/api');
  return pathToFileURL(createRequire(from).resolve('tsx/esm/api').replace(/\.cjs$/, '.mjs')).href;
}
