import { GraphQLError } from 'graphql';

/** Errors a client may see; each carries `extensions.code` so clients can branch on it. */
export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions } });
}

/** A whole-number argument within bounds, or BAD_USER_INPUT naming it. */
export function intInRange(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw badUserInput(`\`${name}\` must be between ${min} and ${max}.`, { argument: name });
  }
  return value;
}

/** An optional year argument: four digits, or BAD_USER_INPUT naming it. */
export function yearArgument(name: string, value: number | null | undefined): number | null {
  if (value == null) return null;
  if (!Number.isInteger(value) || value < 1000 || value > 9999) throw badUserInput(`\`${name}\` must be a four-digit year.`, { argument: name });
  return value;
}

export function ambiguousName(name: string, candidates: string[]): GraphQLError {
  return new GraphQLError(`Several nodes are named "${name}"; ask by id instead (see extensions.candidates).`, {
    extensions: { code: 'AMBIGUOUS_NAME', candidates },
  });
}
