// The bench's reference page: what a skilled JS developer would write with
// d3-geo + topojson-client + world-atlas (50m). Bundled by `cargo xtask bench`
// with esbuild (minified); never shipped. A date change recolors only the
// countries whose alliance changed (one attribute write each) and updates the
// date label and three legend counts.
import { geoEqualEarth, geoPath } from 'd3-geo';
import { feature } from 'topojson-client';

const W = 1000, H = 620;
const NS = 'http://www.w3.org/2000/svg';
const NEUTRAL = '#e4e4e0';
const NAMES = { NATO: 'NATO', CSTO: 'CST / CSTO', WARSAW_PACT: 'Warsaw Pact' };
const dayOf = (iso) => Math.round(Date.parse(iso + 'T00:00:00Z') / 86400000);
const isoOf = (day) => new Date(day * 86400000).toISOString().slice(0, 10);

async function main() {
  const [world, data] = await Promise.all([
    fetch('countries-50m.json').then((r) => r.json()),
    fetch('members.json').then((r) => r.json()),
  ]);
  const svg = document.getElementById('map');
  const slider = document.getElementById('slider');
  const label = document.getElementById('date');
  const legend = document.getElementById('legend');

  const projection = geoEqualEarth().fitSize([W, H], { type: 'Sphere' });
  const path = geoPath(projection).digits(1);
  const frag = document.createDocumentFragment();
  const items = [];
  for (const f of feature(world, world.objects.countries).features) {
    const el = document.createElementNS(NS, 'path');
    el.setAttribute('d', path(f));
    frag.appendChild(el);
    items.push({ el, spans: data.members[f.id] || [], alliance: undefined });
  }

  const counts = {};
  for (const id of Object.keys(NAMES)) {
    const li = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.style.background = data.colors[id];
    const count = document.createElement('b');
    li.append(swatch, ` ${NAMES[id]} `, count);
    legend.append(li);
    counts[id] = { el: count, n: -1 };
  }

  function show(day) {
    const n = { NATO: 0, CSTO: 0, WARSAW_PACT: 0 };
    for (const it of items) {
      let a = '';
      for (const [alliance, from, to] of it.spans) {
        if (day >= from && (to === null || day < to)) { a = alliance; break; }
      }
      if (a) n[a]++;
      if (a !== it.alliance) {
        it.alliance = a;
        it.el.setAttribute('fill', a ? data.colors[a] : NEUTRAL);
      }
    }
    for (const id in n) {
      if (counts[id].n !== n[id]) { counts[id].n = n[id]; counts[id].el.textContent = `(${n[id]})`; }
    }
    const iso = isoOf(day);
    label.value = iso;
    slider.setAttribute('aria-valuetext', iso);
  }

  const today = new Date().toISOString().slice(0, 10);
  slider.min = String(dayOf('1949-04-04'));
  slider.max = String(dayOf(today));
  slider.value = slider.max;
  slider.addEventListener('input', () => show(Number(slider.value)));
  show(Number(slider.value));
  svg.appendChild(frag);
  document.body.dataset.ready = '1';
}

main().catch((e) => { document.getElementById('map').textContent = String(e); });
