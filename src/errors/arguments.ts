import { searchTerms, type SearchTerms } from '../domain/search.js';
import { BadInputError } from './coded.js';

/**
 * Checks of arguments that several layers share (the schema, the subgraph selector, the export's
 * query parameters): each returns the value or throws BAD_USER_INPUT naming the argument.
 */

/** A whole-number argument within bounds. */
export function intInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new BadInputError(`\`${name}\` must be between ${min} and ${max}.`, { argument: name });
  }
  return value;
}

/** An optional year argument: four digits. */
export function yearArgument(name: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1000 || value > 9999) throw new BadInputError(`\`${name}\` must be a four-digit year.`, { argument: name });
  return value;
}

/** A `search` argument as the ranking's parameters; it needs a letter or a digit. */
export function searchArgument(text: string, key?: (text: string) => string): SearchTerms {
  const terms = searchTerms(text, key);
  if (!terms) throw new BadInputError('`search` needs at least one letter or digit.', { argument: 'search' });
  return terms;
}
