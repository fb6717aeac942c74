import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has defaults for a local start', () => {
    const config = loadConfig({});
    expect(config.neo4j).toEqual({ uri: undefined, user: 'neo4j', password: 'scholar-graph', database: 'neo4j' });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(config.localNeo4j).toMatchObject({ instance: 'dev', boltPort: 7687, httpPort: 7474 });
    expect(config.seedOnEmpty).toBe(true);
    // Metrics on a loopback port of their own, never on the API port without a token.
    expect(config.metrics).toEqual({ host: '127.0.0.1', port: 9464, token: undefined });
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
    expect(loadConfig({ NODE_ENV: 'production' }).frontend.corsOrigins).toEqual([]);
    expect(loadConfig({ PROFILE: 'production', CORS_ORIGINS: 'https://App.example.org/, http://localhost:5173' }).frontend.corsOrigins).toEqual([
      'https://app.example.org',
      'http://localhost:5173',
    ]);
    expect(loadConfig({ PROFILE: 'production', CORS_ORIGINS: '*' }).frontend.corsOrigins).toBe('*');
    expect(loadConfig({ PERSISTED_OPERATIONS: 'only' }).frontend.persistedOperations).toBe('only');
  });
});
