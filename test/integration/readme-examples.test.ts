import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../src/http/example-operations.js';
import { projectRoot } from '../../src/paths.js';
import { inProcessServer, postGraphQL, type InProcessServer } from '../support/server.js';

/** The API examples of docs/api.md (linked from the README), as a reader copies them: each block runs against the seed. */

const page = readFileSync(join(projectRoot, 'docs', 'api.md'), 'utf8');
const start = page.indexOf('\n## Examples: one operation per task\n');
const end = page.indexOf('\n## ', start + 1);
// A renamed heading must fail here, not silently read the wrong part of the page.
if (start < 0 || end < 0) throw new Error('docs/api.md has no "## Examples: one operation per task" section followed by another');
const section = page.slice(start, end);
const examples = [...section.matchAll(/```graphql\n([\s\S]*?)```\s*```json\n([\s\S]*?)```/g)].map((match) => ({
  query: match[1]!,
  variables: JSON.parse(match[2]!) as Record<string, unknown>,
  name: /^query (\w+)/m.exec(match[1]!)?.[1],
}));

let server: InProcessServer;
beforeAll(async () => {
  server = inProcessServer();
});
afterAll(() => server?.close());

describe("the example operations of docs/api.md", () => {
  it('are the GraphiQL tabs, one per task, with the same variables', () => {
    expect(examples.map((example) => example.name)).toEqual(EXAMPLE_OPERATIONS.map((operation) => operation.name));
    examples.forEach((example, index) => {
      expect(example.query.trim()).toBe(EXAMPLE_OPERATIONS[index]!.query.trim());
      expect(example.variables).toEqual(EXAMPLE_OPERATIONS[index]!.variables);
    });
  });

  it.each(examples.map((example) => [example.name, example] as const))('%s runs against the seed and answers', async (_name, example) => {
    const response = await postGraphQL<Record<string, unknown>>(server, example.query, example.variables);
    expect(response.errors).toBeUndefined();
    for (const [field, value] of Object.entries(response.data!)) expect(value, field).not.toBeNull();
  });
});
