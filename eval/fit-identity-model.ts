/**
 * `npm run eval:fit-identity`: fits the pair model of author placement (PAIR_MODEL in
 * src/ingest/author-placement.ts) on the real paper lists, in memory (no database): every
 * OpenReview id hidden, each name's authorships grouped by direct evidence as placement groups
 * them (groupsByDirectEvidence), and each pair of groups whose authorships carry ids labelled
 * "one person" or not by the ids. A logistic regression over pairFeatures, fitted on a seeded
 * half of the names, is scored on the other half; the weights are printed to paste into
 * PAIR_MODEL (then `npm run eval:identity` measures what they do to the graph).
 */
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { Command } from 'commander';
import { groupsByDirectEvidence, namePrior, PAIR_MODEL, pairFeatures, type BlockAuthorship, type NameWordCounts } from '../src/ingest/author-placement.js';
import { parsePaperlistItem } from '../src/ingest/formats/paperlist.js';
import { keyOf, organizationKey } from '../src/ingest/identity.js';
import { findFiles } from '../src/ingest/import.js';
import { checkRecord } from '../src/ingest/record.js';
import { sharedDataDir } from '../scripts/shared-data.js';
import { count } from '../bench/lib/cli.js';

const options = new Command('eval:fit-identity')
  .description("fits author placement's pair model on the real paper lists, every OpenReview id hidden")
  .option('--lists <dir>', 'the paper lists', join(sharedDataDir, 'paperlists'))
  .addOption(count('--seed <n>', 'which half of the names the model is fitted on', 0, 1))
  .addOption(count('--iterations <n>', 'gradient descent steps', 1, 3000))
  .option('--max-authors <n>', 'bylines longer than this give no coauthors (the huge-byline rule)', '100')
  .parse()
  .opts<{ lists: string; seed: number; iterations: number; maxAuthors: string }>();

// The authorships of each name as place-authors reads them from the graph, every one loose, with its true person aside.
const blocks = new Map<string, BlockAuthorship[]>();
const truth = new Map<BlockAuthorship, string>();
for (const file of findFiles('paperlist', [options.lists])) {
  const items = JSON.parse(readFileSync(file, 'utf8')) as unknown[];
  items.forEach((item, index) => {
    const parsed = parsePaperlistItem(item, index, { file: basename(file) });
    if (!('record' in parsed)) return;
    const checked = checkRecord(parsed.record);
    if (!('record' in checked)) return;
    const { record } = checked;
    const keys = record.authors.map((author) => keyOf(author.name));
    const paperOrganizations = record.organizations.length === 1 ? [organizationKey(record.organizations[0]!.partOf ?? record.organizations[0]!)] : [];
    record.authors.forEach((author, position) => {
      const authorship: BlockAuthorship = {
        authorId: `author:${keys[position]!.replace(/ /g, '-')}`,
        paperId: record.recordId,
        year: record.year,
        coauthorKeys: keys.length > Number(options.maxAuthors) ? [] : [...new Set(keys.filter((key) => key !== keys[position]))].sort(),
        organizationIds: author.organizations.length ? [...new Set(author.organizations.map((org) => organizationKey(org.partOf ?? org)))].sort() : paperOrganizations,
        topicIds: record.topics.map((topic) => topic.id).sort(),
        loose: true,
      };
      blocks.set(keys[position]!, [...(blocks.get(keys[position]!) ?? []), authorship]);
      if (author.openreviewId) truth.set(authorship, author.openreviewId);
    });
  });
}

const counts: NameWordCounts = { first: new Map(), last: new Map() };
for (const name of blocks.keys()) {
  const words = name.split(' ');
  if (words.length < 2) continue;
  counts.first.set(words[0]!, (counts.first.get(words[0]!) ?? 0) + 1);
  counts.last.set(words.at(-1)!, (counts.last.get(words.at(-1)!) ?? 0) + 1);
}

// Which half a name is in: a hash of the name and the seed, the same on every run.
const half = (name: string) => [...`${options.seed}|${name}`].reduce((h, c) => (Math.imul(h, 31) + c.charCodeAt(0)) | 0, 7) & 1;
const pairs: { features: number[]; same: number; fit: boolean }[] = [];
for (const [name, authorships] of blocks) {
  const groups = groupsByDirectEvidence({ nameKey: name, nameNodeId: authorships[0]!.authorId, authorships });
  if (groups.length < 2) continue;
  // A group's person: the id most of its id-carrying authorships have.
  const personOf = groups.map((group) => {
    const ids = new Map<string, number>();
    for (const member of group.members) if (truth.has(member)) ids.set(truth.get(member)!, (ids.get(truth.get(member)!) ?? 0) + 1);
    return [...ids].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]?.[0];
  });
  const prior = namePrior(name, counts);
  for (let i = 0; i < groups.length; i++) {
    for (let j = i + 1; j < groups.length; j++) {
      if (!personOf[i] || !personOf[j]) continue;
      pairs.push({ features: pairFeatures(groups[i]!, groups[j]!, prior, groups.length).features, same: personOf[i] === personOf[j] ? 1 : 0, fit: half(name) === 0 });
    }
  }
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-Math.max(-30, Math.min(30, z))));
const dot = (w: readonly number[], x: number[]) => x.reduce((sum, value, i) => sum + value * w[i]!, 0);
// Plain batch gradient descent with a little L2: seven weights, a few thousand pairs.
const training = pairs.filter((pair) => pair.fit);
let weights = PAIR_MODEL.map(() => 0);
for (let step = 0; step < options.iterations; step++) {
  const gradient = weights.map(() => 0);
  for (const { features, same } of training) {
    const error = sigmoid(dot(weights, features)) - same;
    features.forEach((value, i) => (gradient[i]! += error * value));
  }
  weights = weights.map((w, i) => w - 0.2 * (gradient[i]! / training.length + 1e-3 * w));
}

const scored = (w: readonly number[], set: typeof pairs) => {
  const right = set.filter(({ features, same }) => (sigmoid(dot(w, features)) > 0.5 ? 1 : 0) === same).length;
  const logLoss = -set.reduce((sum, { features, same }) => sum + Math.log(Math.max(1e-12, same ? sigmoid(dot(w, features)) : 1 - sigmoid(dot(w, features)))), 0) / set.length;
  return `accuracy ${(right / set.length).toFixed(3)}, log loss ${logLoss.toFixed(3)}`;
};
const heldOut = pairs.filter((pair) => !pair.fit);
console.log(`${blocks.size} names; ${pairs.length} pairs of groups whose authorships carry ids (${pairs.filter((p) => p.same).length} one person), fitted on ${training.length}`);
console.log(`held-out half (${heldOut.length} pairs): fitted ${scored(weights, heldOut)}; PAIR_MODEL now ${scored(PAIR_MODEL, heldOut)}`);
console.log(`export const PAIR_MODEL = [${weights.map((w) => w.toFixed(3)).join(', ')}] as const;`);
