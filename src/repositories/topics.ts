import type { SearchTerms } from '../domain/search.js';
import type { Read } from '../db/read.js';
import { idsByKeys, listsByIds, pagesOf, rootList, rowsByIds, type PageRequest, type PageRow } from './batch.js';

export interface TopicRow {
  id: string;
  name: string;
  code?: string | null;
  scheme: string;
}

export interface YearCountRow {
  year: number;
  paperCount: number;
}

export interface TopAuthorRow extends PageRow {
  paperCount: number;
}

export function createTopicRepository(read: Read) {
  return {
    topicsByIds: rowsByIds<TopicRow>(read, 'read/topics-by-ids'),
    topicIdsByCodes: idsByKeys(read, 'read/topic-ids-by-code', 'codes'),
    trendsByTopicIds: listsByIds<YearCountRow>(read, 'read/topic-trends'),
    papers: pagesOf<PageRequest>(read, 'read/pages/topic-papers'),
    topAuthors: pagesOf<PageRequest, TopAuthorRow>(read, 'read/pages/topic-top-authors'),
    list: rootList<{ scheme: string | null }>(read, 'read/root/topics'),
    search: rootList<{ scheme: string | null } & SearchTerms>(read, 'read/root/topics-search'),
  };
}

export type TopicRepository = ReturnType<typeof createTopicRepository>;
