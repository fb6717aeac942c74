import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { projectRoot } from '../../src/paths.js';
import { startServer } from '../../src/server.js';

/**
 * The server ships only the server: what `npm run build` compiles (tsconfig.build.json, src/)
 * and production runs holds no development tooling. The local Neo4j's provisioning lives in
 * tools/, started by `npm start`'s development path (scripts/start.ts), never by src/.
 */

const SRC = join(projectRoot, 'src');
/** Tooling that must not be in src/ at all. */
const TOOLING_MODULES = ['local-neo4j', 'synthetic'];

const sourceFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') ? [join(dir, entry.name)] : [],
  );

const inside = (file: string, dir: string) => !relative(dir, file).startsWith('..');

describe('the production build', () => {
  it('imports nothing from outside src/ but packages: no tools, scripts, benchmarks or tests', () => {
    const outside: string[] = [];
    for (const file of sourceFiles(SRC)) {
      // Static imports, re-exports and import() alike, as TypeScript itself reads them.
      const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      for (const { fileName } of importedFiles) {
        if (!fileName.startsWith('.')) continue;
        if (!inside(resolve(dirname(file), fileName), SRC)) outside.push(`${relative(projectRoot, file)} imports ${fileName}`);
      }
    }
    expect(outside).toEqual([]);
    expect(TOOLING_MODULES.filter((name) => readdirSync(SRC).includes(name))).toEqual([]);
  });

  it('compiles only src/ (tsconfig.build.json and every file it reaches), no local-Neo4j code', () => {
    const parsed = ts.getParsedCommandLineOfConfigFile(join(projectRoot, 'tsconfig.build.json'), {}, {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
      },
    })!;
    // Parsing and resolving imports is enough to know the files; no type check, no emit.
    const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
    const compiled = program
      .getSourceFiles()
      .map((source) => resolve(source.fileName))
      .filter((file) => !file.split(sep).includes('node_modules'));
    expect(compiled.length).toBeGreaterThan(50);
    expect(compiled.filter((file) => !inside(file, SRC)).map((file) => relative(projectRoot, file))).toEqual([]);
    expect(compiled.filter((file) => TOOLING_MODULES.some((name) => file.includes(`${sep}${name}${sep}`)))).toEqual([]);
  }, 120_000);

  it('starts no Neo4j: without NEO4J_URI the server stops at once, saying how to get one', async () => {
    const start = startServer(loadConfig({ PORT: '0', METRICS_PORT: '0' }), createLogger('silent'));
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow("NEO4J_URI is not set: set NEO4J_URI, or run `npm start`, which starts the project's own Neo4j");
  });
});
