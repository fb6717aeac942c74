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
const positive = z.coerce.number().int().min(1);
/** Milliseconds, at most a day: a typo such as an extra zero should fail, not wait for weeks. */
const millis = positive.max(86_400_000);

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
  /**
   * Apply cypher/schema.cypher at start. `false` where the schema is managed apart, or the
   * server's database user may not change it (a read-only benchmark against someone's data).
   */
  APPLY_SCHEMA: flag.default('true'),

  /**
   * `production` turns off GraphiQL, introspection and field suggestions ("did you mean …").
   * Unset: production when NODE_ENV is production, else development.
   */
  PROFILE: z.enum(['development', 'production']).optional(),
  NODE_ENV: z.string().optional(),

  /**
   * Query limits, checked before anything runs (src/limits/). Depth counts every field level, and
   * a Relay connection spends two on `edges { node }`: 10 lets a client walk coauthors of
   * coauthors and their affiliations; DESIGN.md's starting 8 stopped at their names.
   */
  QUERY_MAX_DEPTH: positive.default(10),
  QUERY_MAX_ALIASES: positive.default(15),
  QUERY_MAX_TOKENS: positive.default(2000),
  QUERY_MAX_DIRECTIVES: positive.default(10),
  /** Estimated objects a query may load; lists count by their `first` (src/limits/cost.ts). */
  QUERY_MAX_COST: positive.default(25_000),
  /** Largest request body in bytes. */
  MAX_BODY_BYTES: positive.default(1_000_000),

  /** Neo4j: per-transaction limit of a read, connecting, waiting for a pooled connection. */
  NEO4J_READ_TIMEOUT_MS: millis.default(5_000),
  NEO4J_CONNECTION_TIMEOUT_MS: millis.default(3_000),
  NEO4J_ACQUISITION_TIMEOUT_MS: millis.default(5_000),
  /** How long a managed transaction is retried on transient failures (the driver's default is 30 s). */
  NEO4J_RETRY_TIME_MS: z.coerce.number().int().min(0).max(600_000).default(2_000),
  NEO4J_MAX_POOL_SIZE: positive.max(1_000).default(50),

  // --- Safe writes (src/db/write.ts) ---
  /**
   * Time limit of a write transaction, which Neo4j enforces by rolling it back (TIMEOUT, nothing
   * written), also while it waits for a lock: every mutation's transactions and the analytics
   * run's claim. 30 s: the HTTP request limit; a mutation writes one record or 100 works.
   */
  NEO4J_WRITE_TIMEOUT_MS: millis.default(30_000),
  /**
   * The same for each transaction of `npm run import` (a batch of --batch-size records, an author
   * summary chunk): longer, since a batch of 500 records on a cold Neo4j takes seconds, and a
   * limit exists only to stop one that hangs on a lock forever.
   */
  NEO4J_IMPORT_TIMEOUT_MS: millis.default(300_000),

  /** HTTP: whole request, its headers, an idle keep-alive connection; draining at shutdown. */
  HTTP_REQUEST_TIMEOUT_MS: millis.default(30_000),
  HTTP_HEADERS_TIMEOUT_MS: millis.default(10_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: millis.default(5_000),
  SHUTDOWN_TIMEOUT_MS: millis.default(25_000),

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

export type Profile = 'development' | 'production';

export interface QueryLimits {
  depth: number;
  aliases: number;
  tokens: number;
  directives: number;
  cost: number;
}

export interface DriverSettings {
  readTimeoutMs: number;
  writeTimeoutMs: number;
  importTimeoutMs: number;
  connectionTimeoutMs: number;
  acquisitionTimeoutMs: number;
  retryTimeMs: number;
  maxPoolSize: number;
}

export interface HttpSettings {
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  headersTimeoutMs: number;
  keepAliveTimeoutMs: number;
  /** In-flight requests get this long to finish after SIGTERM; then connections are cut. */
  shutdownTimeoutMs: number;
}

export interface Config {
  neo4j: { uri: string | undefined; user: string; password: string; database: string };
  driver: DriverSettings;
  localNeo4j: LocalNeo4jConfig;
  http: { host: string; port: number };
  httpSettings: HttpSettings;
  profile: Profile;
  limits: QueryLimits;
  apiTokens: string[];
  logLevel: Env['LOG_LEVEL'];
  seedOnEmpty: boolean;
  applySchema: boolean;
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
    driver: {
      readTimeoutMs: e.NEO4J_READ_TIMEOUT_MS,
      writeTimeoutMs: e.NEO4J_WRITE_TIMEOUT_MS,
      importTimeoutMs: e.NEO4J_IMPORT_TIMEOUT_MS,
      connectionTimeoutMs: e.NEO4J_CONNECTION_TIMEOUT_MS,
      acquisitionTimeoutMs: e.NEO4J_ACQUISITION_TIMEOUT_MS,
      retryTimeMs: e.NEO4J_RETRY_TIME_MS,
      maxPoolSize: e.NEO4J_MAX_POOL_SIZE,
    },
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
    httpSettings: {
      bodyLimitBytes: e.MAX_BODY_BYTES,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    profile: e.PROFILE ?? (e.NODE_ENV === 'production' ? 'production' : 'development'),
    limits: {
      depth: e.QUERY_MAX_DEPTH,
      aliases: e.QUERY_MAX_ALIASES,
      tokens: e.QUERY_MAX_TOKENS,
      directives: e.QUERY_MAX_DIRECTIVES,
      cost: e.QUERY_MAX_COST,
    },
    apiTokens: e.API_TOKENS,
    logLevel: e.LOG_LEVEL,
    seedOnEmpty: e.SEED_ON_EMPTY,
    applySchema: e.APPLY_SCHEMA,
  };
}
