import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs in-process with no database; `integration` talks to a real Neo4j,
 * which its global setup starts (a separate "test" instance) unless TEST_NEO4J_URI points at one
 * (never NEO4J_URI: the suite wipes its database; test/support/test-neo4j.ts guards that).
 */
export default defineConfig({
  // graphql 16 ships CJS (main) and ESM (module) builds and no exports map. Node, and so
  // graphql-yoga at run time, loads the CJS one; Vite would hand our code the ESM one, and two
  // GraphQLError classes make yoga mask our coded errors. Pin the one Node uses.
  resolve: { alias: [{ find: /^graphql$/, replacement: 'graphql/index.js' }] },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'unit', include: ['test/unit/**/*.test.ts'] },
      },
      {
        extends: true,
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/integration/global-setup.ts'],
          // One file at a time: they share one database, some compare whole-graph fingerprints,
          // and on two cores parallel files only fight over the CPU with Neo4j.
          poolOptions: { forks: { singleFork: true } },
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
