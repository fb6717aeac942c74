/**
 * The project's tools a benchmark drives: the local Neo4j it provisions and the synthetic graph
 * generator. The only file of bench/ that imports them, so that when they move only these lines
 * change.
 */
export { localNeo4jStatus, resetLocalNeo4j, startLocalNeo4j, stopLocalNeo4j } from '../../tools/local-neo4j/instance.js';
export { instancePaths, NEO4J_VERSION } from '../../tools/local-neo4j/paths.js';
export { generateGraph } from '../../tools/synthetic/generate.js';
export { writeGraph } from '../../tools/synthetic/write.js';

import { loadConfig } from '../../src/config.js';

/** The local Neo4j's settings as configured (LOCAL_NEO4J_*), for a benchmark to start it or an instance of its own. */
export const localNeo4jSettings = () => loadConfig().localNeo4j;
