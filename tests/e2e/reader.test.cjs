// The reader's path: slider (drag, keys), date field, play and pause, hover
// and tap, keyboard on the map, the legend, languages, deep links.
const test = require('node:test');
const assert = require('node:assert/strict');
const { launch, openMap, slideTo, dayNumber, shownDate, rectOf, inside, contains } = require('./helpers.cjs');

let browser;
test.before(async () => { browser = await launch(); });
test.after(async () => { await browser?.close(); });

const valuetext = (page) => page.getAttribute('input.bm-slider', 'aria-valuetext');
const marks = (page) => page.evaluate(() => window.__bm.marks().map((m) => m.date));

test('slider keys: arrows a day, Shift a year, PageUp/PageDown events, Home/End ends', async () => {
  const { page, context, errors } = await openMap(browser);
  await page.focus('input.bm-slider');
  await page.keyboard.press('Home');
  assert.equal(await shownDate(page), '1949-04-04');
  assert.equal(await valuetext(page), '4 April 1949');
  await page.keyboard.press('ArrowRight');
  assert.equal(await shownDate(page), '1949-04-05');
  await page.keyboard.press('ArrowUp');
  assert.equal(await shownDate(page), '1949-04-06');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Shift+ArrowRight');
  assert.equal(await shownDate(page), '1950-04-05');
  assert.equal(await valuetext(page), '5 April 1950');
  const all = await marks(page);
  await page.keyboard.press('PageUp');
  assert.equal(await shownDate(page), all.find((d) => d > '1950-04-05'));
  await page.keyboard.press('PageUp');
  const second = all.filter((d) => d > '1950-04-05')[1];
  assert.equal(await shownDate(page), second);
  await page.keyboard.press('PageDown');
  assert.equal(await shownDate(page), all.find((d) => d > '1950-04-05'));
  await page.keyboard.press('Shift+ArrowLeft');
  await page.keyboard.press('End');
  assert.equal(await shownDate(page), new Date().toISOString().slice(0, 10));
  assert.deepEqual(errors, []);
  await context.close();
});

test('dragging the slider shows each day and snaps to an event day near where it ends', async () => {
  const { page, context, errors } = await openMap(browser);
  const box = await rectOf(page, 'input.bm-slider');
  const min = dayNumber('1949-04-04');
  const max = Number(await page.getAttribute('input.bm-slider', 'max'));
  // The thumb is 20 px wide: values run from its centre at either end.
  const xOf = (day) => box.x + 10 + ((day - min) / (max - min)) * (box.width - 20);
  const y = box.y + box.height / 2;
  const target = dayNumber('1999-03-12');
  await page.waitForFunction(() => document.querySelector('.bm-summary').textContent.length > 0);
  const before = await page.textContent('.bm-summary');
  await page.mouse.move(xOf(max), y);
  await page.mouse.down();
  await page.mouse.move(xOf(target + 400), y, { steps: 8 });
  const during = await shownDate(page);
  assert.ok(during > '1999-06-01' && during < '2001-01-01', `the map follows the drag (${during})`);
  assert.match(await page.textContent('.bm-date-label'), /(1999|2000)$/, 'and so does the date in words');
  assert.equal(await page.textContent('.bm-summary'), before, 'the live region waits for the drag to rest');
  // Let go a few pixels (weeks) short of NATO's 1999 enlargement: it snaps there.
  await page.mouse.move(xOf(target) - 2, y, { steps: 4 });
  await page.mouse.up();
  assert.equal(await shownDate(page), '1999-03-12');
  assert.equal(await valuetext(page), '12 March 1999');
  assert.equal(await page.$eval('input.bm-date', (el) => el.value), '1999-03-12', 'the date field follows when the thumb rests');
  await page.waitForFunction(() => document.querySelector('.bm-summary').textContent.startsWith('12 March 1999'));
  const summary = await page.textContent('.bm-summary');
  assert.match(summary, /NATO 19 members, \+Czech Republic, Hungary, Poland/);
  assert.equal(await page.getAttribute('.bm-summary', 'aria-live'), 'polite');
  // Event days are ticks on the axis, the big ones labelled.
  const ticks = await page.$$eval('.bm-tick', (t) => t.length);
  assert.equal(ticks, (await marks(page)).length);
  const labels = await page.$$eval('.bm-tick-label:not([hidden])', (l) => l.map((e) => e.textContent));
  assert.ok(labels.includes('1999') && labels.includes('1955'), labels.join(' '));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a typed date moves the map; a date outside the range is refused', async () => {
  const { page, context } = await openMap(browser);
  await page.fill('input.bm-date', '2004-03-29');
  await page.dispatchEvent('input.bm-date', 'change');
  assert.equal(await shownDate(page), '2004-03-29');
  assert.equal((await page.$eval('path[data-unit="EST"]', (e) => e.dataset.alliance)), 'NATO');
  await page.waitForFunction(() => /\+Bulgaria/.test(document.querySelector('.bm-summary').textContent));
  await page.fill('input.bm-date', '1900-01-01');
  await page.dispatchEvent('input.bm-date', 'change');
  assert.equal(await shownDate(page), '2004-03-29');
  await context.close();
});

test('play steps from event to event with captions; pause stops it', async () => {
  const { page, context, errors } = await openMap(browser);
  await slideTo(page, '1991-06-01');
  await page.click('.bm-play');
  assert.equal((await page.textContent('.bm-play')).trim(), 'Pause');
  await page.waitForFunction(() => window.__bm.map.date() !== '1991-06-01', null, { timeout: 5000 });
  const first = await shownDate(page);
  assert.equal(first, '1991-06-25', 'the next day that changes the map: borders move');
  assert.equal(await page.textContent('.bm-caption'), 'New borders: Croatia, Slovenia');
  await page.waitForFunction((d) => window.__bm.map.date() > d, first, { timeout: 5000 });
  assert.equal(await shownDate(page), '1991-07-01', 'the next day with an event');
  assert.equal(await page.textContent('.bm-caption'), 'Warsaw Pact dissolved');
  await page.waitForFunction((d) => window.__bm.map.date() > d, '1991-07-01', { timeout: 5000 });
  await page.click('.bm-play');
  assert.equal((await page.textContent('.bm-play')).trim(), 'Play');
  const stopped = await shownDate(page);
  await page.waitForTimeout(2200);
  assert.equal(await shownDate(page), stopped, 'paused');
  assert.deepEqual(errors, []);
  await context.close();
});

test('on a phone, Pause stays in view wherever the page is scrolled', async () => {
  const { page, context } = await openMap(browser, { viewport: { width: 320, height: 640 }, hasTouch: true, isMobile: true });
  await page.tap('.bm-play');
  for (const y of [0, 400, 100000]) {
    await page.evaluate((top) => window.scrollTo(0, top), y);
    const r = await page.$eval('.bm-play', (e) => { const b = e.getBoundingClientRect(); return { top: b.top, bottom: b.bottom, text: e.textContent.trim() }; });
    assert.ok(r.top >= 0 && r.bottom <= 640, `Pause in view at scroll ${y} (${r.top}-${r.bottom})`);
    assert.equal(r.text, 'Pause');
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 320, `no sideways scrolling at 320 px (${width})`);
  await page.tap('.bm-play');
  await context.close();
});

test('with reduced motion, play is slower and nothing transitions', async () => {
  const { page, context } = await openMap(browser, { reducedMotion: 'reduce' });
  await slideTo(page, '1991-06-01');
  assert.equal(await page.$eval('path[data-unit="POL"]', (e) => getComputedStyle(e).transitionDuration), '0s');
  await page.click('.bm-play');
  await page.waitForTimeout(1000);
  assert.equal(await shownDate(page), '1991-06-01', 'no step within a second');
  await page.waitForFunction(() => window.__bm.map.date() !== '1991-06-01', null, { timeout: 8000 });
  await page.click('.bm-play');
  await context.close();
});

test('hovering a territory shows its state, standing, since when and history, beside the pointer', async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=1999-03-12&view=europe' });
  const pol = await rectOf(page, 'path[data-unit="POL"]');
  const p = { x: pol.x + pol.width / 2, y: pol.y + pol.height / 2 };
  await page.mouse.move(p.x, p.y);
  await page.waitForSelector('#bm-tip:not([hidden])');
  const text = await page.textContent('#bm-tip');
  assert.match(text, /Poland/);
  assert.match(text, /NATO\): member, since 12 March 1999/);
  assert.match(text, /History/);
  assert.match(text, /Poland signs its NATO accession protocol/);
  assert.match(text, /Sources/);
  assert.match(text, /Earlier events: click or tap the country to see them all\./, 'hover shows the last events and says there are more');
  const tip = await rectOf(page, '#bm-tip');
  const stage = await rectOf(page, '.bm-stage');
  assert.ok(inside(tip, stage), 'inside the widget');
  assert.ok(!contains(tip, p), 'not under the pointer');
  // Near the right edge it flips to the left, still inside and off the pointer.
  const edge = { x: stage.x + stage.width - 30, y: stage.y + 60 };
  await page.mouse.move(edge.x, edge.y);
  const over = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).closest('[data-unit]')?.dataset.unit, edge);
  if (over) {
    await page.waitForSelector('#bm-tip:not([hidden])');
    const t2 = await rectOf(page, '#bm-tip');
    assert.ok(inside(t2, stage), 'inside the widget at the edge');
    assert.ok(!contains(t2, edge), 'not under the pointer at the edge');
  }
  // Data text is text: nothing in the tooltip is markup from the data.
  assert.equal(await page.$$eval('#bm-tip script, #bm-tip img', (n) => n.length), 0);
  await page.mouse.move(stage.x + 5, stage.y + stage.height + 40);
  await page.waitForSelector('#bm-tip', { state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

test("sources are listed in the page's language and name the repository on a code host", async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=1991-01-01&view=europe&lang=ar' });
  const deu = await rectOf(page, 'path[data-unit="DEU"]');
  await page.mouse.click(deu.x + deu.width / 2, deu.y + deu.height / 2);
  await page.waitForSelector('#bm-tip.bm-pinned:not([hidden])');
  const lists = await page.$$eval('#bm-tip .bm-tip-sources', (n) => n.map((e) => e.textContent));
  assert.ok(lists.some((t) => t.includes('، ')), `an Arabic list separator: ${lists}`);
  assert.ok(!lists.some((t) => t.includes(', ')), `no Latin comma between sources: ${lists}`);
  // Each address is left-to-right and isolated, so the list reads right to left in Arabic.
  assert.deepEqual(await page.$$eval('#bm-tip .bm-src', (n) => [...new Set(n.map((e) => e.dir))]), ['ltr']);
  // The ATOP data cited for the reunification is on GitHub: its label says whose.
  const labels = await page.$$eval('#bm-tip a.bm-src', (n) => n.map((a) => [a.textContent, a.href]));
  const atop = labels.find(([, href]) => href.includes('github.com/joshuaalley/arms-allies'));
  assert.ok(atop, JSON.stringify(labels));
  assert.equal(atop[0], 'github.com/joshuaalley/arms-allies');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the saved map leaves out the alliances the reader switched off, as the screen does', async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=1966-07-01&view=europe&alliances=NATO' });
  const svg = await page.evaluate(() => window.__bm.exportSvg());
  assert.match(svg, /North Atlantic Treaty Organization \(NATO\) \(15\)/);
  assert.doesNotMatch(svg, /Warsaw Pact \(/, 'no legend entry for the hidden Warsaw Pact');
  const pol = svg.match(/<path[^>]*data-unit="POL"[^>]*>/)[0];
  assert.match(pol, /style="fill: var\(--bm-neutral\); stroke: var\(--bm-neutral\);"/, pol);
  // Standings drawn with a pattern get a key: the Warsaw Pact's signatories on its first day.
  await page.evaluate(() => { location.hash = '#date=1955-05-14&view=europe&alliances=NATO,CSTO,WARSAW_PACT'; });
  await page.waitForFunction(() => document.querySelector('input.bm-date').value === '1955-05-14');
  const card = await page.evaluate(() => window.__bm.exportSvg());
  assert.match(card, /Warsaw Pact \(Warsaw Treaty Organization\): Signatory, not yet a member: diagonal hatch/);
  assert.match(card, /<rect[^>]*fill="url\(#[^"]*WARSAW_PACT[^"]*\)"/, 'its swatch is the map\'s pattern');
  assert.deepEqual(errors, []);
  await context.close();
});

test('a tall view fits the window: the Arctic leaves Europe and the slider in view on a desktop', async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=2024-03-07&view=arctic', viewport: { width: 1200, height: 900 } });
  const box = await rectOf(page, '.bm-map-box');
  const controls = await rectOf(page, '.bm-controls');
  assert.ok(box.y + box.height <= controls.y, 'the map ends above the time controls');
  assert.ok(controls.y + controls.height <= 900, 'the time controls are in the window');
  assert.ok(Math.abs(box.width / box.height - 1000 / 900) < 0.01, `the view keeps its shape: ${box.width}×${box.height}`);
  const fin = await rectOf(page, 'path[data-unit="FIN"]');
  assert.ok(fin.y + fin.height <= controls.y, 'Finland is above the controls');
  assert.deepEqual(errors, []);
  await context.close();
});

test('tapping a territory on a phone pins its details above the finger', async () => {
  const { page, context, errors } = await openMap(browser, {
    hash: '#date=2024-03-07&view=europe', viewport: { width: 360, height: 740 }, hasTouch: true, isMobile: true,
  });
  const swe = await rectOf(page, 'path[data-unit="SWE"]');
  const p = { x: swe.x + swe.width / 2, y: swe.y + swe.height * 0.6 };
  const hit = await page.evaluate(({ x, y }) => document.elementFromPoint(x, y).closest('[data-unit]')?.dataset.state, p);
  await page.touchscreen.tap(p.x, p.y);
  await page.waitForSelector('#bm-tip.bm-pinned:not([hidden])');
  const text = await page.textContent('#bm-tip');
  assert.match(text, hit === 'SWE' ? /Sweden/ : /./);
  assert.match(text, /since/);
  const tip = await rectOf(page, '#bm-tip');
  const stage = await rectOf(page, '.bm-stage');
  assert.ok(inside(tip, stage), 'inside the widget');
  assert.ok(!contains(tip, p), 'not under the finger');
  await page.click('.bm-tip-close');
  await page.waitForSelector('#bm-tip', { state: 'hidden' });
  assert.deepEqual(errors, []);
  await context.close();
});

test('the map is one focusable group: arrows move between states, Enter opens details, Escape closes', async () => {
  const { page, context } = await openMap(browser, { hash: '#date=1999-03-12&view=europe' });
  await page.focus('#map');
  await page.keyboard.press('ArrowRight');
  const first = await page.getAttribute('#map', 'data-focus-state');
  assert.ok(first, 'a state has the focus');
  assert.ok((await page.textContent('#bm-focus-live')).length > 3);
  await page.keyboard.press('ArrowRight');
  const second = await page.getAttribute('#map', 'data-focus-state');
  assert.notEqual(second, first);
  const focused = await page.$$eval('.bm-kfocus', (n) => [...new Set(n.map((e) => e.dataset.state))]);
  assert.deepEqual(focused, [second]);
  // Type-ahead reaches any state: P goes through the states whose names start with P, in order.
  const seen = [];
  for (let i = 0; i < 6 && seen.at(-1) !== 'PRT'; i++) {
    await page.keyboard.press('p');
    seen.push(await page.getAttribute('#map', 'data-focus-state'));
    assert.match(await page.textContent('#bm-focus-live'), /^P/);
  }
  assert.deepEqual(seen.slice(-2), ['POL', 'PRT'], seen.join(' '));
  assert.match(await page.textContent('#bm-focus-live'), /^Portugal: .*NATO.*member/);
  await page.keyboard.press('Enter');
  await page.waitForSelector('#bm-tip[role="dialog"]:not([hidden])');
  assert.match(await page.textContent('#bm-tip'), /Portugal/);
  assert.equal(await page.evaluate(() => document.activeElement.id), 'bm-tip');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#bm-tip', { state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'map');
  await context.close();
});

test('clicking a legend entry highlights that alliance; the styles legend explains the hatching', async () => {
  const { page, context } = await openMap(browser, { hash: '#date=1999-03-11' });
  const btn = '.bm-legend [data-alliance="NATO"] .bm-hl-btn';
  await page.click(btn);
  assert.equal(await page.getAttribute(btn, 'aria-pressed'), 'true');
  assert.equal(await page.getAttribute('#map', 'data-hl'), 'NATO');
  await page.waitForTimeout(400);
  assert.ok(Number(await page.$eval('path[data-unit="RUS"]', (e) => getComputedStyle(e).opacity)) < 0.5, 'others dimmed');
  assert.equal(await page.$eval('path[data-unit="FRA"]', (e) => getComputedStyle(e).opacity), '1');
  assert.equal(await page.$eval('path[data-unit="POL"]', (e) => getComputedStyle(e).opacity), '1', 'NATO signatories stay');
  await page.click(btn);
  assert.equal(await page.getAttribute('#map', 'data-hl'), null);
  const styles = await page.textContent('.bm-styles');
  assert.match(styles, /Member: solid/);
  assert.match(styles, /Signatory, not yet a member: diagonal hatch/);
  assert.equal(await page.textContent('.bm-legend [data-alliance="NATO"] .bm-count'), '16');
  await context.close();
});

test('Arabic: right-to-left page, Arabic strings, names and digits, the axis runs right to left', async () => {
  const { page, context, errors } = await openMap(browser);
  await page.selectOption('.bm-lang', 'ar');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  assert.match(await page.title(), /الناتو/);
  assert.equal((await page.textContent('.bm-play')).trim(), 'تشغيل');
  assert.equal(await page.getAttribute('#map', 'aria-roledescription'), 'خريطة');
  assert.match(await page.getAttribute('#map', 'aria-label'), /^خريطة الأحلاف العسكرية في /);
  assert.match(await page.textContent('.bm-legend'), /حلف شمال الأطلسي/);
  await slideTo(page, '1999-03-12');
  assert.equal(await valuetext(page), '١٢ مارس ١٩٩٩');
  await page.waitForFunction(() => document.querySelector('.bm-summary').textContent.startsWith('١٢ مارس'));
  assert.match(await page.textContent('.bm-summary'), /بولندا/);
  // The past is on the right: Left goes forward a day, Right back.
  await page.focus('input.bm-slider');
  await page.keyboard.press('ArrowLeft');
  assert.equal(await shownDate(page), '1999-03-13');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  assert.equal(await shownDate(page), '1999-03-11');
  const early = await rectOf(page, '.bm-tick[data-date="1955-05-14"]');
  const late = await rectOf(page, '.bm-tick[data-date="2004-03-29"]');
  assert.ok(early.x > late.x, '1955 is to the right of 2004');
  // Western digits on request.
  await page.selectOption('.bm-digits', 'latn');
  assert.equal(await valuetext(page), '11 مارس 1999');
  await page.waitForFunction(() => location.hash.includes('digits=latn'));
  await page.selectOption('.bm-lang', 'en');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await valuetext(page), '11 March 1999');
  assert.deepEqual(errors, []);
  await context.close();
});

test('Russian, a language the page does not name: menu, strings, months and plural forms from data/lang/ru.json', async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=2023-04-04' });
  const options = await page.$$eval('.bm-lang option', (os) => os.map((o) => o.value));
  assert.ok(['en', 'ar', 'ru'].every((c) => options.includes(c)), options.join());
  // The site's wasm carries English and Arabic; Russian's pack is fetched
  // when a reader picks it, not before.
  const fetched = () => page.evaluate(() => performance.getEntriesByType('resource').some((r) => r.name.endsWith('/lang/ru.json')));
  assert.equal(await fetched(), false, 'nothing Russian is loaded up front');
  await page.selectOption('.bm-lang', 'ru');
  await page.waitForFunction(() => document.documentElement.lang === 'ru');
  assert.equal(await fetched(), true);
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal((await page.textContent('.bm-play')).trim(), 'Воспроизвести');
  assert.match(await page.title(), /НАТО, Варшавский договор и ОДКБ/);
  assert.equal(await valuetext(page), '4 апреля 2023 г.');
  await page.waitForFunction(() => document.querySelector('.bm-summary').textContent.startsWith('4 апреля 2023 г.'));
  // 31 член, 32 члена: the one and few forms of the Russian plural rules.
  assert.match(await page.textContent('.bm-summary'), /^4 апреля 2023 г\.: НАТО 31 член, \+Финляндия/);
  await slideTo(page, '2024-03-07');
  await page.waitForFunction(() => document.querySelector('.bm-summary').textContent.startsWith('7 марта 2024 г.'));
  assert.match(await page.textContent('.bm-summary'), /НАТО 32 члена, \+Швеция/);
  assert.match(await page.textContent('.bm-legend'), /Организация Североатлантического договора/);
  assert.match(await page.textContent('.bm-caption'), /Швеция вступает в НАТО/);
  await page.waitForFunction(() => location.hash.includes('lang=ru'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a #lang=ru deep link opens the page in Russian', async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=1970-01-01&lang=ru&view=europe' });
  assert.equal(await page.getAttribute('html', 'lang'), 'ru');
  assert.equal(await valuetext(page), '1 января 1970 г.');
  assert.equal(await page.$eval('.bm-lang', (s) => s.value), 'ru');
  await page.waitForFunction(() => document.querySelector('.bm-summary').textContent.includes('Варшавский договор'));
  assert.match(await page.textContent('.bm-summary'), /НАТО 15 членов/);
  assert.deepEqual(errors, []);
  await context.close();
});

test('a deep link restores date, alliances, language and view; the hash drives the map', async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=1999-03-12&alliances=NATO,CSTO&lang=ar&view=europe' });
  assert.equal(await shownDate(page), '1999-03-12');
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('.bm-view[data-view="europe"]', 'aria-pressed'), 'true');
  assert.ok(await page.$eval('#map', (e) => e.classList.contains('bm-off-WARSAW_PACT')));
  assert.equal(await page.$eval('.bm-legend [data-alliance="WARSAW_PACT"] .bm-show', (e) => e.checked), false);
  await page.evaluate(() => { location.hash = '#date=2004-03-29&lang=EN&view=World&alliances=nato,csto,warsaw_pact'; });
  await page.waitForFunction(() => document.querySelector('input.bm-date').value === '2004-03-29');
  assert.equal(await page.getAttribute('html', 'dir'), 'ltr');
  assert.equal(await page.getAttribute('.bm-view[data-view="world"]', 'aria-pressed'), 'true');
  assert.equal(await page.$eval('#map', (e) => e.classList.contains('bm-off-WARSAW_PACT')), false);
  // The page writes its state back to the hash, to share.
  await slideTo(page, '2009-04-01');
  await page.waitForFunction(() => location.hash.includes('date=2009-04-01'));
  assert.deepEqual(errors, []);
  await context.close();
});

test('a bad deep link is ignored and the map stays intact', async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=1999-02-30&alliances=XYZ&lang=xx&view=mars&digits=roman' });
  assert.equal(await shownDate(page), new Date().toISOString().slice(0, 10));
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('.bm-view[data-view="world"]', 'aria-pressed'), 'true');
  assert.ok(await page.$('path[data-unit="POL"]'));
  await page.evaluate(() => { location.hash = '#date=1999-03-12'; });
  await page.waitForFunction(() => document.querySelector('input.bm-date').value === '1999-03-12');
  await page.evaluate(() => { location.hash = '#lang=constructor&theme=__proto__'; });
  await page.waitForTimeout(100);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  await page.evaluate(() => { location.hash = '#date=yesterday&view=europe'; });
  await page.waitForFunction(() => document.querySelector('.bm-view[data-view="europe"]').getAttribute('aria-pressed') === 'true');
  assert.equal(await shownDate(page), '1999-03-12', 'the bad date is ignored, the good view applied');
  // The warning names each ignored value; spaces around a value do not count.
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.evaluate(() => { location.hash = '#date=%202004-03-29%20&alliances=FOO,NATO&view=Arctic&foo=bar'; });
  await page.waitForFunction(() => document.querySelector('input.bm-date').value === '2004-03-29');
  assert.equal(await page.getAttribute('.bm-view[data-view="arctic"]', 'aria-pressed'), 'true');
  assert.deepEqual(warnings, ['Part of the link was not understood and was ignored: foo=bar, alliances=FOO']);
  assert.ok(await page.$('.bm-map-box.bm-off-CSTO'), 'only NATO is shown');
  assert.deepEqual(errors, []);
  await context.close();
});

test('themes, the members table and the CSV of events', async () => {
  const { page, context } = await openMap(browser, { hash: '#date=1999-03-12', acceptDownloads: true });
  await page.selectOption('.bm-theme', 'dark');
  assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  assert.equal(await page.$eval('body', (e) => getComputedStyle(e).backgroundColor), 'rgb(21, 24, 28)');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.isVisible('.bm-controls'), false, 'print leaves the controls out');
  assert.ok(await page.isVisible('.bm-map-box') && await page.isVisible('.bm-legend') && await page.isVisible('.bm-source'));
  assert.equal(await page.$eval('body', (e) => getComputedStyle(e).backgroundColor), 'rgb(255, 255, 255)', 'print is light');
  await page.emulateMedia({ media: 'screen' });
  await page.click('.bm-table-box summary');
  await page.waitForSelector('.bm-table tr[data-state="POL"]'); // details fire 'toggle' a task later
  const row = await page.$eval('.bm-table tr[data-state="POL"]', (e) => e.textContent);
  assert.match(row, /Poland.*member.*12 March 1999/);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('.bm-csv')]);
  const path = await download.path();
  const csv = require('node:fs').readFileSync(path, 'utf8');
  assert.match(csv.split('\n')[0], /^date,alliance,state,event/);
  assert.match(csv, /2024-02-22,CSTO,ARM,froze/);
  assert.match(csv, /North Atlantic Treaty signed in Washington by the 12 founding states\./, 'the download has the notes the site\'s wasm goes without');
  const svg = await page.evaluate(() => window.__bm.exportSvg());
  assert.match(svg, /NATO, the Warsaw Pact and the CSTO, day by day/);
  assert.match(svg, /12 March 1999/);
  assert.match(svg, /Natural Earth/);
  const [png] = await Promise.all([page.waitForEvent('download'), page.click('.bm-png-export')]);
  assert.match(png.suggestedFilename(), /^blocmap-1999-03-12-en\.png$/);
  const bytes = require('node:fs').readFileSync(await png.path());
  assert.equal(bytes.subarray(1, 4).toString(), 'PNG');
  await context.close();
});

test('compare mode lists who joined and who left between two dates', async () => {
  const { page, context, errors } = await openMap(browser, { hash: '#date=2000-01-01' });
  await page.click('.bm-compare-box summary');
  await page.waitForSelector('.bm-compare-list');
  await page.fill('.bm-compare-date', '1990-01-01');
  await page.dispatchEvent('.bm-compare-date', 'change');
  const nato = await page.textContent('.bm-compare-list [data-alliance="NATO"]');
  assert.match(nato, /16 members → 19 members/);
  assert.match(nato, /Joined: Czech Republic, Hungary, Poland/);
  assert.match(await page.textContent('.bm-compare-list [data-alliance="WARSAW_PACT"]'), /Left: .*Poland/);
  await page.selectOption('.bm-lang', 'ar');
  assert.match(await page.textContent('.bm-compare-list [data-alliance="NATO"]'), /انضمت: .*بولندا/);
  assert.deepEqual(errors, []);
  await context.close();
});
