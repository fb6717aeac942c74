#!/usr/bin/env python3
"""Independent answers from networkx for the collaboration analytics tests.

Graph measures, the agreement of two community partitions, and how networkx reads the files the
export writes (src/analytics/export.ts): none of it shares code with the server, so a test that
compares the two checks the server against a well-known library, not against itself.

It runs in the project's .venv, which test/support/networkx.ts creates with pinned networkx (and
numpy and scipy: nx.pagerank needs them). Call it through that helper rather than by hand.

Usage: .venv/bin/python test/reference/networkx_reference.py COMMAND < input.json
Reads one JSON document on stdin and prints one on stdout. Node ids are strings.
  measures  {"nodes": [id, ...], "edges": [[source, target, weight], ...]}  (undirected, simple)
            -> {"pageRank", "weightedPageRank", "betweenness", "coreNumber", "clustering"}: {id: value}
  nmi       {"truth": {id: label}, "found": {id: label}}  (the same ids)
            -> {"nmi": float}
  parse     {"format": "graphml" | "gexf", "text": file contents}
            -> {"directed": bool, "nodes": {id: {attr: value}}, "edges": [[source, target, {attr: value}], ...]}
"""
import io, json, math, sys
from collections import Counter

import networkx as nx


def measures(document):
    graph = nx.Graph()
    graph.add_nodes_from(document['nodes'])
    graph.add_weighted_edges_from(document['edges'])
    pagerank = lambda weight: nx.pagerank(graph, alpha=0.85, weight=weight, tol=1e-12, max_iter=1000)
    # core_number refuses graphs with self loops; a loop adds nothing to a node's k-core anyway.
    loopless = graph.copy()
    loopless.remove_edges_from(list(nx.selfloop_edges(loopless)))
    return {
        'pageRank': pagerank(None),
        'weightedPageRank': pagerank('weight'),
        'betweenness': nx.betweenness_centrality(graph, normalized=False, weight=None),
        'coreNumber': nx.core_number(loopless),
        'clustering': nx.clustering(graph),
    }


def entropy(counts, total):
    """H = -sum (n/N) ln(n/N) over the cluster sizes n of a partition of N items."""
    return -sum(n / total * math.log(n / total) for n in counts.values())


def nmi(document):
    """Normalized mutual information, arithmetic mean (scikit-learn's default), in natural logs.

    For partitions U (truth) and V (found) of N items, with n_ij items in cluster i of U and j of V,
    a_i = sum_j n_ij and b_j = sum_i n_ij:
      MI(U, V) = sum_ij (n_ij / N) ln(N n_ij / (a_i b_j))
      NMI      = MI / ((H(U) + H(V)) / 2)
    Limits as in sklearn.metrics.normalized_mutual_info_score: 1 when both put everything in one
    cluster (or there is nothing), 0 when MI is 0 otherwise. The base of the log cancels out.
    """
    truth, found = document['truth'], document['found']
    if truth.keys() != found.keys():
        raise ValueError('truth and found must label the same ids')
    ids = list(truth)
    total = len(ids)
    a = Counter(truth[i] for i in ids)
    b = Counter(found[i] for i in ids)
    if len(a) == len(b) <= 1:
        return {'nmi': 1.0}
    joint = Counter((truth[i], found[i]) for i in ids)
    mi = sum(n / total * math.log(total * n / (a[u] * b[v])) for (u, v), n in joint.items())
    if mi == 0:
        return {'nmi': 0.0}
    return {'nmi': mi / ((entropy(a, total) + entropy(b, total)) / 2)}


def parse(document):
    data = io.BytesIO(document['text'].encode('utf-8'))
    if document['format'] == 'graphml':
        graph = nx.read_graphml(data)
    elif document['format'] == 'gexf':
        # Ids as written (relabel=True would key nodes by their label instead), kept as strings.
        graph = nx.read_gexf(data, node_type=str, relabel=False)
    else:
        raise ValueError(f"unknown format {document['format']!r}")
    return {
        'directed': graph.is_directed(),
        'nodes': {node: attributes for node, attributes in graph.nodes(data=True)},
        'edges': [[source, target, attributes] for source, target, attributes in graph.edges(data=True)],
    }


COMMANDS = {'measures': measures, 'nmi': nmi, 'parse': parse}

if __name__ == '__main__':
    if len(sys.argv) != 2 or sys.argv[1] not in COMMANDS:
        sys.exit(f"usage: networkx_reference.py {'|'.join(COMMANDS)} < input.json")
    json.dump(COMMANDS[sys.argv[1]](json.load(sys.stdin)), sys.stdout)
