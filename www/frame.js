// When the page runs inside an embed's iframe, tell the embedding article
// how tall it is, so the iframe fits it without scroll bars.
if (window.parent !== window) {
  document.documentElement.classList.add('bm-embedded');
  const report = () => window.parent.postMessage({ blocmap: 'height', height: document.documentElement.scrollHeight }, '*');
  new ResizeObserver(report).observe(document.body);
  window.addEventListener('load', report);
}
