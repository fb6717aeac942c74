import type { ProvidedContext } from 'vitest';
import type { TestProject } from 'vitest/node';
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
    const connection = setupNeo4j(project).then((teardown) => {
      stop = teardown;
      return project.getProvidedContext().neo4j;
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
