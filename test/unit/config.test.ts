import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has defaults for a local start', () => {
    const config = loadConfig({});
    expect(config.neo4j).toEqual({ uri: undefined, user: 'neo4j', password: 'scholar-graph', database: 'neo4j' });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(config.localNeo4j).toMatchObject({ instance: 'dev', boltPort: 7687, httpPort: 7474 });
    expect(config.seedOnEmpty).toBe(true);
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
});
