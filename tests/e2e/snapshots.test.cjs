// Snapshot tests of the native CLI's standalone SVG: each card is rendered by
// `blocmap render`, drawn by Chromium and compared with the committed
// reference PNG in tests/snapshots/ (tolerant pixel diff, so font hinting does
// not fail it while a wrong color, border or projection does).
// BLOCMAP_UPDATE_SNAPSHOTS=1 rewrites the references.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const { PNG } = require('pngjs');
const pixelmatch = require('pixelmatch');
const { launch } = require('./helpers.cjs');

const ROOT = path.resolve(__dirname, '../..');
const DIR = path.join(ROOT, 'tests/snapshots');
const CASES = [
  { date: '1960-01-01', view: 'europe', lang: 'en' },
  { date: '1989-11-09', view: 'europe', lang: 'en' },
  { date: '1995-01-01', view: 'world', lang: 'ar' },
  { date: '2024-03-07', view: 'arctic', lang: 'en' },
];
const MAX_DIFF = 0.01; // share of pixels that may differ

let browser;
test.before(async () => { browser = await launch(); });
test.after(async () => { await browser?.close(); });

for (const c of CASES) {
  const name = `${c.date}-${c.view}-${c.lang}`;
  test(`card ${name} matches its reference image`, async () => {
    const svgPath = path.join(fs.mkdtempSync(path.join(require('node:os').tmpdir(), 'bm-')), `${name}.svg`);
    execFileSync('cargo', ['run', '--quiet', '--bin', 'blocmap', '--', 'render', '--date', c.date, '--view', c.view,
      '--lang', c.lang, '--out', svgPath], { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    const page = await browser.newPage({ viewport: { width: 1000, height: 776 } });
    await page.goto('file://' + svgPath);
    const shot = PNG.sync.read(await page.screenshot());
    await page.close();
    const refPath = path.join(DIR, `${name}.png`);
    if (process.env.BLOCMAP_UPDATE_SNAPSHOTS === '1' || !fs.existsSync(refPath)) {
      assert.ok(!process.env.CI, `reference ${refPath} is missing (run with BLOCMAP_UPDATE_SNAPSHOTS=1 and commit it)`);
      fs.writeFileSync(refPath, PNG.sync.write(shot));
      return;
    }
    const ref = PNG.sync.read(fs.readFileSync(refPath));
    assert.equal(`${shot.width}x${shot.height}`, `${ref.width}x${ref.height}`);
    const diff = new PNG({ width: ref.width, height: ref.height });
    const n = pixelmatch(ref.data, shot.data, diff.data, ref.width, ref.height, { threshold: 0.2 });
    const share = n / (ref.width * ref.height);
    if (share > MAX_DIFF) fs.writeFileSync(refPath.replace(/\.png$/, '.diff.png'), PNG.sync.write(diff));
    assert.ok(share <= MAX_DIFF, `${name}: ${(share * 100).toFixed(2)} % of pixels differ (max ${MAX_DIFF * 100} %); see ${name}.diff.png`);
  });
}
