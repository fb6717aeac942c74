import { describe, expect, it } from 'vitest';
import { testNeo4jSettings } from '../support/test-neo4j.js';

/** The integration tests wipe their database: it is named by variables of their own. */
describe('the test suite\'s Neo4j', () => {
  it('takes its database from TEST_NEO4J_* only, never from NEO4J_URI', () => {
    const users = { NEO4J_URI: 'neo4j+s://real.example.org:7687', NEO4J_USER: 'admin', NEO4J_PASSWORD: 'real-secret', NEO4J_DATABASE: 'papers' };
    expect(testNeo4jSettings(users)).toMatchObject({ uri: undefined, user: 'neo4j', password: 'scholar-graph', database: 'neo4j' });
    expect(testNeo4jSettings({ ...users, TEST_NEO4J_URI: 'bolt://scratch:7687', TEST_NEO4J_PASSWORD: 'scratch-pass', TEST_NEO4J_DATABASE: 'scratch' })).toMatchObject({
      uri: 'bolt://scratch:7687',
      password: 'scratch-pass',
      database: 'scratch',
    });
    expect(testNeo4jSettings({ TEST_NEO4J_INSTANCE: 'test-x', TEST_NEO4J_BOLT_PORT: '7800', TEST_NEO4J_HTTP_PORT: '7801' }).local).toMatchObject({
      instance: 'test-x',
      boltPort: 7800,
      httpPort: 7801,
    });
  });
});
