// The interactive page of the curated dataset, in a real Chromium: what
// issue #12 says a reader can do with it, through the hooks it names
// (data-entity, data-relationship, data-status, .on-path,
// input[type=search], aside[role=complementary], the URL fragment).
// The page is the one `casegraph build` writes, made by the binary under test.

import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import {
  assertStrictCsp,
  casegraph,
  casegraphJson,
  cspFacts,
  clickItem,
  close,
  freshDir,
  hashBecomes,
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

const T = { timeout: 60_000 };
const data = readData('graph-data/netflix-facebook.json');
const ids = relationshipIds(data);
const rel = (pred) => {
  const i = data.relationships.findIndex(pred);
  assert.ok(i >= 0, 'the curated data has the relationship this test needs');
  return { ...data.relationships[i], id: ids[i] };
};
const entity = (id) => data.entities.find((e) => e.id === id);
const source = (id) => data.sources.find((s) => s.id === id);

let file;
before(async () => {
  screenshotPrefix('curated');
  const dir = freshDir('curated');
  casegraph('build', '--data', 'graph-data', '--out', dir);
  file = join(dir, `${data.dataset.id}.html`);
  await launch();
});
after(close);

/** Whether each of `ids` is hidden (every element carrying it) or shown (at least one). */
function visibility(page, relIds) {
  return inPage(
    page,
    (h, list) =>
      Object.fromEntries(
        list.map((id) => {
          const els = [...document.querySelectorAll(`[data-relationship="${CSS.escape(id)}"]`)];
          return [id, els.length === 0 ? 'absent' : els.every(h.hidden) ? 'hidden' : 'shown'];
        }),
      ),
    relIds,
  );
}

test('the page file is under 1 MB', T, () => {
  const size = statSync(file).size;
  assert.ok(size < 1_000_000, `${file} is ${size} bytes`);
});

test('the page is interactive within a second of opening (its scripts have run by then)', T, async (t) => {
  await withPage(t, file, '', async (page, h) => {
    // The best of three loads, so a busy machine does not fail it; the
    // inline scripts run before the load event, so it ends after them.
    let best = Infinity;
    for (let i = 0; i < 3; i++) {
      if (i) await h.reopen('');
      const ms = await inPage(page, () => performance.getEntriesByType('navigation')[0].loadEventEnd);
      best = Math.min(best, ms);
    }
    assert.ok(best < 1000, `the load event ended ${best} ms after opening`);
    const ready = await inPage(page, (x) => x.ids('svg [data-entity]', 'data-entity').length > 0 && !!document.querySelector('input[type=search]'));
    assert.ok(ready, 'no diagram or search box at the load event');
  });
});

test('every entity and relationship has its hook in the diagram', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    const found = await inPage(page, (h) => ({
      entities: [...new Set(h.ids('svg [data-entity]', 'data-entity'))].sort(),
      relationships: [...new Set(h.ids('svg [data-relationship]', 'data-relationship'))].sort(),
      noStatus: h.ids('[data-relationship]:not([data-status])', 'data-relationship'),
    }));
    assert.deepEqual(found.entities, data.entities.map((e) => e.id).sort());
    assert.deepEqual(found.relationships, [...ids].sort());
    assert.deepEqual(found.noStatus, [], 'relationship elements without data-status');
    const status = await inPage(page, (h) =>
      Object.fromEntries([...document.querySelectorAll('svg [data-relationship]')].map((e) => [e.dataset.relationship, e.dataset.status])),
    );
    for (const [i, r] of data.relationships.entries()) {
      assert.equal(status[ids[i]], r.status || 'reported', `data-status of ${ids[i]}`);
    }
  });
});

test('search "hastings" with arrow keys and Enter selects Reed Hastings', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    const hits = casegraphJson('search', 'hastings', '--data', 'graph-data');
    assert.equal(hits[0].id, 'reed-hastings', 'the CLI ranks Reed Hastings first');
    const box = page.locator('input[type=search]');
    await box.click();
    await box.pressSequentially('hastings');
    // The results, in the CLI's order, somewhere outside the diagram and the panel.
    await waitFor(
      page,
      'the search results to list every hit of `casegraph search hastings`, in its order',
      (h, names) => {
        const text = h.renderedText(document.body, (el) => el.closest('svg, aside[role="complementary"]'));
        const at = names.map((n) => text.indexOf(n));
        return at.every((a, i) => a >= 0 && (i === 0 || a > at[i - 1])) || { ok: false, at };
      },
      hits.map((x) => norm(x.name)),
    );
    // With an option already active, Down moves off the first hit and Up
    // comes back; with none, Down activates the first.
    const active = await inPage(page, () => !!document.querySelector('[role=option][aria-selected=true]'));
    if (active) {
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowUp');
    } else {
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await panelShows(page, 'Reed Hastings', [entity('reed-hastings').name]);
    await hashBecomes(page, 'entity=reed-hastings', 'entity', 'reed-hastings');
  });
});

test('search ranks its hits as `casegraph search` does, case- and accent-insensitive', T, async (t) => {
  await withPage(t, file, '', async (page, h) => {
    for (const query of ['face', 'hÁstings', 'META', 'klein', 'zuck']) {
      const hits = casegraphJson('search', query, '--data', 'graph-data');
      assert.ok(hits.length > 0, `the CLI finds ${query}`);
      await h.reopen('');
      const box = page.locator('input[type=search]');
      await box.click();
      await box.pressSequentially(query);
      // The options of the results listbox, in order, against the CLI's
      // names (a page may show fewer hits than the CLI, never others).
      await waitFor(
        page,
        `the options for ${JSON.stringify(query)} to be ${hits.map((x) => x.id).join(', ')}`,
        (x, names) => {
          const opts = [...document.querySelectorAll('[role=option]')].filter((o) => !x.hidden(o)).map((o) => x.renderedText(o));
          const n = Math.min(names.length, 5);
          const ok = opts.length >= n && opts.every((o, i) => i < names.length && o.includes(names[i]));
          return ok || { ok: false, opts };
        },
        hits.map((x) => norm(x.name)),
      );
    }
  });
});

test('"hide disputed" hides what --no-disputed drops', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    const box = page.getByRole('checkbox', { name: /disputed/i });
    assert.equal(await box.count(), 1, 'one "hide disputed" checkbox');
    await box.check();
    await showsAsCli(page, '"hide disputed" checked', ['--no-disputed']);
  });
});

test('clicking the Titan API relationship shows its citations with title and quote', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    const titan = rel((r) => r.from === 'netflix' && r.to === 'titan-api');
    await clickItem(page, `[data-relationship="${titan.id}"]`);
    const want = titan.evidence.flatMap((c) => [source(c.source).title, ...(c.quote ? [c.quote] : [])]);
    assert.ok(titan.evidence.some((c) => c.quote), 'the curated Titan API claim has a quote');
    await panelShows(page, "the Titan API claim's citations", want);
    await hashBecomes(page, `relationship=${titan.id}`, 'relationship', titan.id);
  });
});

/** Clicks the page's toggle for status `word` (a checkbox, a switch or a pressed button). */
async function toggleStatus(page, word) {
  const name = new RegExp(`\\b${word}\\b`, 'i');
  for (const role of ['checkbox', 'switch', 'button']) {
    const c = page.getByRole(role, { name });
    if ((await c.count()) > 0) {
      await c.first().click();
      return;
    }
  }
  throw new Error(`no checkbox, switch or button named "${word}" to toggle`);
}

test('switching off alleged hides every [data-status=alleged] and shows the others', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    const alleged = ids.filter((_, i) => data.relationships[i].status === 'alleged');
    const others = ids.filter((_, i) => data.relationships[i].status !== 'alleged');
    assert.ok(alleged.length > 0 && others.length > 0);
    assert.ok(Object.values(await visibility(page, alleged)).every((v) => v === 'shown'), 'alleged claims are shown before the switch');
    await toggleStatus(page, 'alleged');
    await waitFor(page, 'every [data-status=alleged] to be hidden', (h) => {
      const shown = [...document.querySelectorAll('[data-status="alleged"]')].filter((e) => !h.hidden(e));
      return shown.length === 0 || { ok: false, shown: shown.map((e) => e.outerHTML.slice(0, 120)) };
    });
    const v = await visibility(page, others);
    assert.deepEqual(
      others.filter((id) => v[id] !== 'shown'),
      [],
      'relationships that are not alleged but are not shown',
    );
  });
});

/** The relationships `casegraph export` keeps under the command line's filter `args`. */
function cliKeeps(...args) {
  const graph = JSON.parse(casegraph('export', '--format', 'node-link', '--data', 'graph-data', ...args));
  return new Set(graph.edges.map((e) => e.key));
}

/** Asserts the page, in the state `what`, shows exactly the relationships the CLI keeps with `args`. */
async function showsAsCli(page, what, args) {
  const keep = cliKeeps(...args);
  assert.ok(keep.size > 0 && keep.size < ids.length, `${args.join(' ')} keeps some relationships, not all`);
  // Polled, so a page that applies its state after a frame is not failed.
  await waitFor(
    page,
    `${what} to show what \`${args.join(' ')}\` keeps, and nothing else`,
    (h, [all, kept]) => {
      const wrong = [];
      for (const id of all) {
        const els = [...document.querySelectorAll(`[data-relationship="${CSS.escape(id)}"]`)];
        const shown = els.some((e) => !h.hidden(e));
        if (shown !== kept.includes(id)) wrong.push(`${id}: ${shown ? 'shown' : 'hidden'}, the CLI ${kept.includes(id) ? 'keeps' : 'drops'} it`);
      }
      return wrong.length === 0 || { ok: false, wrong };
    },
    [ids, [...keep]],
  );
}

test('the status fragments show exactly what the command line keeps', T, async (t) => {
  await withPage(t, file, '', async (page, h) => {
    for (const [frag, args] of [
      ['min-status=confirmed', ['--min-status', 'confirmed']],
      ['min-status=alleged', ['--min-status', 'alleged']],
      ['status=denied', ['--status', 'denied']],
      ['status=confirmed,denied', ['--status', 'confirmed', '--status', 'denied']],
    ]) {
      await h.reopen(frag);
      await showsAsCli(page, `#${frag}`, args);
    }
  });
});

test('#as-of=2012-06-01 hides the 2022 fine and keeps the board seat', T, async (t) => {
  await withPage(t, file, 'as-of=2012-06-01', async (page) => {
    const fine = rel((r) => r.type === 'fined' && String(r.date).startsWith('2022'));
    const seat = rel((r) => r.type === 'board_member_of' && r.from === 'reed-hastings');
    const undated = rel((r) => !r.date && !r.start && !r.end);
    await waitFor(page, `the 2022 fine (${fine.id}) to be hidden`, (h, id) => {
      const els = [...document.querySelectorAll(`[data-relationship="${CSS.escape(id)}"]`)];
      return (els.length > 0 && els.every(h.hidden)) || { ok: false, shown: els.filter((e) => !h.hidden(e)).length };
    }, fine.id);
    const v = await visibility(page, [seat.id, undated.id]);
    assert.equal(v[seat.id], 'shown', `the board seat ${seat.id} (2011–2019) is in force on 2012-06-01`);
    assert.equal(v[undated.id], 'shown', `undated ${undated.id} always passes a date filter`);
    await showsAsCli(page, '#as-of=2012-06-01', ['--as-of', '2012-06-01']);
  });
});

test('the date fragments show exactly what the command line keeps', T, async (t) => {
  await withPage(t, file, '', async (page, h) => {
    for (const [frag, args] of [
      ['as-of=2019', ['--as-of', '2019']],
      ['between=2013,2013', ['--between', '2013', '2013']],
      ['between=2020-01,2021-06-30', ['--between', '2020-01', '2021-06-30']],
      ['as-of=2018-06-01&min-status=reported', ['--as-of', '2018-06-01', '--min-status', 'reported']],
    ]) {
      await h.reopen(frag);
      await showsAsCli(page, `#${frag}`, args);
    }
  });
});

test('#path=netflix,ftc highlights exactly what `casegraph path netflix ftc --json` returns', T, async (t) => {
  await withPage(t, file, 'path=netflix,ftc', async (page) => {
    const found = casegraphJson('path', 'netflix', 'ftc', '--data', 'graph-data');
    const want = [...new Set(found.paths.flatMap((p) => p.steps.map((s) => s.relationship.id)))].sort();
    assert.ok(want.length > 0);
    const got = await waitFor(page, 'relationships with class on-path', (h) => {
      const on = [...new Set(h.ids('[data-relationship].on-path', 'data-relationship'))].sort();
      return on.length ? on : null;
    });
    assert.deepEqual(got, want);
  });
});

/** The relationships of the paths `casegraph path FROM TO ARGS --json` returns, and its notes. */
function cliPath(from, to, args = []) {
  let out;
  try {
    out = casegraph('path', from, to, '--json', '--data', 'graph-data', ...args);
  } catch (e) {
    out = e.stdout; // exit status 1: no path, the JSON says why
  }
  const found = JSON.parse(out);
  return {
    relationships: [...new Set(found.paths.flatMap((p) => p.steps.map((s) => s.relationship.id)))].sort(),
    notes: found.notes || [],
  };
}

test('#path under the fragment\'s filters highlights what `casegraph path` finds with the same flags', T, async (t) => {
  await withPage(t, file, '', async (page, h) => {
    for (const [from, to, frag, args] of [
      ['netflix', 'ftc', 'min-status=confirmed', ['--min-status', 'confirmed']],
      ['spotify', 'vince-chhabria', '', []],
      ['elon-musk', 'ftc', '', []],
      ['netflix', 'in-re-facebook-consumer-privacy', 'as-of=2020-01-01', ['--as-of', '2020-01-01']],
    ]) {
      const want = cliPath(from, to, args).relationships;
      assert.ok(want.length > 0, `the CLI finds ${from} → ${to} ${args.join(' ')}`);
      await h.reopen(`path=${from},${to}${frag ? `&${frag}` : ''}`);
      await waitFor(
        page,
        `the path ${from} → ${to} ${args.join(' ')} to be ${want.join(', ')}`,
        (x, w) => {
          const on = [...new Set(x.ids('[data-relationship].on-path', 'data-relationship'))].sort();
          return JSON.stringify(on) === JSON.stringify(w) || { ok: false, on };
        },
        want,
      );
    }
  });
});

test('#path with no connection under the filters says why, as the CLI says it', T, async (t) => {
  await withPage(t, file, '', async (page, h) => {
    for (const [from, to, frag, args] of [
      ['netflix', 'ftc', 'status=denied', ['--status', 'denied']],
      ['netflix', 'irish-dpc', 'as-of=2019-01-01', ['--as-of', '2019-01-01']],
    ]) {
      const cli = cliPath(from, to, args);
      assert.deepEqual(cli.relationships, []);
      assert.ok(cli.notes.length > 0, 'the CLI says why');
      await h.reopen(`path=${from},${to}&${frag}`);
      // Backticks may become <code>: compared without them.
      const plain = (s) => norm(s).replaceAll('`', '');
      await waitFor(
        page,
        `the page to say ${JSON.stringify(cli.notes)}`,
        (x, notes) => {
          const text = x.renderedText(document.body, (el) => el.closest('svg')).replaceAll('`', '');
          const missing = notes.filter((n) => !text.includes(n));
          return missing.length === 0 || { ok: false, missing };
        },
        cli.notes.map(plain),
      );
      const on = await inPage(page, (x) => x.ids('[data-relationship].on-path', 'data-relationship'));
      assert.deepEqual(on, [], 'no relationship highlighted when there is no path');
    }
  });
});

test('#path=netflix,ftc marks the entities of the path on-path too', T, async (t) => {
  await withPage(t, file, 'path=netflix,ftc', async (page) => {
    const found = casegraphJson('path', 'netflix', 'ftc', '--data', 'graph-data');
    const want = [...new Set(found.paths.flatMap((p) => p.entities))].sort();
    const got = await waitFor(page, 'entities with class on-path', (h) => {
      const on = [...new Set(h.ids('[data-entity].on-path', 'data-entity'))].sort();
      return on.length ? on : null;
    });
    assert.deepEqual(got, want);
  });
});

test('#entity= and #relationship= open the panel on that item; selecting updates location.hash', T, async (t) => {
  const board = rel((r) => r.type === 'board_member_of' && r.from === 'reed-hastings');
  await withPage(t, file, 'entity=meta', async (page, h) => {
    await panelShows(page, "Meta's name", [entity('meta').name]);
    await h.reopen(`relationship=${board.id}`);
    await panelShows(page, "the board seat's citation titles", board.evidence.map((c) => source(c.source).title));
    await h.reopen('');
    await clickItem(page, '[data-entity="netflix"]');
    await panelShows(page, "Netflix's name", [entity('netflix').name]);
    await hashBecomes(page, 'entity=netflix', 'entity', 'netflix');
    await clickItem(page, `[data-relationship="${board.id}"]`);
    await hashBecomes(page, `relationship=${board.id}`, 'relationship', board.id);
    const hash = await inPage(page, (x) => x.hash());
    assert.equal(hash.entity, undefined, 'one selection at a time in the fragment');
  });
});

test("an entity's card lists its relationships, each clickable to its own card", T, async (t) => {
  const board = rel((r) => r.type === 'board_member_of' && r.from === 'reed-hastings');
  const his = ids.filter((_, i) => [data.relationships[i].from, data.relationships[i].to].includes('reed-hastings'));
  await withPage(t, file, 'entity=reed-hastings', async (page) => {
    await panelShows(page, 'Reed Hastings', [entity('reed-hastings').name]);
    const panel = page.locator('aside[role="complementary"]');
    const clickable = panel.getByRole('link').or(panel.getByRole('button'));
    assert.ok((await clickable.count()) >= his.length, `fewer links or buttons in the card than his ${his.length} relationships`);
    await panel.getByRole('link', { name: /board member of/i }).or(panel.getByRole('button', { name: /board member of/i })).first().click();
    await hashBecomes(page, `relationship=${board.id}`, 'relationship', board.id);
    await panelShows(page, "the board seat's citation titles", board.evidence.map((c) => source(c.source).title));
  });
});

/** The button that moves the story, found by its accessible name. */
const storyButton = (page, word) => page.getByRole('button', { name: new RegExp(word, 'i') }).first();

test('every story step opens: next through all of them and previous back, each with its title', T, async (t) => {
  const views = data.views;
  assert.ok(views.length > 1);
  const shows = async (page, v, i) => {
    await hashBecomes(page, `view=${v.id} (step ${i + 1})`, 'view', v.id);
    await waitFor(page, `the title of step ${i + 1} shown`, (h, title) => h.renderedText().includes(title) || { ok: false }, norm(v.title));
    if (v.path) {
      await waitFor(page, `step ${v.id}'s path highlighted`, (h) => [...document.querySelectorAll('[data-relationship].on-path')].some((e) => !h.hidden(e)));
    }
  };
  await withPage(t, file, `view=${views[0].id}`, async (page) => {
    await shows(page, views[0], 0);
    for (let i = 1; i < views.length; i++) {
      await storyButton(page, 'next').click();
      await shows(page, views[i], i);
    }
    for (let i = views.length - 2; i >= 0; i--) {
      await storyButton(page, 'prev').click();
      await shows(page, views[i], i);
    }
  });
});

test('keyboard: Tab reaches a node and Enter opens its card', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    let focused = null;
    for (let i = 0; i < 400 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await inPage(page, () => document.activeElement?.closest('svg [data-entity]')?.dataset.entity ?? null);
    }
    assert.ok(focused, 'no diagram node took the focus within 400 presses of Tab');
    await page.keyboard.press('Enter');
    await panelShows(page, `the focused node's name (${focused})`, [entity(focused).name]);
  });
});

/** The client rectangle of the first visible `selector` in the diagram. */
const rectOf = (page, selector) =>
  inPage(page, (h, sel) => {
    const el = [...document.querySelectorAll(sel)].find((e) => !h.hidden(e) && e.closest('svg'));
    const r = el.getBoundingClientRect();
    return { x: r.x, y: r.y, width: r.width };
  }, selector);

test('pan and zoom: + and - keys and the wheel zoom, a drag pans, 0 fits again', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    const node = '[data-entity="netflix"]';
    // Keys go to the page, not to the search box.
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    const fitted = await rectOf(page, node);
    const grows = (than) => waitFor(page, 'the diagram to zoom in', (h, [sel, w]) => {
      const el = [...document.querySelectorAll(sel)].find((e) => !h.hidden(e) && e.closest('svg'));
      return el.getBoundingClientRect().width > w * 1.05 || { ok: false, width: el.getBoundingClientRect().width };
    }, [node, than]);
    await page.keyboard.press('+');
    await grows(fitted.width);
    const zoomed = await rectOf(page, node);
    await page.keyboard.press('-');
    await page.keyboard.press('-');
    await waitFor(page, 'the diagram to zoom out', (h, [sel, w]) => {
      const el = [...document.querySelectorAll(sel)].find((e) => !h.hidden(e) && e.closest('svg'));
      return el.getBoundingClientRect().width < w * 0.95;
    }, [node, zoomed.width]);
    await page.keyboard.press('0');
    await waitFor(page, '0 to fit the diagram as it opened', (h, [sel, w]) => {
      const el = [...document.querySelectorAll(sel)].find((e) => !h.hidden(e) && e.closest('svg'));
      return Math.abs(el.getBoundingClientRect().width - w) < w * 0.02;
    }, [node, fitted.width]);
    // The wheel over the diagram zooms.
    const before = await rectOf(page, node);
    await page.mouse.move(before.x + before.width / 2, (await rectOf(page, node)).y);
    await page.mouse.wheel(0, -400);
    await waitFor(page, 'the wheel to zoom the diagram', (h, [sel, w]) => {
      const el = [...document.querySelectorAll(sel)].find((e) => !h.hidden(e) && e.closest('svg'));
      return Math.abs(el.getBoundingClientRect().width - w) > w * 0.05;
    }, [node, before.width]);
    // A drag from an empty point of the diagram moves it by the drag.
    const empty = await inPage(page, () => {
      const svg = document.querySelector('svg [data-entity]').closest('svg');
      const r = svg.getBoundingClientRect();
      for (let y = r.y + 20; y < r.bottom - 60; y += 17) {
        for (let x = r.x + 20; x < r.right - 140; x += 23) {
          const hit = document.elementFromPoint(x, y);
          if (hit && svg.contains(hit) && !hit.closest('[data-entity], [data-relationship], a')) return { x, y };
        }
      }
      return null;
    });
    assert.ok(empty, 'no empty point in the diagram to drag from');
    const start = await rectOf(page, node);
    await page.mouse.move(empty.x, empty.y);
    await page.mouse.down();
    await page.mouse.move(empty.x + 60, empty.y + 30, { steps: 6 });
    await page.mouse.move(empty.x + 120, empty.y + 40, { steps: 6 });
    await page.mouse.up();
    const moved = await rectOf(page, node);
    assert.ok(Math.abs(moved.x - start.x - 120) < 6 && Math.abs(moved.y - start.y - 40) < 6, `a drag of (120, 40) moved the node by (${moved.x - start.x}, ${moved.y - start.y})`);
  });
});

test('keyboard focus on a node is visible', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    let focused = null;
    for (let i = 0; i < 400 && !focused; i++) {
      await page.keyboard.press('Tab');
      focused = await inPage(page, () => document.activeElement?.closest('svg [data-entity]')?.dataset.entity ?? null);
    }
    assert.ok(focused, 'no diagram node took the focus');
    const el = page.locator(`svg [data-entity="${focused}"]`).first();
    const withFocus = await el.screenshot();
    await inPage(page, () => document.activeElement.blur());
    const without = await el.screenshot();
    assert.ok(!withFocus.equals(without), `the focused node ${focused} looks the same without the focus`);
  });
});

test('every diagram node has an accessible name with its entity name', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    const unnamed = await inPage(page, (h, names) => {
      const out = [];
      for (const e of document.querySelectorAll('svg [data-entity]')) {
        const label = e.getAttribute('aria-label') || (e.getAttribute('aria-labelledby') || '').split(/\s+/).map((id) => document.getElementById(id)?.textContent || '').join(' ') || e.querySelector(':scope > title')?.textContent || '';
        if (!h.norm(label).includes(names[e.dataset.entity])) out.push(`${e.dataset.entity}: ${JSON.stringify(label)}`);
      }
      return out;
    }, Object.fromEntries(data.entities.map((e) => [e.id, norm(e.name)])));
    assert.deepEqual(unnamed, [], 'diagram nodes whose accessible name lacks their entity name');
  });
});

test('printing shows the diagram with the numbered sources under it, without the controls', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    await page.emulateMedia({ media: 'print' });
    // What the browser does before it prints (emulateMedia alone does not).
    await inPage(page, () => window.dispatchEvent(new Event('beforeprint')));
    const facts = await inPage(page, (h, titles) => {
      const svg = document.querySelector('svg [data-entity]').closest('svg');
      const shown = [...svg.querySelectorAll('[data-entity]')].filter((e) => !h.hidden(e)).length;
      const bottom = svg.getBoundingClientRect().bottom;
      // The numbered list holding the source titles, under the diagram.
      const list = [...document.querySelectorAll('ol')].find((ol) => !h.hidden(ol) && titles.every((t) => h.renderedText(ol).includes(t)));
      return {
        shown,
        list: !!list,
        under: list ? list.getBoundingClientRect().top >= bottom - 1 : false,
        search: !!document.querySelector('input[type=search]') && !h.hidden(document.querySelector('input[type=search]')),
      };
    }, data.sources.map((x) => norm(x.title)));
    assert.equal(facts.shown, data.entities.length, 'entities printed in the diagram');
    assert.ok(facts.list, 'no printed numbered list (<ol>) with every source title');
    assert.ok(facts.under, 'the sources are not printed under the diagram');
    assert.equal(facts.search, false, 'the search box is printed');
  });
});

test('no console error, page error or request but the file while a reader uses the page', T, async (t) => {
  // withPage fails on any of them; this test drives the page through its
  // main features so that their code runs.
  await withPage(t, file, '', async (page, h) => {
    // Click first: selecting by search then zooms to Mark Zuckerberg.
    await clickItem(page, '[data-entity="meta"]');
    await page.locator('input[type=search]').fill('zuckerberg');
    await page.keyboard.press('Enter');
    await page.locator('body').click({ position: { x: 5, y: 5 } }); // out of the search box, for the keys
    await page.keyboard.press('+');
    await page.keyboard.press('-');
    await page.keyboard.press('0');
    await page.mouse.wheel(0, -300);
    for (const frag of ['path=netflix,irish-dpc', `view=${data.views.at(-1).id}`, 'as-of=2019-01-01&min-status=reported']) {
      await h.reopen(frag);
    }
    await page.waitForTimeout(300);
  });
});

test('a Content-Security-Policy meta with default-src none, before any script', T, async (t) => {
  await withPage(t, file, '', async (page) => {
    const csp = await inPage(page, cspFacts);
    assertStrictCsp(csp);
  });
});
