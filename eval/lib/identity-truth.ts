import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parsePaperlistItem } from '../../src/ingest/formats/paperlist.js';
import { checkRecord } from '../../src/ingest/record.js';

/**
 * The true person of each byline entry of the paper lists that carries an OpenReview profile id
 * (`~First_Last1`), read as the importer reads the files (parsePaperlistItem, checkRecord): the
 * record (`file#index`), the position on the byline (1-based, as AUTHORED.position), the name.
 */
export interface TrueAuthorship {
  recordId: string;
  position: number;
  name: string;
  truth: string;
}

/** The id-carrying authorships of one paper list (its items as parsed JSON, its file name for conference and year). */
export function trueAuthorshipsOf(items: unknown[], file: string): TrueAuthorship[] {
  const found: TrueAuthorship[] = [];
  items.forEach((item, index) => {
    const parsed = parsePaperlistItem(item, index, { file });
    if (!('record' in parsed)) return;
    const checked = checkRecord(parsed.record);
    if (!('record' in checked)) return;
    const { record } = checked;
    record.authors.forEach((author, i) => {
      if (author.openreviewId?.startsWith('~')) found.push({ recordId: record.recordId, position: i + 1, name: author.name, truth: author.openreviewId });
    });
  });
  return found;
}

/** The id-carrying authorships of the paper list files. */
export const trueAuthorships = (files: readonly string[]): TrueAuthorship[] =>
  files.flatMap((file) => trueAuthorshipsOf(JSON.parse(readFileSync(file, 'utf8')) as unknown[], basename(file)));
