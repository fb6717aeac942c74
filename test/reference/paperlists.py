#!/usr/bin/env python3
"""Independent answers from the raw paper lists, for test/integration/paperlists-fidelity.test.ts.

It shares no code with the importer (src/ingest): it re-implements, from the written rules, which
records count, how a byline splits, how a name is cleaned and folded to a key, and counts per name
key: distinct papers (by folded title), coauthors and shared papers. The test compares these with
the imported graph through the GraphQL API.

Usage: python3 test/reference/paperlists.py [PATH ...] [--sample N] [--seed S]
PATHs are list files or folders (default: $SHARED_DATA_DIR/paperlists, else ../shared/data/paperlists
from the project root). Prints JSON: {"files", "records", "papers", "sample": [{"name", "key",
"papers", "coauthors": {key: shared papers}, "sharedChecks": [key, ...]}]}.
"""
import argparse, html, json, os, random, re, sys, unicodedata
from collections import defaultdict
from pathlib import Path

NOT_PUBLISHED = {'reject', 'withdraw', 'withdrawn', 'desk reject', 'desk rejected'}
ALWAYS = ["Pierluca D'Oro", "Cyprien de Masson d'Autume", 'Zhangyang Wang', 'Ananya Kumar', 'Baixu Chen']
# (paper count range, how many to draw): a spread, mostly people with 2 or more papers.
STRATA = [((1, 1), 0.1), ((2, 2), 0.2), ((3, 4), 0.2), ((5, 9), 0.25), ((10, 10**9), 0.25)]


def key(text):
    """Identity key: accents and case folded, every run of non-letters/digits one space."""
    text = ''.join(c for c in unicodedata.normalize('NFKD', text) if not unicodedata.combining(c))
    return re.sub(r'[\W_]+', ' ', text.lower()).strip()


def unescape(text):
    """HTML entities decoded until nothing changes (some are escaped twice: d&amp;#x27;Autume)."""
    while (decoded := html.unescape(text)) != text:
        text = decoded
    return text


def clean(name):
    """A byline entry without marks and remarks, or None when it is not one person's name."""
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

    papers = defaultdict(set)          # name key -> title keys
    ids = defaultdict(set)             # name key -> OpenReview ids it was given
    keys_of_id = defaultdict(set)      # OpenReview id -> name keys it was given
    spelling = {}                      # name key -> first cleaned spelling
    bylines = []                       # (title key, name keys) of each record that counts
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
        names = set()
        for position, entry in enumerate(entries):
            name = clean(entry)
            if name is None:
                continue
            name_key = key(name)
            spelling.setdefault(name_key, name)
            papers[name_key].add(title_key)
            names.add(name_key)
            if len(authorids) == len(entries) and authorids[position].startswith('~'):
                ids[name_key].add(authorids[position])
                keys_of_id[authorids[position]].add(name_key)
        bylines.append((title_key, names))

    # Sampled: names that are one person in the graph too: at most one OpenReview id, and that id
    # never given to another spelling (so the graph's author has exactly this name's papers).
    eligible = sorted(k for k in papers if len(ids[k]) <= 1 and all(keys_of_id[i] == {k} for i in ids[k]))
    rng = random.Random(args.seed)
    chosen = [key(name) for name in ALWAYS if key(name) in eligible]
    for (low, high), share in STRATA:
        pool = [k for k in eligible if low <= len(papers[k]) <= high and k not in chosen]
        chosen += rng.sample(pool, min(len(pool), round(share * (args.sample - len(ALWAYS)))))

    # Coauthors from the records a name is on; a paper in several records counts once per pair.
    together = defaultdict(lambda: defaultdict(set))  # name key -> coauthor key -> title keys
    wanted = set(chosen)
    for title_key, names in bylines:
        for k in names & wanted:
            for other in names - {k}:
                together[k][other].add(title_key)

    sample = []
    for k in chosen:
        coauthor_counts = {other: len(titles) for other, titles in sorted(together[k].items())}
        strongest = sorted(coauthor_counts, key=lambda other: (-coauthor_counts[other], other))
        sample.append({'name': spelling[k], 'key': k, 'papers': len(papers[k]),
                       'coauthors': coauthor_counts, 'sharedChecks': strongest[:3]})
    json.dump({'files': len(files), 'records': records, 'papers': len({t for t, _ in bylines}), 'sample': sample},
              sys.stdout, ensure_ascii=False)


if __name__ == '__main__':
    main()
