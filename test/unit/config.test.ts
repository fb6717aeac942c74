import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_BODY_LIMIT_BYTES,
  DEFAULT_DRIVER_SETTINGS,
  DEFAULT_LIMITS,
  DEFAULT_PROFILE,
  defaultFrontendSettings,
  loadConfig,
} from '../../src/config.js';

/** What production needs besides the profile. */
const DEPLOYED = { NEO4J_URI: 'neo4j+s://db.example.org:7687', NEO4J_PASSWORD: 'a-password-of-its-own' };

describe('loadConfig', () => {
  it('has defaults for a local start', () => {
    const config = loadConfig({});
    expect(config.neo4j).toEqual({ uri: undefined, user: 'neo4j', password: 'scholar-graph', database: 'neo4j' });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(config.localNeo4j).toMatchObject({ instance: 'dev', boltPort: 7687, httpPort: 7474 });
    expect(config.seedOnEmpty).toBe(true);
    // Metrics on a loopback port of their own, never on the API port without a token.
    expect(config.metrics).toEqual({ host: '127.0.0.1', port: 9464, derived: true, token: undefined });
    expect(config.maxAuthorsPerPaper).toBe(100);
  });

  it('reads the byline length above which papers make no coauthor links', () => {
    expect(loadConfig({ MAX_AUTHORS_PER_PAPER: '20000' }).maxAuthorsPerPaper).toBe(20_000);
  });

  it('treats empty variables as unset', () => {
    expect(loadConfig({ NEO4J_URI: '', PORT: '' }).neo4j.uri).toBeUndefined();
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ NEO4J_URI: 'http://localhost:7474' }, 'NEO4J_URI'],
    [{ NEO4J_PASSWORD: 'short' }, 'NEO4J_PASSWORD'],
    [{ SEED_ON_EMPTY: 'maybe' }, 'SEED_ON_EMPTY'],
    [{ LOCAL_NEO4J_HEAP: 'lots' }, 'LOCAL_NEO4J_HEAP'],
    [{ METRICS_PORT: '-1' }, 'METRICS_PORT'],
    [{ METRICS_TOKEN: 'too-short' }, 'METRICS_TOKEN'],
    [{ CORS_ORIGINS: 'app.example.org' }, 'CORS_ORIGINS'],
    [{ CORS_ORIGINS: 'https://app.example.org/path' }, 'CORS_ORIGINS'],
    [{ PERSISTED_OPERATIONS: 'strict' }, 'PERSISTED_OPERATIONS'],
    [{ MAX_AUTHORS_PER_PAPER: '1' }, 'MAX_AUTHORS_PER_PAPER'],
    [{ MAX_AUTHORS_PER_PAPER: 'many' }, 'MAX_AUTHORS_PER_PAPER'],
    [{ NEO4J_WRITE_TIMEOUT_MS: '0' }, 'NEO4J_WRITE_TIMEOUT_MS'],
    [{ NEO4J_IMPORT_TIMEOUT_MS: '30s' }, 'NEO4J_IMPORT_TIMEOUT_MS'],
  ])('fails on %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^\\s*${variable}:`, 'm'));
  });

  it('limits writes: 30 s for mutations, 5 min per import transaction, unless told otherwise', () => {
    expect(loadConfig({}).driver).toMatchObject({ writeTimeoutMs: 30_000, importTimeoutMs: 300_000 });
    expect(loadConfig({ NEO4J_WRITE_TIMEOUT_MS: '1000', NEO4J_IMPORT_TIMEOUT_MS: '60000' }).driver).toMatchObject({ writeTimeoutMs: 1_000, importTimeoutMs: 60_000 });
  });

  it('reads a remote Neo4j and the HTTP port', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://db.example.org:7687', PORT: '8080', SEED_ON_EMPTY: 'false' });
    expect(config.neo4j.uri).toBe('neo4j+s://db.example.org:7687');
    expect(config.http.port).toBe(8080);
    expect(config.seedOnEmpty).toBe(false);
  });

  it('allows browsers on other origins any origin in development, none in production, unless CORS_ORIGINS says', () => {
    expect(loadConfig({}).frontend).toEqual({ corsOrigins: '*', persistedOperations: 'allow' });
    expect(loadConfig({ ...DEPLOYED, NODE_ENV: 'production' }).frontend.corsOrigins).toEqual([]);
    expect(loadConfig({ ...DEPLOYED, PROFILE: 'production', CORS_ORIGINS: 'https://App.example.org/, http://localhost:5173' }).frontend.corsOrigins).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ ...DEPLOYED, PROFILE: 'production', CORS_ORIGINS: '*' }).frontend.corsOrigins).toBe('*');
    expect(loadConfig({ PERSISTED_OPERATIONS: 'only' }).frontend.persistedOperations).toBe('only');
  });

  it.each([{ PROFILE: 'production' }, { NODE_ENV: 'production' }])('refuses %j without NEO4J_URI or with the default password, naming both', (profile) => {
    const refused = () => loadConfig(profile);
    expect(refused).toThrow(ConfigError);
    expect(refused).toThrow(/^\s*NEO4J_URI: required in production/m);
    expect(refused).toThrow(/^\s*NEO4J_PASSWORD: the default password 'scholar-graph' is refused in production/m);
    expect(() => loadConfig({ ...profile, NEO4J_URI: DEPLOYED.NEO4J_URI })).toThrow(/^\s*NEO4J_PASSWORD:/m);
    expect(() => loadConfig({ ...profile, NEO4J_URI: DEPLOYED.NEO4J_URI, NEO4J_PASSWORD: 'scholar-graph' })).toThrow(/^\s*NEO4J_PASSWORD:/m);
    expect(() => loadConfig({ ...profile, NEO4J_PASSWORD: DEPLOYED.NEO4J_PASSWORD })).toThrow(/^\s*NEO4J_URI:/m);
    expect(loadConfig({ ...profile, ...DEPLOYED }).profile).toBe('production');
  });

  it('lets development run on its defaults, also under NODE_ENV=production when PROFILE says development', () => {
    expect(loadConfig({}).profile).toBe('development');
    expect(loadConfig({ NODE_ENV: 'production', PROFILE: 'development' }).neo4j.uri).toBeUndefined();
  });

  it('allows the default password in production only when told (benchmarks and tests on the local Neo4j), never a missing NEO4J_URI', () => {
    const allowed = { PROFILE: 'production', ALLOW_DEFAULT_NEO4J_PASSWORD: 'true' };
    expect(loadConfig({ ...allowed, NEO4J_URI: 'bolt://127.0.0.1:7687' }).neo4j.password).toBe('scholar-graph');
    expect(() => loadConfig(allowed)).toThrow(/^\s*NEO4J_URI:/m);
  });

  it('seeds an empty graph by default in development only; SEED_ON_EMPTY=true still seeds in production', () => {
    expect(loadConfig({}).seedOnEmpty).toBe(true);
    expect(loadConfig({ ...DEPLOYED, PROFILE: 'production' }).seedOnEmpty).toBe(false);
    expect(loadConfig({ ...DEPLOYED, PROFILE: 'production', SEED_ON_EMPTY: 'true' }).seedOnEmpty).toBe(true);
    expect(loadConfig({ SEED_ON_EMPTY: 'false' }).seedOnEmpty).toBe(false);
  });

  it('derives the metrics port from PORT when METRICS_PORT is unset, so that servers side by side differ', () => {
    expect(loadConfig({ PORT: '4001' }).metrics).toMatchObject({ port: 9465, derived: true });
    // PORT=0 (tests): any free port; so too when PORT + 5464 is past the last port.
    expect(loadConfig({ PORT: '0' }).metrics).toMatchObject({ port: 0, derived: true });
    expect(loadConfig({ PORT: '65000' }).metrics).toMatchObject({ port: 0, derived: true });
    expect(loadConfig({ PORT: '4001', METRICS_PORT: '9600' }).metrics).toMatchObject({ port: 9600, derived: false });
    expect(loadConfig({ METRICS_PORT: '0' }).metrics).toMatchObject({ port: 0, derived: false });
  });

  it('exports the defaults that servers and drivers built without a Config use, equal to those of an empty environment', () => {
    const config = loadConfig({});
    expect(DEFAULT_DRIVER_SETTINGS).toEqual(config.driver);
    expect(DEFAULT_LIMITS).toEqual(config.limits);
    expect(DEFAULT_BODY_LIMIT_BYTES).toBe(config.httpSettings.bodyLimitBytes);
    expect(DEFAULT_PROFILE).toBe(config.profile);
    expect(defaultFrontendSettings('development')).toEqual(config.frontend);
    expect(defaultFrontendSettings('production')).toEqual(loadConfig({ ...DEPLOYED, PROFILE: 'production' }).frontend);
  });
});
