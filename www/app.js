// The host page: binds the slider and the legend to the BlocMap core.
// Everything the core knows (dates, membership, borders) is asked of it.
import init, { BlocMap, dayNumber, dateOfDay } from './pkg/blocmap.js';

const $ = (sel) => document.querySelector(sel);

async function main() {
  await init();
  const box = $('#map');
  const slider = $('.bm-slider');
  const label = $('.bm-date-label');
  const legend = $('.bm-legend');
  const today = new Date().toISOString().slice(0, 10);

  const map = new BlocMap(box, { date: today, view: 'world' });
  box.removeAttribute('aria-busy');
  slider.min = String(dayNumber('1949-04-04'));
  slider.max = String(dayNumber(today));
  slider.value = slider.max;

  function renderLegend() {
    legend.replaceChildren();
    for (const entry of map.legend('en')) {
      if (entry.kind !== 'alliance') continue;
      const li = document.createElement('li');
      li.dataset.alliance = entry.id;
      const swatch = document.createElement('span');
      swatch.className = 'bm-swatch';
      swatch.style.background = `var(--bm-${entry.id}, ${entry.color})`;
      const name = document.createElement('span');
      name.textContent = entry.name;
      const count = document.createElement('span');
      count.className = 'bm-count';
      count.textContent = String(entry.count);
      li.append(swatch, name, count);
      legend.append(li);
    }
  }

  function show(day) {
    const date = dateOfDay(day);
    map.setDate(date);
    label.value = date;
    slider.setAttribute('aria-valuetext', date);
    renderLegend();
  }

  slider.addEventListener('input', () => show(Number(slider.value)));
  show(Number(slider.value));
}

main().catch((e) => {
  const box = document.querySelector('#map');
  box.removeAttribute('aria-busy');
  box.textContent = 'The map could not be loaded: ' + (e && e.message ? e.message : e);
});
