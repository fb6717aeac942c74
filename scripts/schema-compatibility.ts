/**
 * The breaking-change guard: compares the printed SDL (schema/schema.graphql) with the SDL of
 * the last release (schema/release.graphql) through @graphql-inspector/core, and lists every
 * breaking change not marked as intended in schema/intended-breaking-changes.json.
 *
 *   npm run schema:check      lists the changes; exits 1 on an unintended breaking one
 *   npm run schema:release    the current SDL becomes the release's; the intended list empties
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { buildSchema } from 'graphql';
import { projectRoot } from '../src/paths.js';

export const SCHEMA_FILE = join(projectRoot, 'schema/schema.graphql');
export const RELEASE_FILE = join(projectRoot, 'schema/release.graphql');
export const INTENDED_FILE = join(projectRoot, 'schema/intended-breaking-changes.json');

/** A breaking change a release makes on purpose: its kind and path as the diff names them, and why. */
export interface IntendedChange {
  type: string;
  path: string;
  reason: string;
}

export interface Compatibility {
  changes: Change[];
  /** Breaking changes that are not in the intended list: each one fails the check. */
  unintended: Change[];
}

export async function compareSchemas(releasedSdl: string, currentSdl: string, intended: readonly IntendedChange[] = []): Promise<Compatibility> {
  const changes = await diff(buildSchema(releasedSdl), buildSchema(currentSdl));
  const isIntended = (change: Change) => intended.some((one) => one.type === change.type && one.path === change.path);
  const unintended = changes.filter((change) => change.criticality.level === CriticalityLevel.Breaking && !isIntended(change));
  return { changes, unintended };
}

export const readIntended = (): IntendedChange[] => JSON.parse(readFileSync(INTENDED_FILE, 'utf8')) as IntendedChange[];

async function main(command: string | undefined) {
  if (command === 'release') {
    writeFileSync(RELEASE_FILE, readFileSync(SCHEMA_FILE, 'utf8'));
    writeFileSync(INTENDED_FILE, '[]\n');
    console.log('schema/release.graphql is now the current SDL; the list of intended breaking changes is empty.');
    return;
  }
  const { changes, unintended } = await compareSchemas(readFileSync(RELEASE_FILE, 'utf8'), readFileSync(SCHEMA_FILE, 'utf8'), readIntended());
  // Descriptions come and go freely: counted, not listed.
  const worthListing = changes.filter((change) => change.criticality.level !== CriticalityLevel.NonBreaking || !change.type.includes('DESCRIPTION'));
  for (const change of worthListing) console.log(`${change.criticality.level.padEnd(13)} ${change.type} ${change.path ?? ''}: ${change.message}`);
  if (unintended.length) {
    console.error(`\n${unintended.length} breaking change(s) not marked as intended. Deprecate first (@deprecated(reason:)), or add {type, path, reason} to schema/intended-breaking-changes.json.`);
    process.exit(1);
  }
  console.log(`\n${changes.length} change(s) since the last release (${changes.length - worthListing.length} to descriptions), no unintended breaking one.`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main(process.argv[2]);
