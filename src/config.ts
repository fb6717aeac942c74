import { z } from 'zod';
import { DEFAULT_MAX_AUTHORS_PER_PAPER } from './domain/bylines.js';

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

// Defaults that code outside this module also needs (a yoga server or a driver built without a
// Config, as tests and tools do): defined here once, and the variables below default to them.

/** The development password; production refuses it (the local Neo4j is created with it). */
export const DEFAULT_NEO4J_PASSWORD = 'scholar-graph';
export const DEFAULT_PROFILE: Profile = 'development';
export const DEFAULT_BODY_LIMIT_BYTES = 1_000_000;
export const DEFAULT_PERSISTED_OPERATIONS = 'allow' satisfies PersistedOperationsMode;
export const DEFAULT_LIMITS: QueryLimits = { depth: 10, aliases: 15, tokens: 2000, directives: 10, cost: 25_000 };
export const DEFAULT_DRIVER_SETTINGS: DriverSettings = {
  readTimeoutMs: 5_000,
  writeTimeoutMs: 30_000,
  importTimeoutMs: 300_000,
  connectionTimeoutMs: 3_000,
  acquisitionTimeoutMs: 5_000,
  retryTimeMs: 2_000,
  maxPoolSize: 50,
};
/**
 * With METRICS_PORT unset, metrics listen on PORT + this (4000 -> 9464, Prometheus' customary
 * exporter port), so that servers started side by side with different PORTs do not collide.
 */
export const METRICS_PORT_OFFSET = 5464;

const envSchema = z.object({
  /** Unset: the project starts (or reuses) its own local Neo4j and connects to it. */
  NEO4J_URI: z
    .string()
    .regex(/^(neo4j|bolt)(\+s|\+ssc)?:\/\/.+/, 'expected neo4j://host:port or bolt://host:port')
    .optional(),
  NEO4J_USER: z.string().min(1).default('neo4j'),
  /** Also the initial password the local Neo4j is given when it is first created. */
  NEO4J_PASSWORD: z.string().min(8, 'Neo4j requires at least 8 characters').default(DEFAULT_NEO4J_PASSWORD),
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
  /** Load the seed graph when the database holds no Author yet. Unset: in development only. */
  SEED_ON_EMPTY: flag.optional(),
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
  QUERY_MAX_DEPTH: positive.default(DEFAULT_LIMITS.depth),
  QUERY_MAX_ALIASES: positive.default(DEFAULT_LIMITS.aliases),
  QUERY_MAX_TOKENS: positive.default(DEFAULT_LIMITS.tokens),
  QUERY_MAX_DIRECTIVES: positive.default(DEFAULT_LIMITS.directives),
  /** Estimated objects a query may load; lists count by their `first` (src/schema/cost.ts). */
  QUERY_MAX_COST: positive.default(DEFAULT_LIMITS.cost),
  /** Largest request body in bytes. */
  MAX_BODY_BYTES: positive.default(DEFAULT_BODY_LIMIT_BYTES),

  // --- Huge bylines (coauthor links) ---
  /**
   * Papers with more authors make no coauthor links in reads (coauthors, ego networks, paths) nor
   * in subgraph analytics: a 10,000-author physics byline would be a clique of 50 million pairs
   * to walk on every request. The papers stay in bylines, paper lists and metrics.
   */
  MAX_AUTHORS_PER_PAPER: z.coerce.number().int().min(2).max(1_000_000).default(DEFAULT_MAX_AUTHORS_PER_PAPER),

  /** Neo4j: per-transaction limit of a read, connecting, waiting for a pooled connection. */
  NEO4J_READ_TIMEOUT_MS: millis.default(DEFAULT_DRIVER_SETTINGS.readTimeoutMs),
  NEO4J_CONNECTION_TIMEOUT_MS: millis.default(DEFAULT_DRIVER_SETTINGS.connectionTimeoutMs),
  NEO4J_ACQUISITION_TIMEOUT_MS: millis.default(DEFAULT_DRIVER_SETTINGS.acquisitionTimeoutMs),
  /** How long a managed transaction is retried on transient failures (the driver's default is 30 s). */
  NEO4J_RETRY_TIME_MS: z.coerce.number().int().min(0).max(600_000).default(DEFAULT_DRIVER_SETTINGS.retryTimeMs),
  NEO4J_MAX_POOL_SIZE: positive.max(1_000).default(DEFAULT_DRIVER_SETTINGS.maxPoolSize),

  // --- Safe writes (src/db/write.ts) ---
  /**
   * Time limit of a write transaction, which Neo4j enforces by rolling it back (TIMEOUT, nothing
   * written), also while it waits for a lock: every mutation's transactions and the analytics
   * run's claim. 30 s: the HTTP request limit; a mutation writes one record or 100 works.
   */
  NEO4J_WRITE_TIMEOUT_MS: millis.default(DEFAULT_DRIVER_SETTINGS.writeTimeoutMs),
  /**
   * The same for each transaction of `npm run import` (a batch of --batch-size records, an author
   * summary chunk): longer, since a batch of 500 records on a cold Neo4j takes seconds, and a
   * limit exists only to stop one that hangs on a lock forever.
   */
  NEO4J_IMPORT_TIMEOUT_MS: millis.default(DEFAULT_DRIVER_SETTINGS.importTimeoutMs),

  /** HTTP: whole request, its headers, an idle keep-alive connection; draining at shutdown. */
  HTTP_REQUEST_TIMEOUT_MS: millis.default(30_000),
  HTTP_HEADERS_TIMEOUT_MS: millis.default(10_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: millis.default(5_000),
  SHUTDOWN_TIMEOUT_MS: millis.default(25_000),

  /**
   * Prometheus metrics: served at /metrics on a port of their own, on loopback unless told
   * otherwise, so the public API port never shows them (0 picks a free port). With METRICS_TOKEN
   * set, the API port also serves /metrics to `Authorization: Bearer <token>`. METRICS_PORT unset:
   * PORT + METRICS_PORT_OFFSET, or a free port when that one is taken.
   */
  METRICS_HOST: z.string().min(1).default('127.0.0.1'),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  METRICS_TOKEN: z.string().min(32, 'needs at least 32 characters').optional(),
  // --- Response cache (src/http/response-cache.ts) ---
  /**
   * How long a cached read lives at most, in ms; 0 turns the response cache off. Every write
   * to the graph empties it anyway (within RESPONSE_CACHE_POLL_MS), so this only bounds memory
   * and the damage of a write the server cannot see.
   */
  RESPONSE_CACHE_TTL_MS: z.coerce.number().int().min(0).max(86_400_000).default(60_000),
  /** Responses the in-memory cache keeps (least recently used go first); not used with Redis. */
  RESPONSE_CACHE_MAX_ENTRIES: positive.max(1_000_000).default(1_000),
  /** How often the server asks Neo4j whether anything committed since (the graph's version). */
  RESPONSE_CACHE_POLL_MS: z.coerce.number().int().min(50).max(60_000).default(1_000),
  /** `max-age` of `Cache-Control` on cacheable GET reads; 0: clients revalidate every time (ETag). */
  RESPONSE_CACHE_MAX_AGE_S: z.coerce.number().int().min(0).max(86_400).default(0),
  /** Unset: the cache is in this process's memory. Set: shared by every server in Redis. */
  REDIS_URL: z.string().regex(/^rediss?:\/\/.+/, 'expected redis://[user:password@]host:port[/db] or rediss://…').optional(),

  // --- Frontend clients (src/http/cors.ts, src/http/persisted-operations.ts) ---
  /**
   * Comma-separated origins (`https://app.example.org`) whose pages may call the API from the
   * browser, or `*` for any. Unset: any in development, none in production.
   */
  CORS_ORIGINS: z
    .string()
    .transform((value, context) => {
      const listed = value.split(',').map((origin) => origin.trim()).filter(Boolean);
      const origins = listed.map((origin) => (origin === '*' ? origin : originOf(origin)));
      const bad = listed.filter((_, index) => origins[index] === undefined);
      if (bad.length) context.addIssue({ code: 'custom', message: `expected \`*\` or origins such as https://app.example.org (scheme, host, port; no path), not ${bad.join(', ')}` });
      return origins as string[];
    })
    .optional(),
  /**
   * Operations listed in schema/persisted-operations.json (`npm run operations:persist`):
   * `allow` runs them by hash and still runs any document; `only` runs listed operations alone,
   * by hash or by their exact text; `off` ignores hashes.
   */
  PERSISTED_OPERATIONS: z.enum(['off', 'allow', 'only']).default(DEFAULT_PERSISTED_OPERATIONS),
  /**
   * `true` lets the production profile use the default NEO4J_PASSWORD: for benchmarks and tests
   * that run the production build against the project's local Neo4j, never for a deployment.
   */
  ALLOW_DEFAULT_NEO4J_PASSWORD: flag.default('false'),

  /** The project's own Neo4j, which `npm start` and the tools start in development when NEO4J_URI is unset. */
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

/** The response cache (src/http/response-cache.ts); absent from Config when it is off. */
export interface ResponseCacheSettings {
  ttlMs: number;
  maxEntries: number;
  pollMs: number;
  httpMaxAgeSeconds: number;
  /** Unset: in memory. */
  redisUrl: string | undefined;
}

/** Which browser origins may call the API: `*` for any. */
export type CorsOrigins = '*' | readonly string[];
export type PersistedOperationsMode = 'off' | 'allow' | 'only';

export interface FrontendSettings {
  corsOrigins: CorsOrigins;
  persistedOperations: PersistedOperationsMode;
}

export interface MetricsSettings {
  host: string;
  port: number;
  /**
   * True when METRICS_PORT is unset and the port was derived from PORT: the server then takes a
   * free port if that one is taken. A configured METRICS_PORT that is taken fails the start.
   */
  derived: boolean;
  token: string | undefined;
}

export interface Config {
  neo4j: { uri: string | undefined; user: string; password: string; database: string };
  driver: DriverSettings;
  localNeo4j: LocalNeo4jConfig;
  http: { host: string; port: number };
  metrics: MetricsSettings;
  httpSettings: HttpSettings;
  profile: Profile;
  limits: QueryLimits;
  frontend: FrontendSettings;
  apiTokens: string[];
  /** Papers with more authors make no coauthor links (MAX_AUTHORS_PER_PAPER). */
  maxAuthorsPerPaper: number;
  logLevel: Env['LOG_LEVEL'];
  seedOnEmpty: boolean;
  applySchema: boolean;
  /** Undefined: no response cache (RESPONSE_CACHE_TTL_MS=0). */
  responseCache: ResponseCacheSettings | undefined;
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
  const profile: Profile = e.PROFILE ?? (e.NODE_ENV === 'production' ? 'production' : DEFAULT_PROFILE);
  if (profile === 'production') requireProductionSettings(e);
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
    metrics: {
      host: e.METRICS_HOST,
      port: e.METRICS_PORT ?? derivedMetricsPort(e.PORT),
      derived: e.METRICS_PORT === undefined,
      token: e.METRICS_TOKEN,
    },
    httpSettings: {
      bodyLimitBytes: e.MAX_BODY_BYTES,
      requestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
      keepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
      shutdownTimeoutMs: e.SHUTDOWN_TIMEOUT_MS,
    },
    profile,
    limits: {
      depth: e.QUERY_MAX_DEPTH,
      aliases: e.QUERY_MAX_ALIASES,
      tokens: e.QUERY_MAX_TOKENS,
      directives: e.QUERY_MAX_DIRECTIVES,
      cost: e.QUERY_MAX_COST,
    },
    frontend: {
      corsOrigins: corsOriginsOf(e.CORS_ORIGINS, profile),
      persistedOperations: e.PERSISTED_OPERATIONS,
    },
    apiTokens: e.API_TOKENS,
    maxAuthorsPerPaper: e.MAX_AUTHORS_PER_PAPER,
    logLevel: e.LOG_LEVEL,
    // A production database that is empty is more likely a wrong NEO4J_DATABASE than a new install.
    seedOnEmpty: e.SEED_ON_EMPTY ?? profile !== 'production',
    applySchema: e.APPLY_SCHEMA,
    responseCache:
      e.RESPONSE_CACHE_TTL_MS > 0
        ? {
            ttlMs: e.RESPONSE_CACHE_TTL_MS,
            maxEntries: e.RESPONSE_CACHE_MAX_ENTRIES,
            pollMs: e.RESPONSE_CACHE_POLL_MS,
            httpMaxAgeSeconds: e.RESPONSE_CACHE_MAX_AGE_S,
            redisUrl: e.REDIS_URL,
          }
        : undefined,
  };
}

/**
 * What development tolerates and production must not: no NEO4J_URI (the server would have no
 * database; only `npm start`'s development path starts a local one) and the published default
 * password. Reported like any invalid variable, all at once.
 */
function requireProductionSettings(e: Env): void {
  const problems: string[] = [];
  const why = 'in production (PROFILE=production, or NODE_ENV=production without PROFILE)';
  if (!e.NEO4J_URI) problems.push(`  NEO4J_URI: required ${why}: set it to your Neo4j, e.g. neo4j+s://db.example.org:7687`);
  if (e.NEO4J_PASSWORD === DEFAULT_NEO4J_PASSWORD && !e.ALLOW_DEFAULT_NEO4J_PASSWORD) {
    problems.push(`  NEO4J_PASSWORD: the default password '${DEFAULT_NEO4J_PASSWORD}' is refused ${why}: set your Neo4j's own password`);
  }
  if (problems.length) throw new ConfigError(`Invalid configuration:\n${problems.join('\n')}`);
}

/** PORT 0 (tests) or a PORT too high to offset: any free port. */
function derivedMetricsPort(port: number): number {
  const derived = port + METRICS_PORT_OFFSET;
  return port === 0 || derived > 65535 ? 0 : derived;
}

/** The frontend settings a server has when nothing is configured: yoga.ts's defaults. */
export function defaultFrontendSettings(profile: Profile): FrontendSettings {
  return { corsOrigins: corsOriginsOf(undefined, profile), persistedOperations: DEFAULT_PERSISTED_OPERATIONS };
}

/** Same-origin pages (the explorer, GraphiQL) need none; other pages, only in development unless listed. */
function corsOriginsOf(listed: string[] | undefined, profile: Profile): CorsOrigins {
  if (!listed) return profile === 'production' ? [] : '*';
  return listed.includes('*') ? '*' : listed;
}

/** `https://App.example.org:443/` → `https://app.example.org`; undefined for anything with a path, query or credentials. */
function originOf(value: string): string | undefined {
  try {
    const url = new URL(value);
    const bare = url.pathname === '/' && !url.search && !url.hash && !url.username && !url.password;
    return bare && (url.protocol === 'https:' || url.protocol === 'http:') ? url.origin : undefined;
  } catch {
    return undefined;
  }
}
