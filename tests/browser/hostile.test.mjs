// The page of tests/data/hostile-page.json, whose strings are markup,
// script, comment and CDATA breakers, javascript:/data: URLs in text and
// tricky http(s) URLs, control and bidirectional characters, U+2028 and a
// 5,000-character name: no dialog, no script but the page's own, every
// string shown as text, no link but http(s). The page is the one
// `casegraph render --format html` writes, made by the binary under test.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertStrictCsp,
  casegraph,
  casegraphJson,
  close,
  cspFacts,
  freshDir,
  inPage,
  launch,
  norm,
  panelShows,
  readData,
  relationshipIds,
  screenshotPrefix,
  waitFor,
  withPage,
} from './harness.mjs';

const T = { timeout: 90_000 };
const DATA = 'tests/data/hostile-page.json';
const data = readData(DATA);
const ids = relationshipIds(data);
const source = (id) => data.sources.find((s) => s.id === id);
const entity = (id) => data.entities.find((e) => e.id === id);

let file;
let curatedScripts;
before(async () => {
  screenshotPrefix('hostile');
  const dir = freshDir('hostile');
  file = join(dir, 'hostile-page.html');
  casegraph('render', '--format', 'html', '--data', DATA, '-o', file);
  // The curated page's own scripts and styles, to compare with.
  casegraph('render', '--format', 'html', '--data', 'graph-data', '-o', join(dir, 'curated.html'));
  await launch();
});
after(close);

/**
 * Fails if anything from the data became markup: an element the page would
 * not make (img, iframe, …), an event-handler attribute, a script or style
 * not the page's own, a link that is not http(s) or in-page, or the
 * payloads' global set.
 */
async function assertNothingInjected(page, ownScripts) {
  const facts = await inPage(page, () => {
    const handlers = [];
    const links = [];
    for (const el of document.querySelectorAll('*')) {
      for (const a of el.attributes) {
        if (/^on/i.test(a.name)) handlers.push(`${el.localName} ${a.name}=${a.value.slice(0, 60)}`);
        if (/^(?:href|xlink:href|src|srcset|action|formaction|poster|data)$/i.test(a.name)) {
          links.push({ el: el.localName, attr: a.name, value: a.value, html: el.namespaceURI === 'http://www.w3.org/1999/xhtml', rel: el.getAttribute('rel') });
        }
      }
    }
    const scripts = [...document.scripts].map((s) => ({ type: s.type, text: s.type.toLowerCase().includes('json') ? null : s.text }));
    return {
      pwned: typeof window.__pwned,
      handlers,
      links,
      injected: [...document.querySelectorAll('img, iframe, frame, object, embed, base, form, math, meta[http-equiv="refresh" i], link')].map((e) => e.outerHTML.slice(0, 100)),
      scripts,
      styles: [...document.querySelectorAll('style')].map((s) => s.textContent),
    };
  });
  assert.equal(facts.pwned, 'undefined', 'a payload of the data ran and set window.__pwned');
  assert.deepEqual(facts.handlers, [], 'event-handler attributes in the DOM');
  assert.deepEqual(facts.injected, [], 'elements from the data in the DOM');
  assert.deepEqual(facts.scripts, ownScripts.scripts, "the page's scripts are not the same as on the curated page");
  assert.deepEqual(facts.styles, ownScripts.styles, "the page's styles are not the same as on the curated page");
  for (const l of facts.links) {
    assert.match(l.value, /^(?:https?:|#)/i, `${l.el} ${l.attr}="${l.value}" is neither http(s) nor in-page`);
    if (l.html && l.el === 'a' && /^https?:/i.test(l.value)) {
      const rel = (l.rel || '').split(/\s+/);
      assert.ok(rel.includes('noopener') && rel.includes('noreferrer'), `<a href="${l.value}"> without rel="noopener noreferrer"`);
    }
  }
  return facts;
}

/** The curated page's scripts (code in full, JSON data left out) and styles. */
async function ownScriptsOf(t) {
  if (curatedScripts) return curatedScripts;
  await withPage(t, join(freshDirPath(), 'curated.html'), '', async (page) => {
    curatedScripts = await inPage(page, () => ({
      scripts: [...document.scripts].map((s) => ({ type: s.type, text: s.type.toLowerCase().includes('json') ? null : s.text })),
      styles: [...document.querySelectorAll('style')].map((s) => s.textContent),
    }));
  });
  return curatedScripts;
}
const freshDirPath = () => join(file, '..');

test('opening the hostile page shows no dialog and runs no script of the data', T, async (t) => {
  const own = await ownScriptsOf(t);
  await withPage(t, file, '', async (page) => {
    await page.waitForTimeout(500); // time for an injected onerror or refresh to fire
    await assertNothingInjected(page, own);
    const shown = await inPage(page, (h) => ({ title: h.norm(document.title), text: h.renderedText() }));
    assert.equal(shown.title, norm(data.dataset.title), 'the <title> is the dataset title, as text');
    for (const s of [data.dataset.title, data.dataset.description]) assert.ok(shown.text.includes(norm(s)), `the page does not show ${JSON.stringify(s)} as text`);
    const names = await inPage(page, (h) => h.ids('svg [data-entity]', 'data-entity'));
    assert.deepEqual([...new Set(names)].sort(), data.entities.map((e) => e.id).sort(), 'every hostile entity drawn with its id as data-entity');
    const rels = await inPage(page, (h) => h.ids('svg [data-relationship]', 'data-relationship'));
    assert.deepEqual([...new Set(rels)].sort(), [...ids].sort(), 'every hostile relationship drawn with its id as data-relationship');
  });
});

test('the hostile page file holds no raw control character (each is an HTML parse error)', T, () => {
  // HTML has no escape for them (&#x1b; is an error too): the page must
  // replace them, say with U+FFFD or a control picture.
  const html = readFileSync(file, 'utf8');
  const found = [...html.matchAll(/[\u0000-\u0008\u000b\u000e-\u001f\u007f-\u009f]/g)].map((m) => `U+${m[0].codePointAt(0).toString(16).padStart(4, '0').toUpperCase()} at ${m.index}: ${JSON.stringify(html.slice(Math.max(0, m.index - 40), m.index + 10))}`);
  assert.deepEqual(found.slice(0, 8), [], `${found.length} raw control characters`);
});

test('a Content-Security-Policy meta with default-src none, before any script', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    assertStrictCsp(await inPage(page, cspFacts));
  });
});

test("every hostile entity's card shows its name, aliases and description as text", T, async (t) => {
  const own = await ownScriptsOf(t);
  await withPage(t, file, `entity=${data.entities[0].id}`, async (page, h) => {
    for (const e of data.entities) {
      await h.reopen(`entity=${encodeURIComponent(e.id)}`);
      const want = [e.name, ...(e.aliases || []), ...(e.description ? [e.description] : [])].filter((s) => norm(s));
      await panelShows(page, `entity ${e.id}'s strings`, want);
      await assertNothingInjected(page, own);
    }
  });
});

test("every hostile relationship's card shows its citations and disputes as text, with http(s) links", T, async (t) => {
  const own = await ownScriptsOf(t);
  await withPage(t, file, '', async (page, h) => {
    for (const [i, r] of data.relationships.entries()) {
      await h.reopen(`relationship=${encodeURIComponent(ids[i])}`);
      const want = [];
      for (const c of r.evidence) {
        const s = source(c.source);
        want.push(s.title, c.quote, c.locator, s.publisher);
      }
      for (const d of r.disputed_by || []) want.push(entity(d.entity).name, source(d.source).title, d.quote);
      const text = await panelShows(page, `relationship ${ids[i]}'s strings`, want.filter((s) => s && norm(s)));
      assert.ok(text.toLowerCase().includes(r.status), `the card of ${ids[i]} does not say it is ${r.status}`);
      const facts = await assertNothingInjected(page, own);
      // Each cited source's address is a link in the card (as the browser parses it).
      const hrefs = await inPage(page, (x) => [...x.panel().querySelectorAll('a[href]')].map((a) => a.href));
      for (const c of r.evidence) {
        const url = source(c.source).url;
        if (url) assert.ok(hrefs.includes(new URL(url).href), `no link to ${url} in the card of ${ids[i]}; links: ${JSON.stringify(hrefs)}`);
      }
      assert.ok(facts.links.every((l) => !/^(?:javascript|data|vbscript):/i.test(l.value)));
    }
  });
});

test('searching hostile strings lists them as text, and Enter opens the card', T, async (t) => {
  const own = await ownScriptsOf(t);
  await withPage(t, file, '', async (page, h) => {
    for (const query of ['</script>', 'javascript:', '"><img', '&lt;b&gt;', 'gnp.exe', 'Line']) {
      await h.reopen('');
      const hits = casegraphJson('search', query, '--data', DATA);
      assert.ok(hits.length > 0, `the CLI finds ${query}`);
      const box = page.locator('input[type=search]');
      await box.click();
      await box.pressSequentially(query);
      await waitFor(
        page,
        `the search results for ${JSON.stringify(query)} to show ${hits.map((x) => x.id).join(', ')} by name, as text`,
        (x, names) => {
          const text = x.renderedText(document.body, (el) => el.closest('svg, aside[role="complementary"]'));
          const missing = names.filter((n) => !text.includes(n));
          return missing.length === 0 || { ok: false, missing };
        },
        hits.filter((x) => x.name.length < 300).map((x) => norm(x.name)),
      );
      await assertNothingInjected(page, own);
      const active = await inPage(page, () => !!document.querySelector('[role=option][aria-selected=true]'));
      if (!active) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Enter');
      await panelShows(page, `${hits[0].id} after searching ${query}`, [hits[0].name]);
      await assertNothingInjected(page, own);
    }
  });
});

test('the 5,000-character name is shown in full in its card', T, async (t) => {
  await withPage(t, file, 'entity=longname', async (page) => {
    const name = entity('longname').name;
    assert.equal(name.length, 5000);
    await panelShows(page, 'the whole 5,000-character name', [name]);
  });
});

test('the story steps of the hostile views show their titles and captions as text', T, async (t) => {
  const own = await ownScriptsOf(t);
  await withPage(t, file, '', async (page, h) => {
    for (const v of data.views) {
      await h.reopen(`view=${encodeURIComponent(v.id)}`);
      await waitFor(
        page,
        `view ${v.id}'s title and caption shown as text`,
        (x, want) => {
          const text = x.renderedText();
          const missing = want.filter((w) => !text.includes(w));
          return missing.length === 0 || { ok: false, missing };
        },
        [v.title, v.caption, ...(v.notes || []).map((n) => n.text)].filter(Boolean).map(norm),
      );
      await assertNothingInjected(page, own);
    }
  });
});

test('#path between hostile ids highlights what `casegraph path` returns', T, async (t) => {
  const own = await ownScriptsOf(t);
  const [from, to] = ['victim', 'prototype'];
  const found = casegraphJson('path', from, to, '--data', DATA);
  const want = [...new Set(found.paths.flatMap((p) => p.steps.map((s) => s.relationship.id)))].sort();
  assert.ok(want.length > 1);
  await withPage(t, file, `path=${from},${to}`, async (page) => {
    const got = await waitFor(page, 'relationships with class on-path', (h) => {
      const on = [...new Set(h.ids('[data-relationship].on-path', 'data-relationship'))].sort();
      return on.length ? on : null;
    });
    assert.deepEqual(got, want);
    await assertNothingInjected(page, own);
  });
});

test("ids no entity has, like __proto__ and toString, in the fragment are ignored without an error", T, async (t) => {
  // withPage fails on a page error or console error.
  await withPage(t, file, 'entity=__proto__', async (page, h) => {
    for (const frag of [
      'entity=__proto__',
      'entity=toString',
      'relationship=constructor',
      'relationship=hasOwnProperty',
      'path=constructor,__proto__',
      'view=__proto__',
      'status=__proto__,constructor',
      'as-of=constructor',
      'between=toString,valueOf',
      'entity=constructor&relationship=__proto__&view=constructor',
    ]) {
      await h.reopen(frag);
    }
    await page.waitForTimeout(200);
  });
});

test('a U+202E in the data does not reverse what follows it: every shown address reads left to right', T, async (t) => {
  // An override that leaks out of its string turns the next link's
  // "https://…" around (a spoofing trick): each data string must be
  // isolated (<bdi>, dir=auto or unicode-bidi: isolate).
  const withOverride = ids.find((_, i) => data.relationships[i].evidence.some((c) => /\u202e/.test(source(c.source).author || '')));
  assert.ok(withOverride, 'a cited source has U+202E in its author');
  await withPage(t, file, `relationship=${withOverride}`, async (page) => {
    // On screen (the card's links) and in print (the list of sources too).
    for (const media of ['screen', 'print']) {
      await page.emulateMedia({ media });
      // What the browser does before it prints (emulateMedia alone does not).
      if (media === 'print') await inPage(page, () => window.dispatchEvent(new Event('beforeprint')));
      const { reversed, checked } = await inPage(page, (h) => {
        const out = [];
        let n = 0;
        for (const a of document.querySelectorAll('a')) {
          const walk = document.createTreeWalker(a, NodeFilter.SHOW_TEXT);
          let node = walk.nextNode();
          while (node && !node.data.trim()) node = walk.nextNode();
          if (!node || !/^https?:/i.test(node.data)) continue;
          if (!node || h.hidden(a)) continue;
          const at = (i) => {
            const r = document.createRange();
            r.setStart(node, i);
            r.setEnd(node, i + 1);
            return r.getBoundingClientRect();
          };
          const [c0, c1, c2] = [at(0), at(1), at(2)];
          n++;
          if (Math.abs(c0.top - c2.top) < 2 && !(c0.left < c1.left && c1.left < c2.left)) out.push(node.data.slice(0, 80));
        }
        return { reversed: out, checked: n };
      });
      // On screen the card cites the source; in print every source is listed.
      const least = media === 'print' ? data.sources.filter((x) => x.url).length : 1;
      assert.ok(checked >= least, `only ${checked} shown addresses to check (${media})`);
      assert.deepEqual(reversed, [], `links drawn right to left (${media})`);
    }
  });
});
