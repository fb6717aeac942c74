import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NEO4J_VERSION, projectRoot } from '../../src/local-neo4j/paths.js';

const read = (file: string) => readFileSync(join(projectRoot, file), 'utf8');

describe('the pinned Neo4j release', () => {
  it('is the same for Docker users and for the Maven-provisioned server', () => {
    expect(read('docker-compose.yml')).toContain(`image: neo4j:${NEO4J_VERSION}-community`);
    expect(read('neo4j/pom.xml')).toContain(`<neo4j.version>${NEO4J_VERSION}</neo4j.version>`);
  });
});
