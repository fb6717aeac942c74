import { encodeGlobalID } from '@pothos/plugin-relay';
import type DataLoader from 'dataloader';
import { ambiguousName } from './errors.js';

/**
 * Finds the one node a name (or code) names: null when none does, AMBIGUOUS_NAME with the
 * candidates' global ids when several do.
 */
export async function findOneByName(
  loader: DataLoader<string, string[]>,
  key: string,
  asked: string,
  typename: string,
): Promise<string | null> {
  if (!key) return null;
  const ids = await loader.load(key);
  if (ids.length > 1) throw ambiguousName(asked, ids.map((id) => encodeGlobalID(typename, id)));
  return ids[0] ?? null;
}
