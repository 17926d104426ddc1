// End to end under Trusted Types (issue 14, item 1): the built dist/clinic-locator.js, one script
// tag, in real Chromium, on pages served with `require-trusted-types-for 'script'` and various
// `trusted-types` lists (headers in test/e2e/pages/tt-*.html.headers.json). Tiles come from the
// test server.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage } from './frame.js';

type HookWindow = Window &
  typeof globalThis & {
    __clinicErrors: { source: unknown; message: unknown }[];
    __errors: string[];
    __rejections: string[];
    __violations: string[];
    __hostPolicy?: { name: string };
    trustedTypes: { createPolicy(name: string, rules: object): unknown };
  };

/** Searches a ZIP as a visitor would; resolves once results are listed. */
async function search(root: ShadowRoot, zip: string): Promise<void> {
  const host = root.host;
  const searched = new Promise((resolve) =>
    host.addEventListener('clinic-search', resolve, { once: true }),
  );
  root.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = zip;
  root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
  await searched;
  await waitUntil(() => root.querySelectorAll('[part~="result"]').length > 0, 'no results', {
    timeout: 10_000,
  });
}

/** The map shows the results: pins and origin, zoom buttons, the credits, tiles. */
async function expectWorkingMap(root: ShadowRoot): Promise<void> {
  const map = root.querySelector<HTMLElement>('[part~="map"]')!;
  await waitUntil(() => map.querySelectorAll('.leaflet-marker-icon').length === 11, 'markers', {
    timeout: 10_000,
  });
  // The pins' SVG really was parsed (not left as text).
  const pins = map.querySelectorAll('.clinic-locator-marker svg');
  expect(pins.length).to.equal(11);
  expect(map.querySelector('.clinic-locator-marker__rank')!.textContent).to.equal('1');
  const zoomIn = map.querySelector('.leaflet-control-zoom-in')!;
  expect(zoomIn.textContent!.trim()).to.equal('+');
  expect(zoomIn.querySelector('span[aria-hidden="true"]')).to.not.equal(null);
  expect(map.querySelector('.leaflet-control-zoom-out')!.textContent!.trim()).to.equal('−');
  const credits = map.querySelector('.leaflet-control-attribution')!;
  expect(credits.textContent).to.contain('Leaflet');
  expect(credits.textContent).to.contain('GeoNames');
  expect(credits.textContent).to.contain('Local test tiles');
  expect(credits.querySelector('a[href="https://www.geonames.org/"]')).to.not.equal(null);
  expect(map.querySelector('.clinic-map-back svg')).to.not.equal(null);
  await waitUntil(() => map.querySelector('img.leaflet-tile-loaded'), 'no tile loaded', {
    timeout: 10_000,
  });
}

/** Lets late errors, rejections and violation reports arrive. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

function expectClean(win: HookWindow): void {
  expect(win.__violations, 'Trusted Types violations').to.deep.equal([]);
  expect(win.__clinicErrors, 'clinic-error events').to.deep.equal([]);
  expect(win.__rejections, 'unhandled rejections').to.deep.equal([]);
  expect(win.__errors, 'uncaught errors').to.deep.equal([]);
}

describe('dist/clinic-locator.js under Trusted Types', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('lists and maps results with the widget’s policy names allowed (tt-require.html)', async () => {
    const { win, doc } = await openPage<HookWindow>('/test/e2e/pages/tt-require.html');
    // The header really is there: a string into an HTML sink is refused.
    expect(() => {
      doc.createElement('div').innerHTML = '<b>probe</b>';
    }).to.throw(/TrustedHTML/);
    await waitUntil(() => win.__violations.length === 1, 'the probe was not reported');
    win.__violations.length = 0;

    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await search(root, '49503');
    expect(root.querySelectorAll('[part~="result"]').length).to.equal(10);
    await expectWorkingMap(root);
    await settle();
    expectClean(win);
  });

  it('works beside the page’s own lit-html policy (tt-host-lit.html)', async () => {
    const { win, doc } = await openPage<HookWindow>('/test/e2e/pages/tt-host-lit.html');
    expect(win.__hostPolicy?.name).to.equal('lit-html');
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await search(root, '49503');
    await expectWorkingMap(root);
    await settle();
    expectClean(win);
  });

  it('works without policies where names are restricted but not required (tt-names-only.html)', async () => {
    const { win, doc } = await openPage<HookWindow>('/test/e2e/pages/tt-names-only.html');
    // The header really is there: the widget's names are refused.
    expect(() => win.trustedTypes.createPolicy('clinic-locator-lit', {})).to.throw(/disallowed/);
    win.__violations.length = 0;
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await search(root, '49503');
    expect(root.querySelectorAll('[part~="result"]').length).to.equal(10);
    await expectWorkingMap(root);
    await settle();
    // Refusing the map's policy name is reported by the browser (once); nothing else.
    expect(win.__violations.every((v) => v.startsWith('trusted-types'))).to.equal(true);
    win.__violations.length = 0;
    expectClean(win);
  });

  it('says so in plain text and fires clinic-error when every policy is refused (tt-none.html)', async () => {
    const frame = document.createElement('iframe');
    frame.style.width = '1100px';
    frame.style.height = '900px';
    const loaded = new Promise((resolve) =>
      frame.addEventListener('load', resolve, { once: true }),
    );
    frame.src = '/test/e2e/pages/tt-none.html';
    document.body.append(frame);
    await loaded;
    const win = frame.contentWindow as HookWindow;
    const host = frame.contentDocument!.querySelector('clinic-locator')!;
    await waitUntil(() => win.__clinicErrors.length > 0, 'no clinic-error', { timeout: 10_000 });
    const notice = host.shadowRoot!.querySelector<HTMLElement>('[role="status"]')!;
    expect(notice.textContent).to.match(/cannot be shown/);
    expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
    expect(host.shadowRoot!.querySelector('form')).to.equal(null);
    await settle();
    expect(win.__clinicErrors).to.have.length(1);
    expect(win.__clinicErrors[0]!.source).to.equal('script');
    expect(String(win.__clinicErrors[0]!.message)).to.match(/could not load/);
  });

  it('lists results, reports the map once and shows a notice when only the map’s policy is refused (tt-map-refused.html)', async () => {
    const { win, doc } = await openPage<HookWindow>('/test/e2e/pages/tt-map-refused.html');
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    for (const zip of ['49503', '49504', '49505', '49506', '49507', '49508']) {
      await search(root, zip);
    }
    const map = root.querySelector<HTMLElement>('[part~="map"]')!;
    await waitUntil(() => win.__clinicErrors.length > 0, 'no clinic-error', { timeout: 10_000 });
    await settle();
    expect(win.__clinicErrors).to.have.length(1);
    expect(win.__clinicErrors[0]!.source).to.equal('map');
    expect(win.__rejections, 'unhandled rejections').to.deep.equal([]);
    expect(win.__errors, 'uncaught errors').to.deep.equal([]);
    const notice = map.querySelector<HTMLElement>('.map-unavailable')!;
    expect(notice.getAttribute('role')).to.equal('status');
    expect(notice.textContent).to.match(/map cannot be shown/);
    expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
    // Nothing half-built is left in the container.
    expect(map.classList.contains('leaflet-container')).to.equal(false);
    expect(map.querySelector('.leaflet-pane, .leaflet-control-container')).to.equal(null);
    expect(root.querySelectorAll('[part~="result"]').length).to.be.greaterThan(0);
  });
  it('writes the structured-data script through the widget’s policy (tt-structured-data-allowed.html)', async () => {
    const { win, doc } = await openPage<HookWindow>(
      '/test/e2e/pages/tt-structured-data-allowed.html',
    );
    const selector = 'script[type="application/ld+json"][data-clinic-locator]';
    await waitUntil(() => doc.querySelector(selector), 'no structured-data script', {
      timeout: 10_000,
    });
    const script = doc.querySelector(selector)!;
    const data = JSON.parse(script.textContent!) as { '@graph'?: unknown[] };
    expect(JSON.stringify(data)).to.contain('Lakeshore Physical Therapy');
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await search(root, '49503');
    await settle();
    expectClean(win);
  });

  it('leaves the structured data out, reports it once and keeps working when its policy is refused (tt-structured-data-refused.html)', async () => {
    const { win, doc } = await openPage<HookWindow>(
      '/test/e2e/pages/tt-structured-data-refused.html',
    );
    await waitUntil(() => win.__clinicErrors.length > 0, 'no clinic-error', { timeout: 10_000 });
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await search(root, '49503');
    await search(root, '49504');
    await settle();
    expect(win.__clinicErrors.map((e) => e.source)).to.deep.equal(['structured-data']);
    expect(doc.querySelector('script[type="application/ld+json"]')).to.equal(null);
    expect(win.__rejections, 'unhandled rejections').to.deep.equal([]);
    expect(win.__errors, 'uncaught errors').to.deep.equal([]);
  });
  it('npm package: lists results, and reports the map once with its notice (tt-package.html)', async () => {
    const { win, doc } = await openPage<HookWindow>('/test/e2e/pages/tt-package.html');
    await waitUntil(() => doc.querySelector('clinic-locator')?.shadowRoot, 'no widget', {
      timeout: 10_000,
    });
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await search(root, '49503');
    await waitUntil(() => win.__clinicErrors.length > 0, 'no clinic-error', { timeout: 10_000 });
    await search(root, '49504');
    await settle();
    // Leaflet's own feature test, as the README says: the package cannot rewrite the page's copy.
    expect(win.__violations.join()).to.contain('leaflet');
    expect(win.__clinicErrors.map((e) => e.source)).to.deep.equal(['map']);
    expect(root.querySelector('.map-unavailable')!.textContent).to.match(/map cannot be shown/);
    expect(root.querySelectorAll('[part~="result"]').length).to.equal(10);
    expect(win.__rejections, 'unhandled rejections').to.deep.equal([]);
    expect(win.__errors, 'uncaught errors').to.deep.equal([]);
  });
});
