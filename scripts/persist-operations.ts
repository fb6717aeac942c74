/** `npm run operations:persist`: writes schema/persisted-operations.json from the explorer's and the README's operations. */
import { writeFileSync } from 'node:fs';
import { PERSISTED_OPERATIONS_FILE } from '../src/http/persisted-operations.js';
import { collectOperations, renderManifest } from './operations-manifest.js';

const operations = collectOperations();
writeFileSync(PERSISTED_OPERATIONS_FILE, renderManifest(operations));
console.log(`Wrote ${operations.length} operations to ${PERSISTED_OPERATIONS_FILE}`);
