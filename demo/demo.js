// Demo only: `?tiles=local` points every widget on the page at the tiles the demo server
// generates, so the demo works without internet, and keeps `?tiles=local` on the links between
// the demo pages. An embedder never needs this.
if (new URLSearchParams(location.search).get('tiles') === 'local') {
  document.addEventListener('DOMContentLoaded', () => {
    for (const el of document.querySelectorAll('clinic-locator')) {
      el.setAttribute('tile-url', `${location.origin}/tiles/{z}/{x}/{y}.png`);
      el.setAttribute('tile-attribution', 'Generated demo tiles');
    }
    const demoFolder = new URL('./', location.href).pathname;
    for (const link of document.querySelectorAll('a[href]')) {
      const a = /** @type {HTMLAnchorElement} */ (link);
      const target = new URL(a.href);
      if (
        target.origin === location.origin &&
        target.pathname.startsWith(demoFolder) &&
        !target.hash
      ) {
        target.searchParams.set('tiles', 'local');
        a.href = target.href;
      }
    }
  });
}
