import { Option } from 'commander';
import { integer } from '../../scripts/cli-options.js';
import { localNeo4jSettings } from './tools.js';

/** The command-line options the benchmarks share, each parsed and checked by commander. */

export { integer };

/** NEO4J_URI, else the project's local Neo4j (LOCAL_NEO4J_BOLT_PORT). */
export const defaultNeo4jUri = () => process.env.NEO4J_URI ?? `bolt://127.0.0.1:${localNeo4jSettings().boltPort}`;

/** `--neo4j <uri>`: the Neo4j the servers a benchmark starts read from. */
export const neo4jOption = (description = 'Neo4j to read from') => new Option('--neo4j <uri>', description).default(defaultNeo4jUri());

/** A whole-number option of at least `min`, e.g. `count('--rounds <n>', 'interleaved rounds', 1, 3)`. */
export const count = (flags: string, description: string, min: number, defaultValue?: number) => {
  const option = new Option(flags, description).argParser(integer(min));
  return defaultValue === undefined ? option : option.default(defaultValue);
};

export const roundsOption = (defaultValue?: number, description = 'interleaved rounds') => count('--rounds <n>', description, 1, defaultValue);
export const durationOption = (defaultValue?: number, description = 'seconds of each measured run') => count('--duration <seconds>', description, 1, defaultValue);
export const warmupOption = (defaultValue?: number, description = 'unmeasured seconds before the measured runs') => count('--warmup <seconds>', description, 0, defaultValue);
export const connectionsOption = (defaultValue?: number) => count('--connections <n>', 'concurrent connections', 1, defaultValue);
export const jsonOption = () => new Option('--json <file>', 'also write the figures as JSON to this file');
