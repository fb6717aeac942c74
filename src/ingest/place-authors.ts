import neo4j from 'neo4j-driver';
import { cypher } from '../db/cypher.js';
import type { Write } from '../db/write.js';
import { namePrior, placeName, type Block, type BlockAuthorship, type NameWordCounts, type PlacementMethod } from './author-placement.js';

/**
 * The graph side of placement (the decisions are author-placement.ts's): after an import, the
 * names whose authorships changed, and the names whose prior changed since they were last placed,
 * are read whole, placed, and written back, a chunk of names per transaction. The marks
 * (PlacementPending) go in the transaction that places them, so a killed run leaves the rest for
 * the next one, and a run with nothing marked reads nothing but the priors.
 */

const q = (name: string) => cypher(`import/${name}`);
const queries = {
  takePending: q('take-pending-placements'),
  countPending: q('count-pending-placements'),
  placedNames: q('placed-names'),
  wordCounts: q('name-word-counts'),
  readBlocks: q('read-name-blocks'),
  move: q('move-authorships'),
  annotate: q('annotate-authorships'),
  markPlaced: q('mark-placed'),
  lock: q('lock-placement'),
  unlock: q('unlock-placement'),
};

export interface PlacementSummary {
  /** Names read and placed. */
  names: number;
  /** Name-only authorships placed, by how (PlacementMethod). */
  placed: Record<string, number>;
  /** Authorships that changed author. */
  moved: number;
  /** Names placed that two or more people have (persons held by ids, or groups set apart). */
  ambiguousNames: number;
}

interface BlockRow {
  nameKey: string;
  authorId: string;
  paperId: string;
  year: number | null;
  loose: boolean;
  method: string | null;
  score: number | null;
  evidence: string[];
  coauthorKeys: string[];
  topicIds: string[];
  organizationIds: string[];
  placedPrior: number | null;
}

/** The prior rounded as it is stored (placedPrior), so that "changed" means changed. */
const rounded = (prior: number) => Math.round(prior * 1e6) / 1e6;

async function wordCounts(write: Write): Promise<NameWordCounts> {
  const counts: NameWordCounts = { first: new Map(), last: new Map() };
  for (const row of (await write.statement(queries.wordCounts)).records) {
    counts[row.get('position') as 'first' | 'last'].set(row.get('word') as string, row.get('names') as number);
  }
  return counts;
}

/** An authorship placement moved to another author (the import report's `placed` lines). */
export interface Move { paperId: string; nameKey: string; from: string; to: string; method: PlacementMethod; score: number | null; evidence: string[] }

/** One chunk of names in one transaction: read, placed, written. */
async function placeNames(write: Write, given: string[], counts: NameWordCounts, maxAuthors: number, takePending: number, total: PlacementSummary, onMoved?: (move: Move) => unknown) {
  // The transaction may run more than once: its figures are added once it commits.
  const { summary, moved } = await write.transaction(async (tx) => {
    const summary: PlacementSummary = { names: 0, placed: {}, moved: 0, ambiguousNames: 0 };
    const moved: Move[] = [];
    await tx.run(queries.lock);
    let nameKeys = given;
    if (takePending) {
      const taken = (await tx.run(queries.takePending, { limit: neo4j.int(takePending) })).records[0]?.get('nameKeys') as string[] | undefined;
      nameKeys = [...new Set([...given, ...(taken ?? [])])];
    }
    if (!nameKeys.length) {
      await tx.run(queries.unlock);
      return { summary, moved };
    }
    const rows = (await tx.run(queries.readBlocks, { nameKeys, maxAuthors })).records.map((record) => record.toObject() as BlockRow);
    const byName = new Map<string, BlockRow[]>();
    for (const row of rows) {
      const block = byName.get(row.nameKey);
      if (block) block.push(row);
      else byName.set(row.nameKey, [row]);
    }
    const moves: Move[] = [];
    const names: Record<string, unknown>[] = [];
    for (const [nameKey, blockRows] of byName) {
      // A paper's loose entries of one name are one authorship (two sources, one byline): placed once, all moved.
      const loosePapers = new Map<string, BlockRow[]>();
      for (const row of blockRows.filter((r) => r.loose)) {
        const same = loosePapers.get(row.paperId);
        if (same) same.push(row);
        else loosePapers.set(row.paperId, [row]);
      }
      const asAuthorship = (row: BlockRow): BlockAuthorship => ({
        authorId: row.authorId, paperId: row.paperId, year: row.year, loose: row.loose,
        // Sorted: the graph returns lists in no set order, and evidence lists must not change with it.
        coauthorKeys: [...new Set(row.coauthorKeys)].filter((key) => key && key !== nameKey).sort(),
        organizationIds: [...row.organizationIds].sort(), topicIds: [...row.topicIds].sort(),
      });
      const block: Block = {
        nameKey,
        nameNodeId: `author:${nameKey.replace(/ /g, '-')}`,
        authorships: [...blockRows.filter((r) => !r.loose), ...[...loosePapers.values()].map((same) => same[0]!)].map(asAuthorship),
      };
      const prior = rounded(namePrior(nameKey, counts));
      const { placements, priorUsed } = placeName(block, prior);
      const targets = new Set<string>();
      const movesBefore = moves.length;
      for (const placement of placements) {
        summary.placed[placement.method] = (summary.placed[placement.method] ?? 0) + 1;
        targets.add(placement.to);
        for (const row of loosePapers.get(placement.paperId)!) {
          // 'name' is stored as no method at all (most authorships of most names: nothing to write).
          const same = row.authorId === placement.to && (row.method ?? 'name') === placement.method && row.score === placement.score && row.evidence.join('\n') === placement.evidence.join('\n');
          if (same) continue;
          const move = { from: row.authorId, to: placement.to, paperId: row.paperId, nameKey, method: placement.method, score: placement.score, evidence: placement.evidence };
          moves.push(move);
          if (row.authorId !== placement.to) moved.push(move);
        }
      }
      const people = new Set([...blockRows.filter((r) => !r.loose).map((r) => r.authorId), ...targets]);
      if (people.size > 1) summary.ambiguousNames++;
      // The prior is kept only where it took part: only there can its change change the outcome.
      const keptPrior = priorUsed ? prior : null;
      if (moves.length > movesBefore || blockRows.some((r) => r.loose && r.placedPrior !== keptPrior)) {
        names.push({
          nameKey, prior: keptPrior, nameNodeId: block.nameNodeId,
          handOverTo: targets.size === 1 ? [...targets][0] : null,
          left: [...new Set(blockRows.filter((r) => r.loose).map((r) => r.authorId))],
        });
      }
      summary.names++;
    }
    // Most placements leave the authorship where it is: a lighter statement for those.
    const staying = moves.filter((move) => move.from === move.to).map(({ from, paperId, method, score, evidence }) => ({ authorId: from, paperId, method, score, evidence }));
    if (staying.length) await tx.run(queries.annotate, { placements: staying });
    if (moved.length) await tx.run(queries.move, { moves: moved });
    if (names.length) await tx.run(queries.markPlaced, { names });
    await tx.run(queries.unlock);
    summary.moved = moved.length;
    return { summary, moved };
  });
  for (const move of moved) await onMoved?.(move);
  total.names += summary.names;
  total.moved += summary.moved;
  total.ambiguousNames += summary.ambiguousNames;
  for (const [method, n] of Object.entries(summary.placed)) total.placed[method] = (total.placed[method] ?? 0) + n;
}

/**
 * Places the name-only authorships of every name an import marked, and of every name placed
 * before whose prior has changed; returns what it did.
 */
export async function placePendingAuthors(
  write: Write,
  { maxAuthorsPerPaper = 100, chunk = 500, onMoved }: { maxAuthorsPerPaper?: number; chunk?: number; onMoved?: (move: Move) => unknown } = {},
): Promise<PlacementSummary> {
  const summary: PlacementSummary = { names: 0, placed: {}, moved: 0, ambiguousNames: 0 };
  const countPending = async () => (await write.statement(queries.countPending)).records[0]!.get('pending') as number;
  // A prior changes only when a name arrives, and a name arrives only with a marked author: with
  // nothing marked (a second call after an import, a write that placed its names already) there
  // is nothing to read, not even the name counts.
  if (!(await countPending())) return summary;
  // Until a pass finds nothing to place: the priors and name counts are read outside the lock, so
  // another import may commit placements made with older counts while this one places (seen with
  // two imports at once: a name kept the prior of half the names). Its last pass, after its own
  // placements, sees theirs; an import still writing then makes the same check when it ends.
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const placed = (await write.statement(queries.placedNames)).records.map((r) => ({ nameKey: r.get('nameKey') as string, prior: r.get('prior') as number }));
    const counts = await wordCounts(write);
    const changed = [...new Set(placed.filter(({ nameKey, prior }) => rounded(namePrior(nameKey, counts)) !== prior).map(({ nameKey }) => nameKey))];
    // The first pass has marks to place (counted above); a later one stops when nothing changed.
    if (pass > 0 && !changed.length && !(await countPending())) break;
    for (let start = 0; start < changed.length; start += chunk) await placeNames(write, changed.slice(start, start + chunk), counts, maxAuthorsPerPaper, 0, summary, onMoved);
    while (await countPending()) await placeNames(write, [], counts, maxAuthorsPerPaper, chunk, summary, onMoved);
  }
  return summary;
}

/** Passes of placePendingAuthors at most: each settles what the writes before it left. */
const MAX_PASSES = 10;

export type { PlacementMethod };
