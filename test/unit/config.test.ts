import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.js';

describe('loadConfig', () => {
  it('has defaults for a local start', () => {
    const config = loadConfig({});
    expect(config.neo4j).toEqual({ uri: undefined, user: 'neo4j', password: 'scholar-graph', database: 'neo4j' });
    expect(config.http).toEqual({ host: '127.0.0.1', port: 4000 });
    expect(config.localNeo4j).toMatchObject({ instance: 'dev', boltPort: 7687, httpPort: 7474 });
    expect(config.seedOnEmpty).toBe(true);
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
    [{ MAX_AUTHORS_PER_PAPER: '1' }, 'MAX_AUTHORS_PER_PAPER'],
    [{ MAX_AUTHORS_PER_PAPER: 'many' }, 'MAX_AUTHORS_PER_PAPER'],
  ])('fails on %j naming %s', (env, variable) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`^\\s*${variable}:`, 'm'));
  });

  it('reads a remote Neo4j and the HTTP port', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://db.example.org:7687', PORT: '8080', SEED_ON_EMPTY: 'false' });
    expect(config.neo4j.uri).toBe('neo4j+s://db.example.org:7687');
    expect(config.http.port).toBe(8080);
    expect(config.seedOnEmpty).toBe(false);
  });
});
