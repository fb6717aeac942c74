import { describe, expect, it } from 'vitest';
import { canonicalName, institutionKey, knownInstitution } from '../../src/ingest/affiliations/identity.js';
import { KNOWN_INSTITUTIONS } from '../../src/ingest/affiliations/known-institutions.js';
import { parseAffiliation } from '../../src/ingest/affiliations/parse.js';
import { affiliationGroups, splitNumbered } from '../../src/ingest/affiliations/segments.js';
import { organizationKey, organizationNameKey } from '../../src/ingest/identity.js';
import { parsePaperlistItem } from '../../src/ingest/formats/paperlist.js';

/** Affiliation strings as the paper lists print them (ICML 2019, CVPR 2021, KDD 2023/2024...). */
const names = (text: string) => parseAffiliation(text).map((mention) => mention.name);

describe('splitting an affiliation string', () => {
  it('splits "+" between affiliations that have commas of their own, with or without spaces', () => {
    expect(parseAffiliation('Criteo AI Lab, Paris, France+University of California, Berkeley, USA')).toEqual([
      { name: 'Criteo AI Lab', city: 'Paris', country: 'FR' },
      { name: 'University of California, Berkeley', country: 'US' },
    ]);
    expect(names('Man AHL, London, UK + University of Oxford')).toEqual(['Man AHL', 'University of Oxford']);
    expect(names('Man AHL + University of Oxford')).toEqual(['Man AHL', 'University of Oxford']);
  });

  it('reads KDD\'s "+" as a comma inside one affiliation, and as a join between institutions', () => {
    expect(parseAffiliation('University of California+Los Angeles')).toEqual([{ name: 'University of California, Los Angeles' }]);
    expect(parseAffiliation('School of Computer Science and Technology+Soochow University')).toEqual([
      { name: 'Soochow University', subUnit: 'School of Computer Science and Technology' },
    ]);
    expect(names('Huawei Technologies Co.+Ltd.')).toEqual(['Huawei']);
    expect(names('MIT+Columbia University+Boston University')).toEqual(['Massachusetts Institute of Technology', 'Columbia University', 'Boston University']);
    expect(parseAffiliation('NLPR+MAIS+Institute of Automation+Chinese Academy of Sciences')).toEqual([
      { name: 'Chinese Academy of Sciences', subUnit: 'Institute of Automation' },
    ]);
  });

  it('splits numbered lists, and leaves a name that starts with a digit', () => {
    expect(names('1The University of Texas at Austin, 2Stanford University')).toEqual(['University of Texas at Austin', 'Stanford University']);
    expect(splitNumbered('1. Key Lab, Beijing, 100190, China 2. University of Chinese Academy of Sciences, Beijing')).toEqual([
      'Key Lab, Beijing, 100190, China', 'University of Chinese Academy of Sciences, Beijing',
    ]);
    expect(names('4Paradigm Inc.')).toEqual(['4Paradigm']);
    expect(names('1Ecole Centrale de Lyon')).toEqual(['Ecole Centrale de Lyon']);
    expect(names('1QB Information Technologies (1QBit)')).toEqual(['1QB Information Technologies']);
    expect(names('Layer 6 AI')).toEqual(['Layer 6 AI']);
    expect(names('2Mila, Quebec AI Institute, 3ElementAI')).toEqual(['Mila', 'ElementAI']);
  });

  it('splits "&" and "/" only between two institutions', () => {
    expect(names('University of Oxford & University College London')).toEqual(['University of Oxford', 'University College London']);
    expect(names('Korea Advanced Institute of Science & Technology')).toEqual(['Korea Advanced Institute of Science and Technology']);
    // A piece that is no institution alone stays with the one before it.
    expect(names('CNRS & Universite Pierre & Marie Curie & PSL Universite')).toEqual(['CNRS', 'Universite Pierre & Marie Curie', 'PSL Universite']);
    expect(names('Texas A & M University')).toEqual(['Texas A & M University']);
  });

  it('joins a legal form to its name and drops a bracket the source cut off', () => {
    expect(names('Google, Inc.')).toEqual(['Google']);
    expect(names('Huawei Technologies, Co., Ltd., Shenzhen, China')).toEqual(['Huawei']);
    expect(names('Acme Robotics, LLC, Boston, MA, USA')).toEqual(['Acme Robotics LLC']);
    expect(names('Stony Brook University (State University of New York')).toEqual(['Stony Brook University']);
  });

  it('groups segments by comma', () => {
    expect(affiliationGroups('A, B+C')).toEqual([['A', 'B'], ['C']]);
    expect(affiliationGroups('A+B')).toEqual([['A', 'B']]);
  });
});

describe('classifying segments', () => {
  it('puts the unit, the city and the country apart from the institution', () => {
    expect(parseAffiliation('Department of Computer Science, Binghamton University, Binghamton, NY, USA')).toEqual([
      { name: 'Binghamton University', subUnit: 'Department of Computer Science', city: 'Binghamton', country: 'US' },
    ]);
    expect(parseAffiliation('Microsoft Research, 2000 McGill College Avenue, Suite 550, Montr ´eal, QC H3A 3H3, Canada')).toEqual([
      { name: 'Microsoft', subUnit: 'Microsoft Research', city: 'Montreal', country: 'CA' },
    ]);
    expect(parseAffiliation('SKL of Computer Architecture, Institute of Computing Technology, CAS, Beijing, China')).toEqual([
      { name: 'Chinese Academy of Sciences', subUnit: 'Institute of Computing Technology', city: 'Beijing', country: 'CN' },
    ]);
  });

  it('a unit named after its institution belongs to it', () => {
    expect(parseAffiliation('UC Berkeley, Department of Electrical Engineering and Computer Science+covariant.ai')).toEqual([
      { name: 'University of California, Berkeley', subUnit: 'Department of Electrical Engineering and Computer Science' },
      { name: 'covariant.ai' },
    ]);
  });

  it('a lab or group with no institution in its string is an organization of its own', () => {
    expect(names('Criteo AI Lab')).toEqual(['Criteo AI Lab']);
    expect(names('Mila')).toEqual(['Mila']);
    expect(names('Alibaba Group')).toEqual(['Alibaba Group']);
    expect(parseAffiliation('Theoretical Division and Center for Nonlinear Studies, Los Alamos National Laboratory, Los Alamos, NM, USA')).toEqual([
      { name: 'Los Alamos National Laboratory', subUnit: 'Theoretical Division and Center for Nonlinear Studies', city: 'Los Alamos', country: 'US' },
    ]);
  });

  it('a city that is also a university\'s short name is a city after an institution', () => {
    expect(parseAffiliation('Lawrence Berkeley National Laboratory, Berkeley, CA')).toEqual([{ name: 'Lawrence Berkeley National Laboratory', city: 'Berkeley' }]);
    expect(names('Berkeley')).toEqual(['University of California, Berkeley']);
    expect(parseAffiliation('Stanford University, Stanford, CA, USA')).toEqual([{ name: 'Stanford University', city: 'Stanford', country: 'US' }]);
  });

  it('placeholders name no organization', () => {
    expect(parseAffiliation('Paper under double-blind review')).toEqual([]);
  });
});

describe('institution identity', () => {
  it('folds case, accents, "The", "Univ.", "&" and a bracketed acronym', () => {
    expect(institutionKey('ETH Zürich')).toBe(institutionKey('ETH Zurich'));
    expect(institutionKey('University of Tübingen')).toBe(institutionKey('University of Tuebingen'));
    expect(institutionKey('The Univ. of Tokyo')).toBe(institutionKey('University of Tokyo'));
    expect(institutionKey('Texas A&M University')).toBe(institutionKey('Texas A and M University'));
    expect(canonicalName('Carnegie Mellon University (CMU)')).toBe('Carnegie Mellon University');
    expect(canonicalName('Hong Kong University of Science and Technology (Guangzhou)')).toBe('Hong Kong University of Science and Technology (Guangzhou)');
    expect(institutionKey('Queen Mary University of London')).toContain('queen');
  });

  it('knows the well-known variants and acronyms', () => {
    const same = (...spellings: string[]) => expect(new Set(spellings.map(canonicalName)).size).toBe(1);
    same('UC Berkeley', 'University of California, Berkeley', 'University of California at Berkeley', 'University of California+Berkeley'.replace('+', ', '));
    same('CMU', 'Carnegie Mellon University');
    same('MIT', 'Massachusetts Institute of Technology');
    same('SJTU', 'Shanghai Jiao Tong University', 'Shanghai Jiaotong University');
    same('FAIR', 'Facebook AI Research', 'Meta AI');
    same('ETH', 'ETH Zürich', 'ETH Zurich');
    expect(names('University of California+Berkeley')).toEqual(['University of California, Berkeley']);
    expect(parseAffiliation('Google Research')).toEqual([{ name: 'Google', subUnit: 'Google Research' }]);
  });

  it('never conflates different institutions', () => {
    const differ = (a: string, b: string) => expect(canonicalName(a)).not.toBe(canonicalName(b));
    differ('UCLA', 'UC Berkeley');
    differ('University of California, Los Angeles', 'University of California, Berkeley');
    differ('Washington University in St. Louis', 'University of Washington');
    differ('Google DeepMind', 'Google');
    differ('University of Texas at Austin', 'University of Texas at Dallas');
    differ('Hong Kong University of Science and Technology', 'Hong Kong University of Science and Technology (Guangzhou)');
    expect(knownInstitution('Google DeepMind')?.partOf).toBeUndefined();
    expect(names('DeepMind, University of Edinburgh')).toEqual(['Google DeepMind', 'University of Edinburgh']);
  });

  it('no spelling of the table names two entries, and every partOf is an entry', () => {
    const byKey = new Map<string, string>();
    for (const entry of KNOWN_INSTITUTIONS) {
      for (const spelling of [entry.name, ...entry.variants]) {
        const key = institutionKey(spelling);
        expect(byKey.get(key) ?? entry.name, spelling).toBe(entry.name);
        byKey.set(key, entry.name);
      }
      if (entry.partOf) expect(KNOWN_INSTITUTIONS.some((other) => other.name === entry.partOf)).toBe(true);
    }
  });

  it('a unit is known by its name with its institution\'s, a known unit by its own', () => {
    const physics = (university: string) => organizationKey({ name: 'Department of Physics', partOf: { name: university } });
    expect(physics('Stanford University')).not.toBe(physics('Tsinghua University'));
    expect(physics('Stanford University')).toBe('org:department-of-physics-stanford-university');
    expect(organizationNameKey({ name: 'Google Research', partOf: { name: 'Google' } })).toBe('google research');
  });
});

describe('paper lists', () => {
  it('gives each author the units and institutions of their affiliation', () => {
    const parsed = parsePaperlistItem(
      { title: 'T', author: 'A One;B Two', aff: 'Department of CS, Stanford University+Google Research;University of California+Berkeley', status: 'Poster' },
      0, { file: 'kdd2024.json' },
    );
    const record = (parsed as { record: { authors: { organizations: unknown[] }[] } }).record;
    expect(record.authors[0]!.organizations).toEqual([
      { name: 'Department of CS', partOf: { name: 'Stanford University' } },
      { name: 'Google Research', partOf: { name: 'Google' } },
    ]);
    expect(record.authors[1]!.organizations).toEqual([{ name: 'University of California, Berkeley' }]);
  });
});
