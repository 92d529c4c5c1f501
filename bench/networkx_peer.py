"""NetworkX on the same synthetic graph and the same random pairs as
irgraph_graph_bench: shortest path (undirected, as irgraph's) and GraphML and
GEXF writing. Prints figures in the benchmark's format.
Usage: python3 networkx_peer.py GRAPHML PAIRS NODES"""
import statistics
import sys
import tempfile
import time

import networkx as nx

graphml, pairs_file, n = sys.argv[1], sys.argv[2], sys.argv[3]
t = time.perf_counter()
g = nx.read_graphml(graphml)
print(f"networkx {n} nodes: read GraphML {time.perf_counter() - t:.2f} s (not compared)")
u = g.to_undirected(as_view=True)
ms = []
for line in open(pairs_file, encoding="utf-8"):
    a, b = line.rstrip("\n").split("\t")
    t = time.perf_counter()
    try:
        nx.shortest_path(u, a, b)
    except nx.NetworkXNoPath:
        pass
    ms.append((time.perf_counter() - t) * 1000)
ms.sort()
print(f"networkx {n} nodes: shortest connection median {ms[len(ms) // 2]:.3f} ms, p99 {ms[int(len(ms) * 0.99) - 1]:.3f} ms")
for name, write in (("graphml", nx.write_graphml), ("gexf", nx.write_gexf)):
    with tempfile.NamedTemporaryFile(suffix="." + name) as f:
        t = time.perf_counter()
        write(g, f.name)
        s = time.perf_counter() - t
        f.seek(0, 2)
        mb = f.tell() / 1e6
    print(f"networkx {n} nodes: export {name:<8} {s:.2f} s, {mb:.1f} MB, {mb / s:.1f} MB/s")
