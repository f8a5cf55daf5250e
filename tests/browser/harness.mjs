// Shared by the browser tests: makes the pages with the casegraph binary
// under test, launches Debian's Chromium once per test file, opens a page
// with listeners that fail the test on any console error, page error,
// dialog or request other than the page's own file, and saves a screenshot
// per test. Functions that run inside the page are sent as source text
// (page.evaluate of a string), so the page's CSP, which forbids eval, does
// not apply to them and nothing is added to the page's own scripts.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

/** The repository root (commands run from there, as in tests/cli). */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
/** The binary under test: tests/cli/browser.rs passes Cargo's; by hand, the release build. */
export const BIN = process.env.CASEGRAPH_BIN || join(ROOT, 'target/release/casegraph');
/** Where the pages are written (under target/, remade at each run). */
export const OUT = process.env.CASEGRAPH_BROWSER_OUT || join(ROOT, 'target/browser');
/** The screenshot per test, an artefact of the run. */
export const SHOTS = join(ROOT, 'target/browser-screenshots');
/** Every wait is bounded: a page that never gets there fails, it does not hang. */
export const WAIT_MS = 10_000;

/** Runs `casegraph ARGS` from the repository root; returns its stdout. */
export function casegraph(...args) {
  return execFileSync(BIN, args, {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 60_000,
    maxBuffer: 64 << 20,
  });
}

/** `casegraph ARGS --json`, parsed. */
export function casegraphJson(...args) {
  return JSON.parse(casegraph(...args, '--json'));
}

/** A fresh, empty directory `OUT/name`. */
export function freshDir(name) {
  const dir = join(OUT, name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A dataset file of the repository, parsed. */
export function readData(path) {
  return JSON.parse(readFileSync(join(ROOT, path), 'utf8'));
}

/** The relationship ids of a dataset, with the format's default `{from}.{type}.{to}` (`.2`, … on repeats). */
export function relationshipIds(data) {
  const seen = new Map();
  return data.relationships.map((r) => {
    if (r.id) return r.id;
    const base = `${r.from}.${r.type}.${r.to}`;
    const n = (seen.get(base) || 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}.${n}`;
  });
}

let browser;

/**
 * The one browser of this test file: Debian's Chromium, headless. Playwright
 * gives it a fresh profile (its own temporary --user-data-dir, removed on
 * close; it refuses one passed in the arguments).
 */
export async function launch() {
  browser = await chromium.launch({
    executablePath: process.env.CASEGRAPH_CHROMIUM || '/usr/bin/chromium',
    timeout: 30_000,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return browser;
}

/** Closes the browser. */
export async function close() {
  await browser?.close();
}

/**
 * Opens `file` (with `fragment`, without its `#`) in a new context of the
 * shared browser, recording what must not happen. Returns a handle whose
 * `finish()` saves the screenshot, closes the context and asserts nothing
 * bad was recorded.
 */
export async function open(t, file, fragment = '', { width = 1400, height = 900 } = {}) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  page.setDefaultTimeout(WAIT_MS);
  const fileUrl = pathToFileURL(file).href;
  const bad = { console: [], errors: [], requests: [], dialogs: [] };
  page.on('console', (m) => {
    if (m.type() === 'error') bad.console.push(m.text());
  });
  page.on('pageerror', (e) => bad.errors.push(String(e)));
  // Every request of the context, popups and workers included.
  context.on('request', (r) => {
    if (r.url().split('#')[0] !== fileUrl) bad.requests.push(r.url());
  });
  page.on('dialog', (d) => {
    bad.dialogs.push(`${d.type()}: ${d.message()}`);
    d.dismiss().catch(() => {});
  });
  const url = fragment ? `${fileUrl}#${fragment}` : fileUrl;
  await page.goto(url, { waitUntil: 'load', timeout: WAIT_MS });
  const handle = {
    page,
    url,
    fileUrl,
    bad,
    /** Opens the page again with another fragment (a real load, not a hash change). */
    async reopen(frag) {
      await page.goto('about:blank');
      await page.goto(frag ? `${fileUrl}#${frag}` : fileUrl, { waitUntil: 'load' });
    },
    async finish() {
      mkdirSync(SHOTS, { recursive: true });
      const name = `${t.fullName ?? t.name}`.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
      await page.screenshot({ path: join(SHOTS, `${shotPrefix}-${name}.png`), timeout: WAIT_MS }).catch(() => {});
      await context.close();
      const problems = [];
      if (bad.console.length) problems.push(`console errors: ${JSON.stringify(bad.console)}`);
      if (bad.errors.length) problems.push(`page errors: ${JSON.stringify(bad.errors)}`);
      if (bad.requests.length) problems.push(`requests other than the page's file: ${JSON.stringify(bad.requests)}`);
      if (bad.dialogs.length) problems.push(`dialogs: ${JSON.stringify(bad.dialogs)}`);
      if (problems.length) throw new Error(problems.join('\n'));
    },
  };
  return handle;
}

let shotPrefix = 'page';
/** Names this file's screenshots (`curated-…`, `hostile-…`) and removes the old ones of that name. */
export function screenshotPrefix(prefix) {
  shotPrefix = prefix;
  mkdirSync(SHOTS, { recursive: true });
  for (const f of readdirSync(SHOTS)) {
    if (f.startsWith(`${prefix}-`) && f.endsWith('.png')) rmSync(join(SHOTS, f));
  }
}

/**
 * Runs `body` with the test's page open and finishes it (screenshot and the
 * no-error checks) even when the body fails, reporting the body's failure
 * first.
 */
export async function withPage(t, file, fragment, body) {
  const h = await open(t, file, fragment);
  let failure;
  try {
    await body(h.page, h);
  } catch (e) {
    failure = e;
  }
  try {
    await h.finish();
  } catch (e) {
    if (!failure) failure = e;
    else failure.message += `\n(also: ${e.message})`;
  }
  if (failure) throw failure;
}

// ---------------------------------------------------------------------------
// In the page

/** The helpers every in-page function gets as its first argument. */
function pageHelpers() {
  // Text as compared with the data: C0/C1 controls, bidi formatting marks,
  // U+FFFD and control pictures dropped (a page may show or drop them), line
  // and paragraph separators as spaces, runs of white space as one space.
  const norm = (s) =>
    String(s ?? '')
      .replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069\ufffd\u2400-\u2426]/g, '')
      .replace(/[\u2028\u2029]/g, ' ')
      .replace(/ +/g, ' ')
      .trim();
  // Hidden as the issue says: `display: none` on it or an ancestor, or
  // `visibility: hidden` (inherited, so its own computed value says it);
  // also what is not rendered at all, like the inside of a closed <details>
  // (checkVisibility, which a display check of the ancestors misses).
  const hidden = (el) => {
    for (let a = el; a && a.nodeType === 1; a = a.parentElement) {
      if (getComputedStyle(a).display === 'none') return true;
    }
    const v = getComputedStyle(el).visibility;
    return v === 'hidden' || v === 'collapse' || !el.checkVisibility();
  };
  const panel = () => document.querySelector('aside[role="complementary"]');
  // The text a reader sees under `root`: text nodes outside script, style
  // and template, whose parent is not hidden.
  const renderedText = (root = document.body, skip = () => false) => {
    const out = [];
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const p = n.parentElement;
      if (!p || p.closest('script, style, template, noscript') || skip(p) || hidden(p)) continue;
      out.push(n.data);
    }
    return norm(out.join(' '));
  };
  const panelText = () => {
    const p = panel();
    return p && !hidden(p) ? renderedText(p) : '';
  };
  const ids = (sel, attr) => [...document.querySelectorAll(sel)].map((e) => e.getAttribute(attr));
  const hash = () => {
    const out = {};
    for (const part of decodeURIComponent(location.hash.replace(/^#/, '')).split('&')) {
      if (!part) continue;
      const i = part.indexOf('=');
      out[i < 0 ? part : part.slice(0, i)] = i < 0 ? '' : part.slice(i + 1);
    }
    return out;
  };
  // A point in client coordinates where a click lands on `el` (the hit
  // element is `el` or inside it), trying points along its lines, then the
  // centres of its text and shapes; null when every one is covered.
  const clickPoint = (el) => {
    const lands = (x, y) => {
      const hit = document.elementFromPoint(x, y);
      return hit && (hit === el || el.contains(hit)) ? { x, y } : null;
    };
    for (const path of el.querySelectorAll('path')) {
      const m = path.getScreenCTM();
      const len = path.getTotalLength();
      if (!m || !len) continue;
      for (const f of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8]) {
        const p = path.getPointAtLength(len * f);
        const at = lands(m.a * p.x + m.c * p.y + m.e, m.b * p.x + m.d * p.y + m.f);
        if (at) return at;
      }
    }
    for (const part of [...el.querySelectorAll('text, polygon, ellipse, rect, path'), el]) {
      const r = part.getBoundingClientRect();
      if (!r.width && !r.height) continue;
      const at = lands(r.x + r.width / 2, r.y + r.height / 2);
      if (at) return at;
    }
    return null;
  };
  return { norm, hidden, panel, panelText, renderedText, ids, hash, clickPoint };
}

/** Runs `fn(helpers, arg)` in the page and returns its (JSON) result. */
export function inPage(page, fn, arg = null) {
  return page.evaluate(`(${fn.toString()})((${pageHelpers.toString()})(), ${JSON.stringify(arg)})`);
}

/**
 * Polls `fn(helpers, arg)` in the page until it returns something truthy
 * (returned), for at most WAIT_MS; then fails saying `what` and the last value.
 */
export async function waitFor(page, what, fn, arg = null, timeout = WAIT_MS) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    last = await inPage(page, fn, arg);
    if (last && (typeof last !== 'object' || last.ok !== false)) return last;
    if (Date.now() > end) {
      throw new Error(`timed out after ${timeout} ms waiting for ${what}; last seen: ${JSON.stringify(last)?.slice(0, 2000)}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Normalises text as the in-page `norm` does, for expected strings. */
export const norm = pageHelpers().norm;

/** Clicks the first visible element matching `selector` with the mouse, where a click lands on it. */
export async function clickItem(page, selector) {
  const at = await inPage(
    page,
    (h, sel) => {
      const el = [...document.querySelectorAll(sel)].find((e) => !h.hidden(e) && e.closest('svg'));
      if (!el) return { error: `no visible ${sel} in a diagram` };
      el.scrollIntoView({ block: 'center', inline: 'center' });
      return h.clickPoint(el) || { error: `every point of ${sel} is covered by another element` };
    },
    selector,
  );
  if (at.error) throw new Error(at.error);
  await page.mouse.click(at.x, at.y);
}

/** The panel's text once it includes every one of `texts` (normalised); fails after WAIT_MS. */
export function panelShows(page, what, texts) {
  return waitFor(
    page,
    `the panel (aside[role=complementary]) to show ${what}`,
    (h, want) => {
      const text = h.panelText();
      const missing = want.filter((w) => !text.includes(w));
      return missing.length ? { ok: false, missing: missing.map((m) => m.slice(0, 200)), panel: text.slice(0, 500) } : text;
    },
    texts.map(norm),
  );
}

/** The fragment's keys and values once its `key` is `value`; fails after WAIT_MS. */
export function hashBecomes(page, what, key, value) {
  return waitFor(page, `location.hash to say ${what}`, (h, [k, v]) => (h.hash()[k] === v ? h.hash() : { ok: false, hash: location.hash }), [key, value]);
}

/** What the page's CSP meta says, read in the page. */
export function cspFacts() {
  const meta = document.querySelector('meta[http-equiv="Content-Security-Policy" i]');
  if (!meta) return null;
  const first = document.querySelector('script');
  return {
    content: meta.getAttribute('content'),
    beforeScripts: !first || !!(meta.compareDocumentPosition(first) & Node.DOCUMENT_POSITION_FOLLOWING),
  };
}

/** Asserts the CSP of the issue: default-src 'none', no unsafe script, no remote origin. */
export function assertStrictCsp(csp) {
  assert.ok(csp, 'no <meta http-equiv="Content-Security-Policy">');
  assert.ok(csp.beforeScripts, 'the CSP meta comes after a script');
  const dirs = Object.fromEntries(
    csp.content.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k.toLowerCase(), v]),
  );
  assert.deepEqual(dirs['default-src'], ["'none'"], `default-src in ${csp.content}`);
  const script = dirs['script-src'] || dirs['default-src'];
  for (const bad of ["'unsafe-inline'", "'unsafe-eval'", '*', 'http:', 'https:', 'data:', 'blob:']) {
    assert.ok(!script.includes(bad), `script-src allows ${bad}: ${csp.content}`);
  }
  const remote = csp.content.match(/\b(?:https?|wss?):\/\/\S+|(?<![\w-])\*(?:\.\S+)?/g);
  assert.equal(remote, null, `remote origins in ${csp.content}`);
}
