"""The work of casegraph's commands, done with NetworkX, for benches/compare.sh.

Run in the virtual environment target/venv (NetworkX, and NumPy for the
layout of `focus`):

    target/venv/bin/python benches/networkx_bench.py check FILE
    target/venv/bin/python benches/networkx_bench.py stats FILE
    target/venv/bin/python benches/networkx_bench.py path FILE PAIRSFILE
    target/venv/bin/python benches/networkx_bench.py export FILE OUTFILE
    target/venv/bin/python benches/networkx_bench.py focus FILE ENTITY OUTFILE

Every command starts with the same load, timed on its own: `json.load`, then
a MultiDiGraph with every entity as a node and every relationship as an edge
carrying its attributes (what casegraph's model holds), plus the cheapest
checks casegraph also makes (dangling references, self-loops). casegraph
checks much more (every rule of the format); this is a floor for NetworkX.

`check` is the load alone. `stats` adds counts by kind, type and status,
weakly connected components and the top degrees.

`path` answers `casegraph path --pairs PAIRSFILE`: for each pair (ids only,
one pair per line, tab- or space-separated, `#` and blank lines skipped) it
takes `nx.shortest_path` on an undirected view of the graph (casegraph
follows relationships in either direction by default), then, like
casegraph, the strongest relationship of each hop (confirmed > reported >
alleged > denied). casegraph stops searching at --max-hops 6; NetworkX has
no such limit, so a path longer than 6 hops is found and then counted as no
path. It prints one line per pair (the ids and the weakest status), not the
evidence casegraph prints for every hop, and resolves no names or aliases.

`export` answers `casegraph export --format node-link -o OUTFILE`:
`nx.node_link_data(g, edges="edges")` written with `json.dump`. The records
go out as they were read (a relationship's citations name their sources by
id); casegraph's export is built from its model and sorted by id.

`focus` answers `casegraph render --focus ENTITY --depth 1 -o OUTFILE.svg`:
`nx.ego_graph` of radius 1 around ENTITY on an undirected view of the graph
(casegraph's --focus follows relationships either way too; ego_graph's own
`undirected=True` would copy the whole graph first), laid out by
`nx.spring_layout` with a fixed seed, and written as an SVG by hand
(circles, lines, escaped labels): NetworkX has no renderer of its own
without matplotlib or Graphviz. casegraph's diagram does more (a
hierarchical layout, shapes and colours by kind, line styles by status, a
legend, tooltips with citations), so this is a floor for NetworkX, not the
same picture.

Each command prints the seconds the load and the whole run took on stderr.
"""

import collections
import html
import json
import sys
import time

T0 = time.perf_counter()
import networkx as nx  # noqa: E402  (import time counts as load time)

# casegraph's `path --max-hops` default.
MAX_HOPS = 6
# Weakest last, as casegraph orders statuses.
STRENGTH = {"confirmed": 0, "reported": 1, "alleged": 2, "denied": 3}


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


def read_pairs(path):
    """The (from, to) ids of a `casegraph path --pairs` file."""
    pairs = []
    with open(path, encoding="utf-8-sig") as f:
        for line in f:
            line = line.rstrip("\r\n")
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            ends = line.split("\t") if "\t" in line else line.split()
            a, b = (e.strip() for e in ends)
            pairs.append((a, b))
    return pairs


def strongest_status(g, a, b):
    """The status of the strongest relationship between a and b, either way."""
    statuses = [
        d.get("status") or "reported"
        for u, v in ((a, b), (b, a))
        if g.has_edge(u, v)
        for d in g[u][v].values()
    ]
    return min(statuses, key=STRENGTH.__getitem__)


def path(g, pairs_file):
    undirected = g.to_undirected(as_view=True)
    found = too_long = none = 0
    for a, b in read_pairs(pairs_file):
        try:
            nodes = nx.shortest_path(undirected, a, b)
        except nx.NetworkXNoPath:
            none += 1
            print(f"{a} -> {b}: no path")
            continue
        if len(nodes) - 1 > MAX_HOPS:
            too_long += 1
            print(f"{a} -> {b}: no path within {MAX_HOPS} hops")
            continue
        found += 1
        hops = [strongest_status(g, u, v) for u, v in zip(nodes, nodes[1:])]
        weakest = max(hops, key=STRENGTH.__getitem__)
        print(f"{' -> '.join(nodes)}: {len(hops)} hops, weakest {weakest}")
    print(
        f"{found + too_long + none} pairs: {found} found within {MAX_HOPS} hops, "
        f"{too_long} longer, {none} not connected"
    )


def export(g, out):
    data = nx.node_link_data(g, edges="edges")
    with open(out, "w", encoding="utf-8") as f:
        json.dump(data, f)
    print(f"{len(data['nodes'])} nodes, {len(data['edges'])} edges to {out}")


def focus(g, center, out):
    ego = nx.ego_graph(g.to_undirected(as_view=True), center, radius=1)
    pos = nx.spring_layout(ego, seed=1)
    size, margin = 1200, 80

    def xy(n):
        x, y = pos[n]
        return (
            margin + (x + 1) / 2 * (size - 2 * margin),
            margin + (y + 1) / 2 * (size - 2 * margin),
        )

    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{size}" height="{size}" '
        f'viewBox="0 0 {size} {size}" font-family="sans-serif" font-size="11">',
        '<g stroke="#888" stroke-width="1">',
    ]
    for u, v in ego.edges():
        (x1, y1), (x2, y2) = xy(u), xy(v)
        parts.append(f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}"/>')
    parts.append("</g>")
    for n, name in ego.nodes(data="name"):
        x, y = xy(n)
        fill = "#d33" if n == center else "#49c"
        label = html.escape(name or n)
        parts.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="6" fill="{fill}"/>'
            f'<text x="{x + 8:.1f}" y="{y + 4:.1f}">{label}</text>'
        )
    parts.append("</svg>")
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(parts) + "\n")
    print(f"{ego.number_of_nodes()} entities, {ego.number_of_edges()} relationships to {out}")


USAGE = (
    "usage: networkx_bench.py check|stats FILE | path FILE PAIRSFILE"
    " | export FILE OUTFILE | focus FILE ENTITY OUTFILE"
)


def main():
    if len(sys.argv) < 3:
        sys.exit(USAGE)
    command, file, rest = sys.argv[1], sys.argv[2], sys.argv[3:]
    wanted = {"check": 0, "stats": 0, "path": 1, "export": 1, "focus": 2}
    if wanted.get(command) != len(rest):
        sys.exit(USAGE)
    data, g, problems = load(file)
    t_load = time.perf_counter()
    print(
        f"{g.number_of_nodes()} entities, {g.number_of_edges()} relationships, "
        f"{problems} problems"
    )
    if command == "stats":
        _, _, _, components, top = stats(data, g)
        print(f"largest components {components}, top {top[:3]}")
    elif command == "path":
        path(g, rest[0])
    elif command == "export":
        export(g, rest[0])
    elif command == "focus":
        focus(g, rest[0], rest[1])
    t_end = time.perf_counter()
    print(
        f"networkx {command}: load {t_load - T0:.2f} s, total {t_end - T0:.2f} s",
        file=sys.stderr,
    )


if __name__ == "__main__":
    main()
