#!/usr/bin/env python3
"""Independent answers from the raw paper lists, for test/reference/paperlists-fidelity.test.ts.

It shares no code with the importer (src/ingest): it re-implements, from the written rules, which
records count, how a byline splits, how a name is cleaned and folded to a key, and counts for a
fixed sample of name keys: distinct papers (by folded title), coauthors and shared papers. The test
compares these with the imported graph through the GraphQL API.

Usage: python3 test/reference/paperlists.py [PATH ...] [--sample N] [--seed S]
PATHs are list files or folders (default: $SHARED_DATA_DIR/paperlists, else ../shared/data/paperlists
from the project root). Prints JSON:
  {"files", "records", "papers",
   "spellings": {name key: the first of the keys its OpenReview id was given, for the few with several},
   "sample": [{"name", "key", "papers", "coauthorKeys": {name key, folded by spellings: shared papers}}]}
"""
import argparse, html, json, os, random, re, sys, unicodedata
from collections import defaultdict
from pathlib import Path

NOT_PUBLISHED = {'reject', 'withdraw', 'withdrawn', 'desk reject', 'desk rejected'}
# Names the issue saw broken (HTML entities, footnote marks), the seed profile's researcher, and
# authors of records whose byline has a blank slot ("Feifei Tong,  , Jiangcheng Zhu").
ALWAYS = ["Pierluca D'Oro", "Cyprien de Masson d'Autume", 'Zhangyang Wang', 'Ananya Kumar', 'Huan Zhang', 'Baixu Chen',
          'David Mguni', 'Khang Le', 'Chengyue Gong']
# (paper count range, how many to draw): a spread, mostly people with 2 or more papers.
STRATA = [((1, 1), 0.1), ((2, 2), 0.2), ((3, 4), 0.2), ((5, 9), 0.25), ((10, 10**9), 0.25)]


def key(text):
    """Identity key: accents and case folded, every run of non-letters/digits one space."""
    text = ''.join(c for c in unicodedata.normalize('NFKD', text) if not unicodedata.category(c).startswith('M'))
    return re.sub(r'[\W_]+', ' ', text.lower()).strip()


def unescape(text):
    """HTML entities decoded until nothing changes (some are escaped twice: d&amp;#x27;Autume)."""
    while (decoded := html.unescape(text)) != text:
        text = decoded
    return text


TEX_LETTERS = {'i': 'ı', 'j': 'ȷ', 'o': 'ø', 'O': 'Ø', 'l': 'ł', 'L': 'Ł', 'ss': 'ß', 'ae': 'æ', 'AE': 'Æ',
               'oe': 'œ', 'OE': 'Œ', 'aa': 'å', 'AA': 'Å'}
TEX_ACCENTS = {'"': '\u0308', "'": '\u0301', '`': '\u0300', '^': '\u0302', '~': '\u0303', '=': '\u0304',
               '.': '\u0307', 'u': '\u0306', 'v': '\u030c', 'H': '\u030b', 'c': '\u0327', 'k': '\u0328', 'r': '\u030a'}


def detex(name):
    """TeX accents as letters: Yaz{\\i}c{\\i} -> Yazıcı, B\\"{u}nz -> Bünz, Chlo{\\"e} -> Chloë."""
    if '\\' not in name:
        return name
    name = re.sub(r'\\(ss|ae|AE|oe|OE|aa|AA|[ijoOlL])(?![a-zA-Z])', lambda m: TEX_LETTERS[m[1]], name)
    accent = lambda m: unicodedata.normalize('NFC', (m[2] or m[4] or m[5]) + TEX_ACCENTS[m[1] or m[3]])
    name = re.sub(r'\\(["\'`^~=.])\{?(\w)\}?|\\([uvHckr])(?:\{(\w)\}|\s+(\w))', accent, name)
    return name.replace('{', '').replace('}', '')


def clean(name):
    """A byline entry without marks and remarks, or None when it is not one person's name."""
    name = detex(name)
    name = ''.join(c for c in name if unicodedata.category(c) not in ('Cc', 'Cf'))  # U+200E, ...
    name = re.sub(r'\([^()]*\)', ' ', name)                       # (*), (PhD), (Shane), (* means ...)
    name = re.sub(r'"[^"]*"|“[^”]*”|`[^`\']*\'', ' ', name)       # Zhangyang "Atlas" Wang
    name = re.sub(r'\[\s*\d+(\s*,\s*\d+)*\s*\]|[⁰¹²³⁴⁵⁶⁷⁸⁹]+', ' ', name)  # [1], ²
    name = re.sub(r'[*†‡§¶"“”`]', ' ', name)                      # footnote marks, stray quotes
    name = ' '.join(name.split())
    if not name or re.search(r'[,;，\d]', name) or len(name.split()) > 6 or not key(name):
        return None
    return name


def read_records(paths):
    files = sorted({f for p in paths for f in ([p] if p.is_file() else p.rglob('*.json'))})
    for file in files:
        for record in json.loads(file.read_text(encoding='utf-8')):
            if isinstance(record, dict):
                yield file, record


def main():
    root = Path(__file__).resolve().parents[2]
    shared = Path(os.environ.get('SHARED_DATA_DIR') or root.parent / 'shared' / 'data')
    parser = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    parser.add_argument('paths', nargs='*', type=Path, default=[shared / 'paperlists'])
    parser.add_argument('--sample', type=int, default=300)
    parser.add_argument('--seed', type=int, default=9)
    args = parser.parse_args()
    if missing := [str(path) for path in args.paths if not path.exists()]:
        sys.exit(f'No paper lists at {", ".join(missing)} (set SHARED_DATA_DIR to the folder holding paperlists/).')

    papers = defaultdict(set)          # name key -> title keys
    ids = defaultdict(set)             # name key -> OpenReview ids it was given
    keys_of_id = defaultdict(set)      # OpenReview id -> name keys it was given
    spelling = {}                      # name key -> first cleaned spelling
    bylines = []                       # (title key, [(name key, OpenReview id or None)]) per record
    files, records = set(), 0
    for file, record in read_records(args.paths):
        files.add(file)
        status, title = record.get('status'), record.get('title')
        byline = record.get('author', record.get('authors'))
        if isinstance(status, str) and status.strip().lower() in NOT_PUBLISHED:
            continue
        if not isinstance(title, str) or not key(unescape(title)) or not isinstance(byline, str):
            continue
        records += 1
        title_key = key(unescape(title))
        byline = unescape(byline)
        entries = [e.strip() for e in (byline.split(';') if ';' in byline else re.split(r',\s+', byline))]
        authorids = record.get('authorids')
        authorids = [i.strip() for i in authorids.split(';')] if isinstance(authorids, str) else []
        names = []
        for position, entry in enumerate(entries):
            name = clean(entry)
            if name is None:
                continue
            name_key = key(name)
            spelling.setdefault(name_key, name)
            papers[name_key].add(title_key)
            openreview = authorids[position] if len(authorids) == len(entries) and authorids[position].startswith('~') else None
            names.append((name_key, openreview))
            if openreview:
                ids[name_key].add(openreview)
                keys_of_id[openreview].add(name_key)
        if names:
            bylines.append((title_key, names))

    # Sampled: names that are one person in the graph too: at most one OpenReview id, and that id
    # never given to another spelling (so the graph's author has exactly this name's papers).
    eligible = sorted(k for k in papers if len(ids[k]) <= 1 and all(keys_of_id[i] == {k} for i in ids[k]))
    rng = random.Random(args.seed)
    chosen = [key(name) for name in ALWAYS if key(name) in set(eligible)]
    for (low, high), share in STRATA:
        pool = [k for k in eligible if low <= len(papers[k]) <= high and k not in chosen]
        chosen += rng.sample(pool, min(len(pool), round(share * (args.sample - len(ALWAYS)))))

    # Spellings one OpenReview id was given ("rex ying", "zhitao ying"): the graph names that person
    # by one of them, so a comparison by name key folds them into the first.
    groups = {}
    for keys in (keys for keys in keys_of_id.values() if len(keys) > 1):
        group = set(keys).union(*(g for k, g in groups.items() if k in keys))
        groups.update((k, group) for k in group)
    spellings = {k: min(group) for k, group in sorted(groups.items())}

    # Coauthors (name keys) from the records a name is on; a paper in several records counts once
    # per pair.
    by_key = defaultdict(lambda: defaultdict(set))     # sampled key -> coauthor name key -> title keys
    wanted = set(chosen)
    for title_key, names in bylines:
        keys = {k for k, _ in names}
        for k in keys & wanted:
            for other in keys - {k}:
                by_key[k][spellings.get(other, other)].add(title_key)

    counts = lambda shared: {other: len(titles) for other, titles in sorted(shared.items())}
    sample = []
    for k in chosen:
        sample.append({'name': spelling[k], 'key': k, 'papers': len(papers[k]), 'coauthorKeys': counts(by_key[k])})
    json.dump({'files': len(files), 'records': records, 'papers': len({t for t, _ in bylines}),
               'spellings': spellings, 'sample': sample},
              sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
