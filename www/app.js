// The host page: binds the controls to the BlocMap core. Everything the core
// knows (dates in words, numerals, names, summaries, captions, membership)
// is asked of it; this file only lays things out and handles input.
import init, { BlocMap, dayNumber, dateOfDay, dateWords, addYears, numerals, languages, languageStrings, addLanguage } from './pkg/blocmap.js';
import { el, fillTip, placeTip, sourceList } from './tip.js';
import { standaloneSvg, pngOf } from './export.js';
import './frame.js';

/**
 * The languages the core knows, by code: {code, name, dir, digits, listSeparator,
 * loaded}. Each is a file in data/lang/ (or a pack given to addLanguage); this
 * page names none.
 */
let LANGS = new Map();
/** English page strings: the fallback of a pack that lacks a key. */
let en = {};
const VIEWS = ['world', 'europe', 'arctic'];
/** What a link (the URL hash) may set. */
const LINK_KEYS = ['date', 'lang', 'view', 'alliances', 'theme', 'digits'];
const THEMES = ['auto', 'light', 'dark'];
const DIGITS = ['latn', 'arab'];
/** Snap to an event day when a drag ends this close to one (share of the range). */
const SNAP = 0.006;
const FIRST = '1949-04-04';

const $ = (sel) => document.querySelector(sel);
const reducedMotion = matchMedia('(prefers-reduced-motion: reduce)');

/** A language's page strings (from its pack) with its code, direction and digits. */
const packs = new Map();
function packOf(code) {
  if (!packs.has(code)) {
    const l = LANGS.get(code);
    packs.set(code, { ...languageStrings(code), lang: l.code, dir: l.dir, digits: l.digits, languageName: l.name, listSeparator: l.listSeparator });
  }
  return packs.get(code);
}

/**
 * Makes sure a language's pack is in the core: the site's wasm carries only
 * some packs (wasm-pack.toml `site-languages`); the others are fetched from
 * lang/<code>.json the first time a reader picks them.
 */
async function ensureLang(code) {
  const l = LANGS.get(code);
  if (!l || l.loaded) return;
  const res = await fetch(`lang/${encodeURIComponent(code)}.json`);
  if (!res.ok) throw new Error(`lang/${code}.json: HTTP ${res.status}`);
  addLanguage(await res.text());
  LANGS.set(code, { ...l, loaded: true });
}

/** The `lang` of the URL hash, lower-cased, if any. */
const hashLang = () => (new URLSearchParams(location.hash.replace(/^#/, '')).get('lang') || '').toLowerCase();

/** A strings object with `fmt(key, vars)` for `{name}` placeholders. */
function strings(pack) {
  const path = (obj, key) => key.split('.').reduce((o, k) => (o == null ? o : o[k]), obj);
  return Object.assign(Object.create(pack), {
    get: (key) => path(pack, key) ?? path(en, key),
    fmt: (key, vars = {}) => String(pack[key] ?? en[key]).replace(/\{(\w+)\}/g, (_, k) => (k in vars ? vars[k] : `{${k}}`)),
  });
}

async function main() {
  // User Timing marks (DevTools' Performance panel, the bench): where load time goes.
  performance.mark('bm:start');
  const compiled = await (window.bmWasm || null);
  await init(compiled ? { module_or_path: compiled } : undefined);
  performance.mark('bm:wasm');
  LANGS = new Map(languages().map((l) => [l.code, l]));
  en = packOf('en');
  const box = $('#map');
  const stage = $('.bm-stage');
  const tip = $('#bm-tip');
  const slider = $('.bm-slider');
  const dateField = $('.bm-date');
  const label = $('.bm-date-label');
  const caption = $('.bm-caption');
  const summary = $('.bm-summary');
  const focusLive = $('#bm-focus-live');
  const ticks = $('.bm-ticks');
  const legend = $('.bm-legend');
  const styles = $('.bm-styles');
  const playBtn = $('.bm-play');
  const tableBox = $('.bm-table-box');
  const today = new Date().toISOString().slice(0, 10);

  const map = new BlocMap(box, { date: today, view: 'world' });
  performance.mark('bm:map');
  box.removeAttribute('aria-busy');
  // Let the coloured map paint before the controls, legend and ticks are
  // built (they have their space reserved, so nothing moves). Not with a
  // deep link: its date or view would replace the map just painted.
  if (location.hash.length <= 1) await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const svg = () => box.querySelector('svg');
  const minDay = dayNumber(FIRST);
  const maxDay = dayNumber(today);
  slider.min = String(minDay);
  slider.max = String(maxDay);
  dateField.min = FIRST;
  dateField.max = today;

  /** Every alliance of the data, in the order of `legend()` and `counts()`. */
  const order = map.legend('en');
  const alliances = order.filter((e) => e.kind === 'alliance').map((e) => e.id);
  const countIndex = new Map(order.map((e, i) => [e.id, i]));
  const state = {
    lang: 'en', digits: null, theme: 'auto', view: 'world', day: maxDay,
    hidden: new Set(), highlight: null,
  };
  let S = strings(en);
  let marks = [];
  const digits = () => state.digits || S.digits || 'latn';

  // Per-alliance CSS for highlighting and hiding (ids come from the data).
  const rules = el('style');
  rules.textContent = alliances.map((id) => {
    const q = CSS.escape(id);
    return `.bm-map-box[data-hl="${q}"] .bm-u:not([data-standing="${q}"]):not([data-alliance="${q}"]){opacity:.22}`
      + `.bm-map-box.bm-off-${q} .bm-u[data-standing="${q}"],.bm-map-box.bm-off-${q} .bm-u[data-alliance="${q}"]{fill:var(--bm-neutral);stroke:var(--bm-neutral)}`;
  }).join('\n');
  document.head.append(rules);

  // ---- language -------------------------------------------------------
  const langSelect = $('.bm-lang');
  langSelect.replaceChildren(...[...LANGS.values()].map((l) => {
    const o = el('option', null, l.name);
    o.value = l.code;
    o.lang = l.code;
    return o;
  }));

  function applyLang() {
    const pack = packOf(state.lang);
    S = strings(pack);
    focusLive.textContent = ''; // said in the previous language
    const html = document.documentElement;
    html.lang = pack.lang;
    html.dir = pack.dir;
    html.dataset.digits = digits();
    document.title = pack.docTitle;
    html.classList.remove('bm-lang-pending');
    for (const e of document.querySelectorAll('[data-i18n]')) e.textContent = S.get(e.dataset.i18n);
    for (const e of document.querySelectorAll('[data-i18n-label]')) e.setAttribute('aria-label', S.get(e.dataset.i18nLabel));
    box.setAttribute('aria-roledescription', S.mapRole);
    langSelect.value = state.lang;
    $('.bm-digits').value = digits();
    $('.bm-theme').value = state.theme;
    marks = map.marks(state.lang, digits());
    $('#bm-axis-help').textContent = S.fmt('axis', { first: marks.length ? marks[0].year : FIRST });
    renderTicks();
    renderLegend();
    renderStyles();
    setPlayButton();
    showTexts();
    showRest({ now: true });
  }

  // ---- the time axis ---------------------------------------------------
  const share = (day) => (day - minDay) / (maxDay - minDay);

  function renderTicks() {
    ticks.replaceChildren();
    for (const m of marks) {
      if (m.day < minDay || m.day > maxDay) continue;
      const t = el('span', m.major ? 'bm-tick bm-major' : 'bm-tick');
      t.style.setProperty('--p', share(m.day));
      t.dataset.date = m.date;
      ticks.append(t);
      if (m.major) {
        const l = el('span', 'bm-tick-label', m.year);
        l.style.setProperty('--p', share(m.day));
        l.dataset.date = m.date;
        l.dataset.rank = m.rank;
        ticks.append(l);
      }
    }
    layoutLabels();
  }

  /** Keeps the labels that fit, the highest-ranked first (and one per year). */
  function layoutLabels() {
    const width = ticks.clientWidth;
    const placed = [];
    const years = new Set();
    const labels = [...ticks.querySelectorAll('.bm-tick-label')];
    for (const l of labels) l.hidden = false;
    const sized = labels.map((l) => ({ l, x: 10 + Number(l.style.getPropertyValue('--p')) * (width - 20), w: l.offsetWidth || 32 }));
    sized.sort((a, b) => b.l.dataset.rank - a.l.dataset.rank || a.x - b.x);
    for (const s of sized) {
      const lo = s.x - s.w / 2 - 4, hi = s.x + s.w / 2 + 4;
      if (years.has(s.l.textContent) || placed.some(([a, b]) => lo < b && hi > a)) { s.l.hidden = true; continue; }
      placed.push([lo, hi]);
      years.add(s.l.textContent);
    }
  }
  new ResizeObserver(layoutLabels).observe(ticks);

  // ---- showing a day ----------------------------------------------------
  let announceTimer = 0;
  function announce(now) {
    clearTimeout(announceTimer);
    const say = () => { summary.textContent = map.summary(state.lang, digits()); };
    if (now) say(); else announceTimer = setTimeout(say, 600);
  }

  /** Writes a text only when it changed: each write restyles and relays out. */
  const put = (node, text) => { if (node.textContent !== text) node.textContent = text; };

  /** The texts that follow the day: the date in words, the caption, the counts. */
  function showTexts() {
    const date = map.date();
    const words = dateWords(date, state.lang, digits());
    put(label, words);
    slider.setAttribute('aria-valuetext', words);
    const name = S.fmt('map', { date: words });
    svg()?.setAttribute('aria-label', name);
    box.setAttribute('aria-label', name);
    const m = marks.find((k) => k.date === date);
    put(caption, m ? m.caption : '');
    const counts = map.counts();
    for (const li of legend.children) {
      const n = String(counts[countIndex.get(li.dataset.alliance)]);
      if (li.dataset.count !== n) {
        li.dataset.count = n;
        li.querySelector('.bm-count').textContent = numerals(n, digits());
      }
    }
  }

  /** What waits for the day to rest while a drag runs (each costs a relayout
   * per frame and is no use mid-gesture): the date field, the live summary,
   * the link, an open table or comparison. */
  function showRest({ now = false } = {}) {
    dateField.value = map.date();
    syncLegend();
    announce(now);
    if (tableBox.open) renderTable();
    if (compareBox.open) renderCompare();
    writeHash();
  }

  let restTimer = 0;
  /** Shows a day: the map, the slider, the texts; `live` (a drag) leaves
   * the rest until the slider has been still for a moment. */
  function show(day, { now = false, live = false } = {}) {
    day = Math.min(maxDay, Math.max(minDay, Math.round(day)));
    map.setDate(dateOfDay(day));
    state.day = day;
    if (slider.value !== String(day)) slider.value = String(day);
    showTexts();
    refreshTip();
    clearTimeout(restTimer);
    if (live) restTimer = setTimeout(() => showRest(), 200); else showRest({ now });
  }

  // Slider: a drag shows each day; when it ends near an event day it snaps.
  let dragging = false;
  slider.addEventListener('pointerdown', () => { dragging = true; pause(); });
  slider.addEventListener('input', () => show(Number(slider.value), { live: true }));
  slider.addEventListener('change', () => {
    // The thumb has come to rest: what waited for it follows now.
    clearTimeout(restTimer);
    showRest({ now: true });
    if (!dragging) return;
    dragging = false;
    const day = Number(slider.value);
    let best = null;
    for (const m of marks) if (!best || Math.abs(m.day - day) < Math.abs(best.day - day)) best = m;
    if (best && Math.abs(best.day - day) <= SNAP * (maxDay - minDay)) show(best.day, { now: true });
  });

  // Keyboard: arrows ±1 day, Shift+arrows ±1 year, PageUp/PageDown next and
  // previous event, Home/End the ends. Left and right follow the axis: in
  // a right-to-left page the past is on the right.
  slider.addEventListener('keydown', (e) => {
    const rtl = document.documentElement.dir === 'rtl';
    const later = { ArrowRight: !rtl, ArrowLeft: rtl, ArrowUp: true, ArrowDown: false };
    let day = state.day;
    if (e.key in later) {
      const sign = later[e.key] ? 1 : -1;
      day = e.shiftKey ? dayNumber(addYears(dateOfDay(day), sign)) : day + sign;
    } else if (e.key === 'PageUp') {
      const next = marks.find((m) => m.day > state.day);
      day = next ? next.day : maxDay;
    } else if (e.key === 'PageDown') {
      const prev = [...marks].reverse().find((m) => m.day < state.day);
      day = prev ? prev.day : minDay;
    } else if (e.key === 'Home') {
      day = minDay;
    } else if (e.key === 'End') {
      day = maxDay;
    } else {
      return;
    }
    e.preventDefault();
    pause();
    show(day);
  });

  dateField.addEventListener('change', () => {
    let day;
    try { day = dayNumber(dateField.value); } catch { dateField.value = map.date(); return; }
    if (day < minDay || day > maxDay) { dateField.value = map.date(); return; }
    pause();
    show(day, { now: true });
  });

  // ---- play -------------------------------------------------------------
  let timer = 0;
  let playing = false;
  const stepMs = () => (reducedMotion.matches ? 4000 : 1600);
  function setPlayButton() {
    playBtn.classList.toggle('bm-playing', playing);
    playBtn.querySelector('.bm-play-text').textContent = playing ? S.pause : S.play;
    document.documentElement.classList.toggle('bm-is-playing', playing);
  }
  function step() {
    const next = marks.find((m) => m.day > state.day && m.day <= maxDay && m.caption);
    if (!next) { show(maxDay, { now: true }); pause(); return; }
    show(next.day, { now: true });
    timer = setTimeout(step, stepMs());
  }
  function play() {
    playing = true;
    setPlayButton();
    const last = marks.length ? marks[marks.length - 1].day : maxDay;
    if (state.day >= Math.min(last, maxDay)) show(minDay, { now: true });
    timer = setTimeout(step, reducedMotion.matches ? 2500 : 500);
  }
  function pause() {
    clearTimeout(timer);
    if (!playing) return;
    playing = false;
    setPlayButton();
  }
  playBtn.addEventListener('click', () => (playing ? pause() : play()));

  // ---- legend -------------------------------------------------------------
  function renderLegend() {
    legend.replaceChildren();
    for (const entry of map.legend(state.lang)) {
      if (entry.kind !== 'alliance') continue;
      const li = el('li');
      li.dataset.alliance = entry.id;
      const show = el('input', 'bm-show');
      show.type = 'checkbox';
      show.checked = !state.hidden.has(entry.id);
      show.addEventListener('change', () => {
        if (show.checked) state.hidden.delete(entry.id); else state.hidden.add(entry.id);
        applyHidden();
        writeHash();
      });
      const btn = el('button', 'bm-hl-btn');
      btn.type = 'button';
      btn.setAttribute('aria-pressed', String(state.highlight === entry.id));
      const swatch = el('span', 'bm-swatch');
      swatch.style.background = `var(--bm-${entry.id}, ${entry.color})`;
      // Screen readers hear "name, count" and, for an alliance that does not exist that day, why it is dimmed.
      btn.append(swatch, el('span', 'bm-name'), el('span', 'bm-visually-hidden', ', '), el('span', 'bm-count', numerals(String(entry.count), digits())),
        el('span', 'bm-visually-hidden bm-absent-note'));
      btn.addEventListener('click', () => {
        state.highlight = state.highlight === entry.id ? null : entry.id;
        applyHighlight();
      });
      li.append(show, btn);
      legend.append(li);
    }
    syncLegend();
  }
  /** The legend's names as of the shown day (the CST is the CSTO from
   * 2002-10-07) and which alliances exist that day (one not founded yet or
   * dissolved is dimmed). Once the day rests: the counts follow every day. */
  function syncLegend() {
    for (const entry of map.legend(state.lang)) {
      const li = legend.querySelector(`li[data-alliance="${CSS.escape(entry.id)}"]`);
      if (!li) continue;
      put(li.querySelector('.bm-name'), entry.name);
      li.querySelector('.bm-show').setAttribute('aria-label', S.fmt('show', { name: entry.name }));
      li.querySelector('.bm-hl-btn').title = S.fmt('highlight', { name: entry.name });
      li.classList.toggle('bm-absent', entry.active === false);
      put(li.querySelector('.bm-absent-note'), entry.active === false ? ` (${S.absent})` : '');
    }
  }
  function applyHighlight() {
    if (state.highlight) box.dataset.hl = state.highlight; else delete box.dataset.hl;
    for (const b of legend.querySelectorAll('li')) {
      b.querySelector('.bm-hl-btn').setAttribute('aria-pressed', String(b.dataset.alliance === state.highlight));
    }
  }
  function applyHidden() {
    for (const id of alliances) box.classList.toggle(`bm-off-${id}`, state.hidden.has(id));
    for (const li of legend.querySelectorAll('li')) li.querySelector('.bm-show').checked = !state.hidden.has(li.dataset.alliance);
  }

  /** The meaning of each status style, drawn with the map's own patterns. */
  function renderStyles() {
    styles.replaceChildren();
    const NS = 'http://www.w3.org/2000/svg';
    const paints = [...map.statusStyles(alliances[0]), { status: 'neutral', fill: 'var(--bm-neutral)' }];
    for (const { status, fill } of paints) {
      const li = el('li');
      li.dataset.status = status;
      const s = document.createElementNS(NS, 'svg');
      s.setAttribute('class', 'bm-style-swatch');
      s.setAttribute('viewBox', '0 0 24 16');
      s.setAttribute('aria-hidden', 'true');
      const r = document.createElementNS(NS, 'rect');
      r.setAttribute('width', '24');
      r.setAttribute('height', '16');
      r.style.fill = fill;
      s.append(r);
      li.append(s, el('span', null, S.styles[status] || status));
      styles.append(li);
    }
  }

  // ---- data table and downloads --------------------------------------------
  function renderTable() {
    const wrap = $('.bm-table-wrap');
    const rows = map.members(state.lang, digits());
    const table = el('table', 'bm-table');
    table.append(el('caption', null, S.fmt('tableCaption', { date: label.textContent })));
    const head = el('tr');
    for (const k of ['state', 'status', 'since', 'source']) {
      const th = el('th', null, S.columns[k]);
      th.scope = 'col';
      head.append(th);
    }
    const thead = el('thead');
    thead.append(head);
    table.append(thead);
    // One row group per alliance, headed by its name and count.
    let body = null;
    for (const r of rows) {
      if (!body || body.dataset.alliance !== r.alliance) {
        body = el('tbody');
        body.dataset.alliance = r.alliance;
        const group = el('tr', 'bm-group');
        const th = el('th', null, `${r.allianceName} (${numerals(String(rows.filter((x) => x.alliance === r.alliance).length), digits())})`);
        th.colSpan = 4;
        th.scope = 'colgroup';
        group.append(th);
        body.append(group);
        table.append(body);
      }
      const tr = el('tr');
      tr.dataset.state = r.state;
      tr.dataset.alliance = r.alliance;
      const name = el('th', null, r.name);
      name.scope = 'row';
      const src = el('td', 'bm-sources');
      sourceList(src, r.sources, S.listSeparator);
      tr.append(name, el('td', null, S.statuses[r.status] || r.status), el('td', 'bm-since', r.sinceWords), src);
      body.append(tr);
    }
    wrap.replaceChildren(table);
  }
  tableBox.addEventListener('toggle', () => { if (tableBox.open) renderTable(); });

  // Compare mode: the shown day against another, who joined and who left.
  const compareBox = $('.bm-compare-box');
  const compareDate = $('.bm-compare-date');
  compareDate.min = FIRST;
  compareDate.max = today;
  function renderCompare() {
    const out = $('.bm-compare-out');
    if (!compareDate.value) compareDate.value = addYears(map.date(), -10) < FIRST ? FIRST : addYears(map.date(), -10);
    let diff;
    try { diff = map.compare(compareDate.value, state.lang, digits()); } catch { out.replaceChildren(); return; }
    const [a, b] = [compareDate.value, map.date()].sort();
    const head = el('p', 'bm-compare-head', S.fmt('compareHead', { other: dateWords(a, state.lang, digits()), shown: dateWords(b, state.lang, digits()) }));
    const list = el('ul', 'bm-compare-list');
    const flip = compareDate.value > map.date();
    for (const d of diff) {
      const li = el('li');
      li.dataset.alliance = d.alliance;
      const [joined, left] = flip ? [d.left, d.joined] : [d.joined, d.left];
      const [before, after] = flip ? [d.after, d.before] : [d.before, d.after];
      li.append(el('strong', null, d.name + ': '), document.createTextNode(S.fmt('compareCounts', { before, after })));
      const sep = S.listSeparator;
      if (joined.length) li.append(el('div', 'bm-joined', S.fmt('joined', { list: joined.join(sep) })));
      if (left.length) li.append(el('div', 'bm-left', S.fmt('left', { list: left.join(sep) })));
      if (!joined.length && !left.length) li.append(el('div', null, S.unchanged));
      list.append(li);
    }
    out.replaceChildren(head, list);
  }
  compareBox.addEventListener('toggle', () => { if (compareBox.open) renderCompare(); });
  compareDate.addEventListener('change', renderCompare);

  function download(name, type, data) {
    const url = URL.createObjectURL(new Blob([data], { type }));
    const a = el('a');
    a.href = url;
    a.download = name;
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  // The site ships every event with its notes and sources as events.csv (its
  // wasm carries no notes); a page without that file gets the map's own CSV.
  $('.bm-csv').addEventListener('click', async () => {
    const res = await fetch('events.csv').catch(() => null);
    download('blocmap-events.csv', 'text/csv', res && res.ok ? await res.text() : map.eventsCsv());
  });

  /** The map as a standalone SVG with title, date, legend and source line. */
  function exportSvg() {
    // As on screen: without the alliances the reader has switched off, or that do not exist that day.
    const shown = map.legend(state.lang).filter((e) => e.kind === 'alliance' && e.active !== false && !state.hidden.has(e.id));
    const entries = shown.map((e) => ({ id: e.id, color: e.color, text: `${e.name} (${numerals(String(e.count), digits())})` }));
    // A key for each standing drawn with a pattern that day (signatories hatched, …), so the card explains itself.
    const seen = new Set();
    for (const p of svg().querySelectorAll('.bm-u[data-standing]:not([data-standing=""])')) {
      const { standing, status } = p.dataset;
      const key = `${standing} ${status}`;
      if (status === 'member' || state.hidden.has(standing) || seen.has(key)) continue;
      seen.add(key);
      const style = map.statusStyles(standing).find((x) => x.status === status);
      const name = shown.find((e) => e.id === standing)?.name || standing;
      if (style) entries.push({ id: standing, fill: style.fill, text: `${name}: ${S.styles[status] || status}` });
    }
    return standaloneSvg({ map: svg(), title: S.title, date: label.textContent, legend: entries, source: S.source, rtl: document.documentElement.dir === 'rtl', hidden: [...state.hidden] });
  }
  const fileBase = () => `blocmap-${map.date()}-${state.lang}`;
  $('.bm-svg-export').addEventListener('click', () => download(fileBase() + '.svg', 'image/svg+xml', exportSvg()));
  $('.bm-png-export').addEventListener('click', () => {
    pngOf(exportSvg(), 2).then((png) => download(fileBase() + '.png', 'image/png', png));
  });

  // ---- territory details: hover, tap, keyboard ------------------------------
  let tipUnit = null;
  let tipPinned = false;
  let tipAt = null; // {x, y, above} in stage coordinates
  const stagePoint = (cx, cy) => {
    const r = stage.getBoundingClientRect();
    return { x: cx - r.left, y: cy - r.top };
  };
  function openTip(unit, at, pinned) {
    let d;
    try { d = map.details(unit, state.lang, digits()); } catch { return; }
    tipUnit = unit;
    tipPinned = pinned;
    tipAt = at;
    outlineStateOf(unit);
    fillTip(tip, d, S, { pinned, onClose: () => closeTip(true) });
    tip.hidden = false;
    placeTip(tip, stage, at.x, at.y, { above: at.above });
  }
  /** Outlines the whole state that owns a unit today (the core draws it). */
  function outlineStateOf(unit) {
    const el = unit && box.querySelector(`[data-unit="${CSS.escape(unit)}"]`);
    map.highlightState(el ? el.dataset.state : '');
  }
  function closeTip(refocus) {
    tip.hidden = true;
    tip.replaceChildren();
    // Keep the keyboard's state outlined while the map has focus.
    map.highlightState(document.activeElement === box && focusState ? focusState : '');
    tipUnit = null;
    tipPinned = false;
    if (refocus) box.focus();
  }
  function refreshTip() {
    if (tipUnit && !tip.hidden) openTip(tipUnit, tipAt, tipPinned);
  }
  const unitOf = (target) => target.closest?.('[data-unit]');

  box.addEventListener('pointermove', (e) => {
    if (e.pointerType === 'touch' || tipPinned) return;
    const u = unitOf(e.target);
    if (!u) { if (!tip.hidden) closeTip(false); return; }
    const at = stagePoint(e.clientX, e.clientY);
    if (u.dataset.unit !== tipUnit || tip.hidden) openTip(u.dataset.unit, at, false);
    else { tipAt = at; placeTip(tip, stage, at.x, at.y); }
  });
  box.addEventListener('pointerleave', () => { if (!tipPinned) closeTip(false); });
  box.addEventListener('click', (e) => {
    const u = unitOf(e.target);
    if (!u) { if (tipPinned) closeTip(false); return; }
    const touch = e.pointerType === 'touch' || (e.sourceCapabilities && e.sourceCapabilities.firesTouchEvents);
    openTip(u.dataset.unit, { ...stagePoint(e.clientX, e.clientY), above: touch }, true);
  });
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !tip.hidden) { const inTip = tip.contains(document.activeElement); closeTip(inTip || document.activeElement === box); }
  });
  document.addEventListener('pointerdown', (e) => {
    if (tipPinned && !tip.contains(e.target) && !box.contains(e.target)) closeTip(false);
  });

  // Keyboard: the map is one focusable group; arrows move between states.
  let focusState = null;
  function stateBoxes() {
    const boxes = new Map();
    for (const p of box.querySelectorAll('[data-unit][data-state]')) {
      const r = p.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const k = p.dataset.state;
      const b = boxes.get(k);
      if (!b) boxes.set(k, { l: r.left, t: r.top, r: r.right, b: r.bottom, unit: p.dataset.unit, area: r.width * r.height });
      else {
        b.l = Math.min(b.l, r.left); b.t = Math.min(b.t, r.top); b.r = Math.max(b.r, r.right); b.b = Math.max(b.b, r.bottom);
        if (r.width * r.height > b.area) { b.unit = p.dataset.unit; b.area = r.width * r.height; }
      }
    }
    const mr = box.getBoundingClientRect();
    for (const [k, b] of boxes) {
      // Only states at least partly in view.
      if (b.r < mr.left || b.l > mr.right || b.b < mr.top || b.t > mr.bottom) boxes.delete(k);
      b.x = (Math.max(b.l, mr.left) + Math.min(b.r, mr.right)) / 2;
      b.y = (Math.max(b.t, mr.top) + Math.min(b.b, mr.bottom)) / 2;
    }
    return boxes;
  }
  const names = new Map();
  /** A state's name in the page's language (from the core, cached per language and day). */
  function stateNameOf(code, unit) {
    const k = `${state.lang}|${map.date()}|${code}`;
    if (!names.has(k)) {
      try { names.set(k, map.details(unit, state.lang, digits()).name); } catch { names.set(k, code); }
    }
    return names.get(k);
  }
  function focusOn(code, boxes) {
    focusState = code;
    for (const p of box.querySelectorAll('.bm-kfocus')) p.classList.remove('bm-kfocus');
    map.highlightState(code || '');
    if (!code) return;
    for (const p of box.querySelectorAll(`[data-state="${CSS.escape(code)}"]`)) p.classList.add('bm-kfocus');
    const b = boxes.get(code);
    let d;
    try { d = map.details(b.unit, state.lang, digits()); } catch { return; }
    const standing = d.standings.length
      ? d.standings.map((st) => S.fmt('standing', { alliance: st.name, status: S.statuses[st.status] || st.status, date: st.sinceWords })).join('; ')
      : S.none;
    focusLive.textContent = `${d.name}: ${standing}`;
    box.dataset.focusState = code;
  }
  box.addEventListener('keydown', (e) => {
    const dirs = { ArrowRight: [1, 0], ArrowLeft: [-1, 0], ArrowDown: [0, 1], ArrowUp: [0, -1] };
    if (e.key in dirs) {
      e.preventDefault();
      const boxes = stateBoxes();
      const cur = focusState && boxes.get(focusState);
      if (!cur) {
        const mr = box.getBoundingClientRect();
        const cx = (mr.left + mr.right) / 2, cy = (mr.top + mr.bottom) / 2;
        let best = null, bd = Infinity;
        for (const [k, b] of boxes) { const dd = (b.x - cx) ** 2 + (b.y - cy) ** 2; if (dd < bd) { bd = dd; best = k; } }
        focusOn(best, boxes);
        return;
      }
      const [dx, dy] = dirs[e.key];
      let best = null, score = Infinity;
      for (const [k, b] of boxes) {
        if (k === focusState) continue;
        const vx = b.x - cur.x, vy = b.y - cur.y;
        const along = vx * dx + vy * dy;
        if (along <= 1) continue;
        const perp = Math.abs(vx * dy - vy * dx);
        const s = along + 2.5 * perp;
        if (s < score) { score = s; best = k; }
      }
      if (best) focusOn(best, boxes);
    } else if (e.key.length === 1 && /\p{L}/u.test(e.key) && !e.ctrlKey && !e.metaKey && !e.altKey) {
      // Type-ahead: a letter goes to the next state (in view) whose name starts with it.
      e.preventDefault();
      const boxes = stateBoxes();
      const named = [...boxes.keys()].map((k) => [k, stateNameOf(k, boxes.get(k).unit)]).sort((a, b) => a[1].localeCompare(b[1], state.lang));
      const key = e.key.toLocaleLowerCase(state.lang);
      const hits = named.filter(([, n]) => n.toLocaleLowerCase(state.lang).replace(/^(al-|ال)/, '').startsWith(key) || n.toLocaleLowerCase(state.lang).startsWith(key));
      if (!hits.length) return;
      const i = hits.findIndex(([k]) => k === focusState);
      focusOn(hits[(i + 1) % hits.length][0], boxes);
    } else if ((e.key === 'Enter' || e.key === ' ') && focusState) {
      e.preventDefault();
      const b = stateBoxes().get(focusState);
      if (!b) return;
      openTip(b.unit, stagePoint(b.x, b.y), true);
      tip.focus();
    }
  });
  box.addEventListener('blur', () => {
    if (!tip.contains(document.activeElement)) {
      for (const p of box.querySelectorAll('.bm-kfocus')) p.classList.remove('bm-kfocus');
      if (tip.hidden) map.highlightState('');
    }
  });
  box.addEventListener('focus', () => { if (focusState) focusOn(focusState, stateBoxes()); });

  // ---- views, settings ------------------------------------------------------
  function setView(view) {
    if (!VIEWS.includes(view)) return false;
    map.setView(view);
    state.view = view;
    for (const b of document.querySelectorAll('.bm-view')) b.setAttribute('aria-pressed', String(b.dataset.view === view));
    svg()?.setAttribute('aria-label', S.fmt('map', { date: label.textContent }));
    closeTip(false);
    focusState = null;
    return true;
  }
  for (const b of document.querySelectorAll('.bm-view')) {
    b.addEventListener('click', () => { setView(b.dataset.view); writeHash(); });
  }
  function setTheme(theme) {
    state.theme = theme;
    document.documentElement.dataset.theme = theme;
    $('.bm-theme').value = theme;
  }
  langSelect.addEventListener('change', async () => {
    const code = langSelect.value;
    try {
      await ensureLang(code);
    } catch (e) {
      langSelect.value = state.lang;
      console.warn(e);
      return;
    }
    state.lang = code;
    state.digits = null;
    applyLang();
    writeHash();
  });
  $('.bm-digits').addEventListener('change', (e) => {
    state.digits = e.target.value === LANGS.get(state.lang).digits ? null : e.target.value;
    applyLang();
    writeHash();
  });
  $('.bm-theme').addEventListener('change', (e) => { setTheme(e.target.value); writeHash(); });

  // ---- deep link: #date=1999-03-12&alliances=NATO,CSTO&lang=ar&view=europe ----
  let hashTimer = 0;
  let writing = false;
  function hashText() {
    const parts = [`date=${map.date()}`];
    if (state.hidden.size) parts.push(`alliances=${alliances.filter((a) => !state.hidden.has(a)).join(',')}`);
    parts.push(`lang=${state.lang}`, `view=${state.view}`);
    if (state.digits) parts.push(`digits=${state.digits}`);
    if (state.theme !== 'auto') parts.push(`theme=${state.theme}`);
    return '#' + parts.join('&');
  }
  function writeHash() {
    if (writing) return;
    clearTimeout(hashTimer);
    hashTimer = setTimeout(() => {
      const h = hashText();
      if (location.hash !== h) history.replaceState(null, '', h);
    }, 250);
  }
  /** Applies the hash; each bad value is ignored and the map stays as it was. */
  async function applyHash() {
    const raw = new URLSearchParams(location.hash.replace(/^#/, ''));
    // Names are case-insensitive (lang=AR, alliances=nato), and spaces
    // around a value do not count (an editor's data-date=" 1999-03-12 ").
    const p = new Map([...raw].map(([k, v]) => [k.toLowerCase(), k.toLowerCase() === 'alliances' ? v.trim() : v.trim().toLowerCase()]));
    // What was ignored, named with its value ("alliances=FOO").
    const bad = [];
    const ignore = (key, value = p.get(key)) => bad.push(`${key}=${value}`);
    for (const [k, v] of p) if (!LINK_KEYS.includes(k)) ignore(k, v);
    let langOk = p.has('lang') && LANGS.has(p.get('lang'));
    if (langOk) {
      try { await ensureLang(p.get('lang')); } catch (e) { langOk = false; console.warn(e); }
    }
    writing = true;
    try {
      let langChanged = false;
      if (p.has('lang')) {
        if (langOk) { langChanged = p.get('lang') !== state.lang; state.lang = p.get('lang'); } else ignore('lang');
      }
      if (p.has('digits')) {
        if (DIGITS.includes(p.get('digits'))) { state.digits = p.get('digits'); langChanged = true; } else ignore('digits');
      }
      if (p.has('theme')) { if (THEMES.includes(p.get('theme'))) setTheme(p.get('theme')); else ignore('theme'); }
      if (p.has('view')) { if (!VIEWS.includes(p.get('view')) || !setView(p.get('view'))) ignore('view'); }
      if (p.has('alliances')) {
        const asked = p.get('alliances').split(',').map((s) => s.trim()).filter(Boolean);
        const want = asked.map((s) => alliances.find((a) => a.toLowerCase() === s.toLowerCase()));
        asked.filter((s, i) => !want[i]).forEach((s) => ignore('alliances', s));
        if (want.some(Boolean)) { state.hidden = new Set(alliances.filter((a) => !want.includes(a))); applyHidden(); } else if (!asked.length) ignore('alliances');
      }
      if (langChanged) applyLang();
      if (p.has('date')) {
        let day = NaN;
        try { day = dayNumber(p.get('date')); } catch { /* bad date */ }
        if (day >= minDay && day <= maxDay) show(day, { now: true }); else ignore('date');
      }
    } finally {
      writing = false;
    }
    if (bad.length) console.warn(S.fmt('badLink', { what: bad.join(', ') }));
  }
  window.addEventListener('hashchange', applyHash);

  // A linked language that is not built in: fetch it before the first
  // strings are shown, so the page does not flash in English.
  if (LANGS.has(hashLang())) await ensureLang(hashLang()).catch((e) => console.warn(e));
  applyLang();
  show(maxDay, { now: true });
  if (location.hash.length > 1) await applyHash();
  document.documentElement.classList.add('bm-ready');
  performance.mark('bm:ready');
  // For embedders' scripts and the end-to-end tests.
  window.__bm = { map, show, state, marks: () => marks, exportSvg };
}

main().catch((e) => {
  document.documentElement.classList.remove('bm-lang-pending');
  const box = document.querySelector('#map');
  box.removeAttribute('aria-busy');
  const error = e && e.message ? e.message : String(e);
  // Without the core there are no strings but the page's own English.
  let text = `The map could not be loaded: ${error}`;
  try { text = strings(packOf(LANGS.has(document.documentElement.lang) ? document.documentElement.lang : 'en')).fmt('loadFailed', { error }); } catch { /* keep English */ }
  box.textContent = text;
  console.error(e);
});
