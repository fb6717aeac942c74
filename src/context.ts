import { createLoaders, type Loaders } from './loaders.js';
import type { Repositories } from './repositories/index.js';

export interface Context {
  /** Batched, cached lookups for this request only. */
  loaders: Loaders;
  /** For the questions a request asks once (root lists, paths, ego networks). */
  repositories: Repositories;
}

/** A fresh context, and so fresh loaders and caches, for every request. */
export function createContextFactory(repositories: Repositories) {
  return (): Context => ({ loaders: createLoaders(repositories), repositories });
}
