import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import madge from 'madge';
import { describe, expect, it } from 'vitest';

/**
 * The layers of src/, lowest first. A module may import from its own layer and from the layers
 * below it, never from one above: so each layer can be read, tested and changed knowing only what
 * is under it, and a change at the top (a new HTTP route, a schema field) cannot break the bottom.
 *
 * 0. errors, domain: the error model every layer throws and maps (src/errors/), and the pure
 *    rules of the domain (names, bylines, search). No I/O, no project imports but each other.
 * 1. config, logger, paths, request-scope, auth, metrics: the process's settings and the
 *    per-request state and instruments the layers above record into. They know no database.
 * 2. db: the driver, reads and writes under their limits, the schema migration.
 * 3. repositories, ingest, analytics: what the application reads and writes, in Cypher over db/.
 * 4. limits, schema, loaders, context: GraphQL (types, resolvers, their batching and the query
 *    limits) over the repositories.
 * 5. http: yoga's plugins and the routes beside GraphQL (export, explorer, metrics, ...).
 * 6. yoga, server, index: the assembly: yoga's server, the HTTP server and the process.
 *
 * Nothing under src/ imports tools/, scripts/, bench/ or test/: the server ships only the server
 * (the local Neo4j and the synthetic generator are tools that start it, not part of it). A module
 * under src/ whose top-level name is not in the table fails too: give it a layer here.
 *
 * And no module imports itself through others (madge's circular check, as
 * `npx madge --circular --extensions ts src` shows it).
 */
const LAYERS: readonly (readonly string[])[] = [
  ['errors', 'domain'],
  ['config', 'logger', 'paths', 'request-scope', 'auth', 'metrics', 'worker-thread'],
  ['db'],
  ['repositories', 'ingest', 'analytics'],
  ['limits', 'schema', 'loaders', 'context'],
  ['http'],
  ['yoga', 'server', 'index'],
];
const OUTSIDE_THE_SERVER = ['tools', 'scripts', 'bench', 'test'];

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const src = join(root, 'src');

/** src/db/read.ts is in "db", src/yoga.ts in "yoga". */
const moduleOf = (file: string) => relative(src, file).split(sep)[0]!.replace(/\.[jt]s$/, '');
const layerOf = (module: string) => LAYERS.findIndex((layer) => layer.includes(module));

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** The relative specifiers a file imports: `import ... from`, `export ... from`, `import '...'` and `import('...')`, types included. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|(?:^|\n)\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)/g)].map(
    (match) => match[1] ?? match[2] ?? match[3]!,
  );
  return specifiers.filter((specifier) => specifier.startsWith('.'));
}

const files = sourceFiles(src);

describe('layers of src/', () => {
  it('finds the modules it checks', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(relativeImports(join(src, 'yoga.ts')).length).toBeGreaterThan(5);
  });

  it('gives every module under src/ a layer', () => {
    const unplaced = [...new Set(files.map(moduleOf))].filter((module) => layerOf(module) < 0);
    expect(unplaced, 'modules with no layer in LAYERS').toEqual([]);
  });

  it('imports nothing from a higher layer, nor from outside the server', () => {
    const violations: string[] = [];
    for (const file of files) {
      const from = moduleOf(file);
      // A module with no layer fails the test above; what it imports is not judged.
      if (layerOf(from) < 0) continue;
      for (const specifier of relativeImports(file)) {
        const target = resolve(dirname(file), specifier);
        const name = `${relative(root, file)} imports ${relative(root, target)}`;
        if (!target.startsWith(src + sep)) {
          if (OUTSIDE_THE_SERVER.some((outside) => target.startsWith(join(root, outside) + sep))) violations.push(`${name} (outside the server)`);
          continue;
        }
        const to = moduleOf(target);
        if (layerOf(to) < 0) violations.push(`${name} (${to} has no layer)`);
        else if (layerOf(to) > layerOf(from)) violations.push(`${name} (${from}, layer ${layerOf(from)}, below ${to}, layer ${layerOf(to)})`);
      }
    }
    expect(violations).toEqual([]);
  });

  // madge parses every file again: a few seconds, more on a loaded machine.
  it('has no import cycle (madge)', { timeout: 60_000 }, async () => {
    const graph = await madge(src, { fileExtensions: ['ts'], tsConfig: join(root, 'tsconfig.json') });
    expect(Object.keys(graph.obj()).length, 'modules madge read').toBe(files.length);
    expect(graph.circular()).toEqual([]);
  });
});
