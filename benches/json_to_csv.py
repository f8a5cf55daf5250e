"""Writes a casegraph JSON dataset as the CSV layout of graph-data/README.md
("CSV and spreadsheets"): entities.csv, relationships.csv, sources.csv.

    python3 benches/json_to_csv.py target/bench-data/m.default.json target/bench-data/m.default.csv/

For the CSV row of benches/compare.sh (issue #13 item 9), until
`casegraph export --format csv` writes this layout itself. A relationship with
more than one citation or dispute gets an id (its default `from.type.to`, with
`.2`, `.3`... when taken) so that its rows can repeat it.
"""
import csv, json, os, sys

FORMULA = ('=', '+', '-', '@', '\t', '\r', "'")


def text(s):
    return "'" + s if s.startswith(FORMULA) else s


def looks_typed(s):
    if s in ('true', 'false') or s.startswith('['):
        return True
    try:
        json.loads(s)
        return isinstance(json.loads(s), (int, float))
    except ValueError:
        return False


def prop(v):
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, (int, float)):
        return json.dumps(v)
    if isinstance(v, list):
        return json.dumps(v, ensure_ascii=False)
    return "'" + v if v.startswith(FORMULA) or looks_typed(v) else v


def cell(v):
    if v is None:
        return ''
    if isinstance(v, bool):
        return 'true' if v else 'false'
    if isinstance(v, (int, float)):
        return json.dumps(v)
    return text(v)


def main(src, out):
    data = json.load(open(src, encoding='utf-8'))
    os.makedirs(out, exist_ok=True)
    def writer(name):
        f = open(os.path.join(out, name), 'w', encoding='utf-8', newline='')
        return f, csv.writer(f, lineterminator='\n')

    skeys = ['id', 'title', 'kind', 'publisher', 'author', 'published', 'url', 'archived_url', 'notes']
    f, w = writer('sources.csv')
    w.writerow(skeys)
    for s in data.get('sources', []):
        w.writerow([cell(s.get(k)) for k in skeys])
    f.close()

    ekeys = ['id', 'name', 'kind', 'aliases', 'description', 'url', 'start', 'end']
    eprops = sorted({k for e in data.get('entities', []) for k in e.get('properties', {})})
    f, w = writer('entities.csv')
    w.writerow(ekeys + ['properties.' + p for p in eprops])
    for e in data.get('entities', []):
        row = []
        for k in ekeys:
            if k == 'aliases':
                row.append(';'.join(a.replace('\\', '\\\\').replace(';', '\\;') for a in e.get(k, [])))
            else:
                row.append(cell(e.get(k)))
        props = e.get('properties', {})
        row += [prop(props[p]) if p in props else '' for p in eprops]
        w.writerow(row)
    f.close()

    rels = data.get('relationships', [])
    used = {r['id'] for r in rels if 'id' in r}
    rkeys = ['id', 'from', 'to', 'type', 'label', 'directed', 'date', 'start', 'end', 'status']
    rprops = sorted({k for r in rels for k in r.get('properties', {})})
    f, w = writer('relationships.csv')
    w.writerow(rkeys + ['amount', 'currency', 'source', 'locator', 'quote',
                        'disputed_by', 'dispute_source', 'dispute_quote'] + ['properties.' + p for p in rprops])
    for r in rels:
        ev, disp = r.get('evidence', []), r.get('disputed_by', [])
        n = max(len(ev), len(disp), 1)
        rid = r.get('id')
        if rid is None and n > 1:
            base = f"{r['from']}.{r['type']}.{r['to']}"
            rid, k = base, 2
            while rid in used:
                rid, k = f'{base}.{k}', k + 1
            used.add(rid)
        for i in range(n):
            c = ev[i] if i < len(ev) else {}
            d = disp[i] if i < len(disp) else {}
            if i == 0:
                amount = r.get('amount', {})
                row = [cell(rid)] + [cell(r.get(k)) for k in rkeys[1:]]
                row += [cell(amount.get('value')), cell(amount.get('currency'))]
            else:
                row = [cell(rid)] + [''] * (len(rkeys) - 1) + ['', '']
            row += [cell(c.get('source')), cell(c.get('locator')), cell(c.get('quote'))]
            row += [cell(d.get('entity')), cell(d.get('source')), cell(d.get('quote'))]
            props = r.get('properties', {}) if i == 0 else {}
            row += [prop(props[p]) if p in props else '' for p in rprops]
            w.writerow(row)
    f.close()


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
