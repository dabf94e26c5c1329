// The one-tag embed, as a news site uses it: an article page (another
// origin) includes embed.js with data-* options; the map appears after the
// tag, in the chosen language and date, and the frame fits its content.
const test = require('node:test');
const assert = require('node:assert/strict');
const { URL, launch } = require('./helpers.cjs');

let browser;
// On the web the article and the map are both public; here both are on
// loopback, which Chromium's local-network checks would otherwise block.
test.before(async () => { browser = await launch(['--disable-features=LocalNetworkAccessChecks,BlockInsecurePrivateNetworkRequests,PrivateNetworkAccessSendPreflights']); });
test.after(async () => { await browser?.close(); });

async function article(html) {
  const context = await browser.newContext({ viewport: { width: 900, height: 1000 } });
  const page = await context.newPage();
  // The article comes from another origin (localhost, not 127.0.0.1): a
  // loopback one, since Chromium keeps public pages from loading loopback URLs.
  const article = URL.replace('127.0.0.1', 'localhost') + 'news/article.html';
  await page.route(article, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }));
  await page.goto(article);
  return { page, context };
}

test('an Arabic article embeds the map at a date with one tag', async () => {
  const { page, context } = await article(`<!doctype html><html lang="ar" dir="rtl"><meta charset="utf-8">
    <h1>الناتو ومنظمة معاهدة الأمن الجماعي</h1><p>قبل الخريطة</p>
    <script src="${URL}embed.js" async data-lang="ar" data-date="1999-03-12" data-view="europe"></script>
    <p id="after">بعد الخريطة</p></html>`);
  const frameEl = await page.waitForSelector('iframe.blocmap-embed');
  // The frame's accessible name is the map's title, in the map's language.
  await page.waitForFunction(() => /الناتو/.test(document.querySelector('iframe.blocmap-embed').title), null, { timeout: 20000 });
  const frame = await frameEl.contentFrame();
  await frame.waitForSelector('.blocmap svg path[data-unit="POL"]', { timeout: 20000 });
  assert.equal(await frame.$eval('html', (h) => h.getAttribute('dir')), 'rtl');
  assert.equal(await frame.$eval('path[data-unit="POL"]', (p) => p.getAttribute('data-alliance')), 'NATO');
  // The frame sits between the paragraphs and grows to its content.
  const order = await page.evaluate(() => {
    const f = document.querySelector('iframe.blocmap-embed');
    return f.previousElementSibling.tagName + '>' + f.nextElementSibling.id;
  });
  assert.equal(order, 'SCRIPT>after');
  await page.waitForFunction(() => {
    const f = document.querySelector('iframe.blocmap-embed');
    return f.getBoundingClientRect().height > 300;
  });
  await context.close();
});

test('a Russian embed: any language of data/lang is a data-lang', async () => {
  const { page, context } = await article(`<!doctype html><html lang="ru"><meta charset="utf-8"><p>Введение</p>
    <script src="${URL}embed.js" data-lang="ru" data-date="1999-03-12"></script>`);
  const frameEl = await page.waitForSelector('iframe.blocmap-embed');
  const frame = await frameEl.contentFrame();
  await frame.waitForSelector('.blocmap svg path[data-unit="POL"]', { timeout: 20000 });
  assert.equal(await frame.$eval('html', (h) => h.getAttribute('lang')), 'ru');
  await page.waitForFunction(() => /НАТО, Варшавский договор и ОДКБ/.test(document.querySelector('iframe.blocmap-embed').title), null, { timeout: 20000 });
  await context.close();
});

test('an English embed with no options shows today', async () => {
  const { page, context } = await article(`<!doctype html><meta charset="utf-8"><p>Intro</p>
    <script src="${URL}embed.js"></script>`);
  const frame = await (await page.waitForSelector('iframe.blocmap-embed')).contentFrame();
  await frame.waitForSelector('.blocmap svg path[data-unit="FIN"]', { timeout: 20000 });
  assert.equal(await frame.$eval('html', (h) => h.getAttribute('lang')), 'en');
  assert.equal(await frame.$eval('path[data-unit="FIN"]', (p) => p.getAttribute('data-alliance')), 'NATO');
  await context.close();
});
