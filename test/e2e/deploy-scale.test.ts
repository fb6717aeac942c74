import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEPLOYED_CONFIG, NGINX_BINARY, localNginxConfig, nginxAvailable, writeLocalNginxConfig } from '../../bench/lib/nginx.js';
import { projectRoot } from '../../src/paths.js';
import { skipWithout } from '../support/requirements.js';

/**
 * docker-compose.yml's `scale` profile (two copies behind nginx, a shared Redis) and its nginx
 * config, checked without Docker: the Compose file as parsed YAML, the nginx file by nginx itself
 * (`nginx -t`) when it is installed. bench/scale.ts runs the same nginx file in front of two copies.
 */

// js-yaml 3 (a dev dependency, also the schema linter's); no typings needed here.
const yaml = createRequire(import.meta.url)('js-yaml') as { safeLoad(text: string): unknown };

interface Service {
  profiles?: string[];
  image?: string;
  build?: string;
  environment?: Record<string, string | number>;
  depends_on?: Record<string, { condition: string }>;
  ports?: string[];
  volumes?: string[];
  healthcheck?: { test: string[] };
}
const compose = yaml.safeLoad(readFileSync(join(projectRoot, 'docker-compose.yml'), 'utf8')) as { services: Record<string, Service> };
const { services } = compose;
const nginxConf = readFileSync(DEPLOYED_CONFIG, 'utf8');
const COPIES = ['server-a', 'server-b'];

describe('the scale profile of docker-compose.yml', () => {
  it('has two copies of the server, Redis and a load balancer, only in that profile', () => {
    for (const name of [...COPIES, 'redis', 'balancer']) expect(services[name]?.profiles).toEqual(['scale']);
    for (const name of ['neo4j', 'server']) expect(services[name]?.profiles).toBeUndefined();
  });

  it('runs the copies alike: built from this repository, neo4j:// routing, the shared Redis, /ready as health, reached only through the balancer', () => {
    for (const name of COPIES) {
      const copy = services[name]!;
      expect(copy.build).toBe('.');
      expect(copy.environment).toMatchObject({ NEO4J_URI: 'neo4j://neo4j:7687', REDIS_URL: 'redis://redis:6379', HOST: '0.0.0.0', PORT: 4000 });
      expect(copy.healthcheck!.test.join(' ')).toContain('http://127.0.0.1:4000/ready');
      expect(copy.ports).toBeUndefined();
      // Only the always-on server seeds an empty graph; the copies start once it is ready.
      expect(copy.environment!.SEED_ON_EMPTY).toBe('false');
      expect(copy.depends_on).toMatchObject({ server: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    }
    expect(services.server!.healthcheck!.test.join(' ')).toContain('/ready');
    expect(services.redis!.image).toMatch(/^redis:/);
  });

  it('puts nginx with deploy/nginx.conf in front, started once both copies are healthy', () => {
    const balancer = services.balancer!;
    expect(balancer.image).toMatch(/^nginx:/);
    expect(balancer.volumes).toContain('./deploy/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(balancer.depends_on).toEqual(Object.fromEntries(COPIES.map((name) => [name, { condition: 'service_healthy' }])));
    const published = balancer.ports!.map((port) => Number(port.split(':').at(-1)));
    expect(nginxConf).toMatch(new RegExp(`^\\s*listen ${published[0]};$`, 'm'));
    for (const name of COPIES) expect(nginxConf).toMatch(new RegExp(`^\\s*server ${name}:4000 [^;]*;$`, 'm'));
  });

  it('names only services it defines, and no always-on service waits for a profiled one', () => {
    for (const [name, service] of Object.entries(services)) {
      for (const needed of Object.keys(service.depends_on ?? {})) {
        expect(services[needed], `${name} depends on ${needed}`).toBeDefined();
        if (!service.profiles) expect(services[needed]!.profiles, `${name} depends on ${needed}`).toBeUndefined();
      }
    }
  });
});

describe('docker-compose.yml and the production profile', () => {
  it("gives Neo4j and every server the user's NEO4J_PASSWORD, with no default: the image runs in production, which refuses the development one", () => {
    const required = /^\$\{NEO4J_PASSWORD:\?Set NEO4J_PASSWORD [^}]*\}$/;
    for (const name of ['server', ...COPIES]) expect(services[name]!.environment!.NEO4J_PASSWORD).toMatch(required);
    expect(String(services.neo4j!.environment!.NEO4J_AUTH).replace(/^neo4j\//, '')).toMatch(required);
    expect(services.server!.environment).toMatchObject({ NEO4J_URI: 'bolt://neo4j:7687', SEED_ON_EMPTY: 'true' });
  });
});

describe('deploy/nginx.conf', () => {
  it('becomes a local config by changing addresses only', () => {
    const local = localNginxConfig(nginxConf, { listen: '127.0.0.1:18080', upstreams: ['127.0.0.1:14001', '127.0.0.1:14002'], dir: '/tmp/x' });
    expect(local).toMatch(/server 127\.0\.0\.1:14001 max_fails=1 fail_timeout=5s;\n\s*server 127\.0\.0\.1:14002 max_fails=1 fail_timeout=5s;/);
    expect(local).not.toMatch(/server-[ab]/);
    expect(local).toContain('listen 127.0.0.1:18080;');
    expect(local).toContain('proxy_next_upstream error timeout http_503;');
  });

  const skip = skipWithout('the nginx -t check', nginxAvailable() ? undefined : `no nginx at ${NGINX_BINARY} (apt-get install nginx-light)`);
  it.skipIf(skip)(`passes nginx -t (${NGINX_BINARY})`, () => {
    const dir = mkdtempSync(join(tmpdir(), 'nginx-'));
    const path = writeLocalNginxConfig(dir, { listen: '127.0.0.1:18080', upstreams: ['127.0.0.1:14001', '127.0.0.1:14002'] });
    const checked = spawnSync(NGINX_BINARY, ['-t', '-p', dir, '-c', path], { encoding: 'utf8' });
    expect(checked.stderr).toContain('test is successful');
  });
});
