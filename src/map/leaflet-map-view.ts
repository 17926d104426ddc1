// The Leaflet adapter behind MapView: the only module that imports leaflet. It is loaded lazily
// by the element, draws into a container inside the widget's shadow root, and keeps Leaflet's
// stylesheet in that shadow root (never in the host page, never on `window.L`).
import * as L from 'leaflet';
import leafletCss from 'leaflet/dist/leaflet.css?inline';
import type { ClusterLayer } from './cluster-layer.js';
import type {
  CreateMapView,
  MapLabels,
  MapMarker,
  MapOrigin,
  MapView,
  MapViewOptions,
  OverviewPoint,
} from './map-view.js';
import {
  MARKER_CLASS,
  MARKER_CSS,
  ORIGIN,
  PIN,
  PIN_SELECTED,
  SELECTED_CLASS,
  clinicMarkerLabel,
  originHtml,
  ENGLISH_LABELS,
  NOTICE_CLASS,
  pinHtml,
  type PinGeometry,
} from './markers.js';

/** Always credited, whatever the tile provider: the ZIP centroids come from GeoNames. */
export const GEONAMES_ATTRIBUTION =
  'ZIP data © <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)';

/** The contiguous United States, shown before any search and when a search found nothing. */
const CONTIGUOUS_US = L.latLngBounds([24.4, -124.8], [49.4, -66.9]);
/** Closest zoom a fitted view may reach: a block or two around a lone clinic and its origin. */
const FIT_MAX_ZOOM = 14;
/** Zoom for a single point (a lone clinic, or an origin with nothing near). */
const SINGLE_POINT_ZOOM = 12;
/** Room around fitted points, in pixels, so pins are not cut by the container's edge. */
const FIT_PADDING = 40;
/** Above every other marker while selected (Leaflet stacks markers by latitude otherwise). */
const SELECTED_Z_OFFSET = 1000;
/** Under every clinic marker: the origin never hides a clinic. */
const ORIGIN_Z_OFFSET = -1000;

/**
 * One stylesheet per document, memoised for the life of that document. A constructed sheet can
 * only be adopted in the document that created it, hence the key. This is module-level state,
 * which the conventions otherwise forbid, because the sheet is immutable after creation (its
 * text is the same constant for every widget): sharing it is what adoptedStyleSheets is for,
 * and no widget can observe another through it. A WeakMap lets a discarded document go.
 */
const sheets = new WeakMap<Document, CSSStyleSheet>();

function sheetFor(doc: Document): CSSStyleSheet {
  let sheet = sheets.get(doc);
  if (!sheet) {
    // The constructor must come from the document's own window (an iframe's, for instance).
    const Sheet = doc.defaultView?.CSSStyleSheet ?? CSSStyleSheet;
    sheet = new Sheet();
    sheet.replaceSync(`${leafletCss}\n${MARKER_CSS}`);
    sheets.set(doc, sheet);
  }
  return sheet;
}

/**
 * Adopts Leaflet's and the markers' CSS where the container lives: its shadow root, or the
 * document when the map is drawn in the light DOM. A detached container gets nothing (there is
 * nowhere to adopt into); the element creates the map once its shadow root is rendered.
 */
function adoptStyles(container: HTMLElement): void {
  const root = container.getRootNode();
  if (!(root instanceof ShadowRoot) && !(root instanceof Document)) return;
  const doc = root instanceof Document ? root : root.ownerDocument;
  const sheet = sheetFor(doc);
  if (!root.adoptedStyleSheets.includes(sheet)) {
    root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }
}

function prefersReducedMotion(container: HTMLElement): boolean {
  const view = container.ownerDocument.defaultView;
  return view?.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;
}

function pinIcon(rank: number, geometry: PinGeometry, selected: boolean): L.DivIcon {
  return L.divIcon({
    html: pinHtml(rank),
    className: selected ? `${MARKER_CLASS} ${SELECTED_CLASS}` : MARKER_CLASS,
    iconSize: geometry.size,
    iconAnchor: geometry.anchor,
  });
}

function isFinitePoint(p: { lat: number; lon: number }): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon);
}

/** What the view should show once the container has a size. */
type ViewTarget = { bounds: L.LatLngBounds } | { center: L.LatLng };

/** The bounds of every valid point, without an array of 50,000 LatLngs. */
function boundsOf(points: readonly { lat: number; lon: number }[]): L.LatLngBounds | undefined {
  let south = Infinity;
  let west = Infinity;
  let north = -Infinity;
  let east = -Infinity;
  for (const p of points) {
    if (!isFinitePoint(p) || Math.abs(p.lat) > 90) continue;
    if (p.lat < south) south = p.lat;
    if (p.lat > north) north = p.lat;
    if (p.lon < west) west = p.lon;
    if (p.lon > east) east = p.lon;
  }
  return south <= north ? L.latLngBounds([south, west], [north, east]) : undefined;
}

/** The view for some points: all of them, a street zoom for one spot, the US for none. */
function targetFor(bounds: L.LatLngBounds | undefined): ViewTarget {
  // A single point (or several at one spot) gets a street zoom; fitBounds would zoom to maxZoom.
  if (!bounds) return { bounds: CONTIGUOUS_US };
  if (bounds.getNorthEast().equals(bounds.getSouthWest())) return { center: bounds.getCenter() };
  return { bounds };
}

interface ClinicEntry {
  marker: L.Marker;
  data: MapMarker;
}

/**
 * A MapView drawn with Leaflet: numbered, keyboard-operable clinic pins, an origin marker, a view
 * fitted in one step, and a ResizeObserver that keeps the map measured (including a map created
 * while hidden). The browse overview (every clinic, clustered) lives in cluster-layer.ts, loaded
 * the first time it is shown; results and overview never share the map.
 */
export class LeafletMapView implements MapView {
  readonly #container: HTMLElement;
  readonly #onSelect: (id: string) => void;
  readonly #labels: MapLabels;
  /** Shown over the map while its tiles fail to load (offline, a blocked tile host). */
  readonly #notice: HTMLElement;
  readonly #map: L.Map;
  readonly #layer: L.LayerGroup;
  readonly #observer: ResizeObserver;
  #clinics = new Map<string, ClinicEntry>();
  #selected: string | undefined;
  /** Which of showResults/showOverview came last: what highlight() acts on. */
  #mode: 'results' | 'overview' = 'results';
  /**
   * Counts showResults/showOverview/destroy calls, so an overview whose chunk arrives after a
   * later call (or after destroy) is dropped.
   */
  #generation = 0;
  #clusters: ClusterLayer | undefined;
  #clusterModule: Promise<typeof import('./cluster-layer.js')> | undefined;
  #frame = 0;
  #destroyed = false;
  #hasView = false;
  /** A fit requested while the container had no size, applied once it has one. */
  #pendingView: ViewTarget | undefined;
  /** What Leaflet changes on the container itself and map.remove() leaves behind. */
  readonly #restore: { className: string; tabIndex: string | null; position: string };

  constructor(options: MapViewOptions) {
    this.#container = options.container;
    this.#onSelect = options.onSelect;
    this.#labels = options.labels ?? ENGLISH_LABELS;
    this.#restore = {
      className: this.#container.className,
      tabIndex: this.#container.getAttribute('tabindex'),
      position: this.#container.style.position,
    };
    adoptStyles(this.#container);

    const animate = !prefersReducedMotion(this.#container);
    this.#map = L.map(this.#container, {
      // Our ResizeObserver measures the container; Leaflet's window listener would miss most
      // size changes (a revealed panel, a resized column) and duplicate the rest.
      trackResize: false,
      zoomAnimation: animate,
      fadeAnimation: animate,
      markerZoomAnimation: animate,
      // Embedded in articles: a wheel over the map scrolls the page instead of trapping it.
      // The zoom buttons, double-click, pinch and the keyboard still zoom.
      scrollWheelZoom: false,
    });
    this.#map.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
    this.#map.attributionControl.addAttribution(GEONAMES_ATTRIBUTION);
    const tiles = L.tileLayer(options.tileUrl, {
      maxZoom: 19,
      // The embedder's attribute, rendered as HTML by design of Leaflet's attribution option.
      attribution: options.tileAttribution,
      // OSM's tile servers need a Referer even when the host page's policy sends none.
      referrerPolicy: 'strict-origin-when-cross-origin',
    }).addTo(this.#map);
    // When tiles fail the markers still work: say why the background is blank.
    this.#notice = document.createElement('p');
    this.#notice.className = NOTICE_CLASS;
    this.#notice.setAttribute('role', 'status');
    this.#notice.textContent = this.#labels.tilesUnavailable;
    this.#notice.hidden = true;
    this.#container.append(this.#notice);
    tiles.on('tileerror', () => (this.#notice.hidden = false));
    tiles.on('tileload', () => (this.#notice.hidden = true));
    this.#layer = L.layerGroup().addTo(this.#map);

    // invalidateSize() inside the observer callback can raise "ResizeObserver loop" errors:
    // measure on the next frame instead.
    this.#observer = new ResizeObserver(() => this.resize());
    this.#observer.observe(this.#container);

    // Show the contiguous US unless a showResults() in the same task already set the view, so a
    // create-then-show never sets one view and then another (which aborts tile loads).
    queueMicrotask(() => {
      if (!this.#destroyed && !this.#hasView) this.#setView({ bounds: CONTIGUOUS_US });
    });
  }

  showResults(origin: MapOrigin | undefined, markers: readonly MapMarker[]): void {
    if (this.#destroyed) return;
    this.#generation++;
    this.#mode = 'results';
    this.#clusters?.hide();
    const shown = markers.filter(isFinitePoint);
    const points = origin && isFinitePoint(origin) ? [origin, ...shown] : shown;

    // The view first: Leaflet places markers only on a map that has one.
    this.#setView(targetFor(boundsOf(points)));

    this.#layer.clearLayers();
    this.#clinics = new Map();
    if (origin && isFinitePoint(origin)) this.#addOrigin(origin);
    for (const m of shown) this.#addClinic(m);
    // A selection survives a refresh that still shows that clinic; the element clears it
    // explicitly with highlight(undefined) otherwise.
    if (this.#selected !== undefined && !this.#clinics.has(this.#selected)) {
      this.#selected = undefined;
    }
  }

  showOverview(points: readonly OverviewPoint[]): void {
    if (this.#destroyed) return;
    const generation = ++this.#generation;
    this.#mode = 'overview';
    this.#layer.clearLayers();
    this.#clinics = new Map();
    // The view now, in the same task as the call (so the constructor's US view is skipped).
    this.#setView(targetFor(boundsOf(points)));

    if (this.#clusters) {
      this.#clusters.show(points);
      this.#clusters.highlight(this.#selected);
      return;
    }
    // Nothing to cluster: no reason to download the chunk yet.
    if (points.length === 0) return;
    this.#loadClusters().then(
      ({ createClusterLayer }) => {
        // A showResults, another showOverview or destroy came while the chunk loaded.
        if (this.#destroyed || generation !== this.#generation) return;
        this.#clusters ??= createClusterLayer({
          L,
          map: this.#map,
          onSelect: (id) => this.#activate(id),
          reducedMotion: () => prefersReducedMotion(this.#container),
          clusterLabel: (count) => this.#labels.cluster(count),
        });
        this.#clusters.show(points);
        this.#clusters.highlight(this.#selected);
      },
      () => {
        // The chunk failed to load (offline, a CDN hiccup): the map keeps its fitted view and
        // tiles, and the next showOverview tries again.
      },
    );
  }

  highlight(id: string | undefined, options: { pan?: boolean } = {}): void {
    if (this.#destroyed) return;
    if (this.#mode === 'overview') {
      this.#highlightOverview(id, options);
      return;
    }
    const next = id !== undefined && this.#clinics.has(id) ? id : undefined;
    if (next !== this.#selected) {
      const previous = this.#selected;
      this.#selected = next;
      if (previous !== undefined) this.#renderSelection(previous);
      if (next !== undefined) this.#renderSelection(next);
    }
    const entry = next === undefined ? undefined : this.#clinics.get(next);
    if (entry && options.pan) {
      const latLng = entry.marker.getLatLng();
      // Leave the view alone when the pin is already well inside it.
      if (!this.#map.getBounds().pad(-0.15).contains(latLng)) {
        this.#map.panTo(latLng, { animate: !prefersReducedMotion(this.#container) });
      }
    }
  }

  resize(): void {
    if (this.#destroyed || this.#frame) return;
    const view = this.#container.ownerDocument.defaultView ?? window;
    this.#frame = view.requestAnimationFrame(() => {
      this.#frame = 0;
      if (this.#destroyed) return;
      this.#map.invalidateSize({ pan: false });
      if (this.#pendingView && this.#hasSize()) {
        const target = this.#pendingView;
        this.#pendingView = undefined;
        this.#setView(target);
      }
    });
  }

  destroy(): void {
    if (this.#destroyed) return;
    this.#destroyed = true;
    this.#generation++;
    this.#clusters?.hide();
    this.#clusters = undefined;
    this.#observer.disconnect();
    if (this.#frame) {
      (this.#container.ownerDocument.defaultView ?? window).cancelAnimationFrame(this.#frame);
      this.#frame = 0;
    }
    this.#clinics.clear();
    this.#map.off();
    // A zoom animation in flight ends on a 250 ms timer that Leaflet 1.9 does not cancel on
    // remove(), and then throws on the removed panes (Leaflet/Leaflet#6775, #9575). Its first
    // check is this private flag: clearing it makes the late timer a no-op.
    (this.#map as unknown as { _animatingZoom?: boolean })._animatingZoom = false;
    // Removes every pane, control and DOM listener Leaflet added to the container; its classes,
    // tabindex and position stay, so the container is put back as it was given.
    this.#map.remove();
    this.#notice.remove();
    const { className, tabIndex, position } = this.#restore;
    this.#container.className = className;
    if (tabIndex === null) this.#container.removeAttribute('tabindex');
    else this.#container.setAttribute('tabindex', tabIndex);
    this.#container.style.position = position;
  }

  /** The cluster layer's module, fetched once per view (the browser caches the chunk). */
  #loadClusters(): Promise<typeof import('./cluster-layer.js')> {
    this.#clusterModule ??= import('./cluster-layer.js').catch((error: unknown) => {
      this.#clusterModule = undefined;
      throw error;
    });
    return this.#clusterModule;
  }

  #highlightOverview(id: string | undefined, options: { pan?: boolean }): void {
    // Before the cluster chunk arrives the id cannot be checked; the layer ignores unknown ids.
    const position = id === undefined ? undefined : this.#clusters?.positionOf(id);
    this.#selected = id;
    this.#clusters?.highlight(id);
    if (position && options.pan) {
      const latLng = L.latLng(position.lat, position.lon);
      if (!this.#map.getBounds().pad(-0.15).contains(latLng)) {
        this.#map.panTo(latLng, { animate: !prefersReducedMotion(this.#container) });
      }
    }
  }

  #hasSize(): boolean {
    return this.#container.clientWidth > 0 && this.#container.clientHeight > 0;
  }

  /** Sets the view in one call. Without a size, holds the fit until the container has one. */
  #setView(target: ViewTarget): void {
    this.#hasView = true;
    const animate = !prefersReducedMotion(this.#container);
    if (!this.#hasSize()) {
      // Leaflet cannot fit into 0×0 (its zoom comes out NaN), but it needs some view before it
      // can place markers: centre roughly now, fit properly once the container is revealed.
      this.#pendingView = target;
      const center = 'center' in target ? target.center : target.bounds.getCenter();
      this.#map.setView(center, 'center' in target ? SINGLE_POINT_ZOOM : 4, { animate: false });
      return;
    }
    this.#pendingView = undefined;
    // The size Leaflet cached may predate a resize whose observer frame has not run yet.
    this.#map.invalidateSize({ pan: false });
    if ('center' in target) {
      this.#map.setView(target.center, SINGLE_POINT_ZOOM, { animate });
      return;
    }
    // Padding never larger than a quarter of the container, so a small map still fits.
    const size = this.#map.getSize();
    const pad = Math.max(0, Math.min(FIT_PADDING, Math.floor(Math.min(size.x, size.y) / 4)));
    this.#map.fitBounds(target.bounds, { padding: [pad, pad], maxZoom: FIT_MAX_ZOOM, animate });
  }

  #addOrigin(origin: MapOrigin): void {
    const marker = L.marker([origin.lat, origin.lon], {
      icon: L.divIcon({
        html: originHtml(),
        className: `${MARKER_CLASS} ${MARKER_CLASS}--origin`,
        iconSize: ORIGIN.size,
        iconAnchor: ORIGIN.anchor,
      }),
      interactive: false,
      keyboard: false,
      zIndexOffset: ORIGIN_Z_OFFSET,
    });
    marker.addTo(this.#layer);
    const el = marker.getElement();
    if (el) {
      // Set through the DOM, never into HTML: the label may contain what the visitor typed.
      el.setAttribute('role', 'img');
      el.setAttribute('aria-label', this.#labels.searchPoint(origin.label));
      el.title = this.#labels.searchPoint(origin.label);
    }
  }

  #addClinic(data: MapMarker): void {
    const selected = data.id === this.#selected;
    const marker = L.marker([data.lat, data.lon], {
      icon: pinIcon(data.rank, selected ? PIN_SELECTED : PIN, selected),
      keyboard: true,
      riseOnHover: true,
      zIndexOffset: selected ? SELECTED_Z_OFFSET : 0,
    });
    marker.on('click', () => this.#activate(data.id));
    // Leaflet gives the pin role="button" and tabindex="0" but fires nothing on Enter or Space.
    marker.on('keydown', (event) => {
      const key = (event as L.LeafletKeyboardEvent).originalEvent;
      if (key.key !== 'Enter' && key.key !== ' ') return;
      // A held key would report the same selection over and over.
      if (key.repeat || key.altKey || key.ctrlKey || key.metaKey) return;
      key.preventDefault(); // Space would scroll the page
      this.#activate(data.id);
    });
    marker.addTo(this.#layer);
    this.#clinics.set(data.id, { marker, data });
    const el = marker.getElement();
    if (el) {
      // Set through the DOM, never into HTML: the name is data.
      const label = clinicMarkerLabel(data);
      el.setAttribute('aria-label', label);
      el.title = label;
      el.dataset['clinicId'] = data.id;
      if (selected) el.setAttribute('aria-current', 'true');
    }
  }

  #activate(id: string): void {
    if (this.#destroyed) return;
    this.highlight(id);
    this.#onSelect(id);
  }

  /** Redraws one clinic pin for the current selection, keeping its element (and its focus). */
  #renderSelection(id: string): void {
    const entry = this.#clinics.get(id);
    if (!entry) return;
    const selected = id === this.#selected;
    // A divIcon reuses its existing element, so focus, aria-label and title stay put.
    entry.marker.setIcon(pinIcon(entry.data.rank, selected ? PIN_SELECTED : PIN, selected));
    entry.marker.setZIndexOffset(selected ? SELECTED_Z_OFFSET : 0);
    const el = entry.marker.getElement();
    if (el) {
      if (selected) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
    }
  }
}

/** Creates a Leaflet-backed MapView drawing into `options.container`. */
export const createMapView: CreateMapView = (options) => new LeafletMapView(options);
