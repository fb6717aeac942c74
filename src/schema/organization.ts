import { SEARCH_RANKING } from '../domain/search.js';
import { searchArgument } from '../errors/arguments.js';
import { institutionKey } from '../ingest/affiliations/identity.js';
import { pageArgs, subUnitArgs } from './args.js';
import { builder } from './builder.js';
import { pageCost } from './cost.js';
import { loadByIdOrKey } from './lookup.js';
import { loadConnection, loadRootConnection } from './pagination.js';
import { CollaboratorConnection, MemberConnection, OrganizationConnection, OrganizationRef, PaperConnection } from './refs.js';

builder.node(OrganizationRef, {
  description: 'A university, company or lab that papers come from.',
  id: { resolve: (organization) => organization.id },
  loadMany: (ids, { loaders }) => ids.map((id) => loaders.organization.load(id)),
  fields: (t) => ({
    name: t.exposeString('name', { description: 'The name as its source gives it.' }),
    ror: t.exposeString('ror', { nullable: true, description: 'Research Organization Registry id, where known.' }),
    country: t.exposeString('country', { description: 'ISO 3166-1 alpha-2 country code, where known.', nullable: true }),
    city: t.exposeString('city', { description: 'The city an affiliation gave, where known.', nullable: true }),
    parent: t.field({
      type: OrganizationRef,
      nullable: true,
      description: 'The institution this is a unit of (a department of its university, a lab of its company); null for an institution.',
      resolve: (organization, _args, { loaders }) => (organization.partOf ? loaders.organization.load(organization.partOf) : null),
    }),
    subUnits: t.field({
      type: OrganizationConnection,
      complexity: pageCost,
      description: 'Its units (departments, schools, labs) that affiliations name, by name: the direct ones; each has its own.',
      args: pageArgs,
      resolve: (organization, page, { loaders }) =>
        loadConnection(loaders.organizationSubUnits, loaders.organization, { parentId: organization.id }, page),
    }),
    members: t.field({
      type: MemberConnection,
      complexity: pageCost,
      description: 'Authors affiliated with it (and, by default, with its units), most papers first.',
      args: { ...pageArgs, ...subUnitArgs },
      resolve: (organization, { includeSubUnits, ...page }, { loaders }) =>
        loadConnection(loaders.organizationMembers, loaders.author, { parentId: organization.id, includeSubUnits: includeSubUnits ?? true }, page),
    }),
    papers: t.field({
      type: PaperConnection,
      complexity: pageCost,
      description: 'Papers a source attributes to it (and, by default, to its units), newest first.',
      args: {
        ...pageArgs,
        ...subUnitArgs,
        sharedWith: t.arg.globalIDList({
          for: OrganizationRef,
          description: 'Only papers every one of these organizations is also on: the papers behind a collaboration.',
        }),
      },
      resolve: (organization, { sharedWith, includeSubUnits, ...page }, { loaders }) => {
        const others = [...new Set((sharedWith ?? []).map((other) => other.id))].sort();
        return loadConnection(loaders.organizationPapers, loaders.paper, { parentId: organization.id, sharedWith: others, includeSubUnits: includeSubUnits ?? true }, page);
      },
    }),
    collaborators: t.field({
      type: CollaboratorConnection,
      complexity: pageCost,
      description: 'Other organizations on the same papers (by default its units\' papers too), with how many they share; never its own units or the institution it is part of.',
      args: { ...pageArgs, ...subUnitArgs },
      resolve: (organization, { includeSubUnits, ...page }, { loaders }) =>
        loadConnection(loaders.organizationCollaborators, loaders.organization, { parentId: organization.id, includeSubUnits: includeSubUnits ?? true }, page),
    }),
  }),
});

builder.queryFields((t) => ({
  organization: t.field({
    type: OrganizationRef,
    nullable: true,
    description: 'One organization, by id or by name (normalized; AMBIGUOUS_NAME when several share it). Unknown: null.',
    args: { id: t.arg.globalID({ description: 'Global id of the organization. Give `id` or `name`, not both.', for: OrganizationRef }), name: t.arg.string({ description: 'The name, matched ignoring case, accents, punctuation, extra spaces and a leading "The"; a unit as "<unit>, <institution>".' }) },
    resolve: (_root, { id, name }, { loaders }) =>
      loadByIdOrKey({
        typename: 'Organization', keyArgument: 'name', id, asked: name, key: institutionKey,
        nodes: loaders.organization, idsByKey: loaders.organizationIdsByNameKey,
      }),
  }),
  organizations: t.field({
    type: OrganizationConnection,
    complexity: pageCost,
    description: `Organizations by name; with \`search\`, those whose name has its words. ${SEARCH_RANKING('the one on more papers')}`,
    args: {
      search: t.arg.string({ description: 'Words of the name, the last may be the start of a word (at least one letter or digit); without it, all organizations by name.' }),
      ...pageArgs,
    },
    resolve: (_root, { search, ...page }, { loaders, repositories }) =>
      search == null
        ? loadRootConnection(repositories.organizations.list, loaders.organization, {}, page)
        : loadRootConnection(repositories.organizations.search, loaders.organization, searchArgument(search, institutionKey), page),
  }),
}));
