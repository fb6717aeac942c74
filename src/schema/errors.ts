import { GraphQLError } from 'graphql';

/** Errors a client may see; each carries `extensions.code` so clients can branch on it. */
export function badUserInput(message: string, extensions: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...extensions } });
}

export function ambiguousName(name: string, candidates: string[]): GraphQLError {
  return new GraphQLError(`Several nodes are named "${name}"; ask by id instead (see extensions.candidates).`, {
    extensions: { code: 'AMBIGUOUS_NAME', candidates },
  });
}
