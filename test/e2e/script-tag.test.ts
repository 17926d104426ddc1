// End to end: the built dist/clinic-locator.js on plain HTML pages with one script tag, in real
// Chromium, with map tiles from the test server on 127.0.0.1.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage as openFrame } from './frame.js';

type TestWindow = Window &
  typeof globalThis & { L?: unknown; __globalsBefore?: string[]; __errors?: string[] };

const openPage = (path: string) => openFrame<TestWindow>(path);

async function searchZip(root: ShadowRoot, zip: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('[part~="search-input"]')!;
  input.value = zip;
  root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
  await waitUntil(() => root.querySelectorAll('[part~="result"]').length > 0, 'no results', {
    timeout: 10_000,
  });
}

describe('dist/clinic-locator.js on a plain page', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('searches a ZIP: 10 clinics nearest first, 11 markers, tiles from the local server', async () => {
    const { win, doc } = await openPage('/test/e2e/pages/plain.html');
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await searchZip(root, '49503');
    const results = [...root.querySelectorAll<HTMLElement>('[part~="result"]')];
    expect(results).to.have.length(10);
    const distances = [...root.querySelectorAll('[part~="result-distance"]')].map((d) =>
      parseFloat(d.textContent!),
    );
    expect(distances).to.deep.equal([...distances].sort((a, b) => a - b));
    expect(
      distances.every((d) => d < 20),
      String(distances),
    ).to.equal(true);
    expect(root.querySelector('[part~="status"]')!.textContent!.trim()).to.match(
      /^\d+ clinics within 25 miles of 49503 Grand Rapids, MI; nearest \d+\.\d miles$/,
    );
    await waitUntil(() => root.querySelectorAll('.leaflet-marker-icon').length === 11, 'markers', {
      timeout: 10_000,
    });
    await waitUntil(() => root.querySelector('img.leaflet-tile-loaded'), 'no tile loaded', {
      timeout: 10_000,
    });
    const tile = root.querySelector<HTMLImageElement>('img.leaflet-tile-loaded')!;
    expect(new URL(tile.src).hostname).to.equal('127.0.0.1');
    expect(root.querySelector('.leaflet-control-attribution')!.textContent).to.contain('GeoNames');

    // Nothing global besides the element: the host page's L is untouched, and the only other
    // names are Lit's own shared registries (version lists and decorator metadata), which every
    // Lit element on any page adds.
    expect(win.L).to.equal('the host page’s L');
    const added = Object.getOwnPropertyNames(win).filter(
      (n) => !win.__globalsBefore!.includes(n) && n !== '__globalsBefore',
    );
    expect(added.sort()).to.deep.equal([
      'litElementVersions',
      'litHtmlVersions',
      'litPropertyMetadata',
      'reactiveElementVersions',
    ]);
  });

  it('selects from the list and from a marker', async () => {
    const { doc } = await openPage('/test/e2e/pages/plain.html');
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await searchZip(root, '49503');
    await waitUntil(() => root.querySelectorAll('.leaflet-marker-icon').length === 11);
    root.querySelectorAll<HTMLButtonElement>('[part~="result-button"]')[1]!.click();
    await waitUntil(() => root.querySelector('[part~="result"][aria-current="true"]'));
    expect(root.querySelectorAll('[part~="result"]')[1]!.getAttribute('aria-current')).to.equal(
      'true',
    );
    const markers = [...root.querySelectorAll<HTMLElement>('.leaflet-marker-icon')];
    const second = markers.find((m) => m.getAttribute('aria-label')?.startsWith('2:'))!;
    expect(second.className).to.contain('selected');
    const fifth = markers.find((m) => m.getAttribute('aria-label')?.startsWith('5:'))!;
    fifth.click();
    await waitUntil(
      () => root.querySelectorAll('[part~="result"]')[4]!.getAttribute('aria-current') === 'true',
    );
  });

  it('is harmless when the script is included twice', async () => {
    const { win, doc } = await openPage('/test/e2e/pages/twice.html');
    await searchZip(doc.querySelector('clinic-locator')!.shadowRoot!, '30301');
    expect(win.__errors).to.deep.equal([]);
  });

  it('finds its files from base-url when document.currentScript is unavailable', async () => {
    const { doc } = await openPage('/test/e2e/pages/base-url.html');
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    await searchZip(root, '95112');
    expect(root.querySelector('[part~="status"]')!.textContent).to.contain('95112 San Jose, CA');
  });
});

describe('dist/clinic-locator.js on a plain page, at a phone width (390 px)', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('lists first, then shows the map with the chosen clinic under it', async () => {
    const { doc } = await openFrame<TestWindow>('/test/e2e/pages/plain.html', {
      width: 390,
      height: 844,
    });
    const root = doc.querySelector('clinic-locator')!.shadowRoot!;
    const mapButton = () => root.querySelector<HTMLButtonElement>('[part~="view-map"]');
    await waitUntil(() => mapButton()?.offsetParent, 'no List | Map switch');
    await searchZip(root, '49503');
    // A phone lists first and downloads no map until asked.
    expect(root.querySelector('.leaflet-container')).to.equal(null);
    mapButton()!.click();
    await waitUntil(() => root.querySelectorAll('.leaflet-marker-icon').length === 11, 'pins', {
      timeout: 10_000,
    });
    const pin = [...root.querySelectorAll<HTMLElement>('.leaflet-marker-icon')].find(
      (m) => m.textContent!.trim() === '2',
    )!;
    pin.click();
    await waitUntil(() => root.querySelector('[part~="map-card"] [part~="result"]'), 'no card');
    const card = root.querySelector('[part~="map-card"] [part~="result-name"]')!;
    const second = root.querySelectorAll('.list [part~="result-name"]')[1]!;
    expect(card.textContent).to.equal(second.textContent);
    const mapBottom = root.querySelector('[part~="map"]')!.getBoundingClientRect().bottom;
    expect(card.getBoundingClientRect().top).to.be.at.least(mapBottom - 1);
  });
});

describe('dist/clinic-locator.js: what a patient gets from one script tag', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  it('writes a member site’s clinics as schema.org JSON-LD into the page', async () => {
    const { doc } = await openFrame<TestWindow>('/test/e2e/pages/member-site.html');
    const host = doc.querySelector('clinic-locator')!;
    await waitUntil(
      () => host.nextElementSibling?.matches('script[type="application/ld+json"]'),
      'no JSON-LD',
      { timeout: 10_000 },
    );
    const data = JSON.parse(host.nextElementSibling!.textContent!) as {
      '@graph': { '@type': string[]; parentOrganization: { name: string } }[];
    };
    expect(data['@graph'].length).to.be.above(10);
    expect(
      data['@graph'].every((c) => c.parentOrganization.name === 'Lakeshore Physical Therapy'),
    ).to.equal(true);
    expect(data['@graph'][0]!['@type']).to.deep.equal(['MedicalClinic', 'Physiotherapy']);
  });

  it('opens a shared link with that clinic selected', async () => {
    const first = await openFrame<TestWindow>('/test/e2e/pages/plain.html');
    const root = first.doc.querySelector('clinic-locator')!.shadowRoot!;
    await searchZip(root, '49503');
    const third = root.querySelectorAll<HTMLElement>('.list [part~="result"]')[2]!;
    const id = third.dataset.id!;
    document.querySelectorAll('iframe').forEach((f) => f.remove());
    const { doc } = await openFrame<TestWindow>(
      `/test/e2e/pages/plain.html?clinic=${encodeURIComponent(id)}`,
    );
    const linked = doc.querySelector('clinic-locator')!.shadowRoot!;
    await waitUntil(() => linked.querySelector('.list [aria-current="true"]'), 'none selected', {
      timeout: 10_000,
    });
    expect(linked.querySelector<HTMLElement>('.list [aria-current="true"]')!.dataset.id).to.equal(
      id,
    );
  });
});
