import type { Read } from '../db/read.js';
import { rowsByIds } from './batch.js';

export interface SourceRow {
  id: string;
  kind: string;
  name: string;
}

export function createSourceRepository(read: Read) {
  return { sourcesByIds: rowsByIds<SourceRow>(read, 'read/sources-by-ids') };
}
