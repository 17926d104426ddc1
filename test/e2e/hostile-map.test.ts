// End to end on host pages that break the map or the cards' text (issue 14, items 5 and 6): the
// built dist/clinic-locator.js, one script tag, in real Chromium, compared with the plain page
// (test/e2e/pages/plain.html). Tiles come from the test server.
import { expect, waitUntil } from '@open-wc/testing';
import { openPage } from './frame.js';

type HookWindow = Window &
  typeof globalThis & {
    __clinicErrors: { source: unknown; message: unknown }[];
    __errors: string[];
    __rejections: string[];
  };

async function search(root: ShadowRoot, zip: string): Promise<void> {
  const searched = new Promise((resolve) =>
    root.host.addEventListener('clinic-search', resolve, { once: true }),
  );
  root.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = zip;
  root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
  await searched;
  await waitUntil(() => root.querySelectorAll('[part~="result"]').length > 0, 'no results', {
    timeout: 10_000,
  });
}

async function openAndSearch(path: string): Promise<{ win: HookWindow; root: ShadowRoot }> {
  const { win, doc } = await openPage<HookWindow>(path);
  const root = doc.querySelector('clinic-locator')!.shadowRoot!;
  await search(root, '49503');
  return { win, root };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

describe('dist/clinic-locator.js on pages hostile to the map and the cards', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

  describe('"* { line-height: 1 !important }" and "html { font-size: 62.5% }" (css-line-height.html)', () => {
    it('draws the cards as on the plain page', async () => {
      const plain = await openAndSearch('/test/e2e/pages/plain.html');
      const plainCards = [...plain.root.querySelectorAll('[part~="result"]')];
      const plainHeights = plainCards.map((card) => card.getBoundingClientRect().height);
      const plainLines = [
        '[part~="result-name"]',
        '[part~="result-address"]',
        '[part~="status"]',
      ].map((selector) => getComputedStyle(plain.root.querySelector(selector)!).lineHeight);

      const { root } = await openAndSearch('/test/e2e/pages/css-line-height.html');
      // The page's rule does reach the host.
      expect(getComputedStyle(root.host).lineHeight).to.equal(getComputedStyle(root.host).fontSize);
      const cards = [...root.querySelectorAll('[part~="result"]')];
      expect(cards.length).to.equal(plainCards.length);
      for (const [i, card] of cards.entries()) {
        expect(card.getBoundingClientRect().height, `card ${i + 1}`).to.be.closeTo(
          plainHeights[i]!,
          1,
        );
      }
      const lines = ['[part~="result-name"]', '[part~="result-address"]', '[part~="status"]'].map(
        (selector) => getComputedStyle(root.querySelector(selector)!).lineHeight,
      );
      expect(lines).to.deep.equal(plainLines);
    });

    it('keeps the map’s attribution and controls readable', async () => {
      const { root } = await openAndSearch('/test/e2e/pages/css-line-height.html');
      const map = root.querySelector('[part~="map"]')!;
      await waitUntil(() => map.querySelector('.leaflet-control-attribution a'), 'no credits', {
        timeout: 10_000,
      });
      const credits = map.querySelector('.leaflet-control-attribution')!;
      expect(parseFloat(getComputedStyle(credits).fontSize)).to.be.at.least(11);
      expect(parseFloat(getComputedStyle(credits.querySelector('a')!).fontSize)).to.be.at.least(11);
      const zoomIn = map.querySelector('.leaflet-control-zoom-in')!;
      expect(parseFloat(getComputedStyle(zoomIn).fontSize)).to.be.at.least(16);
    });
  });

  describe('enumerable properties on Object.prototype (proto-extend.html)', () => {
    it('maps six searches with no error, no unhandled rejection and no clinic-error', async () => {
      const { win, doc } = await openPage<HookWindow>('/test/e2e/pages/proto-extend.html');
      // The page's additions really are there and enumerable.
      const keys: string[] = [];
      for (const key in {}) keys.push(key);
      expect(keys).to.deep.equal([]);
      const pageKeys: string[] = [];
      for (const key in new win.Object()) pageKeys.push(key);
      expect(pageKeys).to.deep.equal(['extend', 'each']);

      const root = doc.querySelector('clinic-locator')!.shadowRoot!;
      const mapOf = () => root.querySelector<HTMLElement>('[part~="map"]')!;
      for (const zip of ['49503', '49504', '49505', '49506', '49507', '49508']) {
        await search(root, zip);
        await waitUntil(
          () => mapOf().querySelectorAll('.leaflet-marker-icon').length > 1,
          `no markers after ${zip}`,
          { timeout: 10_000 },
        );
      }
      const map = mapOf();
      expect(map.querySelector('.leaflet-control-zoom-in')).to.not.equal(null);
      expect(map.querySelector('.leaflet-control-attribution')!.textContent).to.contain('GeoNames');
      await waitUntil(() => map.querySelector('img.leaflet-tile-loaded'), 'no tile loaded', {
        timeout: 10_000,
      });
      await settle();
      expect(win.__rejections, 'unhandled rejections').to.deep.equal([]);
      expect(win.__clinicErrors, 'clinic-error events').to.deep.equal([]);
      expect(win.__errors, 'uncaught errors').to.deep.equal([]);
    });

    // Were Leaflet to fail anyway (another library, another loop): the failure path, on the same
    // page, with a map factory that throws as `L.map()` did there before the fix.
    it('reports a map that cannot be created once, shows a notice and does not retry on every search', async () => {
      const { win, doc } = await openPage<HookWindow>('/test/e2e/pages/proto-extend.html');
      const host = doc.querySelector('clinic-locator')! as HTMLElement & {
        mapViewFactory?: unknown;
        tileUrl: string;
      };
      const root = host.shadowRoot!;
      let attempts = 0;
      host.mapViewFactory = () => {
        attempts++;
        throw new TypeError("Cannot read properties of undefined (reading 'call')");
      };
      for (const zip of ['49503', '49504', '49505', '49506', '49507', '49508']) {
        await search(root, zip);
      }
      await settle();
      expect(attempts, 'map creations').to.equal(1);
      expect(win.__clinicErrors.map((e) => e.source)).to.deep.equal(['map']);
      expect(win.__rejections, 'unhandled rejections').to.deep.equal([]);
      expect(win.__errors, 'uncaught errors').to.deep.equal([]);
      const map = root.querySelector<HTMLElement>('[part~="map"]')!;
      const notice = map.querySelector<HTMLElement>('.map-unavailable')!;
      expect(notice.textContent).to.match(/map cannot be shown/);
      expect(notice.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(root.querySelectorAll('[part~="result"]').length).to.equal(10);

      // An explicit change (other tiles) tries once more, with a working map this time.
      host.mapViewFactory = undefined;
      host.tileUrl = '/tiles/{z}/{x}/{y}.png?again';
      await waitUntil(
        () => map.querySelectorAll('.leaflet-marker-icon').length === 11,
        'no markers after the retry',
        { timeout: 10_000 },
      );
      expect(map.querySelector('.map-unavailable')).to.equal(null);
      await settle();
      expect(win.__clinicErrors).to.have.length(1);
      expect(win.__rejections).to.deep.equal([]);
    });
  });
});
