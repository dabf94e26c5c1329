// Reference screenshots with a tolerant pixel diff. A missing reference is
// written (commit it); BLOCMAP_UPDATE_SCREENS=1 rewrites them all. On a
// failure the actual image and a diff land in tests/e2e/artifacts/.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
// pngjs is one of the pinned npm tools (xtask/npm/package.json).
const { PNG } = require('pngjs');
const { launch, openMap } = require('./helpers.cjs');

const REF = path.join(__dirname, 'reference');
const OUT = path.join(__dirname, 'artifacts');

let browser;
test.before(async () => { browser = await launch(); });
test.after(async () => { await browser?.close(); });

/** Share of pixels whose channels differ by more than `level` (0-255); writes a diff image. */
function differs(a, b, level, diffPath) {
  if (a.width !== b.width || a.height !== b.height) return 1;
  const diff = new PNG({ width: a.width, height: a.height });
  let bad = 0;
  for (let i = 0; i < a.data.length; i += 4) {
    const d = Math.max(Math.abs(a.data[i] - b.data[i]), Math.abs(a.data[i + 1] - b.data[i + 1]), Math.abs(a.data[i + 2] - b.data[i + 2]));
    const off = d > level;
    if (off) bad++;
    diff.data[i] = off ? 255 : a.data[i] / 3;
    diff.data[i + 1] = off ? 0 : a.data[i + 1] / 3;
    diff.data[i + 2] = off ? 0 : a.data[i + 2] / 3;
    diff.data[i + 3] = 255;
  }
  fs.mkdirSync(OUT, { recursive: true });
  fs.writeFileSync(diffPath, PNG.sync.write(diff));
  return bad / (a.width * a.height);
}

async function matches(name, buffer, tolerance) {
  const ref = path.join(REF, name + '.png');
  if (!fs.existsSync(ref) || process.env.BLOCMAP_UPDATE_SCREENS === '1') {
    fs.mkdirSync(REF, { recursive: true });
    fs.writeFileSync(ref, buffer);
    return;
  }
  const share = differs(PNG.sync.read(fs.readFileSync(ref)), PNG.sync.read(buffer), 48, path.join(OUT, name + '.diff.png'));
  if (share > tolerance) fs.writeFileSync(path.join(OUT, name + '.actual.png'), buffer);
  assert.ok(share <= tolerance, `${name}: ${(share * 100).toFixed(2)} % of pixels differ (at most ${tolerance * 100} %)`);
}

const CASES = [
  { name: 'map-en-1999-03-11-europe-light', hash: '#date=1999-03-11&view=europe&lang=en&theme=light', sel: '.bm-stage', tol: 0.01 },
  { name: 'map-ar-1962-06-01-europe-dark', hash: '#date=1962-06-01&view=europe&lang=ar&theme=dark', sel: '.bm-stage', tol: 0.01 },
  { name: 'map-en-2024-03-07-arctic-light', hash: '#date=2024-03-07&view=arctic&lang=en&theme=light', sel: '.bm-stage', tol: 0.01 },
  { name: 'phone-ar-2022-01-06', hash: '#date=2022-01-06&lang=ar&theme=light', viewport: { width: 360, height: 740 }, tol: 0.03 },
];

for (const c of CASES) {
  test(`screenshot ${c.name} matches its reference`, async () => {
    const { page, context } = await openMap(browser, { hash: c.hash, viewport: c.viewport || { width: 1000, height: 800 }, reducedMotion: 'reduce' });
    await page.evaluate(() => document.fonts.ready);
    const shot = c.sel ? await page.locator(c.sel).screenshot() : await page.screenshot();
    await matches(c.name, shot, c.tol);
    await context.close();
  });
}
