# Writes tests/data/csv/invalid/ and edge/ from harbour/ (run from anywhere: python3 make-fixtures.py).
# Each invalid fixture is harbour with one edit that breaks one rule; each edge fixture is
# harbour as a spreadsheet program may write it, and must read the same.
import os, shutil, re
root = os.path.dirname(os.path.abspath(__file__))
base = os.path.join(root, 'harbour')
def files():
    return {n: open(os.path.join(base, n), encoding='utf-8').read() for n in ('entities.csv','relationships.csv','sources.csv')}
def write(d, fs, raw=None):
    p = os.path.join(root, d)
    shutil.rmtree(p, ignore_errors=True)
    os.makedirs(p)
    for n, t in fs.items():
        if t is None: continue
        mode = 'wb'
        data = t if isinstance(t, bytes) else t.encode('utf-8')
        open(os.path.join(p, n), mode).write(data)
def edit(d, changes, extra=None):
    fs = files()
    for (n, old, new) in changes:
        assert fs[n].count(old) >= 1, (d, n, old)
        fs[n] = fs[n].replace(old, new, 1)
    if extra: fs.update(extra)
    write(d, fs)

E, R, S = 'entities.csv', 'relationships.csv', 'sources.csv'
inv = 'invalid/'
edit(inv+'unknown-key', [(E, ',description,', ',descripton,')])
edit(inv+'missing-key', [(E, 'm-ortiz,Marta Ortiz,', 'm-ortiz,,')])
edit(inv+'missing-column', [(S, 'id,title,kind', 'id,kind'), (S, 'audit-2021,Port authority audit report 2021,', 'audit-2021,'), (S, 'gazette-2020,"Dredging contract awarded, tender 14/2020",', 'gazette-2020,'), (S, 'court-2022,Harbour Watch v. Port Authority,', 'court-2022,')])
edit(inv+'bad-id', [(R, '\ncontract,', '\nContract 1,'), (R, '\ncontract,', '\nContract 1,')])
edit(inv+'duplicate-id', [(E, 'harbour-watch,', 'deepwater,Deepwater Dredging (again),organization,,,,,\nharbour-watch,')])
edit(inv+'repeated-row-differs', [(R, '\ncontract,,,,,', '\ncontract,,,,alleged,')])
edit(inv+'unknown-entity', [(R, ',m-ortiz,deepwater,board_member_of', ',m-ortiz,deepwatr,board_member_of')])
edit(inv+'unknown-source', [(R, 'court-2022,¶ 12', 'court-2202,¶ 12')])
edit(inv+'bad-date', [(R, '2020-02-10', '10/02/2020')])
edit(inv+'end-before-start', [(R, ',2016,2021,', ',2016,2015,')])
edit(inv+'date-with-period', [(R, 'sued,confirmed,2022-09-01,,', 'sued,confirmed,2022-09-01,2022-08,')])
edit(inv+'self-loop', [(R, ',m-ortiz,port-authority,commissioner_of', ',m-ortiz,m-ortiz,commissioner_of')])
edit(inv+'unknown-status', [(R, 'board_member_of,alleged', 'board_member_of,alledged')])
edit(inv+'bad-type', [(R, 'board_member_of', 'board-member-of')])
edit(inv+'unknown-source-kind', [(S, ',report,', ',audit,')])
edit(inv+'negative-amount', [(R, '4500000', '-4500000')])
edit(inv+'bad-currency', [(R, ',EUR,', ',eur,')])
edit(inv+'bad-url', [(S, 'https://example.org/audit-2021', 'ftp://example.org/audit-2021')])
edit(inv+'confirmed-disputed', [(R, 'awarded_contract_to,reported', 'awarded_contract_to,confirmed')])
edit(inv+'bad-property', [(E, 'Runs the port.,1952,1200,', 'Runs the port.,1952,"[1200,[1300]]",')])
edit(inv+'wrong-type', [(R, '4500000', '4.5M')])
edit(inv+'no-evidence', [(R, 'sued,confirmed,2022-09-01,,,,,court-2022', 'sued,confirmed,2022-09-01,,,,,')])
edit(inv+'orphan-entity', [], None)
fs = files(); fs[E] += 'lonely,Lonely Holdings,organization,,,,,\n'; write(inv+'orphan-entity', fs)
fs = files(); fs[S] += 'unused,An uncited report,report,,,\n'; write(inv+'uncited-source', fs)
fs = files(); fs[R] += ',harbour-watch,port-authority,sued,confirmed,2022-09-01,,,,,court-2022,p. 2,,,,\n'; write(inv+'duplicate-relationship', fs)
edit(inv+'trimmed-id', [(R, ',m-ortiz,deepwater,board_member_of', ',m-ortiz, deepwater ,board_member_of')])
edit(inv+'duplicate-header', [(R, ',quote,disputed_by', ',locator,disputed_by')])
edit(inv+'cell-without-header', [(E, 'harbour-watch,Harbour Watch,organization,"Harbour Watch e.V.\\; HW",An NGO.,2010,,', 'harbour-watch,Harbour Watch,organization,"Harbour Watch e.V.\\; HW",An NGO.,2010,,,extra')])
edit(inv+'no-header-row', [(E, 'id,name,kind,aliases,description,start,properties.employees,properties.listed\n', '')])
fs = files(); fs[S] = ''; write(inv+'empty-file', fs)
fs = files(); fs[E] = fs[E].replace('Marta Ortiz', 'Marta Ortíz').encode('cp1252'); write(inv+'not-utf8', fs)
fs = files(); fs['views.json'] = '{\n  "views": [\n    {\n      "id": "the-contract",\n      "title": "The dredging contract",\n      "highlight": { "relationships": ["contrct"] }\n    }\n  ]\n}\n'; write(inv+'unknown-relationship', fs)
edit(inv+'unclosed-quote', [(E, '"Harbour Watch e.V.\\; HW"', '"Harbour Watch e.V.\\; HW')])
write(inv+'unreadable-workbook', {'case.xlsx': 'this is not a workbook\n'})

# Valid files of every shape a spreadsheet program writes: read the same as harbour.
ed = 'edge/'
fs = files(); write(ed+'bom', {n: '\ufeff' + t for n, t in fs.items()})
fs = files(); write(ed+'crlf', {n: t.replace('\n', '\r\n') for n, t in fs.items()})
fs = files(); write(ed+'trailing-empty-line', {n: t + '\n' for n, t in fs.items()})
fs = files(); write(ed+'no-final-newline', {n: t.rstrip('\n') for n, t in fs.items()})
fs = files(); write(ed+'blank-rows', {n: t.replace('\n', '\n\n', 2).replace('\n\n', '\n,,,\n', 1) for n, t in fs.items()})

import csv, io
def rows(t): return list(csv.reader(io.StringIO(t)))
def dump(rs, **kw):
    out = io.StringIO(); w = csv.writer(out, lineterminator='\n', **kw); w.writerows(rs); return out.getvalue()
fs = files(); write(ed+'columns-reversed', {n: dump([(r + [''] * (len(rows(t)[0]) - len(r)))[::-1] for r in rows(t)]) for n, t in fs.items()})
fs = files(); write(ed+'all-quoted', {n: dump(rows(t), quoting=csv.QUOTE_ALL) for n, t in fs.items()})
def pad(t, keep):
    rs = rows(t); h = rs[0]
    return dump([[c if (i == 0 or h[j] in keep or not c) else '  ' + c + ' ' for j, c in enumerate(r)] for i, r in enumerate(rs)])
ids = {'id', 'from', 'to', 'source', 'disputed_by', 'dispute_source'}
fs = files(); write(ed+'spaces-around-cells', {n: pad(t, ids) for n, t in fs.items()})
fs = files(); fs[R] = fs[R].replace('"No comparison of offers was documented."', '"No comparison of offers\nwas documented, ""as required""."', 1); write(ed+'quoted-newline', fs)
