// The browse overview: every clinic, clustered. The only importer of supercluster, loaded lazily
// (its own chunk) by the Leaflet adapter the first time it shows the overview, so a page that
// only searches never downloads it. Leaflet itself is handed in by the adapter, which stays the
// only module that imports leaflet (and so the only place that could ever touch a global `L`).
//
// Whatever the number of clinics, only the clusters and points inside the current view (plus a
// margin) ever become markers: supercluster answers "what is in this box at this zoom" from its
// index, and markers still in view after a pan keep their DOM (and focus).
import type * as Leaflet from 'leaflet';
import Supercluster from 'supercluster';
import type { OverviewPoint } from './map-view.js';
import { trustedHtml } from '../trusted-types.js';
import {
  CLUSTER_CLASS,
  DOT,
  DOT_CLASS,
  MARKER_CLASS,
  SELECTED_CLASS,
  clusterHtml,
  clusterLabel,
  clusterSize,
  dotHtml,
} from './markers.js';

/** The parts of Leaflet this module uses, handed in by the adapter. */
export type LeafletApi = Pick<typeof Leaflet, 'divIcon' | 'layerGroup' | 'marker'>;

/** What the adapter hands a cluster layer. */
export interface ClusterLayerOptions {
  /** Leaflet's namespace, from the adapter (never a global). */
  L: LeafletApi;
  /** The map to draw on; it must have a view before `show()`. */
  map: Leaflet.Map;
  /** Called when the visitor clicks or activates a single clinic's marker. */
  onSelect: (id: string) => void;
  /** Read on every zoom, so a changed preference applies at once. */
  reducedMotion: () => boolean;
  /** A cluster's accessible name (the widget's language). */
  clusterLabel?: (count: number) => string;
}

/**
 * Cluster radius in pixels: neighbours closer than this on screen merge. 80 rather than
 * supercluster's usual 40-60 so that bubbles (up to 52 px) do not overlap: overlapping targets
 * failed the WCAG 2.2 target-size check (Lighthouse accessibility 97 → 100 on demo/index.html).
 */
const RADIUS = 80;
/** The last zoom with clusters; from MAX_ZOOM + 1 on, every clinic is its own marker. */
const MAX_ZOOM = 16;
/** Markers are made for this fraction of the view beyond each edge, so a short pan shows no gap. */
const MARGIN = 0.15;
/** Clusters above single clinics, and a selected clinic above both. */
const CLUSTER_Z_OFFSET = 500;
const SELECTED_Z_OFFSET = 1000;

/** What the index keeps of each point: its position in the points array. */
interface PointProps {
  index: number;
}

type Feature =
  Supercluster.ClusterFeature<Supercluster.AnyProps> | Supercluster.PointFeature<PointProps>;

function isCluster(f: Feature): f is Supercluster.ClusterFeature<Supercluster.AnyProps> {
  return (f.properties as Partial<Supercluster.ClusterProperties>).cluster === true;
}

function isValidPoint(p: OverviewPoint): boolean {
  return Number.isFinite(p.lat) && Number.isFinite(p.lon) && Math.abs(p.lat) <= 90;
}

function isActivationKey(event: Leaflet.LeafletEvent): KeyboardEvent | undefined {
  const key = (event as Leaflet.LeafletKeyboardEvent).originalEvent;
  if (key.key !== 'Enter' && key.key !== ' ') return undefined;
  // A held key would repeat the action over and over.
  if (key.repeat || key.altKey || key.ctrlKey || key.metaKey) return undefined;
  return key;
}

/**
 * Every clinic on the map at once, clustered with supercluster: count bubbles that zoom in when
 * clicked or activated with Enter or Space, and single clinics as dots that report their id.
 * One layer per map; `show()` and `hide()` switch it on and off, and the index of the last points
 * array is kept, so showing the same clinics again costs one render.
 */
export class ClusterLayer {
  readonly #L: LeafletApi;
  readonly #map: Leaflet.Map;
  readonly #onSelect: (id: string) => void;
  readonly #reducedMotion: () => boolean;
  readonly #group: Leaflet.LayerGroup;
  readonly #onMoveEnd = (): void => this.#render();
  #points: readonly OverviewPoint[] | undefined;
  #index: Supercluster<PointProps, Supercluster.AnyProps> | undefined;
  /** Clinic id → position in `#points`, for highlight and pan. */
  #ids = new Map<string, number>();
  /** Markers on the map, by feature key (see `#keyOf`). */
  #markers = new Map<string, Leaflet.Marker>();
  #shown = false;
  #selected: string | undefined;
  readonly #clusterLabel: (count: number) => string;
  /** Where a keyboard-activated cluster was: focus goes to the nearest marker after the zoom. */
  #focusNear: Leaflet.LatLng | undefined;

  constructor(options: ClusterLayerOptions) {
    this.#L = options.L;
    this.#map = options.map;
    this.#onSelect = options.onSelect;
    this.#reducedMotion = options.reducedMotion;
    this.#clusterLabel = options.clusterLabel ?? clusterLabel;
    this.#group = this.#L.layerGroup();
  }

  /** Whether the layer is on the map. */
  get shown(): boolean {
    return this.#shown;
  }

  /** How many markers (clusters and single clinics) are on the map now. */
  get markerCount(): number {
    return this.#markers.size;
  }

  /**
   * Shows `points`, clustered, and keeps them in step with the view. The index is built once per
   * array: the same array again reuses it. Does not move the view (the adapter fits it first).
   */
  show(points: readonly OverviewPoint[]): void {
    if (points !== this.#points) {
      this.#clearMarkers();
      this.#build(points);
    }
    if (!this.#shown) {
      this.#shown = true;
      this.#group.addTo(this.#map);
      // moveend follows every pan and every zoom (after its animation), so it alone suffices.
      this.#map.on('moveend', this.#onMoveEnd);
    }
    this.#render();
  }

  /** Takes every marker and listener off the map; `show()` brings them back. */
  hide(): void {
    if (!this.#shown) return;
    this.#shown = false;
    this.#focusNear = undefined;
    this.#map.off('moveend', this.#onMoveEnd);
    this.#clearMarkers();
    this.#group.remove();
  }

  /** Marks one clinic's dot as selected (when it is a single marker in view), or none. */
  highlight(id: string | undefined): void {
    const previous = this.#selected;
    this.#selected = id;
    if (previous === id) return;
    for (const clinic of [previous, id]) {
      const index = clinic === undefined ? undefined : this.#ids.get(clinic);
      if (index === undefined) continue;
      for (const [key, marker] of this.#markers) {
        if (key.startsWith(`p${index}@`)) this.#renderSelection(marker, clinic === id);
      }
    }
  }

  /** Where a clinic of the current points is, if it is one. */
  positionOf(id: string): { lat: number; lon: number } | undefined {
    const index = this.#ids.get(id);
    return index === undefined ? undefined : this.#points?.[index];
  }

  #build(points: readonly OverviewPoint[]): void {
    this.#points = points;
    this.#ids = new Map();
    const features: Supercluster.PointFeature<PointProps>[] = [];
    for (const [index, p] of points.entries()) {
      if (!isValidPoint(p)) continue;
      this.#ids.set(p.id, index);
      features.push({
        type: 'Feature',
        properties: { index },
        geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      });
    }
    this.#index = new Supercluster<PointProps, Supercluster.AnyProps>({
      radius: RADIUS,
      maxZoom: MAX_ZOOM,
    }).load(features);
  }

  #clearMarkers(): void {
    this.#group.clearLayers();
    this.#markers = new Map();
  }

  /** Puts on the map exactly the features in view (plus the margin), reusing markers kept. */
  #render(): void {
    const index = this.#index;
    if (!this.#shown || !index) return;
    const bounds = this.#map.getBounds().pad(MARGIN);
    const zoom = Math.round(this.#map.getZoom());
    // supercluster wraps longitudes itself and handles a box across the antimeridian.
    const features: Feature[] = index.getClusters(
      [bounds.getWest(), bounds.getSouth(), bounds.getEast(), bounds.getNorth()],
      zoom,
    );
    const centerLng = this.#map.getCenter().lng;
    const next = new Map<string, Leaflet.Marker>();
    for (const feature of features) {
      const [lon, lat] = feature.geometry.coordinates as [number, number];
      // The copy of the world the visitor looks at, when the map was panned round the globe.
      const wrap = Math.round((centerLng - lon) / 360);
      const key = `${this.#keyOf(feature)}@${wrap}`;
      const position: Leaflet.LatLngTuple = [lat, lon + 360 * wrap];
      next.set(key, this.#markers.get(key) ?? this.#createMarker(feature, position));
    }
    for (const [key, marker] of this.#markers) {
      if (!next.has(key)) this.#group.removeLayer(marker);
    }
    this.#markers = next;
    if (this.#focusNear) this.#focusNearest(this.#focusNear);
  }

  #keyOf(feature: Feature): string {
    // Cluster ids encode their zoom and never collide; a cluster carried unchanged to a lower zoom
    // keeps its id, count and position, so its marker can be kept.
    return isCluster(feature)
      ? `c${feature.properties.cluster_id}`
      : `p${(feature.properties as PointProps).index}`;
  }

  #createMarker(feature: Feature, position: Leaflet.LatLngTuple): Leaflet.Marker {
    if (isCluster(feature)) return this.#createCluster(feature, position);
    const index = (feature.properties as PointProps).index;
    const point = this.#points?.[index];
    // The index was built from #points, so every point feature has its clinic.
    if (!point) throw new Error(`clinic-locator: no overview point ${index}`);
    return this.#createDot(point, position);
  }

  #createCluster(
    feature: Supercluster.ClusterFeature<Supercluster.AnyProps>,
    position: Leaflet.LatLngTuple,
  ): Leaflet.Marker {
    const { cluster_id: clusterId, point_count: count } = feature.properties;
    const { step, geometry } = clusterSize(count);
    const marker = this.#L.marker(position, {
      icon: this.#L.divIcon({
        html: trustedHtml(clusterHtml(count)),
        className: `${MARKER_CLASS} ${CLUSTER_CLASS} ${CLUSTER_CLASS}--${step}`,
        iconSize: geometry.size,
        iconAnchor: geometry.anchor,
      }),
      keyboard: true,
      riseOnHover: true,
      zIndexOffset: CLUSTER_Z_OFFSET,
    });
    marker.on('click', () => this.#zoomInto(clusterId, marker.getLatLng(), false));
    // Leaflet gives the marker role="button" and tabindex="0" but does nothing on Enter or Space.
    marker.on('keydown', (event) => {
      const key = isActivationKey(event);
      if (!key) return;
      key.preventDefault(); // Space would scroll the page
      this.#zoomInto(clusterId, marker.getLatLng(), true);
    });
    this.#group.addLayer(marker);
    const el = marker.getElement();
    if (el) {
      const label = this.#clusterLabel(count);
      el.setAttribute('aria-label', label);
      el.title = label;
      el.dataset['clusterCount'] = String(count);
    }
    return marker;
  }

  #createDot(point: OverviewPoint, position: Leaflet.LatLngTuple): Leaflet.Marker {
    const id = point.id;
    const selected = id === this.#selected;
    const marker = this.#L.marker(position, {
      icon: this.#L.divIcon({
        html: trustedHtml(dotHtml()),
        className: `${MARKER_CLASS} ${DOT_CLASS}`,
        iconSize: DOT.size,
        iconAnchor: DOT.anchor,
      }),
      keyboard: true,
      riseOnHover: true,
      zIndexOffset: selected ? SELECTED_Z_OFFSET : 0,
    });
    marker.on('click', () => this.#onSelect(id));
    marker.on('keydown', (event) => {
      const key = isActivationKey(event);
      if (!key) return;
      key.preventDefault();
      this.#onSelect(id);
    });
    this.#group.addLayer(marker);
    const el = marker.getElement();
    if (el) {
      // Set through the DOM, never into HTML: the name is data.
      el.setAttribute('aria-label', point.name);
      el.title = point.name;
      el.dataset['clinicId'] = id;
      this.#renderSelection(marker, selected);
    }
    return marker;
  }

  #renderSelection(marker: Leaflet.Marker, selected: boolean): void {
    marker.setZIndexOffset(selected ? SELECTED_Z_OFFSET : 0);
    const el = marker.getElement();
    if (!el) return;
    el.classList.toggle(SELECTED_CLASS, selected);
    if (selected) el.setAttribute('aria-current', 'true');
    else el.removeAttribute('aria-current');
  }

  /** Zooms to where the cluster splits. From the keyboard, focus follows to a marker there. */
  #zoomInto(clusterId: number, at: Leaflet.LatLng, fromKeyboard: boolean): void {
    const index = this.#index;
    if (!this.#shown || !index) return;
    let zoom: number;
    try {
      zoom = index.getClusterExpansionZoom(clusterId);
    } catch {
      return; // a stale marker from a replaced index
    }
    zoom = Math.min(Math.max(zoom, this.#map.getZoom() + 1), this.#map.getMaxZoom());
    // The focused cluster is about to be replaced by its parts: without this, focus would fall
    // to the page and a keyboard visitor would start over.
    this.#focusNear = fromKeyboard ? at : undefined;
    this.#map.setView(at, zoom, { animate: !this.#reducedMotion() });
  }

  /** Focuses the marker nearest `at` on screen (or the map, when none is left). */
  #focusNearest(at: Leaflet.LatLng): void {
    this.#focusNear = undefined;
    const target = this.#map.latLngToLayerPoint(at);
    let best: HTMLElement | undefined;
    let bestDistance = Infinity;
    for (const marker of this.#markers.values()) {
      const el = marker.getElement();
      if (!el) continue;
      const distance = this.#map.latLngToLayerPoint(marker.getLatLng()).distanceTo(target);
      if (distance < bestDistance) {
        bestDistance = distance;
        best = el;
      }
    }
    (best ?? this.#map.getContainer()).focus({ preventScroll: true });
  }
}

/** Creates the overview's cluster layer for one map (not yet shown). */
export function createClusterLayer(options: ClusterLayerOptions): ClusterLayer {
  return new ClusterLayer(options);
}
