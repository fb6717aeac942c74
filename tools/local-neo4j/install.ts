import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  GDS_VERSION,
  LocalNeo4jError,
  NEO4J_VERSION,
  distLibDir,
  distPluginsDir,
  gdsPomFile,
  pomFile,
} from './paths.js';

/**
 * Installs Neo4j Community's jars from Maven Central into <dir>/dist/neo4j-<version>/lib, and the
 * Graph Data Science plugin into <dir>/dist/gds-<version>/plugins, once each. Maven resolves the
 * server's ~200 dependencies (and caches them in ~/.m2); no prebuilt binary is downloaded from
 * anywhere else.
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

function isGdsInstalled(dir: string): boolean {
  const plugins = distPluginsDir(dir);
  return existsSync(plugins) && readdirSync(plugins).some((file) => file === `proc-${GDS_VERSION}.jar`);
}

/**
 * `mvn dependency:copy-dependencies` of one of neo4j/*.pom.xml into `target`. Maven downloads
 * into a private folder that is renamed at the end, so an interrupted download leaves no
 * half-filled folder behind; `keep` may drop files before the rename.
 */
function copyDependencies(pom: string, target: string, what: string, keep: (file: string) => boolean = () => true): void {
  requireMaven();
  const partial = `${target}.partial-${process.pid}`;
  rmSync(partial, { recursive: true, force: true });
  const result = spawnSync('mvn', ['-B', '-q', '-f', pom, 'dependency:copy-dependencies', `-DoutputDirectory=${partial}`], {
    encoding: 'utf8',
  });
  if (result.status !== 0) {
    rmSync(partial, { recursive: true, force: true });
    const output = `${result.stdout ?? ''}${result.stderr ?? ''}`.trim() || String(result.error ?? '');
    throw new LocalNeo4jError(`Maven could not fetch ${what} (exit ${result.status}):\n${output}`);
  }
  for (const file of readdirSync(partial)) if (!keep(file)) rmSync(join(partial, file));
  mkdirSync(join(target, '..'), { recursive: true });
  writeFileSync(join(partial, 'README.txt'), `${what}, fetched from Maven Central by scholar-graph.\n`);
  try {
    renameSync(partial, target);
  } catch (error) {
    // Another process (a test run, a second server) finished the same download first.
    rmSync(partial, { recursive: true, force: true });
    if (!existsSync(target)) throw error;
  }
}

/** Returns the lib folder, downloading it first if needed. */
export function installNeo4j(dir: string, log: (line: string) => void): string {
  const lib = distLibDir(dir);
  if (isInstalled(dir)) return lib;
  log(`Fetching Neo4j Community ${NEO4J_VERSION} from Maven Central (first start only, about 125 MB)...`);
  copyDependencies(pomFile(), lib, `Neo4j Community ${NEO4J_VERSION} jars`);
  return lib;
}

/**
 * Returns the plugins folder holding Graph Data Science, downloading it first if needed. Jars the
 * server's lib/ already has (same name, so same artifact and version after Maven's mediation)
 * are left out: the server's class loader would load its own copy anyway.
 */
export function installGds(dir: string, log: (line: string) => void): string {
  const plugins = distPluginsDir(dir);
  if (isGdsInstalled(dir)) return plugins;
  const serverJars = new Set(readdirSync(installNeo4j(dir, log)));
  log(`Fetching Neo4j Graph Data Science ${GDS_VERSION} from Maven Central (first start only, about 15 MB)...`);
  copyDependencies(gdsPomFile(), plugins, `Neo4j Graph Data Science ${GDS_VERSION} jars`, (file) => !serverJars.has(file));
  return plugins;
}
