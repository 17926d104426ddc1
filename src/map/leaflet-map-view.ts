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
  BACK_CLASS,
  MARKER_CLASS,
  MARKER_CSS,
  ORIGIN,
  PIN,
  PIN_SELECTED,
  SELECTED_CLASS,
  backIconHtml,
  clinicMarkerLabel,
  originHtml,
  ENGLISH_LABELS,
  NOTICE_CLASS,
  pinHtml,
} from './markers.js';
import { CooperativeGestures } from './gestures.js';
import { spreadOffsets, type ScreenPoint } from './spread.js';
import { trustedHtml } from '../trusted-types.js';

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
/**
 * Results keep this fraction of the map's width and height clear on every side (besides the
 * controls' boxes and the pins' own size), so that pins are not cut by the edge...
 */
const RESULTS_EDGE = 0.04;
/**
 * ...and with one or two clinics this much, so that the origin and the nearest clinic sit well
 * inside the view rather than in two corners beside the controls.
 */
const FEW_RESULTS_EDGE = 0.2;
/** Gap, in pixels, between a control's box and the nearest pin. */
const CONTROL_GAP = 8;
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

/**
 * A clinic pin, drawn `offset` pixels from its spot (when spread apart from pins at the same
 * spot), with a leader line back to the spot.
 */
function pinIcon(rank: number, selected: boolean, offset: ScreenPoint): L.DivIcon {
  const geometry = selected ? PIN_SELECTED : PIN;
  const moved = Math.hypot(offset.x, offset.y) >= 2;
  // The SVG's viewBox is the resting pin's 28 px wide: scale pixels to its units.
  const scale = PIN.size[0] / geometry.size[0];
  return L.divIcon({
    html: trustedHtml(
      pinHtml(rank, moved ? { x: -offset.x * scale, y: -offset.y * scale } : undefined),
    ),
    className: selected ? `${MARKER_CLASS} ${SELECTED_CLASS}` : MARKER_CLASS,
    iconSize: geometry.size,
    iconAnchor: [geometry.anchor[0] - offset.x, geometry.anchor[1] - offset.y],
  });
}

/** Private parts of Leaflet's attribution control that its `_update` uses. */
interface AttributionInternals {
  _map: L.Map | undefined;
  _container: HTMLElement;
  _attributions: Record<string, number>;
  options: L.Control.AttributionOptions;
  _update(): void;
}

/**
 * Leaflet's attribution control, drawn as Leaflet 1.9 draws it but with its HTML as TrustedHTML:
 * Leaflet joins the credits into a string for `innerHTML`. The credits are the widget's own and
 * the embedder's `tile-attribution` (HTML by design). Own keys only, so a property added to
 * Object.prototype is not taken for a credit.
 */
function trustedAttribution(control: L.Control.Attribution): L.Control.Attribution {
  const c = control as unknown as AttributionInternals;
  c._update = () => {
    if (!c._map) return;
    const credits = Object.keys(c._attributions).filter((credit) => c._attributions[credit]);
    const prefix = c.options.prefix;
    const parts = typeof prefix === 'string' && prefix ? [prefix] : [];
    if (credits.length) parts.push(credits.join(', '));
    c._container.innerHTML = trustedHtml(parts.join(' <span aria-hidden="true">|</span> '));
  };
  return control;
}

function isFinitePoint(p: { lat: number; lon: number }): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon);
}

/**
 * What the view should show once the container has a size: some bounds (the overview, the US),
 * one spot, or search results (pins and their origin, fitted clear of the controls).
 */
type ViewTarget =
  | { bounds: L.LatLngBounds }
  | { center: L.LatLng }
  | { pins: L.LatLng[]; origin: L.LatLng | undefined };

/** Distances from the container's edges, in pixels. */
interface Insets {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

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
  /** Where the pin is drawn from its spot, in pixels at the current zoom (see spread.ts). */
  offset: ScreenPoint;
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
  readonly #labels: Required<MapLabels>;
  /** Shown over the map while its tiles fail to load (offline, a blocked tile host). */
  readonly #notice: HTMLElement;
  readonly #map: L.Map;
  readonly #layer: L.LayerGroup;
  readonly #observer: ResizeObserver;
  readonly #gestures: CooperativeGestures;
  /** The "show all results" control, shown once the visitor moved the map off the results. */
  readonly #back: L.Control;
  readonly #backButton: HTMLButtonElement;
  #clinics = new Map<string, ClinicEntry>();
  /** The current results' view, for the "show all results" control; none without results. */
  #results: Extract<ViewTarget, { pins: L.LatLng[] }> | undefined;
  /** The zoom the results were last fitted at: zoomed out beyond it, the control shows. */
  #fittedZoom: number | undefined;
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
    const given = options.labels;
    this.#labels = {
      searchPoint: given?.searchPoint ?? ENGLISH_LABELS.searchPoint,
      cluster: given?.cluster ?? ENGLISH_LABELS.cluster,
      tilesUnavailable: given?.tilesUnavailable ?? ENGLISH_LABELS.tilesUnavailable,
      touchHint: given?.touchHint ?? ENGLISH_LABELS.touchHint,
      scrollHint: given?.scrollHint ?? ENGLISH_LABELS.scrollHint,
      backToResults: given?.backToResults ?? ENGLISH_LABELS.backToResults,
    };
    this.#restore = {
      className: this.#container.className,
      tabIndex: this.#container.getAttribute('tabindex'),
      position: this.#container.style.position,
    };
    adoptStyles(this.#container);

    // What the container held before Leaflet: a failure part way puts it back as it was.
    const before = new Set(this.#container.childNodes);
    try {
      const animate = !prefersReducedMotion(this.#container);
      this.#map = L.map(this.#container, {
        // Our ResizeObserver measures the container; Leaflet's window listener would miss most
        // size changes (a revealed panel, a resized column) and duplicate the rest.
        trackResize: false,
        zoomAnimation: animate,
        fadeAnimation: animate,
        markerZoomAnimation: animate,
        // Embedded in articles: a wheel over the map scrolls the page instead of trapping it;
        // Ctrl + wheel zooms (gestures.ts). The buttons, double-click, pinch and keys zoom too.
        scrollWheelZoom: false,
        // Both are added below with their HTML as TrustedHTML (Trusted Types pages).
        zoomControl: false,
        attributionControl: false,
      });
      this.#map.zoomControl = L.control
        .zoom({
          zoomInText: trustedHtml('<span aria-hidden="true">+</span>'),
          zoomOutText: trustedHtml('<span aria-hidden="true">&#x2212;</span>'),
        })
        .addTo(this.#map);
      this.#map.attributionControl = trustedAttribution(
        L.control.attribution({ prefix: '<a href="https://leafletjs.com">Leaflet</a>' }),
      ).addTo(this.#map);
      this.#gestures = new CooperativeGestures({
        map: this.#map,
        container: this.#container,
        touchHint: this.#labels.touchHint,
        scrollHint: this.#labels.scrollHint,
      });
      this.#backButton = this.#container.ownerDocument.createElement('button');
      this.#back = this.#createBackControl();
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
      tiles.on('tileerror', () => {
        if (this.#notice.hidden) {
          this.#notice.hidden = false;
          this.#placeNotice();
        }
      });
      tiles.on('tileload', () => (this.#notice.hidden = true));
      this.#layer = L.layerGroup().addTo(this.#map);
      // Pins that overlap at one zoom may not at the next: spread them again after each zoom.
      this.#map.on('zoomend', () => this.#spread());
      this.#map.on('moveend resize', () => this.#updateBack());
      this.#map.on('resize', () => {
        if (!this.#notice.hidden) this.#placeNotice();
      });

      // invalidateSize() inside the observer callback can raise "ResizeObserver loop" errors:
      // measure on the next frame instead.
      this.#observer = new ResizeObserver(() => this.resize());
      this.#observer.observe(this.#container);

      // Show the contiguous US unless a showResults() in the same task already set the view, so a
      // create-then-show never sets one view and then another (which aborts tile loads).
      queueMicrotask(() => {
        if (!this.#destroyed && !this.#hasView) this.#setView({ bounds: CONTIGUOUS_US });
      });
    } catch (error) {
      this.#abandon(before);
      throw error;
    }
  }

  showResults(origin: MapOrigin | undefined, markers: readonly MapMarker[]): void {
    if (this.#destroyed) return;
    this.#generation++;
    this.#mode = 'results';
    this.#clusters?.hide();
    const shown = markers.filter(isFinitePoint);
    const from = origin && isFinitePoint(origin) ? origin : undefined;
    const pins = shown.map((m) => L.latLng(m.lat, m.lon));
    const originLatLng = from ? L.latLng(from.lat, from.lon) : undefined;
    this.#results = pins.length || originLatLng ? { pins, origin: originLatLng } : undefined;

    // The view first: Leaflet places markers only on a map that has one.
    this.#setView(this.#results ?? { bounds: CONTIGUOUS_US });

    this.#layer.clearLayers();
    this.#clinics = new Map();
    if (from) this.#addOrigin(from);
    for (const m of shown) this.#addClinic(m);
    // A selection survives a refresh that still shows that clinic; the element clears it
    // explicitly with highlight(undefined) otherwise.
    if (this.#selected !== undefined && !this.#clinics.has(this.#selected)) {
      this.#selected = undefined;
    }
    this.#spread();
    this.#updateBack();
  }

  clearResults(): void {
    if (this.#destroyed) return;
    // An overview whose chunk is still loading is dropped too.
    this.#generation++;
    this.#mode = 'results';
    this.#clusters?.hide();
    this.#layer.clearLayers();
    this.#clinics = new Map();
    this.#selected = undefined;
    this.#results = undefined;
    this.#fittedZoom = undefined;
    this.#updateBack();
  }

  showOverview(points: readonly OverviewPoint[]): void {
    if (this.#destroyed) return;
    const generation = ++this.#generation;
    this.#mode = 'overview';
    this.#layer.clearLayers();
    this.#clinics = new Map();
    this.#results = undefined;
    this.#fittedZoom = undefined;
    this.#updateBack();
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
    this.#gestures.destroy();
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

  /**
   * After the constructor failed part way (a page whose Trusted Types policy refuses the map's
   * HTML, a library that broke Leaflet): removes what Leaflet built, so the container is as it
   * was given and a later map can be created in it. Never throws over the original error.
   */
  #abandon(given: ReadonlySet<ChildNode>): void {
    this.#destroyed = true;
    try {
      (this.#map as L.Map | undefined)?.remove();
    } catch {
      // A map that failed in its own constructor may not remove cleanly: the DOM goes below.
    }
    for (const node of [...this.#container.childNodes]) if (!given.has(node)) node.remove();
    // Leaflet refuses a container it marked as initialized ("Map container is already initialized").
    delete (this.#container as HTMLElement & { _leaflet_id?: number })._leaflet_id;
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
      const center =
        'center' in target
          ? target.center
          : 'bounds' in target
            ? target.bounds.getCenter()
            : L.latLngBounds([
                ...target.pins,
                ...(target.origin ? [target.origin] : []),
              ]).getCenter();
      this.#map.setView(center, 'center' in target ? SINGLE_POINT_ZOOM : 4, { animate: false });
      return;
    }
    this.#pendingView = undefined;
    // The size Leaflet cached may predate a resize whose observer frame has not run yet.
    this.#map.invalidateSize({ pan: false });
    if ('pins' in target) {
      const { center, zoom } = this.#resultsView(target);
      this.#fittedZoom = zoom;
      this.#map.setView(center, zoom, { animate });
      return;
    }
    if ('center' in target) {
      this.#map.setView(target.center, SINGLE_POINT_ZOOM, { animate });
      return;
    }
    // Padding never larger than a quarter of the container, so a small map still fits.
    const size = this.#map.getSize();
    const pad = Math.max(0, Math.min(FIT_PADDING, Math.floor(Math.min(size.x, size.y) / 4)));
    this.#map.fitBounds(target.bounds, { padding: [pad, pad], maxZoom: FIT_MAX_ZOOM, animate });
  }

  /** A control's box relative to the container, in pixels; none when it is not shown. */
  #boxOf(el: HTMLElement | undefined): DOMRect | undefined {
    if (!el || el.hidden || !el.isConnected) return undefined;
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) return undefined;
    const c = this.#container.getBoundingClientRect();
    return new DOMRect(r.left - c.left, r.top - c.top, r.width, r.height);
  }

  /**
   * How far from each edge the pins' boxes must stay: a part of the map each way, and clear of
   * the zoom control (top left) and the attribution (bottom right), each cleared along the side
   * that costs the smaller part of the map.
   */
  #resultsInsets(size: L.Point, few: boolean): Insets {
    const edge = few ? FEW_RESULTS_EDGE : RESULTS_EDGE;
    const insets: Insets = {
      left: size.x * edge,
      right: size.x * edge,
      top: size.y * edge,
      bottom: size.y * edge,
    };
    const zoom = this.#boxOf(this.#map.zoomControl?.getContainer());
    if (zoom) {
      const byLeft = zoom.right + CONTROL_GAP;
      const byTop = zoom.bottom + CONTROL_GAP;
      if ((byLeft - insets.left) / size.x <= (byTop - insets.top) / size.y) {
        insets.left = Math.max(insets.left, byLeft);
      } else {
        insets.top = Math.max(insets.top, byTop);
      }
    }
    const credit = this.#boxOf(this.#map.attributionControl?.getContainer());
    if (credit) {
      const byBottom = size.y - credit.top + CONTROL_GAP;
      const byRight = size.x - credit.left + CONTROL_GAP;
      if ((byBottom - insets.bottom) / size.y <= (byRight - insets.right) / size.x) {
        insets.bottom = Math.max(insets.bottom, byBottom);
      } else {
        insets.right = Math.max(insets.right, byRight);
      }
    }
    return insets;
  }

  /**
   * The closest zoom (a street zoom for one spot, FIT_MAX_ZOOM otherwise) at which every pin,
   * drawn where spread.ts puts it and as large as a selected pin, and the origin fit inside the
   * insets; and the centre that puts them in the middle of that area. One setView, no fitBounds:
   * Leaflet's padding knows neither the pins' size nor their spreading.
   */
  #resultsView(target: { pins: L.LatLng[]; origin: L.LatLng | undefined }): {
    center: L.LatLng;
    zoom: number;
  } {
    const size = this.#map.getSize();
    const insets = this.#resultsInsets(size, target.pins.length <= 2);
    const area = {
      x: Math.max(1, size.x - insets.left - insets.right),
      y: Math.max(1, size.y - insets.top - insets.bottom),
    };
    const all = target.origin ? [...target.pins, target.origin] : target.pins;
    const first = all[0];
    const oneSpot = !first || all.every((p) => p.equals(first));
    const [pinW, pinH] = PIN_SELECTED.size;
    const [originW, originH] = ORIGIN.size;
    let zoom = oneSpot ? SINGLE_POINT_ZOOM : FIT_MAX_ZOOM;
    let box = { minX: 0, minY: 0, maxX: 0, maxY: 0 };
    for (; zoom >= this.#map.getMinZoom(); zoom--) {
      const tips = target.pins.map((p) => this.#map.project(p, zoom));
      const offsets = spreadOffsets(tips);
      box = { minX: Infinity, minY: Infinity, maxX: -Infinity, maxY: -Infinity };
      for (const [i, tip] of tips.entries()) {
        const offset = offsets[i] ?? { x: 0, y: 0 };
        const x = tip.x + offset.x;
        const y = tip.y + offset.y;
        box.minX = Math.min(box.minX, x - pinW / 2);
        box.maxX = Math.max(box.maxX, x + pinW / 2);
        box.minY = Math.min(box.minY, y - pinH);
        box.maxY = Math.max(box.maxY, y);
      }
      if (target.origin) {
        const o = this.#map.project(target.origin, zoom);
        box.minX = Math.min(box.minX, o.x - originW / 2);
        box.maxX = Math.max(box.maxX, o.x + originW / 2);
        box.minY = Math.min(box.minY, o.y - originH / 2);
        box.maxY = Math.max(box.maxY, o.y + originH / 2);
      }
      if (box.maxX - box.minX <= area.x && box.maxY - box.minY <= area.y) break;
    }
    zoom = Math.max(zoom, this.#map.getMinZoom());
    // The middle of the pins' box goes to the middle of the free area.
    const middle = L.point((box.minX + box.maxX) / 2, (box.minY + box.maxY) / 2);
    const shift = L.point(
      size.x / 2 - (insets.left + area.x / 2),
      size.y / 2 - (insets.top + area.y / 2),
    );
    return { center: this.#map.unproject(middle.add(shift), zoom), zoom };
  }

  /** Spreads pins that would hide each other's numbers at the current zoom (see spread.ts). */
  #spread(): void {
    if (this.#mode !== 'results' || this.#clinics.size === 0) return;
    const entries = [...this.#clinics.values()];
    const offsets = spreadOffsets(
      entries.map((entry) => this.#map.latLngToLayerPoint(entry.marker.getLatLng())),
    );
    for (const [i, entry] of entries.entries()) {
      const spread = offsets[i] ?? { x: 0, y: 0 };
      const offset = { x: Math.round(spread.x), y: Math.round(spread.y) };
      if (offset.x === entry.offset.x && offset.y === entry.offset.y) continue;
      entry.offset = offset;
      this.#renderPin(entry);
    }
  }

  /**
   * The "show all results" control: a Leaflet control under the zoom buttons, built like them,
   * with the label as its accessible name and tooltip.
   */
  #createBackControl(): L.Control {
    const button = this.#backButton;
    button.type = 'button';
    button.innerHTML = trustedHtml(backIconHtml()); // a constant: no data
    button.setAttribute('aria-label', this.#labels.backToResults);
    button.title = this.#labels.backToResults;
    const control = new L.Control({ position: 'topleft' });
    control.onAdd = () => {
      const box = this.#container.ownerDocument.createElement('div');
      box.className = `leaflet-bar leaflet-control ${BACK_CLASS}`;
      box.hidden = true;
      box.append(button);
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.on(button, 'click', () => this.#backToResults());
      return box;
    };
    control.addTo(this.#map);
    return control;
  }

  #backToResults(): void {
    if (this.#destroyed || !this.#results) return;
    const hadFocus =
      (this.#container.getRootNode() as Document | ShadowRoot).activeElement === this.#backButton;
    this.#setView(this.#results);
    this.#updateBack();
    // The button hides once the results are in view: keep focus in the map, not on the page.
    if (hadFocus) this.#container.focus({ preventScroll: true });
  }

  /**
   * Shows the control while results are shown but not all in view (panned or zoomed in off
   * them) or zoomed out beyond their fit; hides it otherwise: nothing to bring back.
   */
  #updateBack(): void {
    const box = this.#back.getContainer();
    if (!box || this.#destroyed) return;
    let away = false;
    if (this.#mode === 'results' && this.#results && this.#fittedZoom !== undefined) {
      const size = this.#map.getSize();
      const all = this.#results.origin
        ? [...this.#results.pins, this.#results.origin]
        : this.#results.pins;
      away =
        this.#map.getZoom() < this.#fittedZoom ||
        all.some((p) => {
          const q = this.#map.latLngToContainerPoint(p);
          return q.x < 0 || q.y < 0 || q.x > size.x || q.y > size.y;
        });
    }
    if (box.hidden === !away) return;
    box.hidden = !away;
  }

  /**
   * Puts the tiles notice beside the top-left controls (or below them on a narrow map), where
   * it covers neither them nor the attribution.
   */
  #placeNotice(): void {
    const width = this.#container.clientWidth;
    const zoom = this.#boxOf(this.#map.zoomControl?.getContainer());
    const back = this.#boxOf(this.#back.getContainer());
    const right = Math.max(zoom?.right ?? 0, back?.right ?? 0);
    const bottom = Math.max(zoom?.bottom ?? 0, back?.bottom ?? 0);
    const style = this.#notice.style;
    if (width - right - 20 >= 180) {
      style.left = `${Math.round(right + 10)}px`;
      style.top = '10px';
    } else {
      style.left = '10px';
      style.top = `${Math.round(bottom + 10)}px`;
    }
  }

  #addOrigin(origin: MapOrigin): void {
    const marker = L.marker([origin.lat, origin.lon], {
      icon: L.divIcon({
        html: trustedHtml(originHtml()),
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
      icon: pinIcon(data.rank, selected, { x: 0, y: 0 }),
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
    this.#clinics.set(data.id, { marker, data, offset: { x: 0, y: 0 } });
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
    this.#renderPin(entry);
  }

  /** Draws a pin for its selection and offset, keeping its element (and its focus). */
  #renderPin(entry: ClinicEntry): void {
    const selected = entry.data.id === this.#selected;
    // A divIcon reuses its existing element, so focus, aria-label and title stay put.
    entry.marker.setIcon(pinIcon(entry.data.rank, selected, entry.offset));
    // Leaflet stacks markers by their spot's y; a spread pin stacks by where its tip is drawn
    // (lower in front, as everywhere else), and the selected pin above all.
    entry.marker.setZIndexOffset(Math.round(entry.offset.y) + (selected ? SELECTED_Z_OFFSET : 0));
    const el = entry.marker.getElement();
    if (el) {
      if (selected) el.setAttribute('aria-current', 'true');
      else el.removeAttribute('aria-current');
    }
  }
}

/** Creates a Leaflet-backed MapView drawing into `options.container`. */
export const createMapView: CreateMapView = (options) => new LeafletMapView(options);
