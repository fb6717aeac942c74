/** `npm run schema:print`: writes the SDL of the code-first schema to schema/schema.graphql. */
import { writeFileSync } from 'node:fs';
import { SCHEMA_FILE, printedSchema } from '../src/schema/print.js';

writeFileSync(SCHEMA_FILE, printedSchema());
console.log(`Wrote ${SCHEMA_FILE}`);
