// axe-core on the page in each language and theme: no violations, with the
// table open, a tooltip pinned and an alliance highlighted.
const test = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { launch, openMap } = require('./helpers.cjs');

const AXE = path.join(process.env.NODE_PATH || '.tools/npm/node_modules', 'axe-core', 'axe.min.js');

let browser;
test.before(async () => { browser = await launch(); });
test.after(async () => { await browser?.close(); });

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary) }));
  });
  return result;
}

for (const lang of ['en', 'ar', 'ru']) {
  for (const theme of ['light', 'dark']) {
    test(`axe: no violations in ${lang}, ${theme} theme`, async () => {
      const { page, context, errors } = await openMap(browser, { hash: `#date=1999-03-11&lang=${lang}&theme=${theme}&view=europe`, colorScheme: theme });
      assert.equal(await page.getAttribute('html', 'dir'), lang === 'ar' ? 'rtl' : 'ltr');
      assert.equal(await page.$eval('.bm-theme', (e) => e.value), theme, 'the setting shows the theme of the link');
      assert.deepEqual(await violations(page), [], 'page at rest');
      await page.click('.bm-table-box summary');
      await page.waitForSelector('.bm-table');
      await page.click('.bm-legend [data-alliance="NATO"] .bm-hl-btn');
      await page.focus('#map');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await page.waitForSelector('#bm-tip:not([hidden])');
      assert.deepEqual(await violations(page), [], 'table open, details shown, NATO highlighted');
      assert.deepEqual(errors, []);
      await context.close();
    });
  }
}
