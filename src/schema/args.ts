import { builder } from './builder.js';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from './pagination.js';

/** The arguments of every connection: forward, keyset pagination. */
export const pageArgs = builder.args((t) => ({
  first: t.int({ description: `Page size, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }),
  after: t.string({ description: 'The `endCursor` of the previous page.' }),
}));

/** Bounds of a list argument given as `first` on a plain (unpaged) list. */
export const listFirstArg = builder.args((t) => ({
  first: t.int({ description: `How many, 1 to ${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).` }),
}));

/** Whether an organization's units (PART_OF, any depth) count as the organization: its papers, members, collaborators. */
export const subUnitArgs = builder.args((t) => ({
  includeSubUnits: t.boolean({
    defaultValue: true,
    description: 'Count its units (departments, labs: `subUnits`, at any depth) as the organization too. False: only what names the organization itself.',
  }),
}));
