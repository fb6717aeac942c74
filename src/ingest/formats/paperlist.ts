import { slug } from '../../domain/normalize.js';
import { parseAffiliation } from '../affiliations/parse.js';
import { cleanAuthorName, decodeByline } from '../names.js';
import type { RecordOrganization, Parsed, Source } from '../record.js';

/**
 * Conference paper lists (one JSON array per conference-year, e.g. iclr2021.json). Fields vary by
 * file: `author` (';' or ', ' separated) or `authors`; OpenReview `authorids` aligned with the
 * authors; `aff`/`affs` per author (';'-aligned; several joined by '+' or numbered) or one string for the paper;
 * `status`; `keywords`; `abstract`; `gs_citation`. Rejected and withdrawn submissions are not
 * publications and are skipped unless asked for.
 */

const NOT_PUBLISHED = new Set(['reject', 'withdraw', 'withdrawn', 'desk reject', 'desk rejected']);

export interface PaperlistOptions {
  /** Conference and year, from the file name: "iclr2021.json" -> ICLR 2021. */
  file: string;
  includeUnpublished?: boolean;
}

export function paperlistSource(file: string): { source: Source; venue: string; year: number } | null {
  const match = /([a-z]+)[-_]?(\d{4})\.json$/i.exec(file);
  if (!match) return null;
  const conference = match[1]!.toLowerCase();
  const year = Number(match[2]);
  const venue = `${conference === 'nips' ? 'NeurIPS' : conference.toUpperCase()} ${year}`;
  return { source: { id: `source:paperlist:${conference}${year}`, kind: 'conference-paper-list', name: `${venue} paper list` }, venue, year };
}

const str = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : undefined);

function splitNames(list: string): string[] {
  const separator = list.includes(';') ? /\s*;\s*/ : /\s*,\s+/;
  return list.split(separator).map((name) => name.trim());
}

/**
 * One affiliation string as the organizations it names (affiliations/parse.ts): an institution,
 * or the unit of it that the string names, PART_OF the institution.
 */
function organizations(part: string): RecordOrganization[] {
  return parseAffiliation(part).map(({ name, subUnit, city, country }) => {
    const institution = { name, ...(city && { city }), ...(country && { country }) };
    return subUnit ? { name: subUnit, ...(country && { country }), partOf: institution } : institution;
  });
}

const OPENREVIEW_ID = /^[A-Za-z0-9_-]{8,14}$/;

function openreviewIdOf(item: Record<string, unknown>): string | undefined {
  const fromUrl = str(item.openreview)?.match(/[?&]id=([A-Za-z0-9_-]+)/)?.[1];
  if (fromUrl) return fromUrl;
  const id = str(item.id);
  return id && OPENREVIEW_ID.test(id) && /[A-Za-z_-]/.test(id) && !id.startsWith('site_') ? id : undefined;
}

export function parsePaperlistItem(item: unknown, index: number, options: PaperlistOptions): Parsed {
  const meta = paperlistSource(options.file);
  if (!meta) return { rejected: `file name ${options.file} does not name a conference and year` };
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return { rejected: 'not a JSON object' };
  const entry = item as Record<string, unknown>;
  const status = str(entry.status) ?? '';
  if (!options.includeUnpublished && NOT_PUBLISHED.has(status.toLowerCase())) return { skipped: `status ${status}` };

  const authorList = entry.author ?? entry.authors;
  if (authorList !== undefined && typeof authorList !== 'string') return { rejected: 'author list is not a string' };
  const names = authorList ? splitNames(decodeByline(authorList)) : [];
  // A blank entry (`A, , B`) is left out like any entry that is not a name; none left: no authors.
  const cleaned = names.map(cleanAuthorName);

  const openreviewAuthors = str(entry.authorids)?.split(/\s*;\s*/);
  const affiliationField = str(entry.aff) ?? str(entry.affs);
  const affiliationParts = affiliationField?.split(/\s*;\s*/);
  const aligned = affiliationParts?.length === names.length;

  const keywords = (str(entry.keywords)?.split(/\s*[;,]\s*/) ?? []).filter((k) => k.length > 1 && k.length <= 100).slice(0, 20);
  const citations = entry.gs_citation;

  return {
    record: {
      source: meta.source,
      recordId: `${options.file}#${index}`,
      title: typeof entry.title === 'string' ? entry.title : entry.title,
      year: meta.year,
      venue: meta.venue,
      abstract: str(entry.abstract),
      openreviewId: openreviewIdOf(entry),
      arxivId: str(entry.arxiv)?.match(/(\d{4}\.\d{4,5})/)?.[1],
      url: str(entry.site) ?? str(entry.oa) ?? str(entry.proceeding),
      codeUrl: str(entry.github),
      citationCount: typeof citations === 'number' && Number.isInteger(citations) && citations >= 0 ? citations : undefined,
      authorListComplete: true,
      // Ids and affiliations align with the byline as printed; names that are not names drop out after.
      authors: names
        .map((_, i) => ({
          name: 'name' in cleaned[i]! ? cleaned[i]!.name : '',
          openreviewId: openreviewAuthors?.length === names.length && openreviewAuthors[i]?.startsWith('~') ? openreviewAuthors[i] : undefined,
          organizations: aligned ? organizations(affiliationParts![i]!) : [],
        }))
        .filter((author) => author.name),
      organizations: affiliationParts && !aligned ? affiliationParts.flatMap(organizations) : [],
      topics: [...new Map(keywords.filter((k) => slug(k)).map((keyword) => [slug(keyword), keyword])).entries()].map(([key, keyword]) => ({
        id: `keyword:${key}`,
        scheme: 'keyword',
        name: keyword,
      })),
    },
    dropped: cleaned.flatMap((name) => ('rejected' in name ? [name.rejected] : [])),
  };
}
