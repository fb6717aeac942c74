import type { SearchTerms } from '../domain/search.js';
import type { Read } from '../db/read.js';
import { idsByKeys, pagesOf, rootList, rowsByIds, type PageRequest, type PageRow } from './batch.js';

export interface OrganizationRow {
  id: string;
  name: string;
  ror?: string | null;
  country?: string | null;
  city?: string | null;
  /** The id of the institution it is a unit of (PART_OF), if any. */
  partOf?: string | null;
}

export interface OrganizationUnitsRequest extends PageRequest {
  /** Whether the organization's units (PART_OF, any depth) count as the organization. */
  includeSubUnits: boolean;
}

export interface MemberRow extends PageRow {
  paperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface CollaboratorRow extends PageRow {
  sharedPaperCount: number;
  firstYear: number | null;
  lastYear: number | null;
}

export interface OrganizationPapersRequest extends OrganizationUnitsRequest {
  /** Ids of other organizations each paper must also come from (sorted, deduplicated). */
  sharedWith: string[];
}

export function createOrganizationRepository(read: Read) {
  return {
    organizationsByIds: rowsByIds<OrganizationRow>(read, 'read/organizations-by-ids'),
    organizationIdsByNameKeys: idsByKeys(read, 'read/organization-ids-by-name-key', 'nameKeys'),
    members: pagesOf<OrganizationUnitsRequest, MemberRow>(read, 'read/pages/organization-members'),
    papers: pagesOf<OrganizationPapersRequest>(read, 'read/pages/organization-papers'),
    collaborators: pagesOf<OrganizationUnitsRequest, CollaboratorRow>(read, 'read/pages/organization-collaborators'),
    subUnits: pagesOf<PageRequest>(read, 'read/pages/organization-sub-units'),
    list: rootList<Record<string, never>>(read, 'read/root/organizations'),
    search: rootList<SearchTerms>(read, 'read/root/organizations-search'),
  };
}

export type OrganizationRepository = ReturnType<typeof createOrganizationRepository>;
