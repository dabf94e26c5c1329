/*
 * BlocMap embed: one tag in an article.
 *
 *   <script src="https://YOUR-HOST/blocmap/embed.js" async
 *           data-lang="ar" data-date="1999-03-12" data-view="europe"
 *           data-alliances="NATO,CSTO"></script>
 *
 * The map is placed right after the tag, in an iframe (so the article's CSS
 * and the map's cannot disturb each other), sized to its content as it
 * loads and as the reader resizes the window. Space is reserved up front so
 * the article does not jump. data-* values are passed to the map's URL hash
 * (the same deep-link format the page reads; a bad value is ignored there).
 * The frame's title (its accessible name) is data-title, else the map's own
 * title in its language, which the map reports once loaded.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var KEYS = ['date', 'lang', 'view', 'alliances', 'theme', 'digits'];
  var params = [];
  for (var i = 0; i < KEYS.length; i++) {
    var v = script.getAttribute('data-' + KEYS[i]);
    if (v) params.push(KEYS[i] + '=' + encodeURIComponent(v));
  }
  var frame = document.createElement('iframe');
  frame.src = new URL('index.html', script.src).href + (params.length ? '#' + params.join('&') : '');
  // data-lang may be any language the map has (data/lang/*.json); the page
  // checks it. Until the map reports its title in that language, English.
  var ownTitle = script.getAttribute('data-title');
  frame.title = ownTitle || 'Map of military alliances: NATO, the Warsaw Pact and the CSTO';
  frame.setAttribute('loading', 'lazy');
  frame.setAttribute('allow', 'fullscreen; clipboard-write');
  frame.className = 'blocmap-embed';
  // Reserve roughly the page's height until it reports its own.
  frame.style.cssText = 'display:block;width:100%;max-width:1100px;margin:1em auto;border:0;height:' +
    Math.round(Math.min(1100, script.parentNode && script.parentNode.clientWidth || 800) * 0.62 + 260) + 'px';
  window.addEventListener('message', function (e) {
    if (e.source !== frame.contentWindow || !e.data) return;
    if (e.data.blocmap === 'title') {
      if (!ownTitle && typeof e.data.title === 'string' && e.data.title) frame.title = e.data.title.slice(0, 300);
      return;
    }
    if (e.data.blocmap !== 'height') return;
    var h = Number(e.data.height);
    if (h > 0 && h < 20000) frame.style.height = Math.ceil(h) + 'px';
  });
  script.parentNode.insertBefore(frame, script.nextSibling);
})();
