import type {} from 'vitest';

/** What the integration global setup hands to the test files. */
declare module 'vitest' {
  export interface ProvidedContext {
    neo4j: { uri: string; user: string; password: string; database: string };
  }
}
