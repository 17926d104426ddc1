// End to end with hostile clinic data (`src`): the built dist/clinic-locator.js, one script tag,
// in real Chromium, inside an iframe. Each page is in test/e2e/pages/ (data-*.html, amd-*.html;
// data-record.js records events, fetches and warnings, and can make a response hang or fail);
// the data files are under test/fixtures/data-*/, with their response headers in sidecar
// `<file>.headers.json` files.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage as openFrame } from './frame.js';

interface DataError {
  source: string;
  message: string;
  fatal: boolean;
  problems: { line: number; column: string; message: string; value?: string; severity: string }[];
  recordLabel?: string;
}

type TestWindow = Window &
  typeof globalThis & {
    __dataErrors: DataError[];
    __fetches: string[];
    __errors: string[];
    __warnings: string[];
    __defined?: number[];
  };

const openPage = (path: string) => openFrame<TestWindow>(path);

/** The page of a `src` (and misbehaviour: `hang`, `fail`), see pages/data-record.js. */
const srcPage = (src: string, extra = '') =>
  `/test/e2e/pages/data-src.html?src=${encodeURIComponent(src)}${extra}`;

function widget(doc: Document) {
  const host = doc.querySelector('clinic-locator')!;
  const root = host.shadowRoot!;
  const status = () =>
    root.querySelector('[part~="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
  const names = () =>
    [...root.querySelectorAll('[part~="result-name"]')].map((el) => el.textContent!.trim());
  const search = (text: string) => {
    root.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = text;
    root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
  };
  return { host, root, status, names, search };
}

/** Searches 49503 and waits for the results. */
async function searchResults(doc: Document): Promise<string[]> {
  const w = widget(doc);
  w.search('49503');
  await waitUntil(() => w.names().length > 0, `no results (status: ${w.status()})`, {
    timeout: 8_000,
  });
  return w.names();
}

/** What the visitor reads: a file that cannot be read, or one that took too long. */
const BROKEN =
  'This page’s list of clinics cannot be read, so the finder cannot show clinics here. Please tell the site’s owner.';
const SLOW = 'The list of clinics took too long to load. Search again to try once more.';

describe('dist/clinic-locator.js with hostile clinic data', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  describe('a page with an AMD loader (amd-requirejs.html)', () => {
    it('loads a CSV src and never hands a module to the page’s define', async () => {
      const { win, doc } = await openPage('/test/e2e/pages/amd-requirejs.html');
      const names = await searchResults(doc);
      expect(names).to.have.length(3);
      expect(win.__dataErrors).to.deep.equal([]);
      expect(win.__defined).to.deep.equal([]);
      expect(win.__errors).to.deep.equal([]);
    });
  });

  describe('encodings and separators (data-src.html)', () => {
    // The page re-encodes the (UTF-8) fixture as Windows-1252 bytes (pages/data-record.js).
    const excel = '/test/fixtures/data-encoding/excel.csv';

    it('decodes a Windows-1252 file by the charset the server gives, silently', async () => {
      const { win, doc } = await openPage(
        srcPage(
          excel,
          `&latin1=excel.csv&type=${encodeURIComponent('text/csv; charset=windows-1252')}`,
        ),
      );
      const names = await searchResults(doc);
      expect(names).to.include.members(['Clínica Peña', 'Fisioterapia Muñoz'], names.join());
      expect(win.__dataErrors).to.deep.equal([]);
    });

    it('reads a file that is not UTF-8 as Windows-1252 when no charset is given, and says so', async () => {
      const { win, doc } = await openPage(srcPage(excel, '&latin1=excel.csv&type=text%2Fcsv'));
      const names = await searchResults(doc);
      expect(names).to.include.members(['Clínica Peña'], names.join());
      await waitUntil(() => win.__dataErrors.length > 0, 'no clinic-error');
      const [error] = win.__dataErrors;
      expect(error!.fatal).to.equal(false);
      expect(error!.message).to.contain('Windows-1252');
      // Line 2 holds the first byte that is not UTF-8 ("í" written as 0xED).
      expect(error!.problems.map((p) => [p.line, p.column, p.severity])).to.deep.equal([
        [2, '(file)', 'warning'],
      ]);
      expect(win.__warnings.some((w) => /excel\.csv.*Windows-1252/.test(w))).to.equal(true);
    });

    for (const [what, file] of [
      ['semicolon-separated, with decimal commas (European Excel)', 'semicolon.csv'],
      ['tab-separated', 'tab.csv'],
    ] as const) {
      it(`accepts a ${what} file`, async () => {
        const { win, doc } = await openPage(srcPage(`/test/fixtures/data-delimiter/${file}`));
        const names = await searchResults(doc);
        expect(names).to.have.length(3);
        expect(win.__dataErrors).to.deep.equal([]);
      });
    }

    it('says what is wrong with a file separated by something else', async () => {
      const { win, doc } = await openPage(srcPage('/test/fixtures/data-delimiter/pipe.csv'));
      await waitUntil(() => win.__dataErrors.length > 0, 'no clinic-error', { timeout: 8_000 });
      const [error] = win.__dataErrors;
      expect(error!.fatal).to.equal(true);
      expect(error!.problems).to.have.length(1);
      expect(error!.problems[0]!.message).to.contain('separated by "|", not commas');
      expect(error!.message).to.contain('CSV UTF-8 (Comma delimited)');
      expect(widget(doc).status()).to.equal(BROKEN);
    });
  });

  describe('a download that never finishes (data-src.html?hang=…)', () => {
    it('ends after the stall bound with a message and clinic-error, and a later search tries again', async function () {
      this.timeout(40_000);
      const file = '/test/fixtures/element/good.csv';
      const { win, doc } = await openPage(srcPage(file, `&hang=good.csv`));
      const w = widget(doc);
      w.search('49503');
      await waitUntil(() => win.__dataErrors.length > 0, 'no clinic-error', { timeout: 25_000 });
      expect(win.__dataErrors[0]!.fatal).to.equal(true);
      expect(win.__dataErrors[0]!.message).to.contain('nothing received for 15 s');
      await waitUntil(() => w.status() === SLOW, w.status());
      // The second request is answered: the search is not stuck on the first one.
      const names = await searchResults(doc);
      expect(names).to.have.length(3);
      expect(win.__fetches.filter((url) => url.endsWith(file))).to.have.length(2);
    });
    it('keeps the previous results listed and usable when a new src never finishes', async function () {
      this.timeout(40_000);
      const { win, doc } = await openPage(
        srcPage('/test/fixtures/element/good.csv', '&hang=good.json'),
      );
      const w = widget(doc);
      const before = await searchResults(doc);
      w.host.setAttribute('src', '/test/fixtures/element/good.json');
      w.search('49504');
      await waitUntil(() => win.__dataErrors.length > 0, 'no clinic-error', { timeout: 25_000 });
      await waitUntil(
        () => w.status() === `${SLOW} The results below are from your last search.`,
        w.status(),
      );
      // The results of the last search are still there, and not inert: they can be used.
      expect(w.names()).to.deep.equal(before);
      expect(w.root.querySelector('.list')!.hasAttribute('inert')).to.equal(false);
      expect(win.__dataErrors).to.have.length(1);
    });
  });

  describe('errors that retrying cannot fix, and those it can (data-src.html)', () => {
    for (const [what, file] of [
      ['a missing file (404)', '/test/fixtures/data-errors/missing.csv'],
      ['an HTML page served instead of CSV', '/test/fixtures/data-errors/page.csv'],
      ['a file with no usable clinic', '/test/fixtures/data-errors/no-clinics.csv'],
    ] as const) {
      it(`${what}: one clinic-error and one request per source, and a true message`, async () => {
        const { win, doc } = await openPage(srcPage(file));
        const w = widget(doc);
        const requests = () => win.__fetches.filter((url) => url.endsWith(file)).length;
        w.search('49503');
        await waitUntil(() => win.__dataErrors.length > 0, 'no clinic-error', { timeout: 8_000 });
        await waitUntil(() => w.status() === BROKEN, w.status());
        w.search('49504');
        await waitUntil(() => w.status() === 'Loading…' || true);
        w.search('49503');
        // Give a refetch, were there one, the time to happen.
        await new Promise((resolve) => setTimeout(resolve, 500));
        await waitUntil(() => w.status() === BROKEN, w.status());
        expect(win.__dataErrors).to.have.length(1);
        expect(win.__dataErrors[0]!.fatal).to.equal(true);
        expect(requests()).to.equal(1);
        expect(w.status()).not.to.match(/try again/i);
        // A new source is fetched (and reported) again.
        w.host.setAttribute('src', `${file}?again`);
        w.search('49503');
        await waitUntil(() => win.__dataErrors.length === 2, 'no second clinic-error', {
          timeout: 8_000,
        });
      });
    }

    it('a 503 is tried again on the next need', async () => {
      const file = '/test/fixtures/element/good.csv';
      const { win, doc } = await openPage(srcPage(file, '&fail=good.csv'));
      // The widget in view loads its data at once: that first request is answered 503.
      await waitUntil(() => win.__dataErrors.length > 0, 'no clinic-error', { timeout: 8_000 });
      expect(win.__dataErrors[0]!.message).to.contain('HTTP 503');
      const names = await searchResults(doc);
      expect(names).to.have.length(3);
      expect(win.__fetches.filter((url) => url.endsWith(file))).to.have.length(2);
    });
  });

  describe('doubtful data (data-src.html)', () => {
    it('warns about bidi control characters with line and field, and keeps the clinics', async () => {
      const { win, doc } = await openPage(srcPage('/test/fixtures/data-bidi/bidi.csv'));
      const names = await searchResults(doc);
      expect(names).to.have.length(3);
      const warned = win.__warnings.filter((w) => /bidi control/.test(w));
      expect(warned).to.have.length(2);
      expect(warned[0]).to.contain('line 3: address1: bidi control character U+2066');
      expect(warned[1]).to.contain('line 4: name: bidi control character U+202E');
    });

    it('logs the first 10 of many warnings and one line for the rest', async () => {
      const { win, doc } = await openPage(
        srcPage('/test/fixtures/data-warnings/shared-address.csv'),
      );
      await searchResults(doc);
      const ours = win.__warnings.filter((w) => w.startsWith('clinic-locator:'));
      expect(ours).to.have.length(11);
      expect(ours.slice(0, 10).every((w) => /same address as line 2/.test(w))).to.equal(true);
      expect(ours[10]).to.contain('29 more problems not shown (0 errors, 29 warnings)');
    });
  });
});
