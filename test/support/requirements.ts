import { it } from 'vitest';

/** CI=true (or 1), as CI services and .ci/run set it. */
export const inCI = /^(true|1)$/i.test(process.env.CI ?? '');

/**
 * Whether tests that need something of the machine (a browser, nginx, the shared data in
 * ../shared/data) should be skipped: `missing` says what is absent, undefined when nothing is.
 * Locally they are skipped with a warning, so a fresh checkout runs what it can. In CI they are
 * not allowed to pass by skipping: a failing test in their place names what is missing.
 */
export function skipWithout(what: string, missing: string | undefined): boolean {
  if (!missing) return false;
  if (inCI) {
    it(`${what} (cannot run: ${missing})`, () => {
      throw new Error(`${what} cannot run in CI: ${missing}`);
    });
  } else console.warn(`Skipping ${what}: ${missing}`);
  return true;
}
