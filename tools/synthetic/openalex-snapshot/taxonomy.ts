/**
 * The topic hierarchy, OpenAlex-shaped: 4 domains, 6 fields each, 8 subfields a field, 8 topics a
 * subfield (1,536 topics). Ids as OpenAlex writes them: domains/1..4, fields/11..34,
 * subfields/<field><nn>, T10001..; names made from the generator's word lists.
 */
import { DOMAINS as AREAS, METHODS, TASKS, TOPICS as FIELDS } from '../words.js';
import { OPENALEX } from './ids.js';

const DOMAIN_NAMES = ['Formal Sciences', 'Computing Sciences', 'Applied Sciences', 'Human Sciences'];
export const FIELDS_PER_DOMAIN = 6;
export const SUBFIELDS_PER_FIELD = 8;
export const TOPICS_PER_SUBFIELD = 8;
export const TOPIC_COUNT = DOMAIN_NAMES.length * FIELDS_PER_DOMAIN * SUBFIELDS_PER_FIELD * TOPICS_PER_SUBFIELD;

interface Ref {
  id: string;
  display_name: string;
}
export interface TopicFacts {
  id: string;
  display_name: string;
  subfield: Ref;
  field: Ref;
  domain: Ref;
}

const topics: TopicFacts[] = [];
for (let t = 0; t < TOPIC_COUNT; t++) {
  const s = Math.floor(t / TOPICS_PER_SUBFIELD);
  const f = Math.floor(s / SUBFIELDS_PER_FIELD);
  const d = Math.floor(f / FIELDS_PER_DOMAIN);
  const fieldCode = 11 + f;
  topics.push({
    id: `${OPENALEX}T${10_001 + t}`,
    display_name: `${METHODS[t % METHODS.length]} for ${TASKS[Math.floor(t / METHODS.length) % TASKS.length]}`,
    subfield: { id: `${OPENALEX}subfields/${fieldCode * 100 + 1 + (s % SUBFIELDS_PER_FIELD)}`, display_name: `${FIELDS[f]![1]}: ${AREAS[s % AREAS.length]}` },
    field: { id: `${OPENALEX}fields/${fieldCode}`, display_name: FIELDS[f]![1] },
    domain: { id: `${OPENALEX}domains/${d + 1}`, display_name: DOMAIN_NAMES[d]! },
  });
}

export const topicFacts = (index: number): TopicFacts => topics[index]!;

export function topicRecord(index: number, date: string) {
  const topic = topics[index]!;
  return {
    id: topic.id,
    display_name: topic.display_name,
    description: `Research on ${topic.display_name.toLowerCase()} within ${topic.subfield.display_name.toLowerCase()}.`,
    keywords: topic.display_name.split(' for ').map((part) => part.toLowerCase()),
    ids: { openalex: topic.id },
    subfield: topic.subfield,
    field: topic.field,
    domain: topic.domain,
    updated_date: `${date}T00:00:00.000000`,
    created_date: '2024-01-23',
  };
}
