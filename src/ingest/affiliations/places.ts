/**
 * Places an affiliation string names after its institution: countries (to ISO 3166-1 alpha-2),
 * US states and Canadian provinces, postcodes and street addresses. Only what the paper lists
 * print is listed; a name not here is not taken for a place (a wrong place would drop a name).
 */

const COUNTRIES: Record<string, string[]> = {
  US: ['USA', 'U.S.A.', 'US', 'U.S.', 'United States', 'United States of America', 'America'],
  GB: ['UK', 'U.K.', 'United Kingdom', 'England', 'Scotland', 'Wales', 'Great Britain', 'Northern Ireland'],
  CN: ['China', 'P.R. China', 'PR China', 'P. R. China', 'PRC', "People's Republic of China", 'P.R.China', 'Mainland China'],
  HK: ['Hong Kong', 'Hong Kong SAR', 'HKSAR', 'Hong Kong SAR China', 'Hong Kong China'],
  MO: ['Macau', 'Macao'],
  TW: ['Taiwan', 'Taiwan ROC', 'R.O.C.', 'ROC'],
  KR: ['Korea', 'South Korea', 'Republic of Korea', 'Korea Republic of', 'Korea South'],
  JP: ['Japan'], SG: ['Singapore'], IN: ['India'], IL: ['Israel'], CA: ['Canada'], AU: ['Australia'],
  NZ: ['New Zealand'], DE: ['Germany', 'Deutschland'], FR: ['France'], IT: ['Italy', 'Italia'],
  ES: ['Spain', 'España'], PT: ['Portugal'], NL: ['Netherlands', 'The Netherlands', 'Holland'],
  BE: ['Belgium'], CH: ['Switzerland', 'Suisse', 'Schweiz'], AT: ['Austria'], DK: ['Denmark'],
  SE: ['Sweden'], NO: ['Norway'], FI: ['Finland'], IS: ['Iceland'], IE: ['Ireland'], PL: ['Poland'],
  CZ: ['Czech Republic', 'Czechia'], HU: ['Hungary'], GR: ['Greece'], TR: ['Turkey', 'Türkiye'],
  RU: ['Russia', 'Russian Federation'], UA: ['Ukraine'], RO: ['Romania'], BR: ['Brazil', 'Brasil'],
  MX: ['Mexico'], AR: ['Argentina'], CL: ['Chile'], CO: ['Colombia'], ZA: ['South Africa'],
  EG: ['Egypt'], NG: ['Nigeria'], KE: ['Kenya'], SA: ['Saudi Arabia', 'KSA'], AE: ['UAE', 'United Arab Emirates'],
  QA: ['Qatar'], IR: ['Iran'], PK: ['Pakistan'], BD: ['Bangladesh'], VN: ['Vietnam', 'Viet Nam'],
  TH: ['Thailand'], MY: ['Malaysia'], ID: ['Indonesia'], PH: ['Philippines'], LU: ['Luxembourg'],
  EE: ['Estonia'], SI: ['Slovenia'], SK: ['Slovakia'], HR: ['Croatia'], RS: ['Serbia'], CY: ['Cyprus'],
};

const US_STATES: Record<string, string> = {
  AL: 'Alabama', AK: 'Alaska', AZ: 'Arizona', AR: 'Arkansas', CA: 'California', CO: 'Colorado', CT: 'Connecticut', DE: 'Delaware',
  FL: 'Florida', GA: 'Georgia', HI: 'Hawaii', ID: 'Idaho', IL: 'Illinois', IN: 'Indiana', IA: 'Iowa', KS: 'Kansas', KY: 'Kentucky',
  LA: 'Louisiana', ME: 'Maine', MD: 'Maryland', MA: 'Massachusetts', MI: 'Michigan', MN: 'Minnesota', MS: 'Mississippi',
  MO: 'Missouri', MT: 'Montana', NE: 'Nebraska', NV: 'Nevada', NH: 'New Hampshire', NJ: 'New Jersey', NM: 'New Mexico',
  NY: 'New York', NC: 'North Carolina', ND: 'North Dakota', OH: 'Ohio', OK: 'Oklahoma', OR: 'Oregon', PA: 'Pennsylvania',
  RI: 'Rhode Island', SC: 'South Carolina', SD: 'South Dakota', TN: 'Tennessee', TX: 'Texas', UT: 'Utah', VT: 'Vermont',
  VA: 'Virginia', WA: 'Washington', WV: 'West Virginia', WI: 'Wisconsin', WY: 'Wyoming', DC: 'District of Columbia',
  // Canadian provinces print the same way ("Montreal, QC").
  QC: 'Quebec', ON: 'Ontario', BC: 'British Columbia', AB: 'Alberta',
};

/** Folded for lookups: case, accents, dots and spacing. */
export const placeKey = (text: string) =>
  text.normalize('NFKD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

const countryByKey = new Map(Object.entries(COUNTRIES).flatMap(([code, names]) => names.map((name) => [placeKey(name), code] as const)));
const stateKeys = new Set([...Object.keys(US_STATES), ...Object.values(US_STATES)].map(placeKey));

/** The ISO alpha-2 code of a country name ("P.R. China" -> CN), or undefined. */
export function countryCode(text: string): string | undefined {
  return countryByKey.get(placeKey(text));
}

/** A US state or Canadian province, by name or code, with or without its postcode ("CA 94720"). */
export function isState(text: string): boolean {
  const withoutPostcode = text.replace(/\s+(\d{5}(-\d{4})?|[A-Z]\d[A-Z]\s?\d[A-Z]\d)$/, '');
  const key = placeKey(withoutPostcode);
  // A bare two-letter code only in capitals: "IN" is Indiana, "in" a word.
  if (/^[a-z]{2}$/.test(key)) return /^[A-Z]{2}$/.test(withoutPostcode.trim()) && stateKeys.has(key);
  return stateKeys.has(key);
}

/** A postcode ("100190", "SY23 3FL", "H3A 3H3", "D-72076") or a street address ("8 Locksley Ave"). */
export function isPostcodeOrStreet(text: string): boolean {
  const t = text.trim();
  if (/^([A-Z]{1,2}-)?\d{3,6}(-\d{3,4})?$/.test(t)) return true;
  if (/^[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}$/.test(t) || /^[A-Z]\d[A-Z]\s?\d[A-Z]\d$/.test(t)) return true;
  if (/^\d+[A-Z]?$/.test(t)) return true;
  return /\d/.test(t) && /\b(street|st\.?|avenue|ave\.?|road|rd\.?|suite|blvd|boulevard|floor|building|bldg|room|way|drive|p\.?o\.? box)\b/i.test(t);
}
