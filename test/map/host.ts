// A MapView mounted the way the element mounts it (a 600×400 container in a shadow root on the
// test page), and the cleanup after each test: shared by the adapter and the overview tests.
import { emulateMedia, resetMouse } from '@web/test-runner-commands';
import type { CreateMapView, MapLabels, MapView } from '../../src/map/map-view.js';

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

/** How a test mounts its map: 600×400 with working local tiles unless it says otherwise. */
export interface MountOptions {
  /** Leaves the container at 0×0 (display: none). */
  hidden?: boolean;
  /** Width and height of the container in CSS pixels. */
  size?: [number, number];
  tileUrl?: string;
  labels?: MapLabels;
}

/** Mounts a map with local tiles through `create`; `hidden` leaves its container at 0×0. */
export function mountMap(create: CreateMapView, options: MountOptions = {}): Mounted {
  const host = document.createElement('div');
  const root = host.attachShadow({ mode: 'open' });
  const container = document.createElement('div');
  const [width, height] = options.size ?? [600, 400];
  container.style.width = `${width}px`;
  container.style.height = `${height}px`;
  if (options.hidden) container.style.display = 'none';
  root.append(container);
  document.body.append(host);
  const selected: string[] = [];
  const view = create({
    container,
    tileUrl: options.tileUrl ?? '/tiles/{z}/{x}/{y}.png',
    tileAttribution: '© test tiles',
    onSelect: (id) => selected.push(id),
    ...(options.labels ? { labels: options.labels } : {}),
  });
  cleanups.push(
    () => view.destroy(),
    () => host.remove(),
  );
  return { host, root, container, view, selected };
}
