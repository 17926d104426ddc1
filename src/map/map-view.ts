/** A point the map shows as the search origin. */
export interface MapOrigin {
  lat: number;
  lon: number;
  /** What the origin is, for its marker's accessible name (e.g. `49503 Grand Rapids, MI`). */
  label: string;
}

/** One numbered clinic marker. */
export interface MapMarker {
  /** The clinic id; `onSelect` reports it back. */
  id: string;
  lat: number;
  lon: number;
  /** The number shown in the marker, matching the list (1-based). */
  rank: number;
  /** The clinic's name, for the marker's accessible name and tooltip. */
  name: string;
}

/** One clinic in the browse overview, before any search. */
export interface OverviewPoint {
  /** The clinic id; `onSelect` reports it back. */
  id: string;
  lat: number;
  lon: number;
  /** The clinic's name, for its marker's accessible name and tooltip. */
  name: string;
}

/** The words a map shows or announces, in the widget's language. */
export interface MapLabels {
  /** The search point's accessible name, e.g. `Search point: 49503 Grand Rapids, MI`. */
  searchPoint(label: string): string;
  /** A cluster's accessible name, e.g. `Cluster of 25 clinics, zoom in`. */
  cluster(count: number): string;
  /** Shown over the map when its tiles cannot be loaded. */
  tilesUnavailable: string;
  /**
   * Shown over the map for a moment when a one-finger drag scrolls the page past it on a touch
   * screen, e.g. `Use two fingers to move the map`. English when absent.
   */
  touchHint?: string;
  /**
   * Shown over the map for a moment when a plain mouse wheel scrolls the page past it, e.g.
   * `Use ctrl + scroll to zoom the map`. English when absent.
   */
  scrollHint?: string;
  /**
   * The accessible name and tooltip of the button that fits the view to the results again after
   * the visitor moved the map away, e.g. `Show all results`. English when absent.
   */
  backToResults?: string;
}

/** What the element hands a map when it creates one. */
export interface MapViewOptions {
  /** The element to draw into, inside the widget's shadow root. */
  container: HTMLElement;
  /** Tile URL template with `{z}`, `{x}`, `{y}` (and optional `{s}`). */
  tileUrl: string;
  /** Attribution HTML for the tile provider, shown with the GeoNames credit. */
  tileAttribution: string;
  /** Called when the visitor clicks or activates a clinic marker. */
  onSelect: (id: string) => void;
  /** Words in the widget's language (English when absent). */
  labels?: MapLabels;
}

/**
 * The map as the element sees it. The element never touches Leaflet: it talks to a MapView,
 * so element tests use a small fake and the Leaflet adapter is tested on its own.
 */
export interface MapView {
  /**
   * Replaces the markers: the origin (if any) and the numbered clinics. Fits the view to all of
   * them, clear of the map's controls and attribution. Pins that would hide each other's numbers
   * (the same or nearly the same spot at the current zoom) are spread around their spot, again
   * after every zoom, so every number can be read and clicked.
   */
  showResults(origin: MapOrigin | undefined, markers: readonly MapMarker[]): void;
  /**
   * Removes the result pins and the origin (and the browse overview's markers, if it was shown),
   * keeping the view and the tiles where they are. For the states where the list shows a message
   * instead of results (a query not understood, an unknown ZIP, "which place?", a data error): the
   * map must not keep the previous results. The selection is cleared. `showResults` or
   * `showOverview` draws again.
   */
  clearResults(): void;
  /**
   * Browse mode: every clinic, clustered; replaces any results. Fits the view to all points (or
   * the contiguous US when empty). A cluster click zooms in; a clinic click calls `onSelect`.
   * `showResults` replaces the overview again.
   */
  showOverview(points: readonly OverviewPoint[]): void;
  /** Highlights one clinic's marker (or none) and pans to it when `pan` is true. */
  highlight(id: string | undefined, options?: { pan?: boolean }): void;
  /** Re-measures the container after its size changed. */
  resize(): void;
  /** Removes the map and everything it registered. The view is unusable afterwards. */
  destroy(): void;
}

/** Creates a MapView; the Leaflet module exports one, loaded lazily. */
export type CreateMapView = (options: MapViewOptions) => MapView;
