// The JS API through the real release glue, as an editor's script calls it:
// arguments of the wrong type throw an Error that names the function, the
// parameter and what was given (not wasm's "memory access out of bounds" or
// a TypeError from inside the glue), and leave the map as it was. Both
// builds: the site's own (pkg/, what the page runs) and the npm package
// beside it (lib/).
const test = require('node:test');
const assert = require('node:assert/strict');
const { launch, openMap } = require('./helpers.cjs');

let browser;
test.before(async () => { browser = await launch(); });
test.after(async () => { await browser?.close(); });

test("the site's map throws clear errors for arguments of the wrong type and keeps its state", async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=1999-03-12&view=europe' });
  const result = await page.evaluate(async () => {
    // Calls each `[label, fn]` and collects what it threw.
    const tryAll = (calls) => calls.map(([label, fn]) => {
      try { fn(); return [label, 'accepted']; } catch (e) { return [label, `${e?.constructor?.name}: ${e?.message}`]; }
    });
    const mod = await import('/pkg/blocmap.js');
    const map = window.__bm.map;
    const snapshot = () => [map.date(), map.view(), document.querySelector('.blocmap svg').outerHTML];
    const before = snapshot();
    const thrown = tryAll([
      ['setDate(19990312)', () => map.setDate(19990312)],
      ['setDate({})', () => map.setDate({})],
      ['setDate(null)', () => map.setDate(null)],
      ['setView(5)', () => map.setView(5)],
      ['setView(null)', () => map.setView(null)],
      ['highlightState(5)', () => map.highlightState(5)],
      ['summary(en, x)', () => map.summary('en', 'x')],
      ['addLanguage({})', () => mod.addLanguage({})],
      ['dateOfDay(NaN)', () => mod.dateOfDay(NaN)],
      ["new BlocMap('#map')", () => new mod.BlocMap('#map', { date: '1999-03-12' })],
      ['new BlocMap(null)', () => new mod.BlocMap(null, {})],
    ]);
    return { thrown: Object.fromEntries(thrown), same: JSON.stringify(snapshot()) === JSON.stringify(before), date: map.date() };
  });
  assert.deepEqual(result.thrown, {
    'setDate(19990312)': "Error: setDate: date must be a text like '1999-03-12', got the number 19990312",
    'setDate({})': "Error: setDate: date must be a text like '1999-03-12', got an object",
    'setDate(null)': "Error: setDate: date must be a text like '1999-03-12', got null",
    'setView(5)': "Error: setView: view must be a text like 'europe', got the number 5",
    'setView(null)': "Error: setView: view must be a text like 'europe', got null",
    'highlightState(5)': "Error: highlightState: code must be a text like 'POL' (or '' to clear), got the number 5",
    'summary(en, x)': "Error: summary: unknown digits 'x'; known: latn, arab",
    'addLanguage({})': 'Error: addLanguage: packJson must be the JSON text of a language pack (as read by fetch(…).then(r => r.text()), not an object), got an object',
    'dateOfDay(NaN)': 'Error: dateOfDay: day must be a whole number from -719162 to 2932896 (the days of 0001-01-01 to 9999-12-31), got the number NaN',
    "new BlocMap('#map')": "Error: BlocMap: the first argument must be a DOM element, got the text '#map' (use document.querySelector('#map'))",
    'new BlocMap(null)': 'Error: BlocMap: the first argument must be a DOM element, got null',
  });
  assert.ok(result.same, 'date, view and every painted attribute are unchanged');
  assert.equal(result.date, '1999-03-12');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the npm package (lib/) checks the Timeline and exportSvg arguments too', async () => {
  const { page, context, errors } = await openMap(browser);
  const result = await page.evaluate(async () => {
    const tryAll = (calls) => calls.map(([label, fn]) => {
      try { fn(); return [label, 'accepted']; } catch (e) { return [label, `${e?.constructor?.name}: ${e?.message}`]; }
    });
    const mod = await import('/lib/blocmap.js');
    await mod.default();
    const div = document.createElement('div');
    const map = new mod.BlocMap(div, { date: '1999-03-12' });
    const before = div.innerHTML;
    const thrown = tryAll([
      ['fromJson(42)', () => mod.Timeline.fromJson(42)],
      ['fromJson({})', () => mod.Timeline.fromJson({})],
      ['fromJson(null)', () => mod.Timeline.fromJson(null)],
      ['exportSvg()', () => map.exportSvg()],
      ['options {dat}', () => new mod.BlocMap(div, { dat: '1999-03-12' })],
    ]);
    return { thrown: Object.fromEntries(thrown), same: div.innerHTML === before, today: new mod.BlocMap(document.createElement('div')).date() };
  });
  const json = 'Error: Timeline.fromJson: json must be the JSON text of a timeline document (JSON.stringify an object first), got';
  assert.deepEqual(result.thrown, {
    'fromJson(42)': `${json} the number 42`,
    'fromJson({})': `${json} an object`,
    'fromJson(null)': `${json} null`,
    'exportSvg()': "Error: exportSvg: lang must be a text like 'en', got nothing (undefined)",
    'options {dat}': "Error: BlocMap: unknown option 'dat' (known: date, view, geojson, timelineJson)",
  });
  assert.ok(result.same, 'the map in the element is as it was');
  assert.equal(result.today, new Date().toISOString().slice(0, 10), 'no date option: today');
  assert.deepEqual(errors, []);
  await context.close();
});
