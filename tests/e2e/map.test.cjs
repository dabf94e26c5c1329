// The foundation's reader path: load, wait for the map, move the slider.
const test = require('node:test');
const assert = require('node:assert/strict');
const { launch, openMap, slideTo, unit } = require('./helpers.cjs');

let browser;
test.before(async () => { browser = await launch(); });
test.after(async () => { await browser?.close(); });

test('Poland turns NATO on 1999-03-12, not on 1999-03-11', async () => {
  const { page, context, errors } = await openMap(browser);
  const natoFill = await page.$eval('.bm-legend [data-alliance="NATO"] .bm-swatch', (el) => getComputedStyle(el).backgroundColor);
  const neutralFill = await page.$eval('.blocmap svg path[data-unit="CHE"]', (el) => getComputedStyle(el).fill);

  await slideTo(page, '1999-03-11');
  let pol = await unit(page, 'POL');
  assert.equal(pol.state, 'POL');
  assert.equal(pol.alliance, '');
  assert.notEqual(pol.fill, natoFill);
  // The day before depositing its instrument, Poland had signed the accession
  // protocol: hatched in NATO's color, not a member, not NATO's solid fill.
  assert.equal(pol.status, 'signatory');
  assert.match(pol.fill, /bm-NATO-signatory/);
  await slideTo(page, '1997-01-01');
  assert.equal((await unit(page, 'POL')).fill, neutralFill, 'Poland is neutral before it signed');
  await slideTo(page, '1999-03-11');

  await slideTo(page, '1999-03-12');
  pol = await unit(page, 'POL');
  assert.equal(pol.alliance, 'NATO');
  assert.equal(pol.status, 'member');
  assert.equal(pol.fill, natoFill, "Poland's path has the legend's NATO color");
  assert.match(await page.textContent('.bm-date-label'), /1999/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('the slider spans 1949-04-04 to today and the legend names both blocs', async () => {
  const { page, context } = await openMap(browser);
  const { min, max } = await page.$eval('input.bm-slider', (el) => ({ min: +el.min, max: +el.max }));
  assert.equal(min, Math.round(Date.parse('1949-04-04T00:00:00Z') / 86400000));
  const today = Math.floor(Date.now() / 86400000);
  assert.ok(Math.abs(max - today) <= 1, `slider ends today (${max} vs ${today})`);
  const legend = await page.textContent('.bm-legend');
  assert.match(legend, /NATO/);
  assert.match(legend, /CSTO|Collective Security/);
  await context.close();
});

test('the legend names each alliance as it was called that day and dims those that did not exist', async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=1999-03-12' });
  const legend = () => page.$$eval('.bm-legend li', (n) => n.map((li) => [li.dataset.alliance, li.querySelector('.bm-name').textContent, li.classList.contains('bm-absent')]));
  assert.deepEqual((await legend()).find(([id]) => id === 'CSTO'), ['CSTO', 'Collective Security Treaty (CST)', false]);
  assert.equal((await legend()).find(([id]) => id === 'WARSAW_PACT')[2], true, 'the Warsaw Pact was dissolved in 1991');
  const label = await page.$eval('.bm-legend li[data-alliance="WARSAW_PACT"] .bm-hl-btn', (b) => b.textContent);
  assert.match(label, /Warsaw Pact.*, 0 \(did not exist on this day\)$/, 'what a screen reader hears');
  await slideTo(page, '2004-03-29');
  await page.waitForFunction(() => /\(CSTO\)/.test(document.querySelector('.bm-legend li[data-alliance="CSTO"] .bm-name').textContent));
  await slideTo(page, '1970-01-01');
  await page.waitForFunction(() => document.querySelector('.bm-legend li[data-alliance="CSTO"]').classList.contains('bm-absent'));
  assert.equal((await legend()).find(([id]) => id === 'WARSAW_PACT')[2], false);
  assert.deepEqual(errors, []);
  await context.close();
});

test('CSTO members are colored in 2010 and the Soviet Union is one state in 1985', async () => {
  const { page, context } = await openMap(browser);
  const cstoFill = await page.$eval('.bm-legend [data-alliance="CSTO"] .bm-swatch', (el) => getComputedStyle(el).backgroundColor);
  await slideTo(page, '2010-06-01');
  const kaz = await unit(page, 'KAZ');
  assert.equal(kaz.alliance, 'CSTO');
  assert.equal(kaz.fill, cstoFill);
  await slideTo(page, '1985-01-01');
  assert.equal((await unit(page, 'UKR')).state, 'SUN');
  assert.equal((await unit(page, 'UKR')).alliance, 'WARSAW_PACT');
  await context.close();
});

test("the site's own build has no library API beyond the page's needs, and says which build does", async () => {
  const { page, context, errors } = await openMap(browser);
  const result = await page.evaluate(async () => {
    const mod = await import('/pkg/blocmap.js');
    const div = document.createElement('div');
    const tried = {};
    for (const option of ['geojson', 'timelineJson']) {
      try { new mod.BlocMap(div, { [option]: '{}' }); tried[option] = 'accepted'; } catch (e) { tried[option] = e.message; }
    }
    return { tried, timeline: typeof mod.Timeline, exportSvg: typeof window.__bm.map.exportSvg, children: div.children.length };
  });
  for (const option of ['geojson', 'timelineJson']) {
    assert.match(result.tried[option], new RegExp(`'${option}'.*lib/blocmap.js`), result.tried[option]);
  }
  // And lib/ beside it is the whole library: an editor's own data works there.
  const lib = await page.evaluate(async () => {
    const mod = await import('/lib/blocmap.js');
    await mod.default();
    const div = document.createElement('div');
    const square = [[[14, 49], [24, 49], [24, 55], [14, 55], [14, 49]]];
    const geojson = JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature', id: 'POL', properties: {}, geometry: { type: 'Polygon', coordinates: square } }] });
    new mod.BlocMap(div, { geojson, date: '1999-03-12' });
    return { alliance: div.querySelector('path[data-unit="POL"]').getAttribute('data-alliance'), members: mod.Timeline.builtin().membersAt('NATO', '1999-03-12').length };
  });
  assert.deepEqual(lib, { alliance: 'NATO', members: 19 });
  assert.equal(result.timeline, 'undefined', 'the Timeline class is the npm package\'s');
  assert.equal(result.exportSvg, 'undefined', 'so is the core\'s standalone card');
  assert.equal(result.children, 0, 'nothing is drawn');
  assert.deepEqual(errors, []);
  await context.close();
});
