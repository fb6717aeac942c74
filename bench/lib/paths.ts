import { fileURLToPath } from 'node:url';

/**
 * The project's root folder, found from this file rather than imported from src/, so that the
 * benchmarks do not depend on where the server keeps its own paths module.
 */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
