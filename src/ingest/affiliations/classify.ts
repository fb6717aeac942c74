import { countryCode, isPostcodeOrStreet, isState } from './places.js';
import { knownInstitution } from './identity.js';
import type { KnownInstitution } from './known-institutions.js';

/**
 * What one comma segment of an affiliation is: an institution, a unit inside one (department,
 * school, lab...), a country, another part of an address, or a name this cannot place.
 */
export type Segment =
  | { kind: 'institution'; text: string; known?: KnownInstitution }
  | { kind: 'unit'; text: string; generic: boolean }
  | { kind: 'country'; text: string; code: string }
  | { kind: 'address'; text: string }
  | { kind: 'other'; text: string };

/** Words that make a name an institution of its own. */
const INSTITUTION = new RegExp(
  [
    '\\bUniv(ersity|ersidad|ersidade|ersità|ersita|ersité|ersite|ersität|ersitat|ersiteit|ersitet|ersytet|\\.)',
    '\\bInstitute of Technology\\b', '\\bPolytechnic\\b', '\\bPolitecnico\\b', '\\bPolytechnique\\b', '\\bHochschule\\b',
    '\\bAcademy\\b', '\\bCollege\\b(?! of)', '\\bInc\\b', '\\bLtd\\b', '\\bLLC\\b', '\\bGmbH\\b', '\\bCorp(oration)?\\b', '\\bCo\\.',
    '\\bCompany\\b', '\\bTechnologies\\b', '\\bHospital\\b', '\\bNational Laborator(y|ies)\\b', '\\bMax Planck\\b', '\\bMPI\\b',
    '\\bINRIA\\b', '\\bCNRS\\b', '\\bÉcole\\b', '\\bEcole\\b', '\\bESSEC\\b',
  ].join('|'),
  'i',
);
/** Words that make a name a unit of an institution (a department, a lab, a school...). */
const UNIT = /\b(Department|Dept\.?|School|Faculty|Lab|Labs|Laboratory|Laboratories|Institute|Center|Centre|Group|College of|Division|Program|Programme|Team|Unit|Chair|Section|Thrust|Research Cent(er|re))\b/i;
/** A unit named by what it does ("Department of CS"), not a proper name ("Shanghai AI Laboratory"). */
const GENERIC_UNIT = /^(the )?(Department|Dept\.?|School|Faculty|Lab(oratory)?( of| for)|Key Lab(oratory)?|State Key|Division|Institute (of|for)|Cent(er|re) (of|for)|College of|Graduate|Program|Programme|Chair|Section|Thrust|Group (of|for)|Research (Group|Cent(er|re)) (of|for|in))\b/i;

/** A company-like "X Group" ("Alibaba Group", "Ant Group"): the group is the institution. */
const COMPANY_GROUP = /^\S+ Group( (Ltd\.?|Inc\.?|Co\.?))?$/i;

export function classifySegment(text: string, { whole = false } = {}): Segment {
  const known = knownInstitution(text, { whole });
  if (known) return { kind: 'institution', text, known };
  const code = countryCode(text);
  if (code) return { kind: 'country', text, code };
  if (isState(text) || isPostcodeOrStreet(text)) return { kind: 'address', text };
  const generic = GENERIC_UNIT.test(text);
  if (generic) return { kind: 'unit', text, generic };
  if (INSTITUTION.test(text) || COMPANY_GROUP.test(text)) return { kind: 'institution', text };
  if (UNIT.test(text)) return { kind: 'unit', text, generic: false };
  return { kind: 'other', text };
}

/** A segment that reads as a city ("Paris", "San Francisco"): a few capitalised words, no acronym. */
export function looksLikePlace(text: string): boolean {
  const words = text.split(/\s+/);
  return words.length <= 3 && !/\d/.test(text) && words.every((word) => /^\p{Lu}\p{Ll}/u.test(word) || /^(de|di|am|an|la|le|du|del|upon|on)$/.test(word));
}
