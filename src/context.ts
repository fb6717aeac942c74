import { createAuthenticator, type Auth } from './auth.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Repositories, RepositoriesFor } from './repositories/index.js';
import { requestScopeOf } from './request-scope.js';

export interface Context {
  /** Batched, cached lookups for this request only. */
  loaders: Loaders;
  /** For the questions a request asks once (root lists, paths, ego networks). */
  repositories: Repositories;
  auth: Auth;
  request: Request;
}

/**
 * A fresh context for every request: fresh loaders and caches, and repositories that count the
 * statements they send for this request (its scope, src/request-scope.ts).
 */
export function createContextFactory(repositoriesFor: RepositoriesFor, apiTokens: readonly string[]) {
  const authenticate = createAuthenticator(apiTokens);
  return ({ request }: { request: Request }): Context => {
    const repositories = repositoriesFor(requestScopeOf(request) ?? { statements: 0 });
    return { loaders: createLoaders(repositories), repositories, auth: authenticate(request.headers), request };
  };
}
