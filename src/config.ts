import { z } from 'zod';

/**
 * The one place the environment is read. Everything else receives a `Config`.
 * A wrong value fails at start with a message that names the variable.
 */

const port = z.coerce.number().int().min(1).max(65535);
const flag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');
const memorySize = z.string().regex(/^\d+[kmg]$/i, 'expected a size such as 512m or 1g');

const envSchema = z.object({
  /** Unset: the project starts (or reuses) its own local Neo4j and connects to it. */
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected neo4j://host:port or bolt://host:port')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  /** Also the initial password the local Neo4j is given when it is first created. */
  NEO4J_PASSWORD: z.string().min(8, 'Neo4j requires at least 8 characters').default('scholar-graph'),
  NEO4J_DATABASE: z.string().regex(/^[a-z][a-z0-9.-]{2,62}$/, 'expected a Neo4j database name').default('neo4j'),

  HOST: z.string().min(1).default('127.0.0.1'),
  /** 0 picks a free port (tests). */
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /**
   * Comma-separated secrets that authorize writes (mutations, imports), sent as a bearer token or
   * X-API-Key. Unset: every write is refused.
   */
  API_TOKENS: z
    .string()
    .transform((value) => value.split(',').map((token) => token.trim()).filter(Boolean))
    .pipe(z.array(z.string().min(32, 'each token needs at least 32 characters')))
    .default(''),
  /** Load the seed graph when the database holds no Author yet. */
  SEED_ON_EMPTY: flag.default('true'),

  /** The project's own Neo4j, used when NEO4J_URI is unset. */
  LOCAL_NEO4J_DIR: z.string().min(1).default('.neo4j'),
  LOCAL_NEO4J_INSTANCE: z.string().regex(/^[a-z0-9-]+$/, 'expected lowercase letters, digits, -').default('dev'),
  LOCAL_NEO4J_BOLT_PORT: port.default(7687),
  LOCAL_NEO4J_HTTP_PORT: port.default(7474),
  LOCAL_NEO4J_HEAP: memorySize.default('512m'),
  LOCAL_NEO4J_PAGECACHE: memorySize.default('256m'),
});

export type Env = z.infer<typeof envSchema>;

export interface LocalNeo4jConfig {
  dir: string;
  instance: string;
  boltPort: number;
  httpPort: number;
  heap: string;
  pageCache: string;
  password: string;
}

export interface Config {
  neo4j: { uri: string | undefined; user: string; password: string; database: string };
  localNeo4j: LocalNeo4jConfig;
  http: { host: string; port: number };
  apiTokens: string[];
  logLevel: Env['LOG_LEVEL'];
  seedOnEmpty: boolean;
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // An empty variable means "not set", as it does for most servers.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = envSchema.safeParse(present);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
  }
  const e = parsed.data;
  return {
    neo4j: { uri: e.NEO4J_URI, user: e.NEO4J_USER, password: e.NEO4J_PASSWORD, database: e.NEO4J_DATABASE },
    localNeo4j: {
      dir: e.LOCAL_NEO4J_DIR,
      instance: e.LOCAL_NEO4J_INSTANCE,
      boltPort: e.LOCAL_NEO4J_BOLT_PORT,
      httpPort: e.LOCAL_NEO4J_HTTP_PORT,
      heap: e.LOCAL_NEO4J_HEAP,
      pageCache: e.LOCAL_NEO4J_PAGECACHE,
      password: e.NEO4J_PASSWORD,
    },
    http: { host: e.HOST, port: e.PORT },
    apiTokens: e.API_TOKENS,
    logLevel: e.LOG_LEVEL,
    seedOnEmpty: e.SEED_ON_EMPTY,
  };
}
