// casegraph's interactive page. Plain JavaScript, no library; rules.js (the
// command line's rules) comes before it in the same script.
//
// Everything it shows comes from the inline JSON (#casegraph-data), which
// Rust wrote (src/render/page/mod.rs); data only ever reaches the page as
// text (textContent, attribute values set one by one), never as markup or
// code.
(function () {
  const DATA = JSON.parse(document.getElementById('casegraph-data').textContent);
  const STATUS_IDS = DATA.statuses.map((s) => s.id);
  const STATUS_RANK = new Map(STATUS_IDS.map((s, i) => [s, i]));
  const STATUS = new Map(DATA.statuses.map((s) => [s.id, s]));
  const ENT = new Map(DATA.entities.map((e) => [e.id, e]));
  const REL = new Map(DATA.relationships.map((r) => [r.id, r]));
  const SOURCES = DATA.sources;
  const VIEWS = DATA.views;
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const rules = casegraphRules(DATA);
  const { parseDate, minStatusSet, sameSet, filterFlags, search, findPath, explainNoPath, byId } = rules;
  // Whether a relationship passes the filters in force (`state`, below).
  const passes = (r) => rules.passes(r, state);
  // The colours the data drives come from src/format/palette.rs, through the
  // data: the stylesheet reads them as custom properties (CSSOM, which the
  // Content-Security-Policy allows; no style attribute is ever written).
  for (const [k, v] of Object.entries(DATA.palette)) document.documentElement.style.setProperty(`--${k}`, v);
  for (const st of DATA.statuses) document.documentElement.style.setProperty(`--status-${st.id}`, st.color);

  // ---- small DOM helpers: text only, never HTML ----
  function h(tag, props, ...children) {
    const e = document.createElement(tag);
    if (props) {
      for (const [k, v] of Object.entries(props)) {
        if (v === null || v === undefined || v === false) continue;
        if (k === 'class') e.className = v;
        else if (k === 'text') e.textContent = v;
        else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
        else e.setAttribute(k, v === true ? '' : String(v));
      }
    }
    for (const c of children) {
      if (c === null || c === undefined || c === false) continue;
      e.append(typeof c === 'string' ? document.createTextNode(c) : c);
    }
    return e;
  }
  function s(tag, attrs) {
    const e = document.createElementNS(SVG_NS, tag);
    for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, String(v));
    return e;
  }
  // Names can hold bidirectional controls: isolate them from the text around.
  const bdi = (text) => h('bdi', { text });
  const isHttp = (u) => typeof u === 'string' && /^https?:\/\/[^\s/?#]+/i.test(u);
  function link(url, text) {
    if (!isHttp(url)) return document.createTextNode(text || '');
    return h('a', { href: url, rel: 'noopener noreferrer', target: '_blank', text: text || url });
  }

  // ---- the diagram's elements, by id ----
  const diagram = document.getElementById('diagram');
  const svg = diagram ? diagram.querySelector('svg') : null;
  const entEls = new Map();
  const relEls = new Map();
  if (svg) {
    for (const g of svg.querySelectorAll('[data-entity]')) entEls.set(g.getAttribute('data-entity'), g);
    for (const g of svg.querySelectorAll('[data-relationship]')) relEls.set(g.getAttribute('data-relationship'), g);
  }
  const incident = new Map(DATA.entities.map((e) => [e.id, []]));
  for (const r of DATA.relationships) {
    incident.get(r.from).push(r);
    if (r.to !== r.from) incident.get(r.to).push(r);
  }

  // ---- state (mirrored in the URL fragment) ----
  const state = {
    statuses: new Set(STATUS_IDS),
    noDisputed: false,
    asOf: null, // {text, first, last}
    between: null, // [{…}, {…}]
    entity: null,
    relationship: null,
    path: null, // [from, to]
    view: null,
  };

  // ---- pan and zoom: the SVG's viewBox ----
  let home = null;
  let vb = null;
  function setViewBox() {
    svg.setAttribute('viewBox', `${vb.x} ${vb.y} ${vb.w} ${vb.h}`);
  }
  function toUser(clientX, clientY) {
    const m = svg.getScreenCTM();
    if (!m) return { x: vb.x + vb.w / 2, y: vb.y + vb.h / 2 };
    const p = new DOMPoint(clientX, clientY).matrixTransform(m.inverse());
    return { x: p.x, y: p.y };
  }
  function zoom(factor, cx, cy) {
    const nw = Math.min(Math.max(vb.w / factor, home.w / 40), home.w * 4);
    const k = nw / vb.w;
    vb = { x: cx - (cx - vb.x) * k, y: cy - (cy - vb.y) * k, w: vb.w * k, h: vb.h * k };
    setViewBox();
  }
  function zoomCentre(factor) {
    zoom(factor, vb.x + vb.w / 2, vb.y + vb.h / 2);
  }
  function fit() {
    vb = { ...home };
    setViewBox();
  }
  // Centres `el`, zooming in first when the whole graph is in view: a
  // selected entity should be readable, not a dot.
  function centreOn(el) {
    const r = el.getBoundingClientRect();
    if (!r.width && !r.height) return;
    const c = toUser(r.left + r.width / 2, r.top + r.height / 2);
    const w = Math.min(vb.w, Math.max(home.w / 3, 600));
    const k = w / vb.w;
    vb = { x: c.x - w / 2, y: c.y - (vb.h * k) / 2, w, h: vb.h * k };
    setViewBox();
  }
  // Fits the view to what is shown of `els` (a story step, a path).
  function fitTo(els) {
    let x0 = Infinity;
    let y0 = Infinity;
    let x1 = -Infinity;
    let y1 = -Infinity;
    for (const el of els) {
      const r = el.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      const a = toUser(r.left, r.top);
      const b = toUser(r.right, r.bottom);
      x0 = Math.min(x0, a.x);
      y0 = Math.min(y0, a.y);
      x1 = Math.max(x1, b.x);
      y1 = Math.max(y1, b.y);
    }
    if (!(x1 > x0)) return fit();
    const m = Math.max(x1 - x0, y1 - y0) * 0.05 + 10;
    vb = { x: x0 - m, y: y0 - m, w: x1 - x0 + 2 * m, h: y1 - y0 + 2 * m };
    setViewBox();
  }
  let dragged = false;
  if (svg) {
    const parts = (svg.getAttribute('viewBox') || '0 0 100 100').split(/[\s,]+/).map(Number);
    home = { x: parts[0], y: parts[1], w: parts[2], h: parts[3] };
    vb = { ...home };
    svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
    svg.addEventListener('wheel', (ev) => {
      ev.preventDefault();
      const p = toUser(ev.clientX, ev.clientY);
      zoom(Math.exp(-ev.deltaY * (ev.deltaMode === 1 ? 0.05 : 0.0015)), p.x, p.y);
    }, { passive: false });
    const pointers = new Map();
    let start = null;
    let pinch = null;
    svg.addEventListener('pointerdown', (ev) => {
      pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
      dragged = false;
      if (pointers.size === 1) start = { x: ev.clientX, y: ev.clientY, vb: { ...vb } };
      if (pointers.size === 2) {
        const [a, b] = [...pointers.values()];
        pinch = { d: Math.hypot(a.x - b.x, a.y - b.y), w: vb.w };
      }
    });
    svg.addEventListener('pointermove', (ev) => {
      if (!pointers.has(ev.pointerId)) return;
      pointers.set(ev.pointerId, { x: ev.clientX, y: ev.clientY });
      if (pointers.size === 2 && pinch) {
        const [a, b] = [...pointers.values()];
        const d = Math.hypot(a.x - b.x, a.y - b.y);
        const c = toUser((a.x + b.x) / 2, (a.y + b.y) / 2);
        if (d > 0) zoom((d / pinch.d) * (pinch.w / vb.w), c.x, c.y);
        dragged = true;
        return;
      }
      if (!start) return;
      const dx = ev.clientX - start.x;
      const dy = ev.clientY - start.y;
      if (!dragged && Math.hypot(dx, dy) < 4) return;
      if (!dragged) svg.setPointerCapture(ev.pointerId);
      dragged = true;
      const rect = svg.getBoundingClientRect();
      const scale = Math.max(start.vb.w / rect.width, start.vb.h / rect.height);
      vb = { ...start.vb, x: start.vb.x - dx * scale, y: start.vb.y - dy * scale };
      setViewBox();
    });
    const up = (ev) => {
      pointers.delete(ev.pointerId);
      if (pointers.size < 2) pinch = null;
      if (!pointers.size) start = null;
    };
    svg.addEventListener('pointerup', up);
    svg.addEventListener('pointercancel', up);
    svg.addEventListener('click', (ev) => {
      if (dragged) {
        dragged = false;
        return;
      }
      const g = ev.target.closest('[data-entity],[data-relationship]');
      if (!g) return;
      if (g.hasAttribute('data-entity')) selectEntity(g.getAttribute('data-entity'), false);
      else selectRelationship(g.getAttribute('data-relationship'), false);
    });
    svg.addEventListener('keydown', (ev) => {
      if (ev.key !== 'Enter' && ev.key !== ' ') return;
      const g = ev.target.closest('[data-entity],[data-relationship]');
      if (!g) return;
      ev.preventDefault();
      if (g.hasAttribute('data-entity')) selectEntity(g.getAttribute('data-entity'), false);
      else selectRelationship(g.getAttribute('data-relationship'), false);
    });
  }
  // Keys, outside the form fields: + - 0 zoom, / searches, Escape deselects.
  document.addEventListener('keydown', (ev) => {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    const t = ev.target;
    if (t && (t.tagName === 'INPUT' || t.tagName === 'SELECT' || t.tagName === 'TEXTAREA')) return;
    if (svg && (ev.key === '+' || ev.key === '=')) zoomCentre(1.25);
    else if (svg && (ev.key === '-' || ev.key === '_')) zoomCentre(0.8);
    else if (svg && ev.key === '0') fit();
    else if (ev.key === 'Escape') clearSelection();
    else if (ev.key === '/') searchInput.focus();
    else return;
    ev.preventDefault();
  });

  // ---- the controls ----
  const controls = document.getElementById('controls');
  const panel = document.getElementById('panel');
  const storyBox = document.getElementById('story');
  const timelineBox = document.getElementById('timeline');

  const searchInput = h('input', {
    type: 'search', id: 'search', placeholder: 'Search names, aliases, ids  ( / )', autocomplete: 'off',
    role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': 'search-results',
    'aria-label': 'Search entities',
  });
  const results = h('ul', { id: 'search-results', class: 'results', role: 'listbox', hidden: true, 'aria-label': 'Search results' });
  let hits = [];
  let active = -1;
  function showResults() {
    hits = search(searchInput.value).slice(0, 12);
    active = hits.length ? 0 : -1;
    results.replaceChildren();
    hits.forEach((hit, i) => {
      const li = h('li', { id: `search-hit-${i}`, role: 'option', 'aria-selected': String(i === active), class: i === active ? 'active' : null },
        bdi(hit.e.name), h('span', { class: 'muted', text: ` · ${hit.e.kind} · ${hit.e.id}` }));
      li.addEventListener('mousedown', (ev) => {
        ev.preventDefault();
        pick(i);
      });
      results.append(li);
    });
    if (searchInput.value.trim() && !hits.length) results.append(h('li', { class: 'muted', text: 'No entity matches.' }));
    const open = !!searchInput.value.trim();
    results.hidden = !open;
    searchInput.setAttribute('aria-expanded', String(open));
    searchInput.setAttribute('aria-activedescendant', active >= 0 ? `search-hit-${active}` : '');
  }
  function markActive() {
    [...results.children].forEach((li, i) => {
      li.classList.toggle('active', i === active);
      li.setAttribute('aria-selected', String(i === active));
    });
    searchInput.setAttribute('aria-activedescendant', active >= 0 ? `search-hit-${active}` : '');
  }
  function pick(i) {
    const hit = hits[i];
    if (!hit) return;
    results.hidden = true;
    searchInput.setAttribute('aria-expanded', 'false');
    selectEntity(hit.e.id, true);
  }
  searchInput.addEventListener('input', showResults);
  searchInput.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' && hits.length) {
      active = (active + 1) % hits.length;
      markActive();
      ev.preventDefault();
    } else if (ev.key === 'ArrowUp' && hits.length) {
      active = (active - 1 + hits.length) % hits.length;
      markActive();
      ev.preventDefault();
    } else if (ev.key === 'Enter') {
      if (!hits.length) showResults();
      pick(Math.max(active, 0));
      ev.preventDefault();
    } else if (ev.key === 'Escape') {
      results.hidden = true;
      searchInput.setAttribute('aria-expanded', 'false');
    }
  });
  searchInput.addEventListener('blur', () => {
    results.hidden = true;
    searchInput.setAttribute('aria-expanded', 'false');
  });

  // Status toggles, each with a sample of its line.
  const statusBoxes = new Map();
  const statusGroup = h('fieldset', { class: 'statuses' }, h('legend', { text: 'Show' }));
  for (const st of DATA.statuses) {
    const box = h('input', { type: 'checkbox', checked: true, id: `status-${st.id}`, 'data-status-toggle': st.id });
    box.addEventListener('change', () => {
      if (box.checked) state.statuses.add(st.id);
      else state.statuses.delete(st.id);
      update();
    });
    statusBoxes.set(st.id, box);
    const sample = s('svg', { width: 28, height: 10, 'aria-hidden': 'true', class: 'sample' });
    const line = s('line', { x1: 1, y1: 5, x2: 27, y2: 5, stroke: st.color, 'stroke-width': st.id === 'confirmed' ? 3 : 2 });
    if (st.dash === 'dashed') line.setAttribute('stroke-dasharray', '5 3');
    if (st.dash === 'dotted') line.setAttribute('stroke-dasharray', '1.5 2.5');
    sample.append(line);
    statusGroup.append(h('label', { for: `status-${st.id}` }, box, sample, st.legend));
  }
  const disputedBox = h('input', { type: 'checkbox', id: 'hide-disputed' });
  disputedBox.addEventListener('change', () => {
    state.noDisputed = disputedBox.checked;
    update();
  });
  statusGroup.append(h('label', { for: 'hide-disputed' }, disputedBox, 'hide disputed'));

  // Dates: as of one date, or between two (YYYY, YYYY-MM or YYYY-MM-DD).
  const dateMode = h('select', { id: 'date-mode', 'aria-label': 'Date filter' },
    h('option', { value: 'any', text: 'any date' }), h('option', { value: 'as-of', text: 'as of' }),
    h('option', { value: 'between', text: 'between' }));
  const datePattern = '\\d{4}(-\\d{2}(-\\d{2})?)?';
  const dateA = h('input', { type: 'text', id: 'date-a', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', pattern: datePattern, size: 10, 'aria-label': 'Date', hidden: true });
  const dateB = h('input', { type: 'text', id: 'date-b', inputmode: 'numeric', placeholder: 'YYYY-MM-DD', pattern: datePattern, size: 10, 'aria-label': 'End date', hidden: true });
  const dateNote = h('span', { class: 'muted date-note', 'aria-live': 'polite' });
  function readDates() {
    const mode = dateMode.value;
    dateA.hidden = mode === 'any';
    dateB.hidden = mode !== 'between';
    state.asOf = null;
    state.between = null;
    dateNote.textContent = '';
    const a = parseDate(dateA.value.trim());
    const b = parseDate(dateB.value.trim());
    if (mode === 'as-of') {
      if (a) state.asOf = a;
      else if (dateA.value.trim()) dateNote.textContent = 'expected YYYY, YYYY-MM or YYYY-MM-DD';
    } else if (mode === 'between') {
      if (a && b && a.first <= b.last) state.between = [a, b];
      else if (dateA.value.trim() && dateB.value.trim()) dateNote.textContent = 'two dates, the first not after the second';
    }
    update();
  }
  for (const x of [dateMode, dateA, dateB]) x.addEventListener('change', readDates);
  for (const x of [dateA, dateB]) x.addEventListener('input', () => { if (parseDate(x.value.trim())) readDates(); });
  const dateGroup = h('fieldset', { class: 'dates' }, h('legend', { text: 'When' }), dateMode, dateA, dateB, dateNote);

  // Path mode: two entity pickers.
  const byName = [...DATA.entities].sort((a, b) => a.name.localeCompare(b.name) || byId(a.id, b.id));
  function picker(id, label) {
    const sel = h('select', { id, 'aria-label': label }, h('option', { value: '', text: label }));
    for (const e of byName) sel.append(h('option', { value: e.id, text: e.name }));
    return sel;
  }
  const pathFrom = picker('path-from', 'from…');
  const pathTo = picker('path-to', 'to…');
  const pathGo = h('button', { type: 'button', id: 'path-go', text: 'Find path' });
  const pathClear = h('button', { type: 'button', id: 'path-clear', text: 'Clear' });
  pathGo.addEventListener('click', () => {
    if (!pathFrom.value || !pathTo.value) return;
    state.path = [pathFrom.value, pathTo.value];
    state.view = null;
    state.entity = null;
    state.relationship = null;
    update();
  });
  pathClear.addEventListener('click', () => {
    state.path = null;
    update();
  });
  const pathGroup = h('fieldset', { class: 'path' }, h('legend', { text: 'Path' }), pathFrom, pathTo, pathGo, pathClear);

  const storyButton = h('button', { type: 'button', id: 'story-start', text: 'Story', disabled: !VIEWS.length });
  storyButton.addEventListener('click', () => {
    state.view = state.view ? null : VIEWS[0].id;
    state.path = null;
    state.entity = null;
    state.relationship = null;
    update();
  });
  const zoomGroup = h('div', { class: 'zoom', role: 'group', 'aria-label': 'Zoom' },
    h('button', { type: 'button', 'aria-label': 'Zoom in', text: '+', onclick: () => svg && zoomCentre(1.25) }),
    h('button', { type: 'button', 'aria-label': 'Zoom out', text: '−', onclick: () => svg && zoomCentre(0.8) }),
    h('button', { type: 'button', 'aria-label': 'Fit to window', text: 'Fit', onclick: () => svg && fit() }));
  controls.append(h('div', { class: 'search' }, searchInput, results), statusGroup, dateGroup, pathGroup,
    h('div', { class: 'buttons' }, storyButton, svg ? zoomGroup : null));

  // ---- the details panel: the facts of `casegraph show` (src/cli/show.rs) ----
  function entityButton(id) {
    const e = ENT.get(id);
    const b = h('button', { type: 'button', class: 'linkish', 'data-goto-entity': id }, bdi(e ? e.name : id));
    b.addEventListener('click', () => selectEntity(id, true));
    return b;
  }
  function sourceLine(src, locator) {
    const meta = [src.publisher, src.published, locator].filter(Boolean).join(', ');
    return h('span', null, h('cite', null, bdi(src.title)), meta ? ' — ' : null, meta ? bdi(meta) : null);
  }
  function evidence(r) {
    const box = h('div', { class: 'evidence' });
    const ol = h('ol', { class: 'citations' });
    for (const c of r.citations) {
      const src = SOURCES[c.source];
      const li = h('li', null, sourceLine(src, c.locator));
      if (c.quote) li.append(h('blockquote', null, bdi(`“${c.quote}”`)));
      if (src.url) li.append(h('div', { class: 'url' }, link(src.url)));
      if (src.archived) li.append(h('div', { class: 'url' }, 'archived: ', link(src.archived)));
      ol.append(li);
    }
    box.append(h('h3', { text: r.citations.length === 1 ? 'Citation' : `Citations (${r.citations.length})` }), ol);
    if (r.disputes.length) {
      const ul = h('ul', { class: 'disputes' });
      for (const d of r.disputes) {
        const src = SOURCES[d.source];
        const li = h('li', null, 'disputed by ', entityButton(d.by), ' — ', sourceLine(src, null));
        if (d.quote) li.append(h('blockquote', null, bdi(`“${d.quote}”`)));
        if (src.url) li.append(h('div', { class: 'url' }, link(src.url)));
        ul.append(li);
      }
      box.append(h('h3', { class: 'alarm', text: 'Disputed' }), ul);
    }
    return box;
  }
  function statusBadge(r) {
    return h('span', { class: `badge status-${r.status}` }, r.status, r.disputes.length ? ' · disputed' : '');
  }
  function relLine(r) {
    const arrow = r.directed ? '→' : '—';
    const bits = [r.label, r.when, r.amount].filter(Boolean).join(' · ');
    // As `show` writes it (src/cli/fmt.rs, rel_line): `A —[label · date]→ B`.
    const b = h('button', { type: 'button', class: 'linkish rel-line', 'data-goto-relationship': r.id },
      bdi(ENT.get(r.from).name), ' —[', bdi(bits), `]${arrow} `, bdi(ENT.get(r.to).name));
    b.addEventListener('click', () => selectRelationship(r.id, true));
    return h('span', null, b, ' ', statusBadge(r), passes(r) ? null : h('span', { class: 'muted', text: ' (hidden by the filters)' }));
  }
  // A hop in the path's direction, as `path` writes it (src/cli/path.rs):
  // `A —[label · date · status]→ B`, or `A ←[…]— B` against the arrow.
  function hopLine(hop) {
    const r = hop.rel;
    const bits = [r.label, r.when, r.amount, r.status, r.disputes.length ? 'disputed' : null].filter(Boolean).join(' · ');
    const forward = r.from === hop.from;
    const [open, close] = !r.directed ? [' —[', ']— '] : forward ? [' —[', ']→ '] : [' ←[', ']— '];
    const b = h('button', { type: 'button', class: 'linkish rel-line', 'data-goto-relationship': r.id },
      bdi(ENT.get(hop.from).name), open, bdi(bits), close, bdi(ENT.get(hop.to).name));
    b.addEventListener('click', () => selectRelationship(r.id, true));
    return b;
  }
  function showEntity(id) {
    const e = ENT.get(id);
    const card = h('article', { class: 'card', 'data-card-entity': id });
    card.append(h('h2', null, bdi(e.name)), h('p', { class: 'muted' }, `${e.kind} · `, h('code', { text: e.id })));
    if (e.aliases.length) card.append(h('p', null, 'also known as: ', bdi(e.aliases.join('; '))));
    if (e.description) card.append(h('p', null, bdi(e.description)));
    if (e.when) card.append(h('p', { text: e.when }));
    if (e.url) card.append(h('p', { class: 'url' }, link(e.url)));
    for (const [k, v] of e.properties) card.append(h('p', null, h('span', { class: 'muted' }, bdi(k), ': '), bdi(v)));
    const rels = [...incident.get(id)].sort((a, b) => a.rank - b.rank);
    card.append(h('h3', { text: `${rels.length} ${rels.length === 1 ? 'relationship' : 'relationships'}` }));
    let current = null;
    let ul = null;
    for (const r of rels) {
      if (r.type !== current) {
        current = r.type;
        card.append(h('h4', { text: r.type.replace(/_/g, ' ') }));
        ul = h('ul', { class: 'rels' });
        card.append(ul);
      }
      ul.append(h('li', null, relLine(r)));
    }
    panel.replaceChildren(card);
  }
  function showRelationship(id) {
    const r = REL.get(id);
    const card = h('article', { class: 'card', 'data-card-relationship': id });
    card.append(h('h2', null, entityButton(r.from), ' — ', bdi(r.label), ` ${r.directed ? '→' : '—'} `, entityButton(r.to)));
    card.append(h('p', null, statusBadge(r), ' ', h('span', { class: 'muted' }, r.type.replace(/_/g, ' '), ' · ', h('code', { text: r.id }))));
    if (r.when) card.append(h('p', { text: r.when }));
    if (r.amount) card.append(h('p', { text: r.amount }));
    if (!passes(r)) card.append(h('p', { class: 'muted', text: 'Hidden in the diagram by the filters.' }));
    card.append(evidence(r));
    panel.replaceChildren(card);
  }
  function showHint() {
    panel.replaceChildren(h('p', { class: 'hint', text: 'Click an entity or a relationship, or search, to see its details and evidence.' }));
  }

  function selectEntity(id, centre) {
    if (!ENT.has(id)) return;
    state.entity = id;
    state.relationship = null;
    update();
    const el = entEls.get(id);
    if (el && centre) centreOn(el);
  }
  function selectRelationship(id, centre) {
    if (!REL.has(id)) return;
    state.relationship = id;
    state.entity = null;
    update();
    const el = relEls.get(id);
    if (el && centre) centreOn(el);
  }
  function clearSelection() {
    state.entity = null;
    state.relationship = null;
    update();
  }

  // ---- the timeline: every dated relationship on one axis ----
  const tlMarks = new Map();
  function buildTimeline() {
    const dated = DATA.relationships.filter((r) => r.force);
    if (!dated.length) {
      timelineBox.append(h('p', { class: 'muted', text: 'No dated relationships.' }));
      return;
    }
    const ms = (iso) => Date.UTC(+iso.slice(0, 4), +iso.slice(5, 7) - 1, +iso.slice(8, 10));
    let lo = Infinity;
    let hi = -Infinity;
    for (const r of dated) {
      const a = r.force[0] ? ms(r.force[0]) : null;
      const b = r.force[1] ? ms(r.force[1]) : null;
      for (const x of [a, b]) if (x !== null) { lo = Math.min(lo, x); hi = Math.max(hi, x); }
    }
    const y0 = new Date(lo).getUTCFullYear();
    const y1 = new Date(hi).getUTCFullYear() + 1;
    lo = Date.UTC(y0, 0, 1);
    hi = Date.UTC(y1, 0, 1);
    // Drawn in pixels at the width the strip has, so text stays unscaled.
    const W = Math.max(480, timelineBox.clientWidth - 40);
    const pad = 14;
    const x = (t) => pad + ((t - lo) / (hi - lo)) * (W - 2 * pad);
    const items = dated.map((r) => {
      const a = r.force[0] ? x(ms(r.force[0])) : pad;
      const b = r.date ? a : r.force[1] ? x(ms(r.force[1])) : W - pad;
      return { r, a, b: Math.max(b, a + 4) };
    }).sort((p, q) => p.a - q.a || byId(p.r.id, q.r.id));
    // Greedy lanes, at most MAX_LANES: past that a mark shares the lane
    // that frees up first (a large dataset overlaps rather than grows).
    const MAX_LANES = 40;
    const lanes = [];
    for (const it of items) {
      let lane = lanes.findIndex((end) => end + 3 < it.a);
      if (lane < 0 && lanes.length < MAX_LANES) {
        lane = lanes.length;
        lanes.push(0);
      } else if (lane < 0) {
        lane = lanes.indexOf(Math.min(...lanes));
      }
      lanes[lane] = it.b;
      it.lane = lane;
    }
    const LH = 5;
    // The years along the top, so a strip taller than its box keeps them in view.
    const H = lanes.length * LH + 22;
    const t = s('svg', { viewBox: `0 0 ${W} ${H}`, width: W, height: H, class: 'tl', role: 'group', 'aria-label': 'Timeline of the dated relationships' });
    const step = Math.max(1, Math.ceil((y1 - y0) / 12));
    for (let y = y0; y <= y1; y += step) {
      const xx = x(Date.UTC(y, 0, 1));
      t.append(s('line', { x1: xx, x2: xx, y1: 13, y2: H, class: 'tick' }));
      const label = s('text', { x: xx, y: 10, class: 'year', 'text-anchor': 'middle' });
      label.textContent = String(y);
      t.append(label);
    }
    for (const it of items) {
      const st = STATUS.get(it.r.status);
      const yy = 18 + it.lane * LH;
      const g = s('g', { class: 'mark', tabindex: 0, role: 'button', 'data-timeline-relationship': it.r.id });
      const ln = s('line', { x1: it.a, x2: it.b, y1: yy, y2: yy, stroke: it.r.disputes.length ? DATA.palette.alarm : st.color, 'stroke-width': 3 });
      if (st.dash === 'dashed') ln.setAttribute('stroke-dasharray', '6 3');
      if (st.dash === 'dotted') ln.setAttribute('stroke-dasharray', '2 2');
      const title = s('title');
      title.textContent = `${ENT.get(it.r.from).name} — ${it.r.label} → ${ENT.get(it.r.to).name} · ${it.r.when} · ${it.r.status}`;
      // A wide invisible hit area: a 5-unit line is a small target.
      g.append(title, s('line', { x1: it.a, x2: it.b, y1: yy, y2: yy, stroke: 'transparent', 'stroke-width': LH, class: 'hit' }), ln);
      const hover = (on) => { const el = relEls.get(it.r.id); if (el) el.classList.toggle('hover', on); };
      g.addEventListener('mouseenter', () => hover(true));
      g.addEventListener('mouseleave', () => hover(false));
      g.addEventListener('focus', () => hover(true));
      g.addEventListener('blur', () => hover(false));
      g.addEventListener('click', () => selectRelationship(it.r.id, true));
      g.addEventListener('keydown', (ev) => { if (ev.key === 'Enter' || ev.key === ' ') { ev.preventDefault(); selectRelationship(it.r.id, true); } });
      tlMarks.set(it.r.id, g);
      t.append(g);
    }
    timelineBox.append(h('h2', { class: 'sr-only', text: 'Timeline' }), t);
  }

  // ---- the story: the dataset's views, as steps ----
  function showStory(step) {
    if (!step) {
      storyBox.hidden = true;
      storyBox.replaceChildren();
      return;
    }
    const i = VIEWS.indexOf(step);
    const prev = h('button', { type: 'button', id: 'story-prev', text: '← Previous', disabled: i === 0 });
    const next = h('button', { type: 'button', id: 'story-next', text: 'Next →', disabled: i === VIEWS.length - 1 });
    const exit = h('button', { type: 'button', id: 'story-exit', text: 'Leave the story' });
    prev.addEventListener('click', () => { state.view = VIEWS[i - 1].id; update(); });
    next.addEventListener('click', () => { state.view = VIEWS[i + 1].id; update(); });
    exit.addEventListener('click', () => { state.view = null; update(); });
    const box = h('div', { class: 'step', 'data-step': step.id },
      h('p', { class: 'muted', text: `Step ${i + 1} of ${VIEWS.length} · ${step.selects}` }),
      h('h2', null, bdi(step.title)));
    if (step.caption) box.append(h('p', null, bdi(step.caption)));
    if (step.error) box.append(h('p', { class: 'alarm', text: `Nothing to draw: ${step.error}` }));
    if (step.notes && step.notes.length) {
      const ol = h('ol', { class: 'notes' });
      for (const n of step.notes) {
        const target = n.entity ? entityButton(n.entity) : relButton(n.relationship);
        ol.append(h('li', null, bdi(n.text), ' (', target, ')'));
      }
      box.append(ol);
    }
    // The buttons first: a long caption scrolls, the way on stays in view.
    box.prepend(h('div', { class: 'buttons' }, prev, next, exit));
    storyBox.replaceChildren(box);
    storyBox.hidden = false;
  }
  function relButton(id) {
    const r = REL.get(id);
    const b = h('button', { type: 'button', class: 'linkish', 'data-goto-relationship': id }, bdi(r ? r.label : id));
    b.addEventListener('click', () => selectRelationship(id, true));
    return b;
  }

  // ---- the path's hops, in the panel ----
  function showPath(from, to, found) {
    const card = h('article', { class: 'card path-card' });
    card.append(h('h2', null, 'Path: ', bdi(ENT.get(from).name), ' → ', bdi(ENT.get(to).name)));
    const flags = filterFlags(state).map((f) => f.flag).join(' ');
    if (found) {
      const n = found.hops.length;
      card.append(h('p', { text: `${n} ${n === 1 ? 'hop' : 'hops'}, weakest ${found.weakest}${flags ? ` · with ${flags}` : ''}` }));
      const ol = h('ol', { class: 'hops' });
      for (const hop of found.hops) {
        const li = h('li', null, hopLine(hop));
        if (hop.others.length) li.append(h('div', { class: 'muted', text: `also: ${hop.others.map((r) => `${r.label} (${r.status})`).join('; ')}` }));
        li.append(evidence(hop.rel));
        ol.append(li);
      }
      card.append(ol);
    } else if (from === to) {
      card.append(h('p', { text: 'the two ends of the path are the same entity' }));
    } else {
      const why = explainNoPath(from, to, state);
      card.append(h('p', { class: 'alarm' }, why.head));
      const ul = h('ul', null);
      for (const n of why.notes) ul.append(h('li', { text: `note: ${n}` }));
      card.append(ul);
    }
    panel.replaceChildren(card);
  }

  // One short sentence for screen readers when what the panel or the story
  // shows changes (the panel itself is not a live region: it is redrawn on
  // every filter change and would be read out whole each time).
  const live = h('p', { class: 'sr-only', 'aria-live': 'polite', id: 'announce' });
  document.body.append(live);
  let announced = '';
  function announce(step, found) {
    let what = '';
    if (state.entity && ENT.has(state.entity)) what = `Details of ${ENT.get(state.entity).name}`;
    else if (state.relationship && REL.has(state.relationship)) {
      const r = REL.get(state.relationship);
      what = `Details of ${ENT.get(r.from).name} — ${r.label} → ${ENT.get(r.to).name}`;
    } else if (state.path) what = found ? `Path of ${found.hops.length} hops, in the details panel` : 'No path; the details panel says why';
    if (step) what = `Story step ${VIEWS.indexOf(step) + 1} of ${VIEWS.length}: ${step.title}. ${what}`;
    if (what !== announced) {
      announced = what;
      live.textContent = what;
    }
  }

  // ---- applying the state to the page ----
  const idSet = (xs) => new Set(xs || []);
  let framed = '|';
  function update(fromFragment) {
    const step = state.view ? VIEWS.find((v) => v.id === state.view) || null : null;
    if (state.view && !step) state.view = null;
    let drawnE = null;
    let drawnR = null;
    let onPathE = new Set();
    let onPathR = new Set();
    let highE = new Set();
    let highR = new Set();
    let fadedE = new Set();
    let fadedR = new Set();
    const sel = step && !step.error ? step : !step ? DATA.base : null;
    if (step) {
      drawnE = idSet(step.drawn && step.drawn.entities);
      drawnR = idSet(step.drawn && step.drawn.relationships);
    }
    if (sel && !state.path) {
      const hE = idSet(sel.highlight.entities);
      const hR = idSet(sel.highlight.relationships);
      if (sel.isPath) { onPathE = hE; onPathR = hR; } else { highE = hE; highR = hR; }
      fadedE = idSet(sel.faded.entities);
      fadedR = idSet(sel.faded.relationships);
    }
    let found = null;
    if (state.path) {
      const [a, b] = state.path;
      found = a !== b && ENT.has(a) && ENT.has(b) ? findPath(a, b, state, DATA.maxHops) : null;
      if (found) {
        onPathE = new Set([a, ...found.hops.map((x) => x.to)]);
        onPathR = new Set(found.hops.map((x) => x.rel.id));
      }
    }
    const visibleR = new Set();
    for (const [id, el] of relEls) {
      const r = REL.get(id);
      const show = !!r && passes(r) && (!drawnR || drawnR.has(id));
      el.style.display = show ? '' : 'none';
      if (show) visibleR.add(id);
      el.classList.toggle('on-path', onPathR.has(id));
      el.classList.toggle('highlight', highR.has(id));
      el.classList.toggle('faded', fadedR.has(id));
      el.classList.toggle('selected', state.relationship === id);
    }
    for (const [id, el] of entEls) {
      const inStep = !drawnE || drawnE.has(id);
      el.style.display = inStep ? '' : 'none';
      const drawnRels = incident.get(id).filter((r) => relEls.has(r.id) && (!drawnR || drawnR.has(r.id)));
      const stranded = drawnRels.length > 0 && !drawnRels.some((r) => visibleR.has(r.id));
      el.classList.toggle('dimmed', stranded);
      el.classList.toggle('on-path', onPathE.has(id));
      el.classList.toggle('highlight', highE.has(id));
      el.classList.toggle('faded', fadedE.has(id));
      el.classList.toggle('selected', state.entity === id);
    }
    for (const [id, g] of tlMarks) {
      const r = REL.get(id);
      g.style.display = passes(r) && (!drawnR || drawnR.has(id)) ? '' : 'none';
      g.classList.toggle('selected', state.relationship === id);
      g.classList.toggle('on-path', onPathR.has(id));
    }
    // Controls follow the state (it may come from the fragment).
    for (const [st, box] of statusBoxes) box.checked = state.statuses.has(st);
    disputedBox.checked = state.noDisputed;
    if (fromFragment) {
      dateMode.value = state.between ? 'between' : state.asOf ? 'as-of' : 'any';
      dateA.value = state.between ? state.between[0].text : state.asOf ? state.asOf.text : '';
      dateB.value = state.between ? state.between[1].text : '';
      dateA.hidden = dateMode.value === 'any';
      dateB.hidden = dateMode.value !== 'between';
    }
    // A new story step or path is framed; anything else keeps the view.
    const framing = `${state.view || ''}|${state.path ? state.path.join(',') : ''}`;
    if (svg && framing !== framed) {
      framed = framing;
      if (step && drawnE) fitTo([...entEls].filter(([id]) => drawnE.has(id)).map(([, el]) => el));
      else if (found) fitTo([...onPathE].map((id) => entEls.get(id)).filter(Boolean));
      else if (!fromFragment) fit();
    }
    pathFrom.value = state.path ? state.path[0] : pathFrom.value;
    pathTo.value = state.path ? state.path[1] : pathTo.value;
    storyButton.textContent = step ? 'Leave the story' : 'Story';
    storyButton.setAttribute('aria-pressed', String(!!step));
    showStory(step);
    if (state.entity && ENT.has(state.entity)) showEntity(state.entity);
    else if (state.relationship && REL.has(state.relationship)) showRelationship(state.relationship);
    else if (state.path) showPath(state.path[0], state.path[1], found);
    else showHint();
    announce(step, found);
    writeFragment();
  }

  // ---- the URL fragment: #entity=, #relationship=, #path=A,B, #view=,
  // #min-status=, #status=a,b, #as-of=, #between=A,B, joined with & ----
  let writing = false;
  function fragmentOf() {
    const parts = [];
    const enc = encodeURIComponent;
    if (state.view) parts.push(`view=${enc(state.view)}`);
    if (state.path) parts.push(`path=${enc(state.path[0])},${enc(state.path[1])}`);
    if (state.entity) parts.push(`entity=${enc(state.entity)}`);
    if (state.relationship) parts.push(`relationship=${enc(state.relationship)}`);
    const flags = filterFlags(state);
    for (const f of flags) {
      if (f.field === 'statuses') {
        const sorted = STATUS_IDS.filter((x) => state.statuses.has(x));
        const w = sorted[sorted.length - 1];
        if (w && sameSet(state.statuses, minStatusSet(w))) parts.push(`min-status=${w}`);
        else parts.push(`status=${sorted.join(',')}`);
      }
    }
    if (state.noDisputed) parts.push('no-disputed');
    if (state.asOf) parts.push(`as-of=${state.asOf.text}`);
    if (state.between) parts.push(`between=${state.between[0].text},${state.between[1].text}`);
    return parts.join('&');
  }
  function writeFragment() {
    const f = fragmentOf();
    const now = location.hash.replace(/^#/, '');
    if (f === now) return;
    writing = true;
    try {
      history.replaceState(null, '', f ? `#${f}` : location.pathname + location.search);
    } catch (e) {
      // Some file:// contexts refuse history changes: the state still works.
    }
    writing = false;
  }
  function readFragment() {
    const text = location.hash.replace(/^#/, '');
    state.entity = null;
    state.relationship = null;
    state.path = null;
    state.view = null;
    state.statuses = new Set(STATUS_IDS);
    state.noDisputed = false;
    state.asOf = null;
    state.between = null;
    for (const part of text.split('&')) {
      if (!part) continue;
      const eq = part.indexOf('=');
      const key = eq < 0 ? part : part.slice(0, eq);
      const raw = eq < 0 ? '' : part.slice(eq + 1);
      let vals;
      try {
        vals = raw.split(',').map(decodeURIComponent);
      } catch (e) {
        continue;
      }
      if (key === 'entity' && ENT.has(vals[0])) state.entity = vals[0];
      else if (key === 'relationship' && REL.has(vals[0])) state.relationship = vals[0];
      else if (key === 'path' && vals.length === 2 && ENT.has(vals[0]) && ENT.has(vals[1])) state.path = vals;
      else if (key === 'view' && VIEWS.some((v) => v.id === vals[0])) state.view = vals[0];
      else if (key === 'min-status' && STATUS_RANK.has(vals[0])) state.statuses = minStatusSet(vals[0]);
      else if (key === 'status') state.statuses = new Set(vals.filter((v) => STATUS_RANK.has(v)));
      else if (key === 'no-disputed' || key === 'hide-disputed') state.noDisputed = raw !== 'false';
      else if (key === 'as-of' && parseDate(vals[0])) state.asOf = parseDate(vals[0]);
      else if (key === 'between' && vals.length === 2) {
        const a = parseDate(vals[0]);
        const b = parseDate(vals[1]);
        if (a && b && a.first <= b.last) state.between = [a, b];
      }
    }
    update(true);
    const el = state.entity ? entEls.get(state.entity) : state.relationship ? relEls.get(state.relationship) : null;
    if (el && svg) centreOn(el);
  }
  window.addEventListener('hashchange', () => { if (!writing) readFragment(); });

  if (svg) {
    svg.setAttribute('width', '100%');
    svg.setAttribute('height', '100%');
  }
  // The sources list is folded on screen and printed open.
  const sourcesBox = document.getElementById('sources');
  if (sourcesBox) window.addEventListener('beforeprint', () => { sourcesBox.open = true; });
  buildTimeline();
  readFragment();
  document.documentElement.classList.add('ready');
})();
