// When the page runs inside an embed's iframe, tell the embedding article
// how tall it is, so the iframe fits it without scroll bars, and its title
// in the page's language (the iframe's accessible name).
if (window.parent !== window) {
  document.documentElement.classList.add('bm-embedded');
  const report = () => window.parent.postMessage({ blocmap: 'height', height: document.documentElement.scrollHeight }, '*');
  new ResizeObserver(report).observe(document.body);
  window.addEventListener('load', report);
  const title = () => window.parent.postMessage({ blocmap: 'title', title: document.title }, '*');
  new MutationObserver(title).observe(document.querySelector('title'), { childList: true, characterData: true, subtree: true });
}
