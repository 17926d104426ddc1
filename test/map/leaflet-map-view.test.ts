// The Leaflet adapter in real headless Chromium: real Leaflet, a real shadow root, real pointer
// and keyboard input, tiles from the test server on 127.0.0.1.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CreateMapView, MapMarker, MapOrigin } from '../../src/map/map-view.js';
import { cleanUpAfterEach, mountMap, type Mounted } from './host.js';

type WithL = { L?: unknown };
const PAGE_L = { owner: 'the host page' };

// Imported after the host page's own `L` is in place, to see that the adapter leaves it alone.
let createMapView: CreateMapView;
before(async () => {
  (window as WithL).L = PAGE_L;
  ({ createMapView } = await import('../../src/map/leaflet-map-view.js'));
});
after(() => {
  delete (window as WithL).L;
});

const ORIGIN: MapOrigin = { lat: 42.9634, lon: -85.6681, label: '49503 Grand Rapids, MI' };
const CLINICS: MapMarker[] = [
  { id: 'id-1', rank: 1, lat: 42.955, lon: -85.64, name: 'Heritage Hill Physical Therapy' },
  { id: 'id-2', rank: 2, lat: 42.97, lon: -85.59, name: 'Eastown Rehab' },
  { id: 'id-3', rank: 3, lat: 43.01, lon: -85.72, name: 'Lakeshore PT – Grand Rapids' },
  { id: 'id-4', rank: 4, lat: 42.9, lon: -85.58, name: 'Kentwood Motion Clinic' },
  { id: 'id-5', rank: 5, lat: 43.04, lon: -85.78, name: 'Walker <img src=x> & "Sports" PT' },
];

cleanUpAfterEach();

const mount = (options: { hidden?: boolean } = {}): Mounted => mountMap(createMapView, options);

function clinicMarkers(container: HTMLElement): HTMLElement[] {
  return [
    ...container.querySelectorAll<HTMLElement>(
      '.leaflet-marker-pane .clinic-locator-marker:not(.clinic-locator-marker--origin)',
    ),
  ];
}

function markerFor(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-clinic-id="${id}"]`);
  if (!el) throw new Error(`no marker for ${id}`);
  return el;
}

function selectedIds(container: HTMLElement): string[] {
  return clinicMarkers(container)
    .filter((el) => el.classList.contains('clinic-locator-marker--selected'))
    .map((el) => el.dataset['clinicId']!);
}

function inside(el: Element, container: Element): boolean {
  const r = el.getBoundingClientRect();
  const c = container.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.bottom; // the pin's tip is the point
  return x >= c.left && x <= c.right && y >= c.top && y <= c.bottom;
}

function loadedTileZooms(container: HTMLElement): number[] {
  return [...container.querySelectorAll<HTMLImageElement>('img.leaflet-tile-loaded')].map((img) =>
    Number(/\/tiles\/(\d+)\//.exec(img.src)?.[1]),
  );
}

async function tilesLoaded(container: HTMLElement): Promise<void> {
  await waitUntil(
    () => container.querySelector('img.leaflet-tile-loaded'),
    'no tile loaded from the test server',
  );
}

async function clickCentre(el: Element): Promise<void> {
  const r = el.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 3)],
  });
}

describe('createMapView() (Leaflet)', () => {
  it('leaves the host page’s window.L alone', () => {
    const { view } = mount();
    view.showResults(ORIGIN, CLINICS);
    expect((window as WithL).L).to.equal(PAGE_L);
  });

  it('adopts Leaflet’s stylesheet in the shadow root, once, and not in the document', async () => {
    const { root, container, view } = mount();
    view.showResults(ORIGIN, CLINICS);
    await tilesLoaded(container);
    expect(getComputedStyle(container).overflow).to.equal('hidden');
    const tile = container.querySelector('img.leaflet-tile')!;
    expect(getComputedStyle(tile).position).to.equal('absolute');
    expect(root.adoptedStyleSheets).to.have.length(1);
    expect(document.adoptedStyleSheets).to.have.length(0);

    // A second map in the same shadow root reuses the sheet.
    const second = document.createElement('div');
    root.append(second);
    const again = createMapView({
      container: second,
      tileUrl: '/tiles/{z}/{x}/{y}.png',
      tileAttribution: '',
      onSelect: () => {},
    });
    again.destroy();
    expect(root.adoptedStyleSheets).to.have.length(1);
  });

  it('shows the origin and one numbered, labelled pin per clinic, in rank order', () => {
    const { container, view } = mount();
    view.showResults(ORIGIN, CLINICS);

    const all = container.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon');
    expect(all).to.have.length(CLINICS.length + 1);
    const pins = clinicMarkers(container);
    expect(pins.map((el) => el.textContent)).to.deep.equal(['1', '2', '3', '4', '5']);
    expect(pins.map((el) => el.getAttribute('aria-label'))).to.deep.equal([
      '1: Heritage Hill Physical Therapy',
      '2: Eastown Rehab',
      '3: Lakeshore PT – Grand Rapids',
      '4: Kentwood Motion Clinic',
      '5: Walker <img src=x> & "Sports" PT',
    ]);
    for (const pin of pins) {
      expect(pin.getAttribute('role')).to.equal('button');
      expect(pin.tabIndex).to.equal(0);
      expect(pin.title).to.equal(pin.getAttribute('aria-label'));
      // No inline style attributes inside the marker HTML (strict CSP), no injected markup.
      expect(pin.querySelectorAll('[style], img')).to.have.length(0);
    }

    const origin = container.querySelector<HTMLElement>('.clinic-locator-marker--origin')!;
    expect(origin.getAttribute('aria-label')).to.equal('Search point: 49503 Grand Rapids, MI');
    expect(origin.getAttribute('role')).to.equal('img');
    expect(origin.hasAttribute('tabindex')).to.be.false;
    expect(origin.classList.contains('leaflet-interactive')).to.be.false;
  });

  it('fits the view to the origin and every clinic', () => {
    const { container, view } = mount();
    view.showResults(ORIGIN, CLINICS);
    const markers = container.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon');
    for (const el of markers) expect(inside(el, container), el.ariaLabel ?? '').to.be.true;
    // Fitted, not merely centred: the outermost pins are apart by a good part of the map.
    const xs = [...markers].map((el) => el.getBoundingClientRect().left);
    expect(Math.max(...xs) - Math.min(...xs)).to.be.greaterThan(150);
  });

  it('loads tiles from the tile URL, at a street zoom for one point and a US zoom for none', async () => {
    const { container, view } = mount();
    view.showResults(undefined, [CLINICS[0]!]);
    await waitUntil(() => loadedTileZooms(container).includes(12), 'no zoom-12 tile');
    const tile = container.querySelector<HTMLImageElement>('img.leaflet-tile-loaded')!;
    expect(new URL(tile.src).origin).to.equal(location.origin);
    expect(tile.referrerPolicy).to.equal('strict-origin-when-cross-origin');

    view.showResults(undefined, []);
    expect(clinicMarkers(container)).to.have.length(0);
    await waitUntil(
      () => loadedTileZooms(container).some((z) => z >= 3 && z <= 4),
      'no continental-zoom tile',
    );
  });

  it('credits the tile provider and GeoNames', async () => {
    const { container } = mount();
    await tilesLoaded(container);
    const attribution = container.querySelector('.leaflet-control-attribution')!;
    expect(attribution.textContent).to.contain('© test tiles');
    expect(attribution.textContent).to.contain('ZIP data © GeoNames (CC BY 4.0)');
    const link = attribution.querySelector<HTMLAnchorElement>(
      'a[href="https://www.geonames.org/"]',
    );
    expect(link).to.exist;
  });

  it('selects a clinic when its pin is clicked', async () => {
    const { container, view, selected } = mount();
    view.showResults(ORIGIN, CLINICS);
    await clickCentre(markerFor(container, 'id-3'));
    expect(selected).to.deep.equal(['id-3']);
    expect(selectedIds(container)).to.deep.equal(['id-3']);
    expect(markerFor(container, 'id-3').getAttribute('aria-current')).to.equal('true');
    // The element answers with highlight(); that changes nothing and reports nothing.
    view.highlight('id-3');
    expect(selectedIds(container)).to.deep.equal(['id-3']);
    expect(selected).to.deep.equal(['id-3']);
  });

  it('selects a focused clinic pin with Enter and with Space', async () => {
    const { root, container, view, selected } = mount();
    view.showResults(ORIGIN, CLINICS);
    const two = markerFor(container, 'id-2');
    two.focus();
    await sendKeys({ press: 'Enter' });
    expect(selected).to.deep.equal(['id-2']);
    expect(selectedIds(container)).to.deep.equal(['id-2']);
    // Selecting redraws the pin in place: focus stays on it.
    expect(root.activeElement).to.equal(two);

    markerFor(container, 'id-4').focus();
    await sendKeys({ press: 'Space' });
    expect(selected).to.deep.equal(['id-2', 'id-4']);
    expect(selectedIds(container)).to.deep.equal(['id-4']);
  });

  it('moves and clears the highlight on request, without reporting a selection', () => {
    const { container, view, selected } = mount();
    view.showResults(ORIGIN, CLINICS);
    view.highlight('id-1');
    expect(selectedIds(container)).to.deep.equal(['id-1']);
    view.highlight('id-5');
    expect(selectedIds(container)).to.deep.equal(['id-5']);
    expect(markerFor(container, 'id-1').hasAttribute('aria-current')).to.be.false;
    // Brought to the front.
    const z = (id: string) => Number(markerFor(container, id).style.zIndex);
    expect(z('id-5')).to.be.greaterThan(Math.max(z('id-1'), z('id-2'), z('id-3'), z('id-4')));
    view.highlight('no-such-id');
    expect(selectedIds(container)).to.deep.equal([]);
    view.highlight('id-2');
    view.highlight(undefined);
    expect(selectedIds(container)).to.deep.equal([]);
    expect(selected).to.deep.equal([]);
  });

  it('pans to a highlighted clinic only when asked', async () => {
    // Reduced motion: no animations, so zooming and panning happen synchronously.
    await emulateMedia({ reducedMotion: 'reduce' });
    const { container, view } = mount();
    expect(container.classList.contains('leaflet-fade-anim')).to.be.false;
    const chicago: MapMarker = { id: 'far', rank: 2, lat: 41.88, lon: -87.63, name: 'Loop PT' };
    view.showResults(undefined, [CLINICS[0]!, chicago]);
    const zoomIn = container.querySelector<HTMLElement>('.leaflet-control-zoom-in')!;
    for (let i = 0; i < 3; i++) zoomIn.click();
    expect(inside(markerFor(container, 'far'), container)).to.be.false;
    expect(inside(markerFor(container, 'id-1'), container)).to.be.false;

    view.highlight('id-1');
    expect(inside(markerFor(container, 'id-1'), container)).to.be.false;
    view.highlight('far', { pan: true });
    expect(inside(markerFor(container, 'far'), container)).to.be.true;
    expect(selectedIds(container)).to.deep.equal(['far']);
  });

  it('replaces the markers on each showResults', () => {
    const { container, view } = mount();
    view.showResults(ORIGIN, CLINICS);
    view.highlight('id-3');
    const next: MapMarker[] = [
      { id: 'id-9', rank: 1, lat: 42.3, lon: -83.05, name: 'Corktown PT' },
      { id: 'id-3', rank: 2, lat: 43.01, lon: -85.72, name: 'Lakeshore PT – Grand Rapids' },
    ];
    view.showResults(undefined, next);
    expect(container.querySelectorAll('.leaflet-marker-icon')).to.have.length(2);
    expect(clinicMarkers(container).map((el) => el.ariaLabel)).to.deep.equal([
      '1: Corktown PT',
      '2: Lakeshore PT – Grand Rapids',
    ]);
    // Still on the map, so still selected.
    expect(selectedIds(container)).to.deep.equal(['id-3']);
    view.showResults(undefined, [next[0]!]);
    expect(selectedIds(container)).to.deep.equal([]);
  });

  it('draws correctly once a map created while hidden is revealed', async () => {
    const { container, view } = mount({ hidden: true });
    view.showResults(ORIGIN, CLINICS);
    container.style.display = '';
    // Tiles load where the visitor looks, not in a 0×0 corner.
    const c = container.getBoundingClientRect();
    await waitUntil(
      () =>
        [...container.querySelectorAll('img.leaflet-tile-loaded')].some((img) => {
          const r = img.getBoundingClientRect();
          return r.right > c.left + c.width / 2 && r.bottom > c.top + c.height / 2;
        }),
      'no tile loaded over the revealed map',
    );
    await waitUntil(
      () =>
        [...container.querySelectorAll('.leaflet-marker-icon')].every((el) =>
          inside(el, container),
        ),
      'markers not fitted into the revealed map',
    );
    const xs = clinicMarkers(container).map((el) => el.getBoundingClientRect().left);
    expect(Math.max(...xs) - Math.min(...xs)).to.be.greaterThan(150);
  });

  it('has no accessibility violations with results and a selection', async () => {
    const { host, container, view } = mount();
    view.showResults(ORIGIN, CLINICS);
    view.highlight('id-3');
    await tilesLoaded(container);
    await expect(host).to.be.accessible();
  });

  it('removes everything on destroy, and is inert afterwards', () => {
    const { container, view, selected } = mount();
    view.showResults(ORIGIN, CLINICS);
    const pin = markerFor(container, 'id-1');
    view.destroy();
    expect(container.children).to.have.length(0);
    expect(container.className).to.equal('');
    expect(container.hasAttribute('tabindex')).to.be.false;
    expect(container.style.position).to.equal('');
    expect(() => view.destroy()).not.to.throw();
    expect(() => {
      view.showResults(ORIGIN, CLINICS);
      view.highlight('id-1', { pan: true });
      view.resize();
    }).not.to.throw();
    expect(container.children).to.have.length(0);
    pin.click();
    expect(selected).to.deep.equal([]);
  });
});

describe('createMapView() when tiles fail', () => {
  it('says the map background is unavailable, and hides the notice once tiles load', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const container = document.createElement('div');
    container.style.width = '400px';
    container.style.height = '300px';
    root.append(container);
    const view = createMapView({
      container,
      tileUrl: '/no-tiles-here/{z}/{x}/{y}.png',
      tileAttribution: 'offline',
      onSelect: () => undefined,
      labels: {
        searchPoint: (label) => `Punto: ${label}`,
        cluster: (count) => `Grupo de ${count}`,
        tilesUnavailable: 'Sin fondo de mapa',
      },
    });
    view.showResults({ lat: 42.97, lon: -85.65, label: '49503' }, [
      { id: 'a', lat: 42.98, lon: -85.66, rank: 1, name: 'A' },
    ]);
    const notice = () => container.querySelector<HTMLElement>('.clinic-map-notice')!;
    await waitUntil(() => !notice().hidden, 'notice never shown', { timeout: 5000 });
    expect(notice().textContent).to.equal('Sin fondo de mapa');
    expect(notice().getAttribute('role')).to.equal('status');
    // Markers still work, with the labels given.
    expect(container.querySelector('[aria-label="Punto: 49503"]')).to.not.equal(null);
    await expect(host).to.be.accessible();
    view.destroy();
    expect(container.querySelector('.clinic-map-notice')).to.equal(null);
    host.remove();
  });
});
