// The browse overview in real headless Chromium: real Leaflet and supercluster behind the
// MapView adapter, a real shadow root, real pointer and keyboard input, tiles from the test
// server on 127.0.0.1. cluster-layer.ts is never imported here directly: the adapter loads it.
import { expect, waitUntil } from '@open-wc/testing';
import { emulateMedia, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { CreateMapView, MapMarker, MapOrigin, OverviewPoint } from '../../src/map/map-view.js';
import { cleanUpAfterEach, mountMap, type Mounted } from './host.js';
import { loadBundledClinics } from '../../src/load/clinic-data.js';
import { mulberry32 } from '../../scripts/lib/mulberry32.js';

let createMapView: CreateMapView;
let sample: OverviewPoint[];
before(async () => {
  ({ createMapView } = await import('../../src/map/leaflet-map-view.js'));
  sample = (await loadBundledClinics()).map(({ id, lat, lon, name }) => ({ id, lat, lon, name }));
});

/** Deterministic pseudo-random numbers in [0, 1). */
const prng = mulberry32;

/** `count` clinics spread over the contiguous US, the same every run. */
function generated(count: number): OverviewPoint[] {
  const random = prng(20240611);
  return Array.from({ length: count }, (_, i) => ({
    id: `gen-${i}`,
    lat: 25 + random() * 24,
    lon: -124 + random() * 57,
    name: `Generated clinic ${i}`,
  }));
}

const THREE: OverviewPoint[] = [
  { id: 'sea', lat: 47.61, lon: -122.33, name: 'Pike Place PT' },
  { id: 'mia', lat: 25.77, lon: -80.19, name: 'Brickell <img src=x> & "Sports" Rehab' },
  { id: 'bos', lat: 42.36, lon: -71.06, name: 'Back Bay Motion' },
];
const ORIGIN: MapOrigin = { lat: 42.9634, lon: -85.6681, label: '49503 Grand Rapids, MI' };
const RESULTS: MapMarker[] = [
  { id: 'r-1', rank: 1, lat: 42.955, lon: -85.64, name: 'Heritage Hill Physical Therapy' },
  { id: 'r-2', rank: 2, lat: 42.97, lon: -85.59, name: 'Eastown Rehab' },
];

cleanUpAfterEach();

const mount = (): Mounted => mountMap(createMapView);

const PANE = '.leaflet-marker-pane';

function clusters(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(`${PANE} .clinic-locator-cluster`)];
}

function dots(container: HTMLElement): HTMLElement[] {
  return [...container.querySelectorAll<HTMLElement>(`${PANE} .clinic-locator-marker--dot`)];
}

function allMarkers(container: HTMLElement): Element[] {
  return [...container.querySelectorAll(`${PANE} .leaflet-marker-icon`)];
}

/** Clinics the markers in the DOM stand for: cluster counts plus single dots. */
function represented(container: HTMLElement): number {
  const inClusters = clusters(container).reduce(
    (sum, el) => sum + Number(el.dataset['clusterCount']),
    0,
  );
  return inClusters + dots(container).length;
}

function dotFor(container: HTMLElement, id: string): HTMLElement {
  const el = container.querySelector<HTMLElement>(`${PANE} [data-clinic-id="${id}"]`);
  if (!el) throw new Error(`no marker for ${id}`);
  return el;
}

/** The zoom of the newest tiles requested: the map's zoom once a move has settled. */
function tileZoom(container: HTMLElement): number {
  const zooms = [...container.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].map((img) =>
    Number(/\/tiles\/(\d+)\//.exec(img.src)?.[1]),
  );
  return Math.max(...zooms);
}

function isVisible(el: Element, container: Element): boolean {
  const r = el.getBoundingClientRect();
  const c = container.getBoundingClientRect();
  const x = r.left + r.width / 2;
  const y = r.top + r.height / 2;
  return x >= c.left && x <= c.right && y >= c.top && y <= c.bottom;
}

/** The visible cluster with the most clinics. */
function biggestCluster(container: HTMLElement): HTMLElement {
  const visible = clusters(container).filter((el) => isVisible(el, container));
  const count = (el: HTMLElement) => Number(el.dataset['clusterCount']);
  const best = visible.sort((a, b) => count(b) - count(a))[0];
  if (!best) throw new Error('no visible cluster');
  return best;
}

async function overviewShown(container: HTMLElement): Promise<void> {
  await waitUntil(() => allMarkers(container).length > 0, 'the overview drew no markers');
}

async function clickCentre(el: Element): Promise<void> {
  const r = el.getBoundingClientRect();
  await sendMouse({
    type: 'click',
    position: [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)],
  });
}

function clusterChunkRequested(): boolean {
  return performance
    .getEntriesByType('resource')
    .some((entry) => entry.name.includes('/src/map/cluster-layer.'));
}

describe('MapView.showOverview() (Leaflet + supercluster)', () => {
  // First, while no test has shown an overview in this page yet.
  it('loads the cluster code only when an overview is shown', async () => {
    const { container, view } = mount();
    view.showResults(ORIGIN, RESULTS);
    view.showResults(undefined, []);
    view.showOverview([]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(clusterChunkRequested()).to.be.false;

    // The host page's own `L` survives supercluster's arrival (it needs no global).
    const pageL = { owner: 'the host page' };
    (window as { L?: unknown }).L = pageL;
    try {
      view.showOverview(THREE);
      await overviewShown(container);
      expect(clusterChunkRequested()).to.be.true;
      expect((window as { L?: unknown }).L).to.equal(pageL);
    } finally {
      delete (window as { L?: unknown }).L;
    }
  });

  it('clusters the 1,200 sample clinics at the fitted view, every clinic counted once', async () => {
    const { container, view } = mount();
    view.showOverview(sample);
    await overviewShown(container);
    // Fitted to every clinic, so every clinic is in view: clusters and dots account for all.
    expect(represented(container)).to.equal(sample.length);
    expect(clusters(container).length).to.be.greaterThan(5);
    expect(allMarkers(container).length).to.be.lessThan(200);
    const ids = dots(container).map((el) => el.dataset['clinicId']);
    expect(new Set(ids).size).to.equal(ids.length);

    for (const el of clusters(container)) {
      const count = Number(el.dataset['clusterCount']);
      expect(count).to.be.greaterThan(1);
      expect(el.getAttribute('aria-label')).to.equal(
        `Cluster of ${count.toLocaleString('en-US')} clinics, zoom in`,
      );
      expect(el.getAttribute('role')).to.equal('button');
      expect(el.tabIndex).to.equal(0);
      // Strict CSP: no style attributes inside the marker HTML.
      expect(el.querySelectorAll('[style]')).to.have.length(0);
    }
    // Bubbles grow with their count.
    const sized = clusters(container).map((el) => ({
      count: Number(el.dataset['clusterCount']),
      width: el.getBoundingClientRect().width,
    }));
    const smallest = sized.reduce((a, b) => (b.count < a.count ? b : a));
    const largest = sized.reduce((a, b) => (b.count > a.count ? b : a));
    if (largest.count >= 10 * smallest.count) {
      expect(largest.width).to.be.greaterThan(smallest.width);
    }
  });

  it('zooms into a cluster when it is clicked', async () => {
    const { container, view } = mount();
    view.showOverview(sample);
    await overviewShown(container);
    const before = tileZoom(container);
    const cluster = biggestCluster(container);
    const count = Number(cluster.dataset['clusterCount']);
    await clickCentre(cluster);
    // Animated: the markers change when the zoom has finished.
    await waitUntil(() => !cluster.isConnected, 'the clicked cluster stayed');
    expect(tileZoom(container)).to.be.greaterThan(before);
    // Its clinics are now spread over several markers, each with fewer than it had.
    const visible = allMarkers(container).filter((el) => isVisible(el, container));
    expect(visible.length).to.be.greaterThan(1);
    for (const el of clusters(container)) {
      expect(Number(el.dataset['clusterCount'])).to.be.lessThan(count);
    }
  });

  it('zooms into a focused cluster with Enter, without animation, and keeps focus on the map', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const { root, container, view } = mount();
    expect(container.classList.contains('leaflet-zoom-anim')).to.be.false;
    view.showOverview(sample);
    await overviewShown(container);
    const before = tileZoom(container);
    const cluster = biggestCluster(container);
    cluster.focus();
    await sendKeys({ press: 'Enter' });
    // No animation: the new markers are there at once.
    expect(cluster.isConnected).to.be.false;
    expect(tileZoom(container)).to.be.greaterThan(before);
    // Focus moved to a marker where the cluster was, not to the page.
    const focused = root.activeElement;
    expect(focused?.classList.contains('clinic-locator-marker')).to.be.true;
    expect(isVisible(focused!, container)).to.be.true;

    const after = tileZoom(container);
    if (focused?.classList.contains('clinic-locator-cluster')) {
      await sendKeys({ press: 'Space' });
      expect(tileZoom(container)).to.be.greaterThan(after);
    }
  });

  it('selects a single clinic when its marker is clicked or activated', async () => {
    const { root, container, view, selected } = mount();
    view.showOverview(THREE);
    await overviewShown(container);
    expect(clusters(container)).to.have.length(0);
    expect(dots(container).map((el) => el.getAttribute('aria-label'))).to.have.members(
      THREE.map((p) => p.name),
    );
    const mia = dotFor(container, 'mia');
    // The name is set as text, never parsed as HTML.
    expect(mia.querySelector('img')).to.be.null;
    expect(mia.title).to.equal(THREE[1]!.name);
    expect(mia.getAttribute('role')).to.equal('button');

    await clickCentre(dotFor(container, 'sea'));
    expect(selected).to.deep.equal(['sea']);
    expect(dotFor(container, 'sea').getAttribute('aria-current')).to.equal('true');

    mia.focus();
    await sendKeys({ press: 'Enter' });
    dotFor(container, 'bos').focus();
    await sendKeys({ press: 'Space' });
    expect(selected).to.deep.equal(['sea', 'mia', 'bos']);
    expect(root.activeElement).to.equal(dotFor(container, 'bos'));
    expect(dotFor(container, 'sea').hasAttribute('aria-current')).to.be.false;
    expect(
      dots(container)
        .filter((el) => el.classList.contains('clinic-locator-marker--selected'))
        .map((el) => el.dataset['clinicId']),
    ).to.deep.equal(['bos']);

    // The element answers with highlight(): it moves the mark without reporting a selection.
    view.highlight('sea');
    expect(dotFor(container, 'sea').classList.contains('clinic-locator-marker--selected')).to.be
      .true;
    expect(dotFor(container, 'bos').classList.contains('clinic-locator-marker--selected')).to.be
      .false;
    expect(selected).to.have.length(3);
  });

  it('keeps the DOM small with 50,000 clinics at every zoom', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    const points = generated(50_000);
    const { container, view } = mount();
    view.showOverview(points);
    await overviewShown(container);
    expect(represented(container)).to.equal(points.length);
    const zoomIn = container.querySelector<HTMLElement>('.leaflet-control-zoom-in')!;
    const seen: { zoom: number; markers: number }[] = [];
    for (;;) {
      const markers = allMarkers(container).length;
      seen.push({ zoom: tileZoom(container), markers });
      expect(markers, `zoom ${tileZoom(container)}`).to.be.lessThan(500);
      // Closer in, a 600×400 view may fall between clinics (about one per 160 km²).
      if (tileZoom(container) <= 10) expect(markers).to.be.greaterThan(0);
      if (zoomIn.classList.contains('leaflet-disabled')) break;
      zoomIn.click();
    }
    expect(seen.at(-1)!.zoom).to.equal(19);
    // Past supercluster's last zoom, every marker is a single clinic.
    expect(clusters(container)).to.have.length(0);
  });

  it('replaces the overview with the numbered results, and back', async () => {
    const { container, view } = mount();
    view.showOverview(sample);
    await overviewShown(container);
    view.showResults(ORIGIN, RESULTS);
    expect(clusters(container)).to.have.length(0);
    expect(dots(container)).to.have.length(0);
    expect(allMarkers(container)).to.have.length(RESULTS.length + 1);
    // Panning and zooming after the switch does not bring the overview back.
    container.querySelector<HTMLElement>('.leaflet-control-zoom-out')!.click();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(clusters(container)).to.have.length(0);

    view.showOverview(sample);
    expect(container.querySelectorAll('.clinic-locator-marker--origin')).to.have.length(0);
    expect(container.querySelectorAll(`${PANE} [data-clinic-id="r-1"]`)).to.have.length(0);
    // The chunk is loaded by now: the overview comes back at once.
    expect(represented(container)).to.equal(sample.length);
  });

  it('drops an overview whose code arrives after showResults or destroy', async () => {
    const first = mount();
    first.view.showOverview(sample);
    first.view.showResults(ORIGIN, RESULTS);
    const second = mount();
    second.view.showOverview(sample);
    second.view.destroy();
    // Let both loads finish (the module is cached by the page after the first test).
    await import('../../src/map/leaflet-map-view.js');
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(clusters(first.container)).to.have.length(0);
    expect(allMarkers(first.container)).to.have.length(RESULTS.length + 1);
    expect(second.container.children).to.have.length(0);
  });

  it('shows the contiguous US and no markers for an empty overview', async () => {
    const { container, view } = mount();
    view.showOverview(sample);
    await overviewShown(container);
    view.showOverview([]);
    expect(allMarkers(container)).to.have.length(0);
    await waitUntil(() => {
      const zoom = tileZoom(container);
      return zoom >= 3 && zoom <= 4;
    }, 'no continental-zoom tile');
  });

  it('removes every marker and listener on destroy', async () => {
    const { container, view, selected } = mount();
    view.showOverview(THREE);
    await overviewShown(container);
    const dot = dotFor(container, 'sea');
    view.destroy();
    expect(container.children).to.have.length(0);
    expect(() => view.showOverview(sample)).not.to.throw();
    expect(container.children).to.have.length(0);
    dot.click();
    expect(selected).to.deep.equal([]);
  });

  it('can be destroyed during an animated zoom', async () => {
    const { container, view } = mount();
    view.showOverview(sample);
    await overviewShown(container);
    container.querySelector<HTMLElement>('.leaflet-control-zoom-in')!.click();
    view.destroy();
    // Leaflet ends the animation on a timer; it must find nothing to do (an uncaught error
    // there fails this test).
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(container.children).to.have.length(0);
  });

  it('has no accessibility violations with clusters, single clinics and a selection', async () => {
    const { host, container, view } = mount();
    view.showOverview([...sample, ...THREE]);
    await overviewShown(container);
    view.highlight('sea');
    await waitUntil(() => container.querySelector('img.leaflet-tile-loaded'), 'no tile loaded');
    expect(clusters(container).length).to.be.greaterThan(0);
    expect(dots(container).length).to.be.greaterThan(0);
    await expect(host).to.be.accessible();
  });
});
