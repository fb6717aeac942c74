import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LocalNeo4jError, NEO4J_VERSION, distLibDir, pomFile } from './paths.js';

/**
 * Installs Neo4j Community's jars from Maven Central into <dir>/dist/neo4j-<version>/lib, once.
 * Maven resolves the server's ~200 dependencies (and caches them in ~/.m2); no prebuilt
 * binary is downloaded from anywhere else.
 */

const DOCKER_HINT = 'or use Docker instead: `docker compose up` (see README).';

export interface Java {
  command: string;
  major: number;
}

/** Neo4j 5.26 LTS runs on Java 17 or 21; JAVA_HOME wins over PATH, as in Neo4j's own scripts. */
export function findJava(env: NodeJS.ProcessEnv = process.env): Java {
  const command = env.JAVA_HOME ? join(env.JAVA_HOME, 'bin', 'java') : 'java';
  const probe = spawnSync(command, ['-version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalNeo4jError(
      `Java was not found (${command}). Install a JDK 17, e.g. \`apt-get install openjdk-17-jdk-headless\`, ${DOCKER_HINT}`,
    );
  }
  const match = /version "(\d+)(?:\.(\d+))?/.exec(probe.stderr);
  const first = Number(match?.[1] ?? 0);
  const major = first === 1 ? Number(match?.[2] ?? 0) : first;
  if (major !== 17 && major !== 21) {
    throw new LocalNeo4jError(
      `Neo4j ${NEO4J_VERSION} needs Java 17 or 21, but ${command} is Java ${major}. ` +
        `Set JAVA_HOME to a JDK 17 or 21 (e.g. /usr/lib/jvm/java-17-openjdk-amd64), ${DOCKER_HINT}`,
    );
  }
  return { command, major };
}

function requireMaven(): void {
  const probe = spawnSync('mvn', ['-v'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    throw new LocalNeo4jError(
      `Maven was not found; it fetches Neo4j's jars from Maven Central on first start. ` +
        `Install it, e.g. \`apt-get install maven\`, ${DOCKER_HINT}`,
    );
  }
}

export function isInstalled(dir: string): boolean {
  const lib = distLibDir(dir);
  return existsSync(lib) && readdirSync(lib).some((file) => file.startsWith(`neo4j-${NEO4J_VERSION}`));
}

/** Returns the lib folder, downloading it first if needed. Never leaves a half-filled lib/. */
export function installNeo4j(dir: string, log: (line: string) => void): string {
  const lib = distLibDir(dir);
  if (isInstalled(dir)) return lib;
  requireMaven();
  log(`Fetching Neo4j Community ${NEO4J_VERSION} from Maven Central (first start only, about 125 MB)...`);
  // Download into a private folder, then rename: an interrupted download leaves no lib/ behind.
  const partial = `${lib}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const result = spawnSync(
    'mvn',
    [
      '-B',
      '-q',
      '-f',
      pomFile(),
      `-Dneo4j.version=${NEO4J_VERSION}`,
      'dependency:copy-dependencies',
      `-DoutputDirectory=${partial}`,
    ],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() || String(result.error ?? '');
    throw new LocalNeo4jError(`Maven could not fetch Neo4j ${NEO4J_VERSION} (exit ${result.status}):\n${output}`);
  }
  mkdirSync(join(lib, '..'), { recursive: true });
  writeFileSync(join(partial, 'README.txt'), `Neo4j Community ${NEO4J_VERSION} jars, fetched by scholar-graph.\n`);
  try {
    renameSync(partial, lib);
  } catch (error) {
    // Another process (a test run, a second server) finished the same download first.
    rmSync(partial, { recursive: true, force: true });
    if (!isInstalled(dir)) throw error;
  }
  return lib;
}
