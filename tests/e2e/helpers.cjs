// Shared set-up for the end-to-end tests: Debian's Chromium through
// playwright-core, against the release site that `cargo xtask test` serves.
const { chromium } = require('playwright-core');

const URL = process.env.BLOCMAP_URL || 'http://127.0.0.1:8080/';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

async function launch(extraArgs = []) {
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: [...ARGS, ...extraArgs] });
}

/** Opens the page (optionally with a hash) and waits until the map is drawn. */
async function openMap(browser, { hash = '', viewport = { width: 1200, height: 900 }, ...ctx } = {}) {
  const context = await browser.newContext({ viewport, ...ctx });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.goto(URL + hash);
  await page.waitForSelector('.blocmap svg path[data-unit="POL"]', { timeout: 20000 });
  return { page, context, errors };
}

/** Days since 1970-01-01 of a YYYY-MM-DD date (UTC), the slider's unit. */
function dayNumber(iso) {
  return Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);
}

/** Moves the date slider the way a drag does: sets the value, fires input. */
async function slideTo(page, iso) {
  await page.$eval('input.bm-slider', (el, v) => {
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    el.dispatchEvent(new Event('change', { bubbles: true }));
  }, dayNumber(iso));
}

async function unit(page, id) {
  return page.$eval(`.blocmap svg path[data-unit="${id}"]`, (el) => ({
    state: el.getAttribute('data-state'),
    alliance: el.getAttribute('data-alliance'),
    status: el.getAttribute('data-status'),
    fill: getComputedStyle(el).fill,
  }));
}

/** The day the map shows (YYYY-MM-DD). The date field follows once the
 * slider rests; during a drag only the map, the slider and the label do. */
async function shownDate(page) {
  return page.evaluate(() => window.__bm.map.date());
}

/** An element's box in page pixels. */
async function rectOf(page, sel) {
  return page.$eval(sel, (el) => { const r = el.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; });
}

/** Whether box `a` lies within box `b` (half a pixel of slack). */
function inside(a, b) {
  return a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;
}

/** Whether box `r` covers point `p`. */
function contains(r, p) {
  return p.x >= r.x && p.x <= r.x + r.width && p.y >= r.y && p.y <= r.y + r.height;
}

module.exports = { URL, launch, openMap, dayNumber, slideTo, unit, shownDate, rectOf, inside, contains };
