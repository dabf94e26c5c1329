// The territory tooltip: content (always textContent, never innerHTML) and a
// placement that keeps it inside the stage and off the pointer.

const GAP = 14; // px between the pointer and the tooltip

/** An element with a class and text. */
export function el(tag, cls, text) {
  const e = document.createElement(tag);
  if (cls) e.className = cls;
  if (text != null) e.textContent = text;
  return e;
}

/** A source link (http(s) only), showing the site's name. */
export function sourceLink(url) {
  const label = sourceLabel(url);
  if (!/^https?:\/\//i.test(url) || label === url) return srcText(label);
  const a = el('a', 'bm-src', label);
  a.dir = 'ltr'; // an address is left-to-right, isolated from an Arabic sentence around it
  a.href = url;
  a.rel = 'noopener noreferrer';
  a.target = '_blank';
  return a;
}

/**
 * What a reader sees of a source's address: the site's name, and on a code
 * host (github.com, gitlab.com) the repository too, since the host alone says
 * nothing ("github.com/joshuaalley/arms-allies", the ATOP data).
 */
export function sourceLabel(url) {
  let u;
  try { u = new URL(url); } catch { return url; }
  const host = u.hostname.replace(/^www\./, '');
  const repo = u.pathname.split('/').filter(Boolean).slice(0, 2);
  return /^(github|gitlab)\.com$/.test(host) && repo.length === 2 ? `${host}/${repo.join('/')}` : host;
}

/** A source's name as text, left-to-right and isolated (`dir` isolates it). */
function srcText(label) {
  const span = el('span', 'bm-src', label);
  span.dir = 'ltr';
  return span;
}

/** Source links (or, unpinned, plain labels) joined with the language's list separator. */
export function sourceList(box, urls, separator, links = true) {
  urls.forEach((u, i) => {
    if (i) box.append(document.createTextNode(separator || ', '));
    box.append(links ? sourceLink(u) : srcText(sourceLabel(u)));
  });
}

/**
 * Fills the tooltip with a territory's details (from `map.details`).
 * Hover shows the last events; pinned shows all, with links and a close button.
 */
export function fillTip(tip, d, s, { pinned, onClose }) {
  tip.replaceChildren();
  tip.classList.toggle('bm-pinned', pinned);
  const head = el('div', 'bm-tip-head');
  const name = el('strong', 'bm-tip-name', d.name);
  name.id = 'bm-tip-name';
  head.append(name);
  if (pinned) {
    const close = el('button', 'bm-tip-close', '×');
    close.type = 'button';
    close.setAttribute('aria-label', s.close);
    close.addEventListener('click', onClose);
    head.append(close);
  }
  tip.append(head, el('div', 'bm-tip-date', d.dateWords));

  const standings = el('ul', 'bm-tip-standings');
  if (d.standings.length === 0) standings.append(el('li', 'bm-none', s.none));
  for (const st of d.standings) {
    const li = el('li', null, s.fmt('standing', {
      alliance: st.name, status: s.statuses[st.status] || st.status, date: st.sinceWords,
    }));
    li.dataset.alliance = st.alliance;
    li.dataset.status = st.status;
    standings.append(li);
  }
  tip.append(standings);

  if (d.history.length) {
    const events = pinned ? d.history : d.history.slice(-4);
    tip.append(el('div', 'bm-tip-h', s.history));
    // Hover shows the last events only: say that there are more, and how to see them.
    if (events.length < d.history.length) tip.append(el('div', 'bm-tip-more', s.historyMore));
    const ol = el('ol', 'bm-tip-history');
    for (const h of events) {
      const li = el('li');
      li.append(el('span', 'bm-tip-when', h.words), document.createTextNode(' — ' + h.caption));
      if (h.sources.length) {
        const src = el('span', 'bm-tip-sources');
        src.append(document.createTextNode(' (' + s.sources + ': '));
        sourceList(src, h.sources, s.listSeparator, pinned);
        src.append(document.createTextNode(')'));
        li.append(src);
      }
      ol.append(li);
    }
    if (!pinned && d.history.length > events.length) ol.start = d.history.length - events.length + 1;
    tip.append(ol);
  }
  if (pinned) {
    tip.setAttribute('role', 'dialog');
    tip.setAttribute('aria-labelledby', 'bm-tip-name');
    tip.tabIndex = -1;
  } else {
    tip.removeAttribute('role');
    tip.removeAttribute('aria-labelledby');
    tip.removeAttribute('tabindex');
  }
}

/**
 * Places the tooltip beside the point (x, y), in the stage's coordinates, on
 * whichever side has room, so it never covers the point and never leaves the
 * stage. `above` prefers the space above (a finger hides what is below it).
 */
export function placeTip(tip, stage, x, y, { above = false } = {}) {
  const W = stage.clientWidth;
  const H = stage.clientHeight;
  // The wider side always has room for the tooltip: it never sits on the point.
  const room = Math.max(x, W - x) - GAP - 2;
  tip.style.maxWidth = Math.max(120, Math.min(340, room)) + 'px';
  tip.style.maxHeight = Math.max(80, H - 4) + 'px';
  tip.style.left = '0px';
  tip.style.top = '0px';
  const w = tip.offsetWidth;
  const h = tip.offsetHeight;
  const right = x + GAP;
  const left = x - GAP - w;
  const below = y + GAP;
  const over = y - GAP - h;
  const fitsX = (l) => l >= 0 && l + w <= W;
  const fitsY = (t) => t >= 0 && t + h <= H;
  // Reading direction first: right of the point in English, left in Arabic.
  const rtl = getComputedStyle(stage).direction === 'rtl';
  const xs = (rtl ? [left, right] : [right, left]).filter(fitsX);
  const ys = (above ? [over, below] : [below, over]).filter(fitsY);
  let l, t;
  if (xs.length && ys.length) {
    l = xs[0];
    t = ys[0];
  } else if (xs.length) {
    // Beside the point, as high as fits: horizontally clear of it.
    l = xs[0];
    t = Math.min(Math.max(0, y - h / 2), Math.max(0, H - h));
  } else {
    l = x > W / 2 ? Math.max(0, left) : Math.min(right, Math.max(0, W - w));
    t = ys.length ? ys[0] : Math.min(Math.max(0, y - h / 2), Math.max(0, H - h));
  }
  tip.style.left = Math.round(l) + 'px';
  tip.style.top = Math.round(t) + 'px';
}
