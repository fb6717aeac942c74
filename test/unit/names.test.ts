import { describe, expect, it } from 'vitest';
import { parsePaperlistItem } from '../../src/ingest/formats/paperlist.js';
import { cleanAuthorName, decodeByline, decodeEntities } from '../../src/ingest/names.js';

const cleaned = (raw: string) => {
  const result = cleanAuthorName(raw);
  return 'name' in result ? result.name : result.rejected;
};

describe('author names from bylines', () => {
  it('decodes HTML entities, however often they were escaped, and TeX accents', () => {
    expect(decodeEntities('Pierluca D&#x27;Oro')).toBe("Pierluca D'Oro");
    expect(decodeEntities('Cyprien de Masson d&amp;#x27;Autume')).toBe("Cyprien de Masson d'Autume");
    expect(decodeEntities('a &amp;amp;amp; b')).toBe('a & b');
    expect(decodeByline('Benedikt B\\"{u}nz, Yasin Yaz{\\i}c{\\i}, Pietro Li\\`{o}')).toBe('Benedikt Bünz, Yasin Yazıcı, Pietro Liò');
  });

  it('strips footnote and affiliation marks, remarks, nicknames and invisible characters', () => {
    expect(cleaned('Ananya Kumar*')).toBe('Ananya Kumar');
    expect(cleaned('Yanwen Fan(*)')).toBe('Yanwen Fan');
    expect(cleaned('Yingze Bao (* means equal contribution)')).toBe('Yingze Bao');
    expect(cleaned('Ma Xiaoxiong[1]')).toBe('Ma Xiaoxiong');
    expect(cleaned('Jane Doe†‡')).toBe('Jane Doe');
    expect(cleaned('Jane Doe¹²')).toBe('Jane Doe');
    expect(cleaned('Man Ngo 2')).toBe('Man Ngo');
    expect(cleaned('Zhangyang "Atlas" Wang')).toBe('Zhangyang Wang');
    expect(cleaned('Zhangyang “Atlas” Wang')).toBe('Zhangyang Wang');
    expect(cleaned('Yu ("Tony") Zhang')).toBe('Yu Zhang');
    expect(cleaned('Tomas Kocisky\u200e')).toBe('Tomas Kocisky');
    expect(cleaned('Nicholas D.  Lane')).toBe('Nicholas D. Lane');
    expect(cleaned("Pierluca D'Oro")).toBe("Pierluca D'Oro");
    expect(cleaned('- Mausam')).toBe('Mausam');
  });

  it('rejects what is not a name, saying why', () => {
    expect(cleaned('11537')).toMatch(/no letters/);
    expect(cleaned('Evgenii Nikishin, Max Schwarzer')).toMatch(/list of names/);
    expect(cleaned('Bao Ho 3 and Svetha Venkatesh 1')).toMatch(/digits/);
    expect(cleaned('zhuoyuan@fb.com')).toMatch(/characters no name has/);
    expect(cleaned('Gang Pana sample efficient policy gradient method with stochastic mirror descent.')).toMatch(/sentence/);
  });

  it('splits a byline only after decoding it, and leaves out entries that are not names', () => {
    const parsed = parsePaperlistItem(
      {
        title: 'Sample efficiency',
        status: 'Poster',
        author: 'Evgenii Nikishin, Max Schwarzer, Pierluca D&#x27;Oro, 11537, Aaron Courville*',
        authorids: '~Evgenii_Nikishin1;~Max_Schwarzer1;~Pierluca_D\'Oro1;~X1;~Aaron_Courville3',
      },
      0,
      { file: 'iclr2022.json' },
    );
    expect(parsed).toMatchObject({ dropped: [expect.stringMatching(/"11537" has no letters/)] });
    const record = (parsed as { record: { authors: { name: string; openreviewId?: string }[] } }).record;
    expect(record.authors.map((author) => [author.name, author.openreviewId])).toEqual([
      ['Evgenii Nikishin', '~Evgenii_Nikishin1'],
      ['Max Schwarzer', '~Max_Schwarzer1'],
      ["Pierluca D'Oro", "~Pierluca_D'Oro1"],
      ['Aaron Courville', '~Aaron_Courville3'],
    ]);
  });
});
