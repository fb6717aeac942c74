import { createLoaders, type Loaders } from './loaders.js';
import type { Repositories } from './repositories/index.js';

export interface Context {
  loaders: Loaders;
}

/** A fresh context, and so fresh loaders and caches, for every request. */
export function createContextFactory(repositories: Repositories) {
  return (): Context => ({ loaders: createLoaders(repositories) });
}
