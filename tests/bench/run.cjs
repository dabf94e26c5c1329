// `cargo xtask bench`'s driver: BlocMap's release site against the d3-geo
// reference page, alternately, in one headless Chromium (Debian's, through
// playwright-core), each load in a fresh browser context with the cache off.
// Prints a table (a report, not a test: the exit code is 0 whatever the
// budgets say) and writes it as markdown to $BENCH_MARKDOWN.
//
// Env: BLOCMAP_URL, REFERENCE_URL (both served by xtask's gzip server),
// BENCH_ROUNDS (default 5), BENCH_MOVES (default 200), BENCH_MEMORY_CHANGES
// (default 10000), BENCH_MARKDOWN (output path), CHROMIUM, REFERENCE_IS_BLOCMAP
// (the reference URL is another BlocMap build: a before/after table).
const fs = require('fs');
const os = require('os');
const { chromium } = require('playwright-core');

const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const VIEWPORT = { width: 1200, height: 900 };
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const MOVES = Number(process.env.BENCH_MOVES || 200);
const MEMORY_CHANGES = Number(process.env.BENCH_MEMORY_CHANGES || 10000);
const DRAG_STEPS = 300;

const PAGES = {
  blocmap: {
    name: 'BlocMap',
    url: process.env.BLOCMAP_URL,
    ready: '.blocmap path[data-state]',
    slider: 'input.bm-slider',
    map: '#map',
  },
  reference: {
    name: 'reference',
    url: process.env.REFERENCE_URL,
    ready: 'body[data-ready="1"]',
    slider: '#slider',
    map: '#map',
  },
};
// REFERENCE_IS_BLOCMAP=1: the reference is another BlocMap build (say the
// previous one), measured the same way, for a before/after table.
if (process.env.REFERENCE_IS_BLOCMAP) PAGES.reference = { ...PAGES.blocmap, name: 'previous BlocMap', url: process.env.REFERENCE_URL };

// Runs in the page before its own scripts: notes the first animation frame
// (performance.now(), 0 = navigation start) in which the colored map is in
// the DOM, i.e. the frame that paints it.
function readyProbe(selector) {
  window.__bench = { ready: null };
  const tick = () => {
    if (!document.querySelector(selector)) return requestAnimationFrame(tick);
    window.__bench.ready = performance.now();
    // When the largest file had arrived (the wasm, or the TopoJSON).
    const big = performance.getEntriesByType('resource').sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0];
    window.__bench.biggest = big ? { name: new URL(big.name).pathname, end: big.responseEnd } : null;
  };
  requestAnimationFrame(tick);
}

/** The same pseudo-random days for both pages (fixed seed), spread over the slider's range. */
function days(min, max, n) {
  let s = 12345;
  const out = [];
  for (let i = 0; i < n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    out.push(min + Math.floor((s / 2147483648) * (max - min + 1)));
  }
  return out;
}

async function metrics(cdp) {
  const { metrics: list } = await cdp.send('Performance.getMetrics');
  const m = Object.fromEntries(list.map((x) => [x.name, x.value]));
  return { script: m.ScriptDuration, style: m.RecalcStyleDuration, layout: m.LayoutDuration };
}

async function measure(browser, kind, { memory }) {
  const p = PAGES[kind];
  const context = await browser.newContext({ viewport: VIEWPORT });
  await context.addInitScript(readyProbe, p.ready);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Performance.enable', { timeDomain: 'threadTicks' });
  const urls = new Map();
  const files = [];
  cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
  cdp.on('Network.loadingFinished', (e) => files.push({ url: urls.get(e.requestId) || '?', bytes: e.encodedDataLength }));

  await page.goto(p.url);
  await page.waitForFunction(() => window.__bench.ready !== null, null, { timeout: 60000 });
  const { ready, biggest } = await page.evaluate(() => window.__bench);
  await page.waitForLoadState('networkidle');
  const transfer = files.reduce((s, f) => s + f.bytes, 0);
  // The page's own wasm instance: import() of the same URL gives the same
  // module, and init() returns the instance it already has.
  const wasmAtLoad = kind !== 'blocmap' ? null : await page.evaluate(async () => {
    const wasm = await (await import('/pkg/blocmap.js')).default();
    return wasm.memory.buffer.byteLength;
  });

  // A real drag of the thumb across the whole track (right end to left end)
  // while a rAF loop records frame intervals.
  await page.$eval(p.slider, (el) => {
    el.value = el.max;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
  const box = await page.locator(p.slider).boundingBox();
  const y = box.y + box.height / 2;
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await page.evaluate(() => {
    // Frame intervals (rAF), and how long each input event's listeners ran
    // (window capture listener before the page's, window bubble listener after).
    const b = (window.__frames = { times: [], inputs: 0, on: true, start: 0, handler: 0 });
    window.addEventListener('input', () => { b.inputs++; b.start = performance.now(); }, true);
    window.addEventListener('input', () => { b.handler = Math.max(b.handler, performance.now() - b.start); });
    const loop = (t) => { if (b.on) { b.times.push(t); requestAnimationFrame(loop); } };
    requestAnimationFrame(loop);
  });
  const dragBefore = await metrics(cdp);
  await page.mouse.move(box.x + box.width - 6, y);
  await page.mouse.down();
  for (let i = 1; i <= DRAG_STEPS; i++) {
    await page.mouse.move(box.x + box.width - 6 - (i / DRAG_STEPS) * (box.width - 6), y);
  }
  await page.mouse.up();
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  const dragAfter = await metrics(cdp);
  const drag = await page.evaluate((sel) => {
    const b = window.__frames;
    b.on = false;
    const gaps = b.times.slice(1).map((t, i) => t - b.times[i]);
    return { maxFrame: Math.max(...gaps), over33: gaps.filter((g) => g > 33.4).length, frames: gaps.length,
      inputs: b.inputs, maxHandler: b.handler, endValue: Number(document.querySelector(sel).value), min: Number(document.querySelector(sel).min) };
  }, p.slider);
  drag.perInput = ['script', 'style', 'layout'].reduce((t, k) => t + (dragAfter[k] - dragBefore[k]) * 1000, 0) / drag.inputs;

  // Main-thread time per date change: M programmatic moves, each followed by a
  // forced style + layout (getBoundingClientRect) and an animation frame.
  const range = await page.$eval(p.slider, (el) => [Number(el.min), Number(el.max)]);
  const seq = days(range[0], range[1], MOVES);
  /** Main-thread ms per move (script, style, layout) over the days `ds`. */
  const perMove = async (ds) => {
    const before = await metrics(cdp);
    await page.evaluate(async ({ slider, map, ds }) => {
      const s = document.querySelector(slider);
      const m = document.querySelector(map);
      for (const d of ds) {
        s.value = String(d);
        s.dispatchEvent(new Event('input', { bubbles: true }));
        m.getBoundingClientRect();
        await new Promise((r) => requestAnimationFrame(r));
      }
    }, { slider: p.slider, map: p.map, ds });
    const after = await metrics(cdp);
    const per = (k) => ((after[k] - before[k]) * 1000) / ds.length;
    return { script: per('script'), style: per('style'), layout: per('layout') };
  };
  const change = await perMove(seq);
  change.total = change.script + change.style + change.layout;
  // The harness's own cost on this page: the same moves (shifted, so the
  // thumb moves) with the page's input listeners silenced (a capturing
  // listener stops the event), i.e. what moving the range input's thumb and
  // forcing layout cost by themselves.
  await page.evaluate(() => {
    window.__mute = (e) => e.stopImmediatePropagation();
    window.addEventListener('input', window.__mute, true);
  });
  const floor = await perMove(seq.map((d) => range[0] + ((d - range[0] + 97) % (range[1] - range[0] + 1))));
  await page.evaluate(() => window.removeEventListener('input', window.__mute, true));
  change.floor = floor.script + floor.style + floor.layout;

  let mem = null;
  if (memory) {
    mem = await page.evaluate(async ({ slider, n, range }) => {
      const mod = await import('/pkg/blocmap.js');
      const wasm = await mod.default();
      if (!wasm || !wasm.memory) throw new Error('init() did not return the wasm exports');
      const size = () => wasm.memory.buffer.byteLength;
      const s = document.querySelector(slider);
      const out = { before: size() };
      let x = 1;
      for (let i = 1; i <= n; i++) {
        x = (x * 48271) % 2147483647;
        s.value = String(range[0] + (x % (range[1] - range[0] + 1)));
        s.dispatchEvent(new Event('input', { bubbles: true }));
        if (i % 500 === 0) await new Promise((r) => setTimeout(r, 0));
        if (i === 1000) out.warm = size();
      }
      out.after = size();
      return out;
    }, { slider: p.slider, n: MEMORY_CHANGES, range });
    mem.load = wasmAtLoad;
  }
  // BlocMap only: the widget's own cost, without the host page (legend) or
  // style/layout: a second BlocMap in a detached element, setDate over the
  // same days, timed with performance.now().
  let widget = null;
  if (kind === 'blocmap') {
    widget = await page.evaluate(async ({ seq }) => {
      const mod = await import('/pkg/blocmap.js');
      await mod.default();
      const div = document.createElement('div');
      const t0 = performance.now();
      const map = new mod.BlocMap(div, { view: 'world' });
      const t1 = performance.now();
      for (const d of seq) map.setDate(mod.dateOfDay(d));
      const t2 = performance.now();
      for (let i = 0; i < seq.length; i++) map.legend('en');
      const t3 = performance.now();
      map.destroy();
      map.free();
      return { construct: t1 - t0, setDate: (t2 - t1) / seq.length, legend: (t3 - t2) / seq.length };
    }, { seq });
  }

  await context.close();
  if (errors.length) throw new Error(`${p.name}: page errors: ${errors.join('; ')}`);
  return { transfer, files, ready, biggest, drag, change, widget, mem };
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function main() {
  for (const k of Object.keys(PAGES)) if (!PAGES[k].url) throw new Error('BLOCMAP_URL and REFERENCE_URL are required');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ARGS });
  const runs = { blocmap: [], reference: [] };
  for (let r = 0; r < ROUNDS; r++) {
    const order = r % 2 === 0 ? ['blocmap', 'reference'] : ['reference', 'blocmap'];
    for (const kind of order) {
      const res = await measure(browser, kind, { memory: kind === 'blocmap' && r === 0 });
      runs[kind].push(res);
      process.stderr.write(`bench: round ${r + 1}/${ROUNDS} ${PAGES[kind].name}: ${(res.transfer / 1024).toFixed(1)} KB, `
        + `colored at ${res.ready.toFixed(0)} ms, ${res.change.total.toFixed(2)} ms/change, `
        + `drag max frame ${res.drag.maxFrame.toFixed(1)} ms (${res.drag.over33} over 33 ms, ${res.drag.inputs} inputs)\n`);
    }
  }
  const version = browser.version();
  await browser.close();

  const B = runs.blocmap, R = runs.reference;
  const med = (runsOf, f) => median(runsOf.map(f));
  const rows = [];
  // The ratio of the medians, and the spread of the ratios of the pages
  // measured side by side in each round (how much this machine wanders).
  const ratioRow = (metric, f, fmt, budget) => {
    const b = med(B, f), r = med(R, f), ratio = b / r;
    const each = B.map((x, i) => f(x) / f(R[i]));
    const spread = each.length > 1 ? ` (rounds ${Math.min(...each).toFixed(2)}–${Math.max(...each).toFixed(2)}×)` : '';
    rows.push([metric, fmt(b), fmt(r), ratio.toFixed(2) + '×' + spread, `≤ ${budget}×`, ratio <= budget ? 'pass' : 'FAIL']);
  };
  ratioRow('transfer, gzipped as served (KB)', (x) => x.transfer / 1024, (v) => v.toFixed(1), 0.35);
  ratioRow('navigation → colored map (ms)', (x) => x.ready, (v) => v.toFixed(0), 0.5);
  ratioRow(`main thread per date change (ms; script+style+layout, ${MOVES} moves)`, (x) => x.change.total, (v) => v.toFixed(2), 0.3);
  {
    const fb = med(B, (x) => x.change.floor), fr = med(R, (x) => x.change.floor);
    const nb = med(B, (x) => x.change.total - x.change.floor), nr = med(R, (x) => x.change.total - x.change.floor);
    rows.push(['  of which the harness alone (thumb move + forced layout, page listeners muted) (ms)', fb.toFixed(2), fr.toFixed(2),
      (fb / med(R, (x) => x.change.total)).toFixed(2) + '× of the reference total', '', 'floor']);
    rows.push(['  the page\'s own work per date change (total − harness) (ms)', nb.toFixed(2), nr.toFixed(2), (nb / nr).toFixed(2) + '×', '', 'information']);
  }
  const over = (runsOf) => runsOf.reduce((s, x) => s + x.drag.over33, 0);
  const frames = (runsOf) => runsOf.reduce((s, x) => s + x.drag.frames, 0);
  rows.push([`drag across the range: max frame interval (ms), frames > 33 ms in all rounds`,
    `${med(B, (x) => x.drag.maxFrame).toFixed(1)}; ${over(B)} of ${frames(B)}`,
    `${med(R, (x) => x.drag.maxFrame).toFixed(1)}; ${over(R)} of ${frames(R)}`,
    '', 'no frame > 33 ms', over(B) === 0 ? 'pass' : 'FAIL']);
  const m = B[0].mem;
  const kb = (v) => (v / 1024).toFixed(0);
  rows.push([`wasm memory (KB): at load; before → after 1,000 → after ${MEMORY_CHANGES.toLocaleString('en')} more date changes`,
    `${kb(m.load)}; ${kb(m.before)} → ${kb(m.warm)} → ${kb(m.after)}`, 'n/a (no wasm)', '', 'no growth', m.after === m.before && m.before === m.load ? 'pass' : 'FAIL']);

  const split = (runsOf) => ['script', 'style', 'layout'].map((k) => med(runsOf, (x) => x.change[k]).toFixed(2)).join(' / ');
  const files = (run) => run.files.filter((f) => f.bytes > 0)
    .map((f) => `${new URL(f.url).pathname} ${(f.bytes / 1024).toFixed(1)}`).join(', ');
  const notes = [
    `Medians of ${ROUNDS} rounds, pages alternated, each load in a fresh context with the cache disabled; Chromium ${version}, headless, ${VIEWPORT.width}×${VIEWPORT.height}; ${os.cpus().length} cores (${os.cpus()[0].model.trim()}), shared with other builds.`,
    `Per date change, script / style / layout (ms, main-thread CPU time from CDP Performance.getMetrics): BlocMap ${split(B)}; reference ${split(R)}. The ${MOVES} days are the same pseudo-random days for both pages.`,
    `Transfer per file (KB, round 1, with headers): BlocMap: ${files(B[0])}. Reference: ${files(R[0])}.`,
    `Load: the largest file (${B[0].biggest.name}, ${R[0].biggest.name}) had arrived at ${med(B, (x) => x.biggest.end).toFixed(0)} ms and ${med(R, (x) => x.biggest.end).toFixed(0)} ms; the rest is compile + instantiate + drawing (BlocMap) or JSON parse + topojson + projection + DOM (reference).`,
    `BlocMap's widget alone (a second BlocMap in a detached element, JS timer, same days): new BlocMap ${med(B, (x) => x.widget.construct).toFixed(1)} ms, setDate ${med(B, (x) => x.widget.setDate).toFixed(3)} ms, legend('en') ${med(B, (x) => x.widget.legend).toFixed(3)} ms per call.`,
    `Drag: ${DRAG_STEPS} mouse steps from the right end of the track to the left (${med(B, (x) => x.drag.inputs)} and ${med(R, (x) => x.drag.inputs)} input events, small date steps): script + style + layout per input ${med(B, (x) => x.drag.perInput).toFixed(2)} ms (BlocMap) and ${med(R, (x) => x.drag.perInput).toFixed(2)} ms (reference); frames counted over 33.4 ms, i.e. more than two 60 Hz vsyncs. Longest input-listener run (median of rounds): BlocMap ${med(B, (x) => x.drag.maxHandler).toFixed(1)} ms, reference ${med(R, (x) => x.drag.maxHandler).toFixed(1)} ms. Worst frame per round: BlocMap ${B.map((x) => x.drag.maxFrame.toFixed(0)).join(', ')}; reference ${R.map((x) => x.drag.maxFrame.toFixed(0)).join(', ')} ms. Headless frame timing is approximate (no display, no GPU, a loaded 2-core machine), and the reference's long frames show the noise floor.`,
  ];
  notes.push('The reference is simpler than BlocMap by design (see tests/bench/reference/): modern borders only (no historical borders, no border mesh to redraw), one fill per country, members only (no signatory, frozen or suspended standings, no hatching), the Soviet Union and Czechoslovakia drawn as their successor states; its host page updates three legend counts; BlocMap\'s www/app.js also writes the date in words, the day\'s caption and the map\'s accessible name on every change, and the date field, the live summary and the link once the slider rests.');
  const failing = rows.filter((r) => r[5] === 'FAIL').map((r) => r[0]);

  const head = ['metric', 'BlocMap (median)', 'reference (median)', 'ratio', 'budget', 'result'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
  console.log(line(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of rows) console.log(line(r));
  for (const n of notes) console.log('- ' + n);
  console.log(failing.length ? `Budgets failed: ${failing.join('; ')}` : 'All budgets met.');

  if (process.env.BENCH_MARKDOWN) {
    const md = [
      `Latest run: ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, \`cargo xtask bench\` (\`--rounds N\`, default 5). A report, not a test: it exits 0 when a budget fails.`,
      '',
      '| ' + head.join(' | ') + ' |',
      '|' + head.map((_, i) => (i === 0 ? '---' : '---:')).join('|') + '|',
      ...rows.map((r) => '| ' + r.join(' | ') + ' |'),
      '',
      ...notes.map((n) => '- ' + n),
      '- ' + (failing.length ? `Budgets failed: ${failing.join('; ')}.` : 'All budgets met.'),
    ].join('\n');
    fs.writeFileSync(process.env.BENCH_MARKDOWN, md + '\n');
    fs.writeFileSync(process.env.BENCH_MARKDOWN.replace(/\.md$/, '') + '.json', JSON.stringify({ version, runs }, null, 1));
  }
}

main().catch((e) => { console.error(e); process.exit(1); });
