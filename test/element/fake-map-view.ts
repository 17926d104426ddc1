// A fake MapView for element tests: records what the element asked of the map, and lets a test
// click a marker (`select`) without Leaflet. The Leaflet adapter has its own browser tests.
import type {
  CreateMapView,
  MapMarker,
  MapOrigin,
  MapView,
  MapViewOptions,
  OverviewPoint,
} from '../../src/map/map-view.js';

/** One `showResults` call as the fake received it (the markers array copied). */
export interface ShownResults {
  origin: MapOrigin | undefined;
  markers: MapMarker[];
}

/** A MapView that records every call. */
export class FakeMapView implements MapView {
  readonly options: MapViewOptions;
  readonly shown: ShownResults[] = [];
  /** Each `showOverview` call's points, copied. */
  readonly overviews: OverviewPoint[][] = [];
  readonly highlighted: (string | undefined)[] = [];
  /** The `pan` option of each highlight call, parallel to `highlighted`. */
  readonly panned: boolean[] = [];
  resizes = 0;
  /** How many times `clearResults` was called. */
  clears = 0;
  /**
   * Every `showResults`, `showOverview` and `clearResults` call in order, by name: whether the
   * map was cleared after (or before) the last results, for the message states.
   */
  readonly calls: ('showResults' | 'showOverview' | 'clearResults')[] = [];
  destroyed = false;

  constructor(options: MapViewOptions) {
    this.options = options;
  }

  /** The most recent `showResults` call, if any. */
  get last(): ShownResults | undefined {
    return this.shown.at(-1);
  }

  showResults(origin: MapOrigin | undefined, markers: readonly MapMarker[]): void {
    this.shown.push({ origin, markers: [...markers] });
    this.calls.push('showResults');
  }

  clearResults(): void {
    this.clears += 1;
    this.calls.push('clearResults');
  }

  showOverview(points: readonly OverviewPoint[]): void {
    this.overviews.push([...points]);
    this.calls.push('showOverview');
  }

  highlight(id: string | undefined, options?: { pan?: boolean }): void {
    this.highlighted.push(id);
    this.panned.push(options?.pan ?? false);
  }

  resize(): void {
    this.resizes += 1;
  }

  destroy(): void {
    this.destroyed = true;
  }

  /** Acts as a click on the clinic marker `id`: calls the element's `onSelect`. */
  select(id: string): void {
    this.options.onSelect(id);
  }
}

/** A `CreateMapView` to hand the element, and every view it created, in order. */
export function createFakeMapView(): { create: CreateMapView; views: FakeMapView[] } {
  const views: FakeMapView[] = [];
  const create: CreateMapView = (options) => {
    const view = new FakeMapView(options);
    views.push(view);
    return view;
  };
  return { create, views };
}
