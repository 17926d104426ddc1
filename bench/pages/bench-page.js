/* eslint-disable @typescript-eslint/ban-ts-comment -- a plain page script, not project code */
// @ts-nocheck: untyped DOM glue run in the benchmark page only.
/* global window, document, location, customElements, requestAnimationFrame, MutationObserver */
// Browser side of bench/e2e.ts, loaded by bench/pages/e2e.html before the widget. Plain script
// (no modules, no build): bench/e2e.ts calls these through page.evaluate with string
// expressions, so nothing depends on how the Node side is compiled.
(function () {
  const bench = {
    longtasks: [],
    scriptStart: 0,
    firstRender: 0,
  };
  window.__bench = bench;

  // Long tasks from the very start of the page (buffered: before this observer too).
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        bench.longtasks.push({
          start: e.startTime,
          duration: e.duration,
          attribution: (e.attribution || []).map(
            (a) => a.containerSrc || a.containerName || a.containerType || a.name,
          ),
        });
      }
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // No long task API: none recorded.
  }

  const element = () => document.querySelector('clinic-locator');
  const root = () => element().shadowRoot;
  const input = () => root().querySelector('[part~="search-input"]');
  const form = () => root().querySelector('[part~="search-form"]');
  const nextFrame = () =>
    new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

  bench.prepare = () => {
    const params = new URLSearchParams(location.search);
    const src = params.get('src');
    if (src) element().setAttribute('src', src);
    // ?without-map: the element without its map (for the memory comparison).
    if (params.has('without-map')) element().setAttribute('without-map', '');
    customElements
      .whenDefined('clinic-locator')
      .then(() => element().updateComplete)
      .then(() => {
        bench.firstRender = performance.now();
      });
  };

  /** Resolves with performance.now() when the next clinic-search event fires. */
  const nextSearch = () =>
    new Promise((resolve) =>
      element().addEventListener('clinic-search', () => resolve(performance.now()), {
        once: true,
      }),
    );

  /**
   * Types `query` and submits the form as Enter does; resolves with the times to the
   * clinic-search event (results rendered: it fires after Lit's update) and to the next frame.
   */
  bench.enter = async (query, timeoutMs = 20_000) => {
    input().value = query;
    const done = nextSearch();
    const start = performance.now();
    bench.enterStart = start;
    form().requestSubmit();
    // A search that never ends (its data failed to load) fails the run instead of hanging it.
    const rendered = await Promise.race([
      done,
      new Promise((_, reject) =>
        setTimeout(
          () => reject(new Error(`no clinic-search for ${query} within ${timeoutMs / 1000} s`)),
          timeoutMs,
        ),
      ),
    ]);
    await nextFrame();
    return { rendered: rendered - start, frame: performance.now() - start };
  };

  /**
   * One keystroke: the box is cleared (no suggestions), then `text` is typed; resolves with the
   * time until the suggestions list changed (rendered), or -1 when none came within 2 s.
   */
  bench.keystroke = async (text) => {
    const box = input();
    box.value = '';
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await element().updateComplete;
    const list = root().querySelector('[part~="suggestions"]');
    const changed = new Promise((resolve) => {
      const observer = new MutationObserver(() => {
        if (!list.querySelector('[part~="suggestion"]')) return;
        observer.disconnect();
        resolve(performance.now());
      });
      observer.observe(list, { childList: true, subtree: true });
      setTimeout(() => {
        observer.disconnect();
        resolve(-1);
      }, 2000);
    });
    const start = performance.now();
    box.value = text;
    box.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const end = await changed;
    return end < 0 ? -1 : end - start;
  };

  /** The first interaction on a fresh page: typing letters, until suggestions are shown. */
  bench.firstKeystroke = (text) => bench.keystroke(text);

  bench.rendered = () => root().querySelectorAll('[part~="result"]').length;
})();
