import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { GDS_VERSION, NEO4J_VERSION } from '../../tools/local-neo4j/paths.js';

const read = (file: string) => readFileSync(join(projectRoot, file), 'utf8');

describe('the pinned Neo4j release', () => {
  it('is the same for Docker users and for the Maven-provisioned server', () => {
    expect(read('docker-compose.yml')).toContain(`image: neo4j:${NEO4J_VERSION}-community`);
    expect(read('neo4j/pom.xml')).toContain(`<neo4j.version>${NEO4J_VERSION}</neo4j.version>`);
  });
});

describe('the pinned Graph Data Science plugin', () => {
  it('is the version the local Neo4j fetches, and Docker users get the plugin too', () => {
    expect(read('neo4j/gds.pom.xml')).toContain(`<gds.version>${GDS_VERSION}</gds.version>`);
    expect(read('neo4j/gds.pom.xml')).toContain(`<neo4j.version>${NEO4J_VERSION}</neo4j.version>`);
    expect(GDS_VERSION).toMatch(/^2\.13\./); // the GDS line built for Neo4j 5.26
    expect(read('docker-compose.yml')).toContain(`NEO4J_PLUGINS: '["graph-data-science"]'`);
    expect(read('docker-compose.yml')).toContain('NEO4J_dbms_security_procedures_unrestricted: gds.*');
  });
});

describe('the supported Node.js releases', () => {
  const engines: string = JSON.parse(read('package.json')).engines.node;
  const fetched = /^NODE_VERSION=(\d+\.\d+\.\d+)$/m.exec(read('.ci/fetch-node.sh'))?.[1];
  // Every stage's base image, which must name a Node major (node:24-slim, node:24.21.0, ...).
  const imageMajors = [...read('Dockerfile').matchAll(/^FROM\s+(\S+)/gm)].map((m) => Number(/^node:(\d+)\b/.exec(m[1]!)?.[1]));

  it('have one major for the Docker image and the Node CI runs besides the machine\'s', () => {
    expect(fetched).toBeDefined();
    expect(imageMajors.length).toBeGreaterThan(0);
    expect(new Set(imageMajors)).toEqual(new Set([semver.major(fetched!)]));
  });

  // semver: the range reader npm itself checks engines with.
  it('are admitted by package.json engines: the pinned one and the one running this test', () => {
    expect(semver.satisfies(fetched!, engines)).toBe(true);
    expect(semver.satisfies(process.versions.node, engines)).toBe(true);
    expect(read('package-lock.json')).toContain(`"node": "${engines}"`); // the lock's root copy
  });
});
