/**
 * OpenAlex-shaped snapshots, generated: `generateOpenAlexSnapshot` writes a new one,
 * `addSnapshotUpdate` adds a later partition and merged ids to one it wrote. CLI:
 * `npm run generate -- --format openalex-snapshot --works N --out DIR` (scripts/generate-graph.ts).
 *
 * Layout as OpenAlex publishes it: data/jsonl/<entity>/updated_date=YYYY-MM-DD/part_NNNN.gz
 * (gzipped JSON Lines) for works, authors, institutions, topics, a manifest.json per entity,
 * merged_ids/<entity>/<date>.csv.gz; plus generator.json (the seed and sizes an update needs).
 * Records have the fields of the real works, authors, institutions and topics schemas (a subset:
 * no concepts, counts_by_year, related_works, ...), their content made up from the word lists.
 *
 * Streaming and memory bounded: every fact is a seeded hash of an index (hash.ts), nothing holds
 * the corpus; the authors entity is tallied in a sliding window (authors.ts). Modules: shape.ts
 * (the numbers), ids.ts, names.ts, taxonomy.ts (domain > field > subfield > topic),
 * institutions.ts, sources.ts, authors.ts, works.ts, parts.ts (files and manifests),
 * generate.ts, update.ts.
 */
export { SNAPSHOT_SHAPE } from './shape.js';
export { DELETED_WORK, SnapshotIds } from './ids.js';
export { ENTITIES, type Entity, type Layout, type Manifest, entityDir, mergedIdsDir, readManifest } from './parts.js';
export { DEFAULT_DATE, DEFAULT_PART_SIZE, type GenerateSnapshotOptions, type SnapshotCounts, generateOpenAlexSnapshot } from './generate.js';
export { STATE_FILE, type SnapshotState, contextOf, readState } from './context.js';
export { bylineLengthOf } from './works.js';
export { type SnapshotUpdateCounts, type SnapshotUpdateOptions, addSnapshotUpdate } from './update.js';
