// The map as a file: a standalone SVG (title, date, legend, source line, the
// page's colours inlined) and a PNG drawn from it.
const NS = 'http://www.w3.org/2000/svg';
const W = 1000;
const TOP = 56;

function node(tag, attrs, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

/**
 * `map`: the live map `<svg>`; `legend`: `[{id, color, text}]`; strings are
 * inserted as text. Colours are the page's current CSS variables.
 */
export function standaloneSvg({ map, title, date, legend, source, rtl, hidden = [] }) {
  // Each view has its own shape (the core sets the map's viewBox).
  const MAP_H = map.viewBox.baseVal.height * (W / map.viewBox.baseVal.width);
  const css = getComputedStyle(document.documentElement);
  const v = (name, fallback = '') => css.getPropertyValue(name).trim() || fallback;
  const H = MAP_H + TOP + 22 * legend.length + 44;
  const vars = ['--bm-neutral', '--bm-sea', '--bm-border', '--bm-ink', '--bm-muted', ...legend.map((e) => `--bm-${e.id}`)]
    .map((name) => [name, v(name)]).filter(([, x]) => x);
  const out = node('svg', {
    xmlns: NS, viewBox: `0 0 ${W} ${H}`, width: W, height: H, direction: rtl ? 'rtl' : 'ltr',
    style: vars.map(([k, x]) => `${k}:${x}`).join(';') + `;font-family:${css.fontFamily}`,
  });
  // The page's rules for units, borders and markers travel with the drawing.
  out.append(node('style', {}, '.bm-u{fill:var(--bm-neutral);stroke:var(--bm-neutral);stroke-width:.5}.bm-borders{fill:none;stroke:var(--bm-border);stroke-width:.6}'
    + 'svg .bm-u.bm-marker{stroke:var(--bm-border);stroke-width:.6}'));
  out.append(node('rect', { width: W, height: H, fill: v('--bm-bg', '#fff') }));
  const ink = v('--bm-ink', '#000');
  const text = (x, y, size, s, extra = {}) => out.appendChild(node('text', { x: rtl ? W - x : x, y, 'font-size': size, fill: ink, ...extra }, s));
  text(16, 30, 22, title, { 'font-weight': 700 });
  text(16, 50, 16, date);
  out.append(node('rect', { y: TOP, width: W, height: MAP_H, fill: v('--bm-sea', '#fff') }));
  const clone = map.cloneNode(true);
  for (const [k, x] of Object.entries({ x: 0, y: TOP, width: W, height: MAP_H })) clone.setAttribute(k, String(x));
  for (const e of clone.querySelectorAll('.bm-kfocus')) e.classList.remove('bm-kfocus');
  for (const e of clone.querySelectorAll('.bm-highlight')) e.remove();
  // Alliances the reader has switched off are neutral here too, as on screen.
  for (const e of clone.querySelectorAll('.bm-u')) {
    if (hidden.includes(e.dataset.alliance) || hidden.includes(e.dataset.standing)) e.style.cssText = 'fill:var(--bm-neutral);stroke:var(--bm-neutral)';
  }
  out.append(clone);
  let y = TOP + MAP_H + 28;
  for (const e of legend) {
    // An alliance's swatch is its colour; a standing's (signatory, frozen …) the map's own pattern.
    out.append(node('rect', { x: rtl ? W - 30 : 16, y: y - 12, width: 14, height: 14, fill: e.fill || v(`--bm-${e.id}`, e.color) }));
    text(36, y, 14, e.text);
    y += 22;
  }
  text(16, H - 12, 12, source, { fill: v('--bm-muted', '#555') });
  return new XMLSerializer().serializeToString(out);
}

/** A PNG (Blob) of an SVG text at `scale` times its size. */
export function pngOf(svgText, scale = 2) {
  return new Promise((resolve, reject) => {
    const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
    const img = new Image();
    img.onload = () => {
      const c = document.createElement('canvas');
      c.width = img.width * scale;
      c.height = img.height * scale;
      const g = c.getContext('2d');
      g.scale(scale, scale);
      g.drawImage(img, 0, 0);
      URL.revokeObjectURL(url);
      c.toBlob((b) => (b ? resolve(b) : reject(new Error('PNG export failed'))), 'image/png');
    };
    img.onerror = () => { URL.revokeObjectURL(url); reject(new Error('PNG export failed')); };
    img.src = url;
  });
}
