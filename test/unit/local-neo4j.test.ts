import { describe, expect, it } from 'vitest';
import { findJava } from '../../tools/local-neo4j/install.js';
import { LocalNeo4jError } from '../../tools/local-neo4j/paths.js';

describe('finding Java for the local Neo4j', () => {
  it('says what to install, or to use Docker, when Java is missing', () => {
    const missing = () => findJava({ JAVA_HOME: '/nonexistent/jdk' });
    expect(missing).toThrow(LocalNeo4jError);
    expect(missing).toThrow(/Install a JDK 17.*docker compose up/s);
  });
});
