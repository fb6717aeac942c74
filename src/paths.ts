import { fileURLToPath } from 'node:url';

/**
 * The project's root folder (where package.json, cypher/ and schema/ are), the same whether this
 * runs from src/ (tsx, tests) or from dist/ (production): both sit one level below it.
 */
export const projectRoot = fileURLToPath(new URL('..', import.meta.url));
