import { isAbsolute, join, resolve } from 'node:path';
import { projectRoot } from '../../src/paths.js';

/** The pinned Neo4j release; docker-compose.yml uses the same tag (a unit test checks). */
export const NEO4J_VERSION = '5.26.30';

export class LocalNeo4jError extends Error {
  override name = 'LocalNeo4jError';
}

/** LOCAL_NEO4J_DIR may be relative; it is taken from the project root, not the caller's cwd. */
export function baseDir(dir: string): string {
  return isAbsolute(dir) ? dir : resolve(projectRoot, dir);
}

/**
 * Neo4j Graph Data Science (open edition, GPL-3.0), run as a plugin of that server. 2.13.x is
 * the line built for Neo4j 5.26; neo4j/gds.pom.xml pins the same version (a unit test checks).
 */
export const GDS_VERSION = '2.13.9';

export const pomFile = () => join(projectRoot, 'neo4j', 'pom.xml');
export const gdsPomFile = () => join(projectRoot, 'neo4j', 'gds.pom.xml');
export const distLibDir = (dir: string) => join(baseDir(dir), 'dist', `neo4j-${NEO4J_VERSION}`, 'lib');
export const distPluginsDir = (dir: string) => join(baseDir(dir), 'dist', `gds-${GDS_VERSION}`, 'plugins');

/** One Neo4j home per instance ("dev" for the server, "test" for the test suite). */
export function instancePaths(dir: string, instance: string) {
  const home = join(baseDir(dir), instance);
  return {
    home,
    conf: join(home, 'conf'),
    confFile: join(home, 'conf', 'neo4j.conf'),
    data: join(home, 'data'),
    authFile: join(home, 'data', 'dbms', 'auth.ini'),
    logs: join(home, 'logs'),
    logFile: join(home, 'logs', 'neo4j.log'),
    run: join(home, 'run'),
    pidFile: join(home, 'run', 'neo4j.pid'),
    lib: join(home, 'lib'),
    plugins: join(home, 'plugins'),
  };
}

export type InstancePaths = ReturnType<typeof instancePaths>;
