import { defineConfig, type TestProjectInlineConfiguration } from 'vitest/config';

/**
 * Four tiers, one vitest project each (`npm test` runs them all, `npm run test:<tier>` one):
 * - unit: in-process, no database, no network, no PyPI, no nginx; files run in parallel.
 * - integration: the real Neo4j, the server in-process (`yoga.fetch`) where HTTP is not the point.
 * - e2e: the server over real HTTP, browsers, signals, faults, spawned processes, Redis, nginx.
 * - reference: answers checked against independent references (networkx, the paper lists in
 *   ../shared/data) and the benchmark smoke run.
 * The last three share one Neo4j (test/support/shared-neo4j.ts), started once for the run: the
 * suite's own, or TEST_NEO4J_URI's (never NEO4J_URI: the suite wipes its database, and
 * test/support/test-neo4j.ts refuses one that is not marked as a test database).
 */

/** A tier over the suite's Neo4j. */
function databaseTier(name: string, groupOrder: number, testTimeout = 30_000): TestProjectInlineConfiguration {
  return {
    extends: true,
    test: {
      name,
      include: [`test/${name}/**/*.test.ts`],
      globalSetup: ['test/support/shared-neo4j.ts'],
      // One file at a time: they share one database, some compare whole-graph fingerprints,
      // and on two cores parallel files only fight over the CPU with Neo4j. The tiers run one
      // after the other (groupOrder) for the same reason.
      poolOptions: { forks: { singleFork: true } },
      sequence: { groupOrder },
      testTimeout,
      hookTimeout: 60_000,
    },
  };
}

export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds and no exports map. Node, and so
  // graphql-yoga at run time, loads the CJS one; Vite would hand our code the ESM one, and two
  // GraphQLError classes make yoga mask our coded errors. Pin the one Node uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], sequence: { groupOrder: 0 } } },
      databaseTier('integration', 1),
      databaseTier('e2e', 2),
      databaseTier('reference', 3),
    ],
  },
});
