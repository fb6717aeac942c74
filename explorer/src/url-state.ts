/** The view in the URL's query string, so that a view can be shared or bookmarked. */

export interface ViewParams {
  mode: 'authors' | 'organizations';
  /** Global id of the author (authors mode) or organization (organizations mode) at the centre. */
  centre: string | null;
  depth: number;
  minSharedPapers: number;
  yearFrom: number | null;
  yearTo: number | null;
  /** Global id of the author a path was asked to. */
  pathTo: string | null;
  /** What authors are coloured by (`colour=community`); organizations are always by themselves. */
  colourBy: 'organization' | 'community';
}

export const DEFAULT_VIEW: ViewParams = { mode: 'authors', centre: null, depth: 1, minSharedPapers: 1, yearFrom: null, yearTo: null, pathTo: null, colourBy: 'organization' };

const int = (value: string | null, min: number, max: number): number | null => {
  const number = Number(value);
  return value !== null && value !== '' && Number.isInteger(number) && number >= min && number <= max ? number : null;
};

export function readView(search = location.search): ViewParams {
  const query = new URLSearchParams(search);
  const mode = query.get('mode') === 'organizations' ? 'organizations' : 'authors';
  return {
    mode,
    centre: query.get(mode === 'organizations' ? 'organization' : 'author'),
    depth: int(query.get('depth'), 1, 3) ?? DEFAULT_VIEW.depth,
    minSharedPapers: int(query.get('min'), 1, 1000) ?? DEFAULT_VIEW.minSharedPapers,
    yearFrom: int(query.get('from'), 1000, 3000),
    yearTo: int(query.get('to'), 1000, 3000),
    pathTo: query.get('path'),
    colourBy: query.get('colour') === 'community' ? 'community' : 'organization',
  };
}

export function writeView(view: ViewParams) {
  const query = new URLSearchParams();
  if (view.mode === 'organizations') query.set('mode', 'organizations');
  if (view.centre) query.set(view.mode === 'organizations' ? 'organization' : 'author', view.centre);
  if (view.depth !== DEFAULT_VIEW.depth) query.set('depth', String(view.depth));
  if (view.minSharedPapers !== DEFAULT_VIEW.minSharedPapers) query.set('min', String(view.minSharedPapers));
  if (view.yearFrom != null) query.set('from', String(view.yearFrom));
  if (view.yearTo != null) query.set('to', String(view.yearTo));
  if (view.pathTo) query.set('path', view.pathTo);
  if (view.colourBy !== DEFAULT_VIEW.colourBy) query.set('colour', view.colourBy);
  const text = query.toString();
  history.replaceState(null, '', text ? `?${text}` : location.pathname);
}
