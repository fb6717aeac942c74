import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
import { warmUpGds } from '../../src/analytics/warm-up.js';
import { createDriver } from '../../src/db/driver.js';
import './provided-context.js';
import setupNeo4j from './global-setup.js';

/**
 * The global setup of every tier that needs the database (integration, e2e, reference).
 * Vitest 3 runs a project's globalSetup once per project, each loaded through that project's own
 * module runner, so module state is not shared between them; the main process's globalThis is.
 * The first project that runs starts Neo4j, wipes it and loads the seed (./global-setup.ts); the
 * others wait for that and get the same connection; the last teardown (vitest tears every project
 * down after all tests ran) stops it. So one `npm test` starts, wipes and stops Neo4j once.
 */

/**
 * Graph Data Science loads its classes on its first call, and reads sent meanwhile stall. The
 * server pays that before serving (src/server.ts); tests that drive the API in-process
 * (test/support/server.ts, inProcessServer) start no server, so it is paid here, once.
 */
async function warmUp(neo4j: ProvidedContext['neo4j']) {
  const driver = createDriver(neo4j);
  try {
    const warmed = await warmUpGds(driver, neo4j.database);
    // As the server does: without GDS only the analytics tests fail, and they say why.
    if ('error' in warmed) console.warn(`Graph Data Science did not answer: ${warmed.error.message}`);
  } finally {
    await driver.close();
  }
}

interface Shared {
  connection: Promise<ProvidedContext['neo4j']>;
  stop: () => Promise<void>;
  users: number;
}

const KEY = Symbol.for('scholar-graph.test-neo4j');
const global = globalThis as typeof globalThis & { [KEY]?: Shared };

export default async function setup(project: TestProject) {
  let shared = global[KEY];
  if (!shared) {
    let stop: (() => Promise<void>) | void;
    const connection = setupNeo4j(project).then(async (teardown) => {
      stop = teardown;
      const neo4j = project.getProvidedContext().neo4j;
      await warmUp(neo4j);
      return neo4j;
    });
    shared = global[KEY] = { connection, stop: async () => stop?.(), users: 0 };
  }
  shared.users += 1;
  project.provide('neo4j', await shared.connection);

  return async () => {
    shared.users -= 1;
    if (shared.users > 0) return;
    delete global[KEY];
    await shared.stop();
  };
}
