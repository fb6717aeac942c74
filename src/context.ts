import { createAuthenticator, type Auth } from './auth.js';
import { createLoaders, type Loaders } from './loaders.js';
import type { Repositories } from './repositories/index.js';

export interface Context {
  /** Batched, cached lookups for this request only. */
  loaders: Loaders;
  /** For the questions a request asks once (root lists, paths, ego networks). */
  repositories: Repositories;
  auth: Auth;
}

/** A fresh context, and so fresh loaders and caches, for every request. */
export function createContextFactory(repositories: Repositories, apiTokens: readonly string[]) {
  const authenticate = createAuthenticator(apiTokens);
  return ({ request }: { request: Request }): Context => ({
    loaders: createLoaders(repositories),
    repositories,
    auth: authenticate(request.headers),
  });
}
