import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse, print } from 'graphql';
import { describe, expect, it } from 'vitest';
import { EXAMPLE_OPERATIONS } from '../../src/http/example-operations.js';
import { projectRoot } from '../../src/paths.js';

/**
 * The docs (README.md and docs/*.md) keep their links true. The check is remark-validate-links
 * run by remark-cli, as `npm run lint:docs` runs it: offline, it resolves every relative link
 * and #anchor to a file and a heading (GitHub's slugs). Its settings are `remarkConfig` in
 * package.json; `repository: false` because it would otherwise ask git for an `origin` remote,
 * which a worktree or an unpacked tarball may lack, and links to our own hosted URLs are not
 * what it is for.
 */
const remarkCli = join(projectRoot, 'node_modules', 'remark-cli', 'cli.js');

/** A run takes about 4 s on an idle 2-core machine (a Node process loading remark), far more under load. */
const CHECK_TIMEOUT_MS = 60_000;

async function checkLinks(...paths: string[]): Promise<{ ok: boolean; report: string }> {
  try {
    await promisify(execFile)(process.execPath, [remarkCli, '--frail', '--quiet', '--no-stdout', '--no-color', ...paths], { cwd: projectRoot, encoding: 'utf8' });
    return { ok: true, report: '' };
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    return { ok: false, report: `${stderr ?? ''}${stdout ?? ''}` };
  }
}

describe('the docs', () => {
  it('have no relative link or #anchor that names a missing file or heading (npm run lint:docs)', async () => {
    const { ok, report } = await checkLinks('README.md', 'docs');
    expect(report).toBe('');
    expect(ok).toBe(true);
  }, CHECK_TIMEOUT_MS);

  it('are checked by a link checker that reports a missing heading, page, and heading of another page', async () => {
    const { ok, report } = await checkLinks('test/fixtures/docs-links/broken.md', 'README.md');
    expect(ok).toBe(false);
    expect(report).toMatch(/Cannot find heading for `#no-such-heading`\s+missing-heading /);
    expect(report).toContain('Cannot find file `no-such-page.md`');
    expect(report).toMatch(/Cannot find heading for `#no-such-heading` in `(\.\.\/)+README\.md`/);
    expect(report).toContain('3 warnings');
  }, CHECK_TIMEOUT_MS);

  it('list every npm script in the npm scripts table of docs/operating.md', () => {
    const scripts = Object.keys((JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts);
    const page = readFileSync(join(projectRoot, 'docs', 'operating.md'), 'utf8');
    const table = page.slice(page.indexOf('\n## npm scripts\n'));
    // `prepare` is npm's own hook, named in the row of what it runs.
    const missing = scripts.filter((name) => !table.includes(`\`npm run ${name}`) && !table.includes(`\`npm ${name}\``) && !table.includes(`(\`${name}\`)`));
    expect(missing).toEqual([]);
  });

  it("show in the README the first GraphiQL tab (comments aside) with its variables", () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const [, query, variables] = /```graphql\n([\s\S]*?)```\s*with `(\{.*?\})`/.exec(readme) ?? [];
    const [first] = EXAMPLE_OPERATIONS;
    expect(print(parse(query!))).toBe(print(parse(first!.query)));
    expect(JSON.parse(variables!)).toEqual(first!.variables);
  });
});
