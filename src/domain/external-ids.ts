/**
 * External ids as users paste them, brought to the short form the graph stores them in (the
 * form src/ingest/formats/openalex.ts writes): an OpenAlex id `A5023888391` / `W2741809807`, an
 * ORCID `0000-0003-3260-0660`, a DOI in lower case without `https://doi.org/`, an arXiv id
 * without its version (`2101.00001`, `hep-th/9901001`). Each function returns the short form,
 * or null when the text is not such an id at all (the API answers that with BAD_USER_INPUT).
 */

export type ExternalIdKind = 'openalexAuthor' | 'openalexWork' | 'orcid' | 'doi' | 'arxiv';

/** What each kind looks like, for error messages. */
export const EXTERNAL_ID_EXAMPLES: Record<ExternalIdKind, string> = {
  openalexAuthor: 'an OpenAlex author id such as A5023888391 or https://openalex.org/A5023888391',
  openalexWork: 'an OpenAlex work id such as W2741809807 or https://openalex.org/W2741809807',
  orcid: 'an ORCID iD such as 0000-0003-3260-0660 or https://orcid.org/0000-0003-3260-0660',
  doi: 'a DOI such as 10.1038/nature12373, https://doi.org/10.1038/nature12373 or doi:10.1038/nature12373',
  arxiv: 'an arXiv id such as 2101.00001, arXiv:2101.00001v2, https://arxiv.org/abs/2101.00001 or hep-th/9901001',
};

/** Longer than any id of these kinds: refused before any pattern runs on it. */
const MAX_LENGTH = 500;

/** `https://`, `http://` or nothing, then an optional `www.`. */
const WEB = String.raw`(?:https?:\/\/)?(?:www\.)?`;

const OPENALEX = (letter: 'A' | 'W', entity: 'authors' | 'works') =>
  new RegExp(String.raw`^(?:${WEB}(?:api\.)?openalex\.org\/(?:${entity}\/)?|openalex:)?(${letter}\d{1,15})$`, 'i');
const OPENALEX_AUTHOR = OPENALEX('A', 'authors');
const OPENALEX_WORK = OPENALEX('W', 'works');

const ORCID = new RegExp(String.raw`^(?:${WEB}orcid\.org\/|orcid:)?(\d{4})-?(\d{4})-?(\d{4})-?(\d{3}[\dX])$`, 'i');

/** `https://doi.org/`, `http://dx.doi.org/`, `doi.org/`, `doi:` (any case) or nothing, then `10.<registrant>/<suffix>`. */
const DOI = new RegExp(String.raw`^(?:${WEB}(?:dx\.)?doi\.org\/|doi:\s*)?(10\.\d{4,9}(?:\.\d+)*\/\S+)$`, 'i');

/** New-style (since 2007) `YYMM.NNNN` / `YYMM.NNNNN`, old-style `archive(.SC)/YYMMNNN`, each with an optional version. */
const ARXIV_NEW = String.raw`(\d{4}\.\d{4,5})`;
const ARXIV_OLD = String.raw`([a-z]+(?:-[a-z]+)*)(?:\.[a-z]{2})?\/(\d{7})`;
const ARXIV = new RegExp(
  String.raw`^(?:${WEB}(?:export\.)?arxiv\.org\/(?:abs|pdf)\/|arxiv:)?(?:${ARXIV_NEW}|${ARXIV_OLD})(?:v\d+)?(?:\.pdf)?$`,
  'i',
);

const prepared = (text: string): string | null => {
  const trimmed = text.trim();
  return trimmed.length === 0 || trimmed.length > MAX_LENGTH ? null : trimmed;
};

/** `A5023888391` from `A5023888391`, `a5023888391`, `https://openalex.org/A5023888391`, `https://api.openalex.org/authors/A5023888391`. */
export function normalizeOpenalexAuthorId(text: string): string | null {
  const match = prepared(text)?.match(OPENALEX_AUTHOR);
  return match ? match[1]!.toUpperCase() : null;
}

/** `W2741809807` from the same forms as authors' ids (`…/works/W…`). */
export function normalizeOpenalexWorkId(text: string): string | null {
  const match = prepared(text)?.match(OPENALEX_WORK);
  return match ? match[1]!.toUpperCase() : null;
}

/** `0000-0003-3260-0660` from itself, `https://orcid.org/…`, `orcid:…`, without hyphens, a final `x` as `X`. The checksum is not checked. */
export function normalizeOrcid(text: string): string | null {
  const match = prepared(text)?.match(ORCID);
  return match ? match.slice(1, 5).join('-').toUpperCase() : null;
}

/** `10.1038/nature12373` from `https://doi.org/10.1038/NATURE12373`, `doi:10.1038/…`, `DOI: 10.1038/…`; a URL's escapes (`%2F`) decoded. */
export function normalizeDoi(text: string): string | null {
  const trimmed = prepared(text);
  if (!trimmed) return null;
  const match = trimmed.match(DOI);
  if (!match) return null;
  let doi = match[1]!;
  if (/%[0-9a-f]{2}/i.test(doi) && /doi\.org\//i.test(trimmed)) {
    try {
      doi = decodeURIComponent(doi);
    } catch {
      return null;
    }
  }
  return doi.toLowerCase();
}

/** `2101.00001` from `arXiv:2101.00001`, `https://arxiv.org/abs/2101.00001v2`, `…/pdf/2101.00001v1.pdf`; `hep-th/9901001` from `hep-th/9901001v3`, `math.GT/0309136` -> `math/0309136`. */
export function normalizeArxivId(text: string): string | null {
  const match = prepared(text)?.match(ARXIV);
  if (!match) return null;
  return match[1] ?? `${match[2]!.toLowerCase()}/${match[3]!}`;
}

const NORMALIZERS: Record<ExternalIdKind, (text: string) => string | null> = {
  openalexAuthor: normalizeOpenalexAuthorId,
  openalexWork: normalizeOpenalexWorkId,
  orcid: normalizeOrcid,
  doi: normalizeDoi,
  arxiv: normalizeArxivId,
};

/** The short form of an id of the given kind, or null when the text is not one. */
export function normalizeExternalId(kind: ExternalIdKind, text: string): string | null {
  return NORMALIZERS[kind](text);
}
