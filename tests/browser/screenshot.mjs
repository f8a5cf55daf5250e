// The README's screenshot of the interactive page: the curated dataset's
// page, as `casegraph build` writes it, at 1400×900 with Reed Hastings
// selected. Run from the repository root after a build of the binary:
//
//   node tests/browser/screenshot.mjs [OUT.png]   (default examples/screenshots/page.png)
//
// CASEGRAPH_BIN picks the binary (default target/release/casegraph).

import { join, resolve } from 'node:path';
import { ROOT, casegraph, close, freshDir, launch, open, panelShows, readData } from './harness.mjs';

const png = resolve(process.argv[2] || join(ROOT, 'examples/screenshots/page.png'));
const data = readData('graph-data/netflix-facebook.json');
const dir = freshDir('screenshot');
casegraph('build', '--data', 'graph-data', '--out', dir);
await launch();
try {
  const h = await open({ name: 'screenshot' }, join(dir, `${data.dataset.id}.html`), 'entity=reed-hastings');
  await panelShows(h.page, 'Reed Hastings', ['Reed Hastings']);
  await h.page.waitForTimeout(300); // let the page's zoom to the selection finish
  await h.page.screenshot({ path: png, timeout: 10_000 });
  await h.finish();
  console.log(`wrote ${png}`);
} finally {
  await close();
}
