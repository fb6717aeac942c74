/** Venues (OpenAlex sources): journals and conferences, a count that grows with the corpus, and arXiv. */
import { ADJECTIVES, TASKS, VENUES } from '../words.js';
import { OPENALEX, type SnapshotIds } from './ids.js';

export interface SourceRef {
  id: string;
  display_name: string;
  issn_l: string | null;
  issn: string[] | null;
  is_oa: boolean;
  is_in_doaj: boolean;
  host_organization: string | null;
  type: string;
}

const FORMS = ['Journal of', 'Transactions on', 'Proceedings of the Conference on', 'Letters in', 'Annals of'];

export const sourceCount = (authors: number) => Math.min(50_000, Math.max(VENUES.length, Math.round(authors / 2_000)));

export class Sources {
  private readonly refs: SourceRef[] = [];
  readonly arxiv: SourceRef;
  constructor(ids: SnapshotIds, readonly count: number) {
    for (let k = 0; k < count; k++) {
      const name = k < VENUES.length ? VENUES[k]! : `${FORMS[k % FORMS.length]} ${ADJECTIVES[Math.floor(k / 5) % ADJECTIVES.length]} ${TASKS[Math.floor(k / 100) % TASKS.length]}${k >= 4_000 ? ` ${String.fromCharCode(65 + (Math.floor(k / 4_000) % 26))}` : ''}`;
      const issn = `${String(1000 + (k % 9000)).padStart(4, '0')}-${String(k % 10_000).padStart(4, '0')}`;
      const conference = name.startsWith('Proceedings') || name.startsWith('Conference') || name.startsWith('Symposium') || name.startsWith('Workshop');
      this.refs.push({
        id: OPENALEX + ids.source(k + 1),
        display_name: name,
        issn_l: conference ? null : issn,
        issn: conference ? null : [issn],
        is_oa: k % 4 === 0,
        is_in_doaj: k % 8 === 0,
        host_organization: null,
        type: conference ? 'conference' : 'journal',
      });
    }
    this.arxiv = {
      id: OPENALEX + ids.source(0),
      display_name: 'arXiv (Cornell University)',
      issn_l: null,
      issn: null,
      is_oa: true,
      is_in_doaj: false,
      host_organization: null,
      type: 'repository',
    };
  }
  ref(k: number): SourceRef {
    return this.refs[k]!;
  }
}
