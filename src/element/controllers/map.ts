import type { PropertyValues, ReactiveController, ReactiveControllerHost } from 'lit';
import { loadMapFactory } from '../../load/map.js';
import type {
  CreateMapView,
  MapMarker,
  MapOrigin,
  MapView,
  OverviewPoint,
} from '../../map/map-view.js';
import type { Clinic } from '../../domain/clinic.js';
import { filterClinics } from '../../domain/filter.js';
import { ClinicErrorEvent } from '../events.js';
import type { CoreMessages as Messages } from '../messages/messages.js';
import { Latest } from './latest.js';
import type { View } from './search.js';

/** What the map should show. */
export type MapScene =
  /** Numbered results around a search point. `key` changes only when they do. */
  | { kind: 'results'; key: string; origin?: MapOrigin; markers: readonly MapMarker[] }
  /** No results: a message is shown (not understood, which place?, an error). */
  | { kind: 'clear'; key: 'clear' }
  /** Every clinic, clustered, before a search. `key` changes only when the clinics do. */
  | { kind: 'overview'; key: unknown; points: () => readonly OverviewPoint[] }
  /** Whatever it shows now (a search is running). */
  | { kind: 'keep' };

/** What the map reads from the element. */
export interface MapHost extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly hasUpdated: boolean;
  readonly withoutMap: boolean;
  readonly tileUrl: string;
  readonly tileAttribution: string;
  readonly mapViewFactory?: CreateMapView;
}

/**
 * The map's lifecycle and its sync with the list. The map (and Leaflet) load only once the
 * widget is near the viewport or a search has results, and only when a map is wanted
 * (`wanted()`: not `without-map`, and in the compact layout only once opened). It is recreated
 * when the tiles, the factory or the language change, and released when the element leaves the
 * page. Each update shows the scene (refitting only when the results change) and the selection.
 */
export class MapController implements ReactiveController {
  /** The widget is near the viewport. */
  visible = false;

  readonly #host: MapHost;
  readonly #messages: () => Messages;
  readonly #wanted: () => boolean;
  readonly #scene: () => MapScene;
  readonly #selected: () => string | undefined;
  readonly #onVisible: () => void;
  readonly #onSelect: (id: string) => void;
  readonly #latest = new Latest();
  #map: MapView | undefined;
  #visibility: IntersectionObserver | undefined;
  /** The language the map was created with (it is recreated when the language changes). */
  #language: Messages | undefined;
  /** The key of the scene on the map, so a re-render does not refit the map. */
  #shown: unknown;
  /**
   * The map could not be loaded or created: reported once, a notice shown in its place, and no
   * new attempt on every render (Leaflet would fail the same way) until the tiles or the
   * factory change.
   */
  #failure: HTMLElement | undefined;

  constructor(
    host: MapHost,
    options: {
      messages: () => Messages;
      wanted: () => boolean;
      scene: () => MapScene;
      selected: () => string | undefined;
      /** The widget came near the viewport: a moment to prefetch what it will need. */
      onVisible: () => void;
      /** The visitor chose a clinic on the map. */
      onSelect: (id: string) => void;
    },
  ) {
    this.#host = host;
    this.#messages = options.messages;
    this.#wanted = options.wanted;
    this.#scene = options.scene;
    this.#selected = options.selected;
    this.#onVisible = options.onVisible;
    this.#onSelect = options.onSelect;
    host.addController(this);
  }

  hostConnected(): void {
    this.#visibility = new IntersectionObserver(
      (entries) => {
        this.visible = entries.some((entry) => entry.isIntersecting);
        if (!this.visible) return;
        // The map and the clinics load when the page is idle (a search loads them at once
        // anyway), so they do not compete with the host page's own loading.
        const prefetch = () => {
          this.#ensure();
          this.#onVisible();
        };
        if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 2000 });
        else setTimeout(prefetch, 200);
      },
      { rootMargin: '300px' },
    );
    this.#visibility.observe(this.#host);
  }

  hostDisconnected(): void {
    this.#visibility?.disconnect();
    this.#visibility = undefined;
    this.#destroy();
  }

  /** After each update of the element: recreate, create or release the map, and sync it. */
  update(changed: PropertyValues): void {
    const remade =
      changed.has('tileUrl') || changed.has('tileAttribution') || changed.has('mapViewFactory');
    if (this.#map && (remade || this.#language !== this.#messages())) {
      this.#destroy();
    }
    if (this.#failure && remade) {
      this.#failure.remove();
      this.#failure = undefined;
    }
    if (!this.#wanted()) this.#destroy();
    this.#ensure();
    this.#sync();
  }

  /** The map came back on screen (the List | Map switch): re-measure it and fit it again. */
  reveal(): void {
    const map = this.#map;
    if (!map) return;
    map.resize();
    this.#shown = undefined;
    this.#sync();
  }

  /** Highlights a clinic's pin (or none), panning to it when asked. */
  highlight(id: string | undefined, options?: { pan?: boolean }): void {
    this.#map?.highlight(id, options);
  }

  /** Creates the map once the widget is visible (or a search has results) and one is wanted. */
  #ensure(): void {
    const host = this.#host;
    if (this.#map || this.#failure || !this.#wanted() || !host.isConnected || !host.hasUpdated) {
      return;
    }
    if (!this.visible && this.#scene().kind !== 'results') return;
    const signal = this.#latest.next();
    const factory = host.mapViewFactory ? Promise.resolve(host.mapViewFactory) : loadMapFactory();
    factory.then(
      (create) => {
        if (signal.aborted || this.#map || !this.#wanted() || !host.isConnected) return;
        const container = host.renderRoot.querySelector<HTMLElement>('[part~="map"]');
        if (!container) return;
        const m = this.#messages();
        this.#language = m;
        try {
          this.#map = this.#create(create, container, m);
        } catch (error) {
          this.#fail(error, container);
          return;
        }
        this.#sync();
      },
      (error: unknown) => {
        if (signal.aborted) return;
        this.#fail(error, host.renderRoot.querySelector<HTMLElement>('[part~="map"]'));
      },
    );
  }

  #create(create: CreateMapView, container: HTMLElement, m: Messages): MapView {
    const host = this.#host;
    return create({
      container,
      tileUrl: host.tileUrl,
      tileAttribution: host.tileAttribution,
      onSelect: (id) => this.#onSelect(id),
      labels: {
        searchPoint: m.searchPoint,
        cluster: m.cluster,
        tilesUnavailable: m.tilesUnavailable,
        touchHint: m.touchHint,
        scrollHint: m.scrollHint,
        backToResults: m.backToResults,
      },
    });
  }

  /** Reports a map that could not be loaded or created, once, and says so where it would be. */
  #fail(error: unknown, container: HTMLElement | null): void {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`clinic-locator: the map could not be loaded: ${message}`);
    // Text through the DOM, never HTML: this is the page where HTML sinks may be refused.
    const notice = this.#host.ownerDocument.createElement('p');
    notice.className = 'map-unavailable';
    notice.setAttribute('role', 'status');
    notice.textContent = this.#messages().mapUnavailable;
    container?.append(notice);
    this.#failure = notice;
    this.#host.dispatchEvent(new ClinicErrorEvent({ source: 'map', message }));
  }

  #destroy(): void {
    this.#latest.cancel();
    this.#map?.destroy();
    this.#map = undefined;
    this.#shown = undefined;
  }

  /**
   * Keeps the map in step with the list: the shown results (refitted only when they change),
   * every clinic before a search (clustered), and the selection.
   */
  #sync(): void {
    const map = this.#map;
    if (!map) return;
    const scene = this.#scene();
    if (scene.kind !== 'keep' && this.#shown !== scene.key) {
      this.#shown = scene.key;
      if (scene.kind === 'results') map.showResults(scene.origin, scene.markers);
      else if (scene.kind === 'clear') map.clearResults();
      else map.showOverview(scene.points());
    }
    map.highlight(this.#selected());
  }
}

/**
 * What the map shows for what the list shows: the listed results, every clinic (of the
 * `organization`, if set) before a search, nothing but its tiles beside a message, and what it
 * has while a search runs.
 */
export function mapScene(
  view: View,
  shown: number,
  clinics: readonly Clinic[] | undefined,
  organization: string,
): MapScene {
  if (view.kind === 'results') {
    const listed = view.results.slice(0, shown);
    const { search } = view;
    // An organization's list was not measured from a point: no origin pin.
    const origin = search.organization ? undefined : search.origin;
    return {
      kind: 'results',
      key: `${listed.map((r) => r.clinic.id).join()}@${search.origin.lat},${search.origin.lon}`,
      origin,
      markers: listed.map(({ clinic }, index) => ({
        id: clinic.id,
        lat: clinic.lat,
        lon: clinic.lon,
        rank: index + 1,
        name: clinic.name,
      })),
    };
  }
  // A search runs, or ended unanswered with the previous results still listed: they stay.
  if (view.kind === 'loading' || (view.kind === 'message' && view.previous)) {
    return { kind: 'keep' };
  }
  // The list shows a message: the map must not keep the previous results.
  if (view.kind !== 'idle') return { kind: 'clear', key: 'clear' };
  return {
    kind: 'overview',
    key: clinics,
    points: () =>
      filterClinics(clinics ?? [], { organization }).map(({ id, lat, lon, name }) => ({
        id,
        lat,
        lon,
        name,
      })),
  };
}
