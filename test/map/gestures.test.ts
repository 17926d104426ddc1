// Cooperative gestures with real input through the DevTools protocol (web-test-runner.config.js:
// the `touch` and `wheel` commands): on a phone-sized page one finger scrolls the page and two
// move the map; a plain wheel scrolls the page and Ctrl + wheel zooms the map.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, sendMouse, setViewport } from '@web/test-runner-commands';
import type { CreateMapView, MapMarker } from '../../src/map/map-view.js';
import { cleanUpAfterEach, mountMap, type Mounted, type MountOptions } from './host.js';

let createMapView: CreateMapView;
before(async () => {
  ({ createMapView } = await import('../../src/map/leaflet-map-view.js'));
});

cleanUpAfterEach();
const spacers: HTMLElement[] = [];
afterEach(() => {
  for (const spacer of spacers.splice(0)) spacer.remove();
  window.scrollTo(0, 0);
});

const MARKERS: MapMarker[] = [
  { id: 'a', rank: 1, lat: 42.955, lon: -85.64, name: 'Heritage Hill Physical Therapy' },
  { id: 'b', rank: 2, lat: 42.97, lon: -85.59, name: 'Eastown Rehab' },
  { id: 'c', rank: 3, lat: 43.01, lon: -85.72, name: 'Lakeshore PT' },
];

type Step = { type: 'touchStart' | 'touchMove' | 'touchEnd'; points: [number, number][] };

/** A drag of `fingers` (one point each) by `dy` pixels, in small moves like a finger's. */
function drag(fingers: [number, number][], dy: number, moves = 10): (Step & { pauseMs: number })[] {
  const steps: (Step & { pauseMs: number })[] = [
    { type: 'touchStart', points: fingers, pauseMs: 30 },
  ];
  for (let i = 1; i <= moves; i++) {
    steps.push({
      type: 'touchMove',
      points: fingers.map(([x, y]) => [x, y + (dy * i) / moves]),
      pauseMs: 16,
    });
  }
  steps.push({ type: 'touchEnd', points: [], pauseMs: 30 });
  return steps;
}

const settle = (ms = 250): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A map on a page taller than the screen, with room to scroll both ways. */
async function mountOnLongPage(options: MountOptions = {}): Promise<Mounted> {
  await setViewport({ width: 390, height: 844 });
  const mounted = mountMap(createMapView, { size: [358, 560], ...options });
  const spacer = document.createElement('div');
  spacer.style.height = '3000px';
  mounted.host.after(spacer);
  spacers.push(spacer);
  mounted.host.style.display = 'block';
  mounted.host.style.marginTop = '100px';
  const { view } = mounted;
  view.showResults(undefined, MARKERS);
  await waitUntil(() => mounted.container.querySelector('img.leaflet-tile-loaded'), 'no tiles');
  window.scrollTo(0, 0);
  await settle(100);
  return mounted;
}

/** Where pin 1 is drawn relative to the map: moves when (and only when) the map moves. */
function pinOffset(container: HTMLElement): { x: number; y: number } {
  const pin = container.querySelector('[data-clinic-id="a"]')!.getBoundingClientRect();
  const map = container.getBoundingClientRect();
  return { x: pin.left - map.left, y: pin.top - map.top };
}

function mapCentre(container: HTMLElement): [number, number] {
  const r = container.getBoundingClientRect();
  return [Math.round(r.left + r.width / 2), Math.round(r.top + r.height / 2)];
}

const hint = (container: HTMLElement): HTMLElement =>
  container.querySelector<HTMLElement>('.clinic-map-hint')!;

describe('createMapView() gestures', () => {
  it('one finger over the map scrolls the page, leaves the map, and shows the hint', async () => {
    const { container } = await mountOnLongPage();
    const before = pinOffset(container);
    expect(hint(container).hidden).to.be.true;
    const [x, y] = mapCentre(container);
    await executeServerCommand('touch', { steps: drag([[x, y + 100]], -250) });
    await settle();
    expect(window.scrollY, 'page scrolled').to.be.above(50);
    expect(pinOffset(container), 'map did not move').to.deep.equal(before);
    expect(hint(container).hidden, 'hint shown').to.be.false;
    expect(hint(container).textContent).to.equal('Use two fingers to move the map');
    expect(hint(container).getAttribute('aria-hidden')).to.equal('true');
    // For a moment only.
    await waitUntil(() => hint(container).hidden, 'hint never went', { timeout: 3000 });
  });

  it('two fingers move the map and leave the page where it was', async () => {
    const { container } = await mountOnLongPage();
    const before = pinOffset(container);
    const [x, y] = mapCentre(container);
    await executeServerCommand('touch', {
      steps: drag(
        [
          [x - 60, y],
          [x + 60, y],
        ],
        -120,
      ),
    });
    await settle(400);
    expect(window.scrollY, 'page did not scroll').to.equal(0);
    const after = pinOffset(container);
    expect(before.y - after.y, 'map moved up with the fingers').to.be.above(60);
    expect(hint(container).hidden).to.be.true;
  });

  it('a tap on a pin still selects it', async () => {
    const { container, selected } = await mountOnLongPage();
    const pin = container.querySelector('[data-clinic-id="b"]')!.getBoundingClientRect();
    const at: [number, number] = [Math.round(pin.left + pin.width / 2), Math.round(pin.top + 12)];
    await executeServerCommand('touch', {
      steps: [
        { type: 'touchStart', points: [at], pauseMs: 40 },
        { type: 'touchEnd', points: [], pauseMs: 40 },
      ],
    });
    await waitUntil(() => selected.length > 0, 'tap did not select');
    expect(selected).to.deep.equal(['b']);
    expect(hint(container).hidden).to.be.true;
  });

  it('a plain wheel scrolls the page with a hint; Ctrl + wheel zooms the map', async () => {
    const { container } = await mountOnLongPage({
      labels: {
        searchPoint: (label) => `Punto: ${label}`,
        cluster: (count) => `Grupo de ${count}`,
        tilesUnavailable: 'Sin fondo de mapa',
        touchHint: 'Usa dos dedos para mover el mapa',
        scrollHint: 'Usa ctrl + rueda para acercar el mapa',
      },
    });
    const before = pinOffset(container);
    const [x, y] = mapCentre(container);
    await executeServerCommand('wheel', { x, y, deltaY: 200 });
    await waitUntil(() => window.scrollY > 0, 'page did not scroll');
    await settle(300);
    expect(pinOffset(container), 'map did not zoom').to.deep.equal(before);
    expect(hint(container).hidden).to.be.false;
    expect(hint(container).textContent).to.equal('Usa ctrl + rueda para acercar el mapa');

    window.scrollTo(0, 0);
    await settle(100);
    const [x2, y2] = mapCentre(container);
    const tileZoom = (): number =>
      Math.max(
        ...[...container.querySelectorAll<HTMLImageElement>('img.leaflet-tile')].map((img) =>
          Number(/\/tiles\/(\d+)\//.exec(img.src)?.[1]),
        ),
      );
    const zoomBefore = tileZoom();
    await executeServerCommand('wheel', { x: x2, y: y2, deltaY: -200, ctrlKey: true });
    await waitUntil(() => tileZoom() > zoomBefore, 'Ctrl + wheel did not zoom the map');
    expect(window.scrollY).to.equal(0);
    expect(hint(container).hidden).to.be.true;
  });

  it('a mouse still drags the map', async () => {
    await setViewport({ width: 1100, height: 900 });
    const { container, view } = mountMap(createMapView);
    view.showResults(undefined, MARKERS);
    // A touch first, then the mouse: dragging comes back for the mouse.
    const [x, y] = mapCentre(container);
    await executeServerCommand('touch', {
      steps: [
        { type: 'touchStart', points: [[x, y]], pauseMs: 20 },
        { type: 'touchEnd', points: [], pauseMs: 20 },
      ],
    });
    await settle(400);
    const before = pinOffset(container);
    await sendMouse({ type: 'move', position: [x, y] });
    await sendMouse({ type: 'down' });
    for (let i = 1; i <= 5; i++) await sendMouse({ type: 'move', position: [x + 20 * i, y] });
    await sendMouse({ type: 'up' });
    await settle(300);
    expect(pinOffset(container).x - before.x).to.be.above(50);
  });
});
