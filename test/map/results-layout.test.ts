// How results are laid out on the map, in real headless Chromium at a phone's and a desktop's
// size: every number readable and clickable (hit-tested with elementFromPoint), the view fitted
// clear of the controls, the map cleared for message states, the tiles notice and the "show all
// results" control placed where they cover nothing.
import { expect, waitUntil } from '@open-wc/testing';
import {
  emulateMedia,
  executeServerCommand,
  sendKeys,
  sendMouse,
  setViewport,
} from '@web/test-runner-commands';
import type { CreateMapView, MapMarker, MapOrigin } from '../../src/map/map-view.js';
import { cleanUpAfterEach, mountMap, type Mounted, type MountOptions } from './host.js';

let createMapView: CreateMapView;
before(async () => {
  ({ createMapView } = await import('../../src/map/leaflet-map-view.js'));
  await setViewport({ width: 1100, height: 900 });
});

cleanUpAfterEach();

const PHONE: [number, number] = [358, 560];
const DESKTOP: [number, number] = [860, 600];
const SIZES = { phone: PHONE, desktop: DESKTOP };

const mount = (options: MountOptions = {}): Mounted => mountMap(createMapView, options);

const SPOT = { lat: 42.9634, lon: -85.6681 };
const ORIGIN: MapOrigin = { ...SPOT, label: '49503 Grand Rapids, MI' };

function clinic(rank: number, lat: number, lon: number): MapMarker {
  return { id: `c-${rank}`, rank, lat, lon, name: `Clinic ${rank}` };
}

/** Clinics as the list numbers them, at real positions. */
const FIXTURES: Record<string, { origin?: MapOrigin; markers: MapMarker[] }> = {
  // One building with five practices, and the search point on it.
  'five clinics and the origin at one point': {
    origin: ORIGIN,
    markers: [1, 2, 3, 4, 5].map((rank) => clinic(rank, SPOT.lat, SPOT.lon)),
  },
  // Four within about 100 m of each other, the origin among them.
  'four clinics within 100 m': {
    origin: ORIGIN,
    markers: [
      clinic(1, 42.9634, -85.6681),
      clinic(2, 42.9637, -85.669),
      clinic(3, 42.9629, -85.6674),
      clinic(4, 42.964, -85.6672),
    ],
  },
  // Like ZIP 49503: ten results across Grand Rapids, five of them downtown within a few
  // hundred metres of each other and of the ZIP's centre.
  'ten clinics in a city, five downtown': {
    origin: ORIGIN,
    markers: [
      clinic(1, 42.964, -85.67),
      clinic(2, 42.9652, -85.6695),
      clinic(3, 42.9625, -85.666),
      clinic(4, 42.955, -85.64),
      clinic(5, 42.9648, -85.6672),
      clinic(6, 42.97, -85.59),
      clinic(7, 43.01, -85.72),
      clinic(8, 42.9, -85.58),
      clinic(9, 42.9638, -85.669),
      clinic(10, 43.04, -85.78),
    ],
  },
};

/** The point `dx`, `dy` pixels east and south of `from` at `zoom`, in Web Mercator. */
function pixelsAway(
  from: { lat: number; lon: number },
  dx: number,
  dy: number,
  zoom: number,
): { lat: number; lon: number } {
  const world = 256 * 2 ** zoom;
  const phi = (from.lat * Math.PI) / 180;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * world + dy;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / world))) * 180) / Math.PI;
  return { lat, lon: from.lon + (dx / world) * 360 };
}

function pins(container: HTMLElement): HTMLElement[] {
  return [
    ...container.querySelectorAll<HTMLElement>(
      '.leaflet-marker-pane .clinic-locator-marker:not(.clinic-locator-marker--origin)',
    ),
  ];
}

function pinFor(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`[data-clinic-id="${id}"]`);
  if (!el) throw new Error(`no pin for ${id}`);
  return el;
}

/** The centre of the number drawn in a pin. */
function numberCentre(pin: HTMLElement): [number, number] {
  const text = pin.querySelector('text');
  if (!text) throw new Error('pin without a number');
  const r = text.getBoundingClientRect();
  return [r.left + r.width / 2, r.top + r.height / 2];
}

/** The marker element on top at the centre of a pin's number. */
function hitAt(root: ShadowRoot, pin: HTMLElement): Element | null {
  const [x, y] = numberCentre(pin);
  return root.elementFromPoint(x, y)?.closest('.leaflet-marker-icon') ?? null;
}

/** The pins whose number is in the map's box but covered by something else. */
function hiddenNumbers(root: ShadowRoot, container: HTMLElement): string[] {
  const map = container.getBoundingClientRect();
  return pins(container)
    .filter((pin) => {
      const [x, y] = numberCentre(pin);
      return x > map.left && x < map.right && y > map.top && y < map.bottom;
    })
    .filter((pin) => {
      const [x, y] = numberCentre(pin);
      const hit = root.elementFromPoint(x, y);
      // The controls sit above the map: a pin the visitor moved under one is not hidden by pins.
      if (hit?.closest('.leaflet-control')) return false;
      return hitAt(root, pin) !== pin;
    })
    .map((pin) => pin.textContent ?? '?');
}

function intersects(a: DOMRect, b: DOMRect): boolean {
  return a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

function within(a: DOMRect, b: DOMRect): boolean {
  return a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
}

function controlBoxes(container: HTMLElement): { zoom: DOMRect; attribution: DOMRect } {
  const zoom = container.querySelector('.leaflet-control-zoom')!.getBoundingClientRect();
  const attribution = container
    .querySelector('.leaflet-control-attribution')!
    .getBoundingClientRect();
  return { zoom, attribution };
}

function zoomIn(container: HTMLElement): void {
  container.querySelector<HTMLElement>('.leaflet-control-zoom-in')!.click();
}

function zoomOut(container: HTMLElement): void {
  container.querySelector<HTMLElement>('.leaflet-control-zoom-out')!.click();
}

const backControl = (container: HTMLElement): HTMLElement =>
  container.querySelector<HTMLElement>('.clinic-map-back')!;
const backButton = (container: HTMLElement): HTMLButtonElement =>
  container.querySelector<HTMLButtonElement>('.clinic-map-back button')!;

describe('createMapView() results layout', () => {
  // No animations: zooms happen synchronously, so pins are where they end up.
  beforeEach(() => emulateMedia({ reducedMotion: 'reduce' }));

  for (const [sizeName, size] of Object.entries(SIZES)) {
    for (const [name, { origin, markers }] of Object.entries(FIXTURES)) {
      it(`${name} (${sizeName}): every number is visible and hits its own pin`, () => {
        const { root, container, view } = mount({ size });
        view.showResults(origin, markers);
        expect(pins(container)).to.have.length(markers.length);
        expect(hiddenNumbers(root, container)).to.deep.equal([]);
        // Fitted: every pin is in the map, so the line above checked every one.
        const map = container.getBoundingClientRect();
        for (const pin of pins(container)) {
          expect(within(pin.getBoundingClientRect(), map), pin.textContent ?? '').to.be.true;
        }

        // After zooming in and out again the pins are spread for each zoom.
        zoomIn(container);
        expect(hiddenNumbers(root, container), 'zoomed in').to.deep.equal([]);
        zoomOut(container);
        zoomOut(container);
        expect(hiddenNumbers(root, container), 'zoomed out').to.deep.equal([]);

        // With a selection: on top, and every other number still visible.
        view.showResults(origin, markers);
        view.highlight('c-2');
        expect(hiddenNumbers(root, container), 'with a selection').to.deep.equal([]);
        const two = pinFor(container, 'c-2');
        for (const pin of pins(container)) {
          if (pin !== two) expect(Number(two.style.zIndex)).to.be.above(Number(pin.style.zIndex));
        }
      });
    }
  }

  it('draws a leader line from a spread pin back to its clinic’s spot', () => {
    const { container, view } = mount({ size: PHONE });
    const { origin, markers } = FIXTURES['five clinics and the origin at one point']!;
    view.showResults(origin, markers);
    const spot = container.querySelector('.clinic-locator-marker--origin')!.getBoundingClientRect();
    const [sx, sy] = [spot.left + spot.width / 2, spot.top + spot.height / 2];
    for (const pin of pins(container)) {
      const line = pin.querySelector('line')!;
      expect(line, pin.textContent ?? '').to.exist;
      // The line's far end is the shared spot (to a pixel or so).
      const box = line.getBoundingClientRect();
      const ends = [
        [box.left, box.top],
        [box.right, box.top],
        [box.left, box.bottom],
        [box.right, box.bottom],
      ];
      expect(ends.some(([x, y]) => Math.hypot(x! - sx, y! - sy) < 2.5)).to.be.true;
      expect(getComputedStyle(line).pointerEvents).to.equal('none');
    }
    // No style attributes (strict CSP) in the spread pins either.
    expect(container.querySelectorAll('.leaflet-marker-pane [style] [style]')).to.have.length(0);
  });

  it('a click on each number selects that clinic', async () => {
    const { container, view, selected } = mount({ size: PHONE });
    const { origin, markers } = FIXTURES['ten clinics in a city, five downtown']!;
    view.showResults(origin, markers);
    for (const pin of pins(container)) {
      const [x, y] = numberCentre(pin);
      await sendMouse({ type: 'click', position: [Math.round(x), Math.round(y)] });
    }
    expect(selected).to.deep.equal(markers.map((m) => m.id));
  });

  for (const [sizeName, size] of Object.entries(SIZES)) {
    it(`fits the pins inside the map, clear of the zoom control and the attribution (${sizeName})`, () => {
      const { container, view } = mount({ size });
      // A clinic north-west of the origin by just under the map's size at zoom 13: a plain
      // fitBounds puts its pin under the zoom buttons.
      const corner = pixelsAway(SPOT, 84 - size[0], 84 - size[1], 13);
      const cases = [
        ...Object.values(FIXTURES),
        { origin: ORIGIN, markers: [clinic(1, corner.lat, corner.lon)] },
      ];
      for (const { origin, markers } of cases) {
        view.showResults(origin, markers);
        const { zoom, attribution } = controlBoxes(container);
        const map = container.getBoundingClientRect();
        for (const el of container.querySelectorAll('.leaflet-marker-pane .leaflet-marker-icon')) {
          const r = el.getBoundingClientRect();
          const what = el.getAttribute('aria-label') ?? '';
          expect(within(r, map), `${what} inside`).to.be.true;
          expect(intersects(r, zoom), `${what} clear of the zoom control`).to.be.false;
          expect(intersects(r, attribution), `${what} clear of the attribution`).to.be.false;
        }
      }
    });

    it(`puts one or two results well inside the view, not in a corner (${sizeName})`, () => {
      const { container, view } = mount({ size });
      const map = container.getBoundingClientRect();
      const wellInside = (el: Element): boolean => {
        const r = el.getBoundingClientRect();
        const x = (r.left + r.right) / 2 - map.left;
        const y = r.bottom - map.top;
        return (
          x > map.width * 0.15 &&
          x < map.width * 0.85 &&
          y > map.height * 0.15 &&
          y < map.height * 0.85
        );
      };
      // The origin and its nearest clinic, 3 km apart diagonally.
      view.showResults(ORIGIN, [clinic(1, 42.985, -85.64)]);
      const origin = (): Element => container.querySelector('.clinic-locator-marker--origin')!;
      expect(wellInside(origin()), 'origin').to.be.true;
      expect(wellInside(pinFor(container, 'c-1')), 'clinic 1').to.be.true;
      // Apart by just under the map's size at zoom 13, less 40 px each side: a plain fitBounds
      // puts them in two corners, the origin beside the zoom buttons.
      const far = pixelsAway(SPOT, size[0] - 84, size[1] - 84, 13);
      view.showResults(ORIGIN, [clinic(1, far.lat, far.lon)]);
      expect(wellInside(origin()), 'origin, far').to.be.true;
      expect(wellInside(pinFor(container, 'c-1')), 'clinic 1, far').to.be.true;
      // Two clinics, far apart, no origin.
      view.showResults(undefined, [clinic(1, 42.9, -85.8), clinic(2, 43.05, -85.5)]);
      expect(wellInside(pinFor(container, 'c-1')), 'clinic 1 of 2').to.be.true;
      expect(wellInside(pinFor(container, 'c-2')), 'clinic 2 of 2').to.be.true;
      const { zoom, attribution } = controlBoxes(container);
      for (const pin of pins(container)) {
        expect(intersects(pin.getBoundingClientRect(), zoom)).to.be.false;
        expect(intersects(pin.getBoundingClientRect(), attribution)).to.be.false;
      }
    });
  }
});

describe('createMapView() clearResults()', () => {
  it('removes the pins and the origin, and keeps the view and the tiles', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { container, view } = mount();
    const { origin, markers } = FIXTURES['ten clinics in a city, five downtown']!;
    view.showResults(origin, markers);
    view.highlight('c-3');
    await waitUntil(() => container.querySelector('img.leaflet-tile-loaded'), 'no tiles');
    const pane = container.querySelector<HTMLElement>('.leaflet-map-pane')!;
    const transform = pane.style.transform;
    const tiles = container.querySelectorAll('img.leaflet-tile-loaded').length;

    view.clearResults();
    expect(container.querySelectorAll('.leaflet-marker-pane > *')).to.have.length(0);
    expect(pane.style.transform).to.equal(transform);
    expect(container.querySelectorAll('img.leaflet-tile-loaded').length).to.equal(tiles);
    expect(backControl(container).hidden).to.be.true;
    // Nothing to highlight, nothing to throw; the next results draw as usual, unselected.
    expect(() => view.highlight('c-3', { pan: true })).not.to.throw();
    view.showResults(origin, markers);
    expect(pins(container)).to.have.length(10);
    expect(container.querySelectorAll('.clinic-locator-marker--selected')).to.have.length(0);
  });

  it('removes the browse overview too, even one whose chunk is still loading', async () => {
    const { container, view } = mount();
    const points = [
      { id: 'sea', lat: 47.61, lon: -122.33, name: 'Pike Place PT' },
      { id: 'bos', lat: 42.36, lon: -71.06, name: 'Back Bay Motion' },
    ];
    view.showOverview(points);
    view.clearResults();
    // Time for the cluster chunk to arrive: it must not draw.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(container.querySelectorAll('.leaflet-marker-pane > *')).to.have.length(0);
    view.showOverview(points);
    await waitUntil(() => container.querySelector('.leaflet-marker-pane > *'), 'no overview');
    view.clearResults();
    expect(container.querySelectorAll('.leaflet-marker-pane > *')).to.have.length(0);
  });
});

describe('createMapView() “show all results” control', () => {
  beforeEach(() => emulateMedia({ reducedMotion: 'reduce' }));

  it('appears once the view leaves the results, and fits them again', async () => {
    const { host, root, container, view } = mount({ size: PHONE });
    const { origin, markers } = FIXTURES['ten clinics in a city, five downtown']!;
    view.showResults(origin, markers);
    expect(backControl(container).hidden, 'with the results fitted').to.be.true;
    const button = backButton(container);
    expect(button.getAttribute('aria-label')).to.equal('Show all results');
    expect(button.title).to.equal('Show all results');

    // Zoomed in: some pins leave the view.
    zoomIn(container);
    zoomIn(container);
    expect(backControl(container).hidden, 'zoomed in').to.be.false;
    await waitUntil(() => container.querySelector('img.leaflet-tile-loaded'), 'no tiles');
    await expect(host).to.be.accessible();

    // From the keyboard: the view comes back, the control goes, focus stays in the map.
    button.focus();
    await sendKeys({ press: 'Enter' });
    expect(backControl(container).hidden, 'after showing all again').to.be.true;
    const map = container.getBoundingClientRect();
    for (const pin of pins(container)) expect(within(pin.getBoundingClientRect(), map)).to.be.true;
    expect(root.activeElement).to.equal(container);

    // Zoomed out beyond the fit: the results are tiny, the control comes back.
    zoomOut(container);
    expect(backControl(container).hidden, 'zoomed out').to.be.false;
    button.click();
    expect(backControl(container).hidden).to.be.true;

    // Not with the overview, nor after clearing.
    zoomIn(container);
    view.clearResults();
    expect(backControl(container).hidden).to.be.true;
  });

  it('takes its name from the labels', () => {
    const { container, view } = mount({
      labels: {
        searchPoint: (label) => `Punto: ${label}`,
        cluster: (count) => `Grupo de ${count}`,
        tilesUnavailable: 'Sin fondo de mapa',
        backToResults: 'Mostrar todos los resultados',
      },
    });
    view.showResults(ORIGIN, FIXTURES['four clinics within 100 m']!.markers);
    expect(backButton(container).getAttribute('aria-label')).to.equal(
      'Mostrar todos los resultados',
    );
  });

  const targets = (container: HTMLElement): HTMLElement[] => [
    ...container.querySelectorAll<HTMLElement>('.leaflet-control-zoom a, .clinic-map-back button'),
  ];

  it('it and the zoom buttons are at least 24×24, and 44×44 for a coarse pointer', async () => {
    const { container, view } = mount({ size: PHONE });
    view.showResults(ORIGIN, FIXTURES['ten clinics in a city, five downtown']!.markers);
    zoomIn(container);
    zoomIn(container);
    expect(targets(container)).to.have.length(3);
    for (const el of targets(container)) {
      const r = el.getBoundingClientRect();
      expect(r.width, el.className).to.be.at.least(24);
      expect(r.height, el.className).to.be.at.least(24);
    }
    await executeServerCommand('coarse-pointer', { enabled: true });
    try {
      expect(matchMedia('(pointer: coarse)').matches).to.be.true;
      for (const el of targets(container)) {
        const r = el.getBoundingClientRect();
        expect(r.width, el.className).to.be.at.least(44);
        expect(r.height, el.className).to.be.at.least(44);
      }
    } finally {
      await executeServerCommand('coarse-pointer', { enabled: false });
    }
  });
});

describe('createMapView() tiles notice', () => {
  for (const [sizeName, size] of Object.entries({ ...SIZES, small: [300, 260] })) {
    it(`sits clear of the zoom control and the attribution (${sizeName})`, async () => {
      const { container, view } = mount({
        size: size as [number, number],
        tileUrl: '/no-tiles-here/{z}/{x}/{y}.png',
      });
      view.showResults(ORIGIN, FIXTURES['four clinics within 100 m']!.markers);
      const notice = container.querySelector<HTMLElement>('.clinic-map-notice')!;
      await waitUntil(() => !notice.hidden, 'notice never shown', { timeout: 5000 });
      const box = notice.getBoundingClientRect();
      const { zoom, attribution } = controlBoxes(container);
      expect(box.width).to.be.above(100);
      expect(within(box, container.getBoundingClientRect())).to.be.true;
      expect(intersects(box, zoom), 'zoom control').to.be.false;
      expect(intersects(box, attribution), 'attribution').to.be.false;
    });
  }
});
