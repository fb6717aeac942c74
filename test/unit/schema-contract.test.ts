import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { compareSchemas, readIntended, RELEASE_FILE, SCHEMA_FILE } from '../../scripts/schema-compatibility.js';

/** The schema as a contract: documented and Relay-shaped (graphql-schema-linter), and no unintended break. */

const LINTER = join(projectRoot, 'node_modules/graphql-schema-linter/lib/cli.js');

/** The linter with the project's rules (package.json), on one SDL file: its errors. */
function lint(file: string): { status: number | null; errors: { message: string; rule: string }[] } {
  const run = spawnSync(process.execPath, [LINTER, '--format', 'json', file], { cwd: projectRoot, encoding: 'utf8' });
  return { status: run.status, errors: (JSON.parse(run.stdout) as { errors: { message: string; rule: string }[] }).errors };
}

const fixture = (sdl: string) => {
  const file = join(mkdtempSync(join(tmpdir(), 'schema-')), 'schema.graphql');
  writeFileSync(file, sdl);
  return file;
};

describe('the schema linter', () => {
  it('finds every type, field, argument and input field described, and the Relay shapes right', () => {
    expect(lint(SCHEMA_FILE)).toEqual({ status: 0, errors: [] });
  });

  it('fails on a field without a description (the rules are on)', () => {
    const undocumented = readFileSync(SCHEMA_FILE, 'utf8').replace('type YearCount {', 'type YearCount {\n  week: Int');
    const { status, errors } = lint(fixture(undocumented));
    expect(status).toBe(1);
    expect(errors).toEqual([expect.objectContaining({ rule: 'fields-have-descriptions', message: expect.stringContaining('YearCount.week') })]);
  });
});

describe('the breaking-change guard', () => {
  const released = readFileSync(RELEASE_FILE, 'utf8');

  it('finds no breaking change since the last release that is not marked as intended', async () => {
    const { unintended } = await compareSchemas(released, readFileSync(SCHEMA_FILE, 'utf8'), readIntended());
    expect(unintended.map((change) => change.message)).toEqual([]);
  });

  it('fails on a removed field unless it is marked as intended, and passes an added one', async () => {
    const removed = released.replace(/\n  orcid: String\n/, '\n');
    expect(removed).not.toBe(released);
    const { unintended } = await compareSchemas(released, removed);
    expect(unintended.map((change) => [change.type, change.path])).toEqual([['FIELD_REMOVED', 'Author.orcid']]);
    const marked = await compareSchemas(released, removed, [{ type: 'FIELD_REMOVED', path: 'Author.orcid', reason: 'a test' }]);
    expect(marked.unintended).toEqual([]);

    const added = released.replace('type YearCount {', 'type YearCount {\n  week: Int');
    const addition = await compareSchemas(released, added);
    expect(addition.unintended).toEqual([]);
    expect(addition.changes.map((change) => [change.type, change.path])).toEqual([['FIELD_ADDED', 'YearCount.week']]);
  });
});
