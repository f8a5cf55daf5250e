"""The work `casegraph check` and `casegraph stats` do, done with NetworkX.

Run by benches/compare.sh in the virtual environment target/venv:

    target/venv/bin/python benches/networkx_bench.py check FILE
    target/venv/bin/python benches/networkx_bench.py stats FILE

`check` is the load: `json.load`, then a MultiDiGraph with every entity as a
node and every relationship as an edge carrying its attributes (what
casegraph's model holds), plus the cheapest checks casegraph also makes
(dangling references, self-loops). `stats` is the load plus counts by kind,
type and status, connected components and the top degrees.

It prints the seconds each phase took on stderr, so the load can be told
apart from the whole run.

Later benchmarks add their work here as more commands (hooks):
`path` (100 shortest paths between fixed pairs), `export` (node-link JSON)
and `focus` (the neighbourhood drawn by `render --focus`).
"""

import collections
import json
import sys
import time

T0 = time.perf_counter()
import networkx as nx  # noqa: E402  (import time counts as load time)


def load(path):
    with open(path, encoding="utf-8") as f:
        data = json.load(f)
    g = nx.MultiDiGraph()
    for e in data.get("entities", []):
        g.add_node(e["id"], **e)
    sources = {s["id"] for s in data.get("sources", [])}
    problems = 0
    for r in data.get("relationships", []):
        a, b = r["from"], r["to"]
        if a == b or a not in g or b not in g:
            problems += 1
        for c in r.get("evidence", []):
            if c["source"] not in sources:
                problems += 1
        g.add_edge(a, b, key=r.get("id"), **r)
    return data, g, problems


def stats(data, g):
    by_kind = collections.Counter(k for _, k in g.nodes(data="kind"))
    by_type = collections.Counter(t for _, _, t in g.edges(data="type"))
    by_status = collections.Counter(
        s or "reported" for _, _, s in g.edges(data="status")
    )
    components = sorted(
        (len(c) for c in nx.weakly_connected_components(g)), reverse=True
    )
    top = sorted(g.degree, key=lambda x: (-x[1], x[0]))[:10]
    return by_kind, by_type, by_status, components[:10], top


def main():
    command, path = sys.argv[1], sys.argv[2]
    data, g, problems = load(path)
    t_load = time.perf_counter()
    print(
        f"{g.number_of_nodes()} entities, {g.number_of_edges()} relationships, "
        f"{problems} problems"
    )
    if command == "stats":
        _, _, _, components, top = stats(data, g)
        print(f"largest components {components}, top {top[:3]}")
    elif command != "check":
        sys.exit(f"unknown command {command}")
    t_end = time.perf_counter()
    print(
        f"networkx {command}: load {t_load - T0:.2f} s, total {t_end - T0:.2f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
