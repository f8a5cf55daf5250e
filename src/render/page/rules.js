// The command line's rules, in the page (loaded before page.js, in the same
// inline script): the date filters (src/query/filter.rs, src/model/date.rs),
// the search ranking (src/query/search.rs), the path rule
// (src/query/path/fewest_hops.rs, weights in src/format/vocab.rs) and the
// no-path explanation (src/query/path/explain.rs, worded as src/cli/words.rs
// words it). They must stay in step with the Rust: the browser tests compare
// the page with the command line on each. Nothing here touches the page.
'use strict';
// A filter is `{statuses: Set, noDisputed, asOf, between}`, dates as
// parseDate returns them.
// eslint-disable-next-line no-unused-vars
function casegraphRules(DATA) {
  const STATUS_IDS = DATA.statuses.map((s) => s.id);
  const STATUS_RANK = new Map(STATUS_IDS.map((s, i) => [s, i]));
  const STATUS = new Map(DATA.statuses.map((s) => [s.id, s]));
  const ENT = new Map(DATA.entities.map((e) => [e.id, e]));

  // ---- dates: src/model/date.rs. A partial date covers its period. ----
  function daysIn(y, m) {
    if (m === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
    return [4, 6, 9, 11].includes(m) ? 30 : 31;
  }
  const pad = (n, w) => String(n).padStart(w, '0');
  function parseDate(text) {
    const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text || '');
    if (!m) return null;
    const y = +m[1];
    if (y < 1000) return null;
    const mo = m[2] ? +m[2] : 0;
    const d = m[3] ? +m[3] : 0;
    if (m[2] && (mo < 1 || mo > 12)) return null;
    if (m[3] && (d < 1 || d > daysIn(y, mo))) return null;
    const lastMo = mo || 12;
    return {
      text,
      first: `${pad(y, 4)}-${pad(mo || 1, 2)}-${pad(d || 1, 2)}`,
      last: `${pad(y, 4)}-${pad(lastMo, 2)}-${pad(d || daysIn(y, lastMo), 2)}`,
    };
  }

  // ---- the filters: Filter::allows_relationship in src/query/filter.rs ----
  // `force` is [first day, last day] in force (null = open), from Rust:
  // undated relationships always pass the date filters.
  function passes(r, f) {
    if (!f.statuses.has(r.status)) return false;
    if (f.noDisputed && r.disputes.length) return false;
    if (r.force) {
      const lo = r.force[0] || '0000-00-00';
      const hi = r.force[1] || '9999-99-99';
      if (f.asOf && (hi < f.asOf.first || lo > f.asOf.last)) return false;
      if (f.between && (hi < f.between[0].first || lo > f.between[1].last)) return false;
    }
    return true;
  }
  function minStatusSet(st) {
    const k = STATUS_RANK.get(st);
    return new Set(STATUS_IDS.filter((x) => STATUS_RANK.get(x) <= k));
  }
  const sameSet = (a, b) => a.size === b.size && [...a].every((x) => b.has(x));
  // The filters in force, as the command line's flags (src/cli/words.rs).
  function filterFlags(f) {
    const out = [];
    if (!sameSet(f.statuses, new Set(STATUS_IDS))) {
      const sorted = STATUS_IDS.filter((x) => f.statuses.has(x));
      const w = sorted[sorted.length - 1];
      if (w && sameSet(f.statuses, minStatusSet(w))) out.push({ field: 'statuses', flag: `--min-status ${w}` });
      else out.push({ field: 'statuses', flag: `--status ${sorted.join(',')}` });
    }
    if (f.noDisputed) out.push({ field: 'noDisputed', flag: '--no-disputed' });
    if (f.asOf) out.push({ field: 'asOf', flag: `--as-of ${f.asOf.text}` });
    if (f.between) out.push({ field: 'between', flag: `--between ${f.between[0].text} ${f.between[1].text}` });
    return out;
  }
  function without(f, field) {
    const g = { statuses: f.statuses, noDisputed: f.noDisputed, asOf: f.asOf, between: f.between };
    if (field === 'statuses') g.statuses = new Set(STATUS_IDS);
    if (field === 'noDisputed') g.noDisputed = false;
    if (field === 'asOf') g.asOf = null;
    if (field === 'between') g.between = null;
    return g;
  }
  const NO_FILTER = { statuses: new Set(STATUS_IDS), noDisputed: false, asOf: null, between: null };

  // ---- search: the rule of src/query/search.rs ----
  // Fold: NFKD, combining marks dropped, lower case. Classify each of id,
  // name, aliases as exact < prefix (of the text or of one of its words)
  // < substring < fuzzy (Damerau–Levenshtein ≤ 1, ≤ 2 from 8 characters,
  // queries of 4 characters or more); keep an entity's best (kind, field);
  // sort by kind, field (id < name < alias), then id.
  const fold = (t) => t.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  const WORD_SPLIT = /[^\p{Alphabetic}\p{N}]/u;
  // Unrestricted Damerau–Levenshtein distance over code points, as strsim's
  // `damerau_levenshtein`.
  function damerau(a, b) {
    a = Array.from(a);
    b = Array.from(b);
    const n = a.length;
    const m = b.length;
    if (!n) return m;
    if (!m) return n;
    const maxd = n + m;
    const last = new Map();
    const w = m + 2;
    const d = new Array((n + 2) * w).fill(0);
    d[0] = maxd;
    for (let i = 0; i <= n; i++) {
      d[(i + 1) * w] = maxd;
      d[(i + 1) * w + 1] = i;
    }
    for (let j = 0; j <= m; j++) {
      d[j + 1] = maxd;
      d[w + j + 1] = j;
    }
    for (let i = 1; i <= n; i++) {
      let db = 0;
      for (let j = 1; j <= m; j++) {
        const k = last.get(b[j - 1]) || 0;
        const l = db;
        let cost = 1;
        if (a[i - 1] === b[j - 1]) {
          cost = 0;
          db = j;
        }
        d[(i + 1) * w + j + 1] = Math.min(
          d[i * w + j] + cost,
          d[(i + 1) * w + j] + 1,
          d[i * w + j + 1] + 1,
          d[k * w + l] + (i - k - 1) + 1 + (j - l - 1),
        );
      }
      last.set(a[i - 1], i);
    }
    return d[(n + 1) * w + m + 1];
  }
  function classify(q, c) {
    if (c === q) return 0;
    const words = c.split(WORD_SPLIT);
    if (c.startsWith(q) || words.some((x) => x && x.startsWith(q))) return 1;
    if (c.includes(q)) return 2;
    const len = Array.from(q).length;
    if (len < 4) return -1;
    const limit = len >= 8 ? 2 : 1;
    const close = (x) => damerau(q, x) <= limit;
    return close(c) || words.some(close) ? 3 : -1;
  }
  const FOLDED = DATA.entities.map((e) => ({
    e,
    fields: [[0, fold(e.id)], [1, fold(e.name)], ...e.aliases.map((a) => [2, fold(a)])],
  }));
  function search(query) {
    const q = fold(query.trim());
    if (!q) return [];
    const hits = [];
    for (const { e, fields } of FOLDED) {
      let best = null;
      for (const [field, text] of fields) {
        const kind = classify(q, text);
        if (kind < 0) continue;
        if (!best || kind < best[0] || (kind === best[0] && field < best[1])) best = [kind, field];
      }
      if (best) hits.push({ e, kind: best[0], field: best[1] });
    }
    hits.sort((a, b) => a.kind - b.kind || a.field - b.field || (a.e.id < b.e.id ? -1 : a.e.id > b.e.id ? 1 : 0));
    return hits;
  }

  // ---- paths: src/query/path (fewest hops, then best evidence) ----
  // Among the shortest paths: the lowest credibility cost (each hop's
  // strongest relationship: its status's weight, plus DISPUTED_WEIGHT if
  // disputed), then the best weakest hop, then the first sequence of
  // entity ids. The strongest relationship of a hop is the one of lowest
  // weight, then id. Relationships are crossed in either direction.
  const credibility = (r) => STATUS.get(r.status).weight + (r.disputes.length ? DATA.disputedWeight : 0);
  const byId = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  function adjacency(f) {
    const adj = new Map();
    for (const r of DATA.relationships) {
      if (r.from === r.to || !passes(r, f)) continue;
      for (const [a, b] of [[r.from, r.to], [r.to, r.from]]) {
        if (!adj.has(a)) adj.set(a, []);
        adj.get(a).push([r, b]);
      }
    }
    return adj;
  }
  function bfs(adj, start, limit) {
    const dist = new Map([[start, 0]]);
    let frontier = [start];
    for (let k = 1; k <= limit && frontier.length; k++) {
      const next = [];
      for (const v of frontier) {
        for (const [, x] of adj.get(v) || []) {
          if (!dist.has(x)) {
            dist.set(x, k);
            next.push(x);
          }
        }
      }
      frontier = next;
    }
    return dist;
  }
  function findPath(from, to, f, maxHops) {
    const adj = adjacency(f);
    const ds = bfs(adj, from, maxHops);
    if (!ds.has(to)) return null;
    const d = ds.get(to);
    const dt = bfs(adj, to, d);
    const arcsMemo = new Map();
    function arcs(v) {
      if (arcsMemo.has(v)) return arcsMemo.get(v);
      const byNext = new Map();
      for (const [r, x] of adj.get(v) || []) {
        if (ds.get(x) !== ds.get(v) + 1 || ds.get(x) + dt.get(x) !== d) continue;
        if (!byNext.has(x)) byNext.set(x, []);
        byNext.get(x).push(r);
      }
      const out = [...byNext.entries()]
        .sort((a, b) => byId(a[0], b[0]))
        .map(([x, rels]) => {
          rels.sort((p, q) => credibility(p) - credibility(q) || byId(p.id, q.id));
          return { to: x, rel: rels[0], others: rels.slice(1), w: credibility(rels[0]), st: STATUS_RANK.get(rels[0].status) };
        });
      arcsMemo.set(v, out);
      return out;
    }
    const bestMemo = new Map();
    const better = (a, b) => a[0] < b[0] || (a[0] === b[0] && a[1] < b[1]);
    function best(v) {
      if (v === to) return [0, 0];
      if (bestMemo.has(v)) return bestMemo.get(v);
      let g = [Infinity, 99];
      for (const a of arcs(v)) {
        const c = best(a.to);
        const cand = [a.w + c[0], Math.max(a.st, c[1])];
        if (better(cand, g)) g = cand;
      }
      bestMemo.set(v, g);
      return g;
    }
    const target = best(from);
    const hops = [];
    let v = from;
    let cost = 0;
    let weak = 0;
    while (v !== to) {
      const next = arcs(v).find((a) => {
        const c = best(a.to);
        return cost + a.w + c[0] === target[0] && Math.max(weak, a.st, c[1]) === target[1];
      });
      if (!next) return null;
      hops.push({ from: v, to: next.to, rel: next.rel, others: next.others });
      cost += next.w;
      weak = Math.max(weak, next.st);
      v = next.to;
    }
    return { hops, weakest: STATUS_IDS[target[1]] };
  }
  // Why there is no path: src/query/path/explain.rs, worded as src/cli/words.rs.
  function explainNoPath(from, to, f) {
    const hopsWord = (n) => `${n} ${n === 1 ? 'hop' : 'hops'}`;
    const flags = filterFlags(f);
    const notes = [];
    const quoted = (f) => '`' + f.flag + '`';
    let filtersNotReason = false;
    if (flags.length) {
      const all = findPath(from, to, NO_FILTER, DATA.maxHops);
      if (all) {
        const n = all.hops.length;
        const culprits = flags.filter((x) => findPath(from, to, without(f, x.field), DATA.maxHops));
        if (!culprits.length) {
          notes.push(`the filters together cut the connection (${flags.map(quoted).join(' ')}): no one of them alone does; without them there is a path of ${hopsWord(n)}`);
        } else if (culprits.length === 1) {
          notes.push(`the filter ${quoted(culprits[0])} cut the connection: without it there is a path (of ${hopsWord(n)} without any filter)`);
        } else {
          notes.push(`each of the filters ${culprits.map(quoted).join(', ')} cuts the connection: dropping any one of them leaves a path (of ${hopsWord(n)} without any filter)`);
        }
      } else {
        filtersNotReason = true;
        notes.push('the filters are not the reason: there is no path without them either');
      }
    }
    if (!flags.length || filtersNotReason) {
      const far = findPath(from, to, NO_FILTER, DATA.searchHops);
      if (far && far.hops.length > DATA.maxHops) notes.push(`the shortest connection has ${hopsWord(far.hops.length)}; raise \`--max-hops\``);
      else if (!far) notes.push('the two entities are not connected at all');
    }
    const name = (id) => `${ENT.get(id).name} (\`${id}\`)`;
    let head = `no path from ${name(from)} to ${name(to)} within ${hopsWord(DATA.maxHops)}`;
    if (flags.length) head += ` with \`${flags.map((f) => f.flag).join(' ')}\``;
    return { head, notes };
  }

  return { parseDate, passes, minStatusSet, sameSet, filterFlags, without, NO_FILTER, search, findPath, explainNoPath, byId };
}
