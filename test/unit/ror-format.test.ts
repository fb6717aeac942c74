import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRorRecord, rorIdOf, type RorOrganization } from '../../src/ingest/formats/ror.js';
import { projectRoot } from '../../src/paths.js';

const fixture = JSON.parse(readFileSync(join(projectRoot, 'test', 'fixtures', 'import', 'ror-v2.json'), 'utf8')) as Record<string, unknown>[];
const byRor = (ror: string) => fixture.find((record) => record.id === `https://ror.org/${ror}`)!;
const organization = (input: unknown): RorOrganization => {
  const parsed = parseRorRecord(input);
  if (!('organization' in parsed)) throw new Error(JSON.stringify(parsed));
  return parsed.organization;
};

describe('ROR records, schema v2', () => {
  it('give the display name, the other names and acronyms apart, and every name key once', () => {
    const eth = organization(byRor('05a28rw58'));
    expect(eth).toMatchObject({
      id: 'ror:05a28rw58', ror: '05a28rw58', name: 'ETH Zurich', nameKey: 'eth zurich', country: 'CH', city: 'Zurich',
      types: ['education', 'funder'], status: 'active', established: 1855, links: ['https://ethz.ch'], parents: [], children: [],
    });
    expect(eth.aliases).toEqual(['Eidgenössische Technische Hochschule Zürich', 'Swiss Federal Institute of Technology in Zurich']);
    expect(eth.acronyms).toEqual(['ETH']);
    // Accents folded, acronyms included: what a paper's affiliation is matched against.
    expect(eth.aliasKeys).toEqual(['eth zurich', 'eidgenossische technische hochschule zurich', 'swiss federal institute of technology zurich', 'eth']);
  });

  it('read parents and children as short ROR ids, and ignore related records', () => {
    expect(organization(byRor('01an7q238'))).toMatchObject({ parents: ['00pjdza24'], children: [] });
    expect(organization(byRor('00pjdza24'))).toMatchObject({ parents: [], children: ['01an7q238', '046rm7j60'] });
    expect(organization(byRor('00njsd438'))).toMatchObject({ types: ['company'], children: ['00971b260'] });
  });

  it('skip withdrawn records and reject records without a ROR id or a name', () => {
    expect(parseRorRecord(byRor('03zqt1y65'))).toEqual({ skipped: 'withdrawn' });
    expect(parseRorRecord({ ...byRor('042nb2s44'), id: 'https://example.org/42' })).toMatchObject({ rejected: expect.stringContaining('not a ROR id') });
    expect(parseRorRecord({ ...byRor('042nb2s44'), names: [{ value: '  ', types: ['ror_display'] }] })).toEqual({ rejected: '042nb2s44: no name' });
    expect(parseRorRecord(['not', 'a', 'record'])).toEqual({ rejected: 'not an object' });
  });

  it('take an inactive record, and the first label when no name is marked for display', () => {
    const record = { ...byRor('046rm7j60'), status: 'inactive', names: [{ value: 'UCLA', types: ['acronym'] }, { value: 'University of California, Los Angeles', types: ['label'], lang: 'en' }] };
    expect(organization(record)).toMatchObject({ name: 'University of California, Los Angeles', status: 'inactive', acronyms: ['UCLA'], aliases: [] });
  });
});

describe('ROR records, schema v1', () => {
  it('read name, aliases, labels, acronyms, country, city and Parent / Child links', () => {
    const v1 = {
      id: 'https://ror.org/0161xgx34', name: 'Université de Montréal', status: 'active', established: 1878, types: ['Education', 'Funder'],
      aliases: [], acronyms: ['UdeM'], labels: [{ label: 'University of Montreal', iso639: 'en' }],
      links: ['https://www.umontreal.ca'], country: { country_code: 'CA', country_name: 'Canada' },
      addresses: [{ city: 'Montreal', geonames_city: { city: 'Montreal' } }],
      relationships: [{ type: 'Child', id: 'https://ror.org/05f8d4e86', label: 'Polytechnique Montréal' }, { type: 'Related', id: 'https://ror.org/0410a8y51', label: 'Mila' }],
    };
    expect(organization(v1)).toEqual({
      id: 'ror:0161xgx34', ror: '0161xgx34', name: 'Université de Montréal', nameKey: 'universite de montreal', country: 'CA', city: 'Montreal',
      types: ['education', 'funder'], aliases: ['University of Montreal'], acronyms: ['UdeM'],
      aliasKeys: ['universite de montreal', 'university of montreal', 'udem'], status: 'active', established: 1878,
      links: ['https://www.umontreal.ca'], parents: [], children: ['05f8d4e86'],
    });
  });
});

describe('ROR ids', () => {
  it('are the short form, from the URL or as given', () => {
    expect(rorIdOf('https://ror.org/05A28RW58')).toBe('05a28rw58');
    expect(rorIdOf('05a28rw58')).toBe('05a28rw58');
    expect(rorIdOf('https://ror.org/')).toBeUndefined();
    expect(rorIdOf('grid.5801.c')).toBeUndefined();
  });
});
