// Demo only: `?tiles=local` points every widget on the page at the tiles the demo server
// generates, so the demo works without internet. An embedder never needs this.
if (new URLSearchParams(location.search).get('tiles') === 'local') {
  document.addEventListener('DOMContentLoaded', () => {
    for (const el of document.querySelectorAll('clinic-locator')) {
      el.setAttribute('tile-url', `${location.origin}/tiles/{z}/{x}/{y}.png`);
      el.setAttribute('tile-attribution', 'Generated demo tiles');
    }
  });
}
