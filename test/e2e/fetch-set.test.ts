// End to end with the built file (issue 15): the files a search fetches must not tell what was
// typed. Each query is searched in a fresh page (a new iframe: modules and memos start over) as
// a visitor does it (focus the box, type, Enter), and every request the page made is recorded.
import { expect, waitUntil } from '@open-wc/testing';
import { FETCH_SET_QUERIES } from './fetch-set-queries.js';
import { openPage } from './frame.js';

const QUERIES = FETCH_SET_QUERIES;

/** The paths the page requested, in order of request, beyond the page itself. */
function requested(win: Window): string[] {
  return win.performance
    .getEntriesByType('resource')
    .map((entry) => new URL(entry.name).pathname)
    .filter((path) => !path.startsWith('/test/'));
}

/** Resolves once `win` has made no new request for `quietMs` (lazy chunks load in steps). */
async function settled(win: Window, quietMs = 1000): Promise<void> {
  let count = -1;
  let since = performance.now();
  await waitUntil(
    () => {
      const now = requested(win).length;
      if (now !== count) [count, since] = [now, performance.now()];
      return performance.now() - since >= quietMs;
    },
    'requests never settled',
    { timeout: 8000, interval: 100 },
  );
}

async function searchInFreshPage(query: string): Promise<{ files: string[]; status: string }> {
  const { win, doc } = await openPage('/test/e2e/pages/fetch-set.html');
  const root = doc.querySelector('clinic-locator')!.shadowRoot!;
  const input = root.querySelector<HTMLInputElement>('[part~="search-input"]')!;
  const status = () => root.querySelector('[part~="status"]')!.textContent!.trim();
  input.focus();
  for (let i = 1; i <= query.length; i++) {
    input.value = query.slice(0, i);
    input.dispatchEvent(new win.Event('input', { bubbles: true, composed: true }));
  }
  input.dispatchEvent(
    new win.KeyboardEvent('keydown', { key: 'Enter', bubbles: true, composed: true }),
  );
  await waitUntil(() => status() && status() !== 'Searching…', 'no answer', { timeout: 8000 });
  await settled(win);
  return { files: requested(win), status: status() };
}

describe('dist/clinic-locator.js without-map: what a search fetches', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  const seen = new Map<string, { files: string[]; status: string }>();
  for (const query of QUERIES) {
    it(`records the requests of a search for “${query}” in a fresh page`, async () => {
      seen.set(query, await searchInFreshPage(query));
    });
  }

  it('fetched the same files, in the same order, whatever was typed', () => {
    expect([...seen.keys()]).to.deep.equal(QUERIES);
    // The searches really were different: a ZIP's town, a clinic, nothing found.
    expect(seen.get('49503')!.status).to.match(/49503 Grand Rapids, MI/);
    expect(seen.get('90210')!.status).to.match(/90210 Beverly Hills, CA/);
    expect(seen.get('Mossyridge Physical Therapy')!.status).to.match(/Mossyridge/);
    expect(seen.get('qqqqzzzz')!.status).to.match(/could not find/);
    const first = seen.get('49503')!.files;
    const data = (files: string[]) => files.filter((f) => f.endsWith('.bin'));
    expect(data(first).map((f) => f.replace(/^\/dist\/|-[\w-]{8}\.bin$/g, ''))).to.deep.equal([
      'zips',
      'zip3',
      'places',
    ]);
    for (const [query, { files }] of seen) {
      expect([...files].sort(), query).to.deep.equal([...first].sort());
      // The data files are requested in one fixed order.
      expect(data(files), query).to.deep.equal(data(first));
    }
  });
});
