import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { GDS_VERSION, NEO4J_VERSION } from '../../tools/local-neo4j/paths.js';

const read = (file: string) => readFileSync(join(projectRoot, file), 'utf8');

/**
 * Whether a version is in an npm range made of `||`-joined sets of `^x.y.z` and `>=x.y.z`
 * comparators (majors 1 and up), the forms package.json's engines use. Any other form throws, so a new one gets
 * added here rather than read wrongly.
 */
function admits(range: string, version: string): boolean {
  const parse = (v: string) => {
    const [major = 0, minor = 0, patch = 0] = v.split('.').map(Number);
    return [major, minor, patch] as const;
  };
  type Version = ReturnType<typeof parse>;
  const compare = (a: Version, b: Version) => a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
  const v = parse(version);
  return range.split('||').some((set) =>
    set.trim().split(/\s+/).every((comparator) => {
      const match = /^(\^|>=)(\d+)\.(\d+)\.(\d+)$/.exec(comparator);
      if (!match) throw new Error(`admits() cannot read the comparator "${comparator}" in "${range}"`);
      const bound = parse(match.slice(2).join('.'));
      return compare(v, bound) >= 0 && (match[1] === '>=' || v[0] === bound[0]);
    }),
  );
}

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
    expect(new Set(imageMajors)).toEqual(new Set([Number(fetched!.split('.')[0])]));
  });

  it('are admitted by package.json engines: the pinned one and the one running this test', () => {
    expect(admits(engines, fetched!)).toBe(true);
    expect(admits(engines, process.versions.node)).toBe(true);
    expect(read('package-lock.json')).toContain(`"node": "${engines}"`); // the lock's root copy
  });

  it('reads engines ranges as npm does', () => {
    const range = '^20.19.0 || >=22.12.0';
    expect(['20.19.0', '20.20.2', '22.12.0', '24.21.0', '25.0.0'].filter((v) => admits(range, v))).toHaveLength(5);
    expect(['18.20.0', '20.18.3', '21.7.0', '22.11.0'].filter((v) => admits(range, v))).toEqual([]);
    expect(() => admits('~20.19.0', '20.19.0')).toThrow(/cannot read/);
  });
});
