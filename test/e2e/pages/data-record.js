/* global window, document, location, console, URL, URLSearchParams, Response, ReadableStream, TextEncoder */
// Test hook for the data-*.html and amd-*.html pages (test/e2e/hostile-data.test.ts): records
// every clinic-error event with its fields, every fetch the page makes, and uncaught errors; and,
// from the page's query string, makes the widget's data requests misbehave:
//   ?hang=<part of a URL>   the first response for it sends a header line, then never finishes
//   ?fail=<part of a URL>   the first response for it is a 503
//   ?latin1=<part of a URL> its responses carry the file's text as Windows-1252 bytes, with the
//                           Content-Type of ?type= (the test server re-encodes any text file it
//                           serves as UTF-8, so a fixture cannot hold those bytes itself)
//   ?src=<url>              the <clinic-locator> the page creates gets this src
(() => {
  const params = new URLSearchParams(location.search);
  /** @type {object[]} */
  const dataErrors = [];
  /** @type {string[]} */
  const fetches = [];
  /** @type {string[]} */
  const errors = [];
  /** @type {string[]} */
  const warnings = [];
  Object.assign(window, {
    __dataErrors: dataErrors,
    __fetches: fetches,
    __errors: errors,
    __warnings: warnings,
  });
  document.addEventListener('clinic-error', (event) => {
    const e = /** @type {any} */ (event);
    dataErrors.push({
      source: e.source,
      message: e.message,
      fatal: e.fatal,
      problems: e.problems,
      recordLabel: e.recordLabel,
    });
  });
  window.addEventListener('error', (event) => errors.push(String(event.message)));
  const warn = console.warn.bind(console);
  console.warn = (...args) => {
    warnings.push(args.map(String).join(' '));
    warn(...args);
  };
  const hang = params.get('hang');
  const fail = params.get('fail');
  const latin1 = params.get('latin1');
  const type = params.get('type') ?? 'text/csv';
  const realFetch = window.fetch.bind(window);
  /** @type {Set<string>} */
  const misbehaved = new Set();
  window.fetch = (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    fetches.push(url);
    const first = !misbehaved.has(url);
    if (hang && url.includes(hang) && first) {
      misbehaved.add(url);
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('id,name,organization\n'));
          // …and nothing more, ever (until the reader cancels).
        },
      });
      return Promise.resolve(
        new Response(body, { status: 200, headers: { 'Content-Type': 'text/csv' } }),
      );
    }
    if (fail && url.includes(fail) && first) {
      misbehaved.add(url);
      return Promise.resolve(new Response('Service Unavailable', { status: 503 }));
    }
    if (latin1 && url.includes(latin1)) {
      return realFetch(input, init).then(async (response) => {
        const text = await response.text();
        // Every character of the fixtures is below U+0100: its Windows-1252 byte is its code.
        const bytes = Uint8Array.from(text, (ch) => ch.charCodeAt(0));
        return new Response(bytes, { status: 200, headers: { 'Content-Type': type } });
      });
    }
    return realFetch(input, init);
  };
  const src = params.get('src');
  if (src) {
    document.addEventListener('DOMContentLoaded', () => {
      const el = document.createElement('clinic-locator');
      el.setAttribute('src', src);
      el.setAttribute('tile-url', '/tiles/{z}/{x}/{y}.png');
      el.setAttribute('tile-attribution', 'Local test tiles');
      document.body.append(el);
    });
  }
})();
