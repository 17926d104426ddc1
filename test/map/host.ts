// A MapView mounted the way the element mounts it (a 600×400 container in a shadow root on the
// test page), and the cleanup after each test: shared by the adapter and the overview tests.
import { emulateMedia, resetMouse } from '@web/test-runner-commands';
import type { CreateMapView, MapView } from '../../src/map/map-view.js';

export interface Mounted {
  host: HTMLElement;
  root: ShadowRoot;
  container: HTMLElement;
  view: MapView;
  /** The ids the view reported selected, in order. */
  selected: string[];
}

const cleanups: (() => void)[] = [];

/** Destroys the views, removes the hosts and resets the mouse and media after every test. */
export function cleanUpAfterEach(): void {
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) cleanup();
    await resetMouse();
    await emulateMedia({ reducedMotion: 'no-preference' });
  });
}

/** Mounts a map with local tiles through `create`; `hidden` leaves its container at 0×0. */
export function mountMap(create: CreateMapView, options: { hidden?: boolean } = {}): Mounted {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  container.style.width = '600px';
  container.style.height = '400px';
  if (options.hidden) container.style.display = 'none';
  root.append(container);
  document.body.append(host);
  const selected: string[] = [];
  const view = create({
    container,
    tileUrl: '/tiles/{z}/{x}/{y}.png',
    tileAttribution: '© test tiles',
    onSelect: (id) => selected.push(id),
  });
  cleanups.push(
    () => view.destroy(),
    () => host.remove(),
  );
  return { host, root, container, view, selected };
}
