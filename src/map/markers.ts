import type { MapLabels } from './map-view.js';
// Pure builders for the map's marker HTML and accessible names. No Leaflet, no DOM: the adapter
// (leaflet-map-view.ts) turns these strings into divIcons. Visitor- or data-supplied text (clinic
// names, origin labels) never goes into these HTML strings: the adapter sets it as attributes
// through the DOM. Nothing here carries a `style` attribute (strict CSP `style-src 'self'`):
// colours and sizes come from the classes in MARKER_CSS.

/** Class on every marker element this module describes. */
export const MARKER_CLASS = 'clinic-locator-marker';
/** Class added to a clinic marker while it is selected. */
export const SELECTED_CLASS = 'clinic-locator-marker--selected';

/** Class on every cluster marker of the browse overview (with MARKER_CLASS). */
export const CLUSTER_CLASS = 'clinic-locator-cluster';
/** Class on a single clinic's dot in the browse overview (with MARKER_CLASS). */
export const DOT_CLASS = 'clinic-locator-marker--dot';

/** Width and height in CSS pixels of a clinic pin, and where its tip is. */
export interface PinGeometry {
  size: [number, number];
  anchor: [number, number];
}

/** A clinic pin at rest. The SVG's viewBox is 28×40, so both sizes keep its aspect ratio. */
export const PIN: PinGeometry = { size: [28, 40], anchor: [14, 40] };
/** A selected clinic pin: larger, same tip. */
export const PIN_SELECTED: PinGeometry = { size: [36, 51], anchor: [18, 51] };
/** The origin marker: a ringed dot centred on the point. */
export const ORIGIN: PinGeometry = { size: [22, 22], anchor: [11, 11] };

/**
 * A clinic's dot in the overview: a 24×24 target (WCAG 2.5.8) around a small visible dot,
 * centred on the point.
 */
export const DOT: PinGeometry = { size: [24, 24], anchor: [12, 12] };

/** A cluster bubble's size step, from its count: the class suffix and its geometry. */
export interface ClusterSize {
  /** `s`, `m`, `l` or `xl`, as in the class `clinic-locator-cluster--m`. */
  step: 's' | 'm' | 'l' | 'xl';
  geometry: PinGeometry;
}

/** Bubble sizes by count: under 10, under 100, under 1,000, and more. Centred on the point. */
export function clusterSize(count: number): ClusterSize {
  const [step, px] =
    count < 10
      ? (['s', 30] as const)
      : count < 100
        ? (['m', 36] as const)
        : count < 1000
          ? (['l', 44] as const)
          : (['xl', 52] as const);
  return { step, geometry: { size: [px, px], anchor: [px / 2, px / 2] } };
}

/** A count short enough for a bubble: `7`, `250`, `1.2k`, `12k`. */
export function abbreviateCount(count: number): string {
  if (!Number.isFinite(count) || count < 0) return '';
  const n = Math.trunc(count);
  if (n < 1000) return String(n);
  if (n < 10_000) return `${(Math.floor(n / 100) / 10).toString()}k`;
  return `${Math.floor(n / 1000)}k`;
}

/** The HTML inside a cluster bubble: the abbreviated count, hidden from assistive tech. */
export function clusterHtml(count: number): string {
  return `<span class="${CLUSTER_CLASS}__count" aria-hidden="true">${abbreviateCount(count)}</span>`;
}

/** A cluster's accessible name and tooltip, e.g. `Cluster of 25 clinics, zoom in`. */
export function clusterLabel(count: number): string {
  const n = Number.isFinite(count) ? Math.trunc(count) : 0;
  return `Cluster of ${n.toLocaleString('en-US')} clinics, zoom in`;
}

/** The HTML inside an overview clinic's dot, hidden from assistive tech. */
export function dotHtml(): string {
  return (
    '<svg class="clinic-locator-marker__svg" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<circle class="clinic-locator-marker__dot-fill" cx="12" cy="12" r="6"/>' +
    '</svg>'
  );
}

/**
 * The text a clinic pin shows: its rank as a whole number, or nothing for a rank that is not a
 * finite number (defensive: the number is the only data that reaches the HTML).
 */
export function rankText(rank: number): string {
  return Number.isFinite(rank) ? String(Math.trunc(rank)) : '';
}

/** Where a pin's tip is in its SVG's viewBox (0 0 28 40), whatever size the pin is drawn at. */
const PIN_TIP = { x: 14, y: 40 } as const;

/**
 * The HTML inside a clinic pin: a teardrop with the rank in it, hidden from assistive tech.
 * `leader`, when given, is where the clinic really is relative to the pin's tip, in viewBox
 * units: a pin moved aside so that its number can be read draws a thin line back to its spot.
 * Only numbers reach the HTML.
 */
export function pinHtml(rank: number, leader?: { x: number; y: number }): string {
  const text = rankText(rank);
  // Three or more digits need a smaller font to stay inside the pin's head.
  const size = text.length >= 3 ? 'small' : 'normal';
  const line =
    leader && Number.isFinite(leader.x) && Number.isFinite(leader.y)
      ? `<line class="clinic-locator-marker__leader" x1="${PIN_TIP.x}" y1="${PIN_TIP.y}" x2="${(PIN_TIP.x + leader.x).toFixed(1)}" y2="${(PIN_TIP.y + leader.y).toFixed(1)}"/>`
      : '';
  return (
    '<svg class="clinic-locator-marker__svg" viewBox="0 0 28 40" aria-hidden="true" focusable="false">' +
    line +
    '<path class="clinic-locator-marker__pin" d="M14 1C6.8 1 1 6.8 1 14c0 9.6 13 25 13 25s13-15.4 13-25C27 6.8 21.2 1 14 1z"/>' +
    `<text class="clinic-locator-marker__rank clinic-locator-marker__rank--${size}" x="14" y="14.5">${text}</text>` +
    '</svg>'
  );
}

/** The HTML inside the origin marker: a ringed dot, hidden from assistive tech. */
export function originHtml(): string {
  return (
    '<svg class="clinic-locator-marker__svg" viewBox="0 0 22 22" aria-hidden="true" focusable="false">' +
    '<circle class="clinic-locator-marker__halo" cx="11" cy="11" r="10"/>' +
    '<circle class="clinic-locator-marker__dot" cx="11" cy="11" r="5.5"/>' +
    '</svg>'
  );
}

/** A clinic marker's accessible name and tooltip, e.g. `3: Lakeshore PT – Grand Rapids`. */
export function clinicMarkerLabel(marker: { rank: number; name: string }): string {
  const rank = rankText(marker.rank);
  return rank ? `${rank}: ${marker.name}` : marker.name;
}

/** The origin marker's accessible name, e.g. `Search point: 49503 Grand Rapids, MI`. */
export function originMarkerLabel(label: string): string {
  return label ? `Search point: ${label}` : 'Search point';
}

/** The map's words in English, used when the element passes none (or leaves some out). */
export const ENGLISH_LABELS: Required<MapLabels> = {
  searchPoint: originMarkerLabel,
  cluster: clusterLabel,
  tilesUnavailable: 'The map’s background could not be loaded. The list shows every result.',
  touchHint: 'Use two fingers to move the map',
  scrollHint: 'Use ctrl + scroll to zoom the map',
  backToResults: 'Show all results',
};

/** Class of the notice shown over the map when its tiles fail. */
export const NOTICE_CLASS = 'clinic-map-notice';
/** Class of the gesture hint shown over the map for a moment (two fingers, ctrl + scroll). */
export const HINT_CLASS = 'clinic-map-hint';
/** Class on the map container while cooperative gestures are on (one finger scrolls the page). */
export const COOPERATIVE_CLASS = 'clinic-map-cooperative';
/** Class of the control that fits the view to the results again. */
export const BACK_CLASS = 'clinic-map-back';

/** The icon inside the "show all results" button: four corners of a frame, hidden from AT. */
export function backIconHtml(): string {
  return (
    '<svg class="clinic-map-back__icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">' +
    '<path d="M4 9V4h5M15 4h5v5M20 15v5h-5M9 20H4v-5"/>' +
    '<circle cx="12" cy="12" r="2.5"/>' +
    '</svg>'
  );
}

/**
 * The markers' stylesheet, adopted into the shadow root beside Leaflet's. Colours come from the
 * public custom properties (inherited from the host or `:root`), read only through `var()` with
 * defaults so the element's theming works without this module knowing about it.
 */
export const MARKER_CSS = `
/* Leaflet sizes its text in rem: "html { font-size: 62.5% }" would shrink the attribution (a
   licence credit) to 7.5px. In the widget's own units instead: 12px at its default size. */
.leaflet-container {
  font-size: 0.75em;
}
.leaflet-control-attribution {
  line-height: 24px;
}
.leaflet-control-attribution a {
  display: inline-block;
  min-width: 24px;
  min-height: 24px;
  color: #0b5cab;
  text-decoration: underline;
}
/* Placed by the adapter (top, left, right) beside or below the top-left controls. */
.${NOTICE_CLASS} {
  position: absolute;
  z-index: 1000;
  top: 10px;
  left: 10px;
  right: 10px;
  box-sizing: border-box;
  margin: 0;
  padding: 0.5em 0.75em;
  border-radius: 6px;
  background: rgb(255 255 255 / 95%);
  color: #1f2328;
  font: inherit;
  font-size: 0.875em;
  box-shadow: 0 1px 6px rgb(0 0 0 / 25%);
}
.${NOTICE_CLASS}[hidden],
.${HINT_CLASS}[hidden],
.${BACK_CLASS}[hidden] {
  display: none;
}
/* One finger scrolls the page, whatever Leaflet's dragging handler asks for; two fingers are
   the map's (the adapter cancels their touchmove, so the page neither scrolls nor zooms). */
.leaflet-container.${COOPERATIVE_CLASS},
.leaflet-container.leaflet-touch-drag.${COOPERATIVE_CLASS} {
  touch-action: pan-x pan-y;
}
.${HINT_CLASS} {
  position: absolute;
  inset: 0;
  z-index: 1100;
  display: flex;
  align-items: center;
  justify-content: center;
  box-sizing: border-box;
  margin: 0;
  padding: 1em;
  background: rgb(0 0 0 / 55%);
  color: #fff;
  font: inherit;
  font-size: 1.25em;
  text-align: center;
  pointer-events: none;
  animation: clinic-map-hint-in 0.2s ease-out;
}
@keyframes clinic-map-hint-in {
  from {
    opacity: 0;
  }
}
@media (prefers-reduced-motion: reduce) {
  .${HINT_CLASS} {
    animation: none;
  }
}
/* Targets: 24×24 at least (WCAG 2.5.8), 44×44 for fingers. */
.leaflet-bar a,
.leaflet-touch .leaflet-bar a,
.${BACK_CLASS} button {
  box-sizing: border-box;
  width: 30px;
  height: 30px;
  line-height: 28px;
}
.${BACK_CLASS} button {
  display: flex;
  align-items: center;
  justify-content: center;
  padding: 0;
  border: 0;
  border-radius: 2px;
  background: #fff;
  color: #1f2328;
  cursor: pointer;
}
.${BACK_CLASS} button:hover {
  background: #f4f4f4;
}
.${BACK_CLASS} button:focus-visible {
  outline: 3px solid #0b5cab;
  outline-offset: 1px;
}
.clinic-map-back__icon {
  width: 20px;
  height: 20px;
  fill: none;
  stroke: currentColor;
  stroke-width: 2;
  stroke-linecap: round;
  stroke-linejoin: round;
}
@media (pointer: coarse) {
  .leaflet-bar a,
  .leaflet-touch .leaflet-bar a,
  .${BACK_CLASS} button {
    width: 44px;
    height: 44px;
    line-height: 42px;
  }
  .clinic-map-back__icon {
    width: 26px;
    height: 26px;
  }
}
.${MARKER_CLASS} {
  --_marker-color: var(--clinic-locator-marker-color, #0b5cab);
  --_marker-selected-color: var(--clinic-locator-marker-selected-color, #b3261e);
  --_origin-color: var(--clinic-locator-origin-color, #1f1f1f);
  background: none;
  border: 0;
  padding: 0;
}
.${MARKER_CLASS}__svg {
  display: block;
  width: 100%;
  height: 100%;
  overflow: visible;
}
.${MARKER_CLASS}__pin {
  fill: var(--_marker-color);
  stroke: #fff;
  stroke-width: 1.5;
}
.${SELECTED_CLASS} .${MARKER_CLASS}__pin {
  fill: var(--_marker-selected-color);
}
.${MARKER_CLASS}__leader {
  stroke: #1f2328;
  stroke-opacity: 0.7;
  stroke-width: 1.5;
  vector-effect: non-scaling-stroke;
  pointer-events: none;
}
.${MARKER_CLASS}__rank {
  fill: #fff;
  font: 700 12px/1 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  text-anchor: middle;
  dominant-baseline: central;
  pointer-events: none;
}
.${MARKER_CLASS}__rank--small {
  font-size: 9px;
}
.${MARKER_CLASS}__halo {
  fill: #fff;
  fill-opacity: 0.85;
  stroke: var(--_origin-color);
  stroke-width: 2;
}
.${MARKER_CLASS}__dot {
  fill: var(--_origin-color);
}
.${MARKER_CLASS}__dot-fill {
  fill: var(--_marker-color);
  stroke: #fff;
  stroke-width: 2;
}
.${SELECTED_CLASS} .${MARKER_CLASS}__dot-fill {
  fill: var(--_marker-selected-color);
  transform: scale(1.35);
  transform-box: fill-box;
  transform-origin: center;
}
.${CLUSTER_CLASS} {
  display: flex;
  align-items: center;
  justify-content: center;
  box-sizing: border-box;
  border-radius: 50%;
  background: var(--_marker-color);
  /* A translucent halo, so neighbouring bubbles stay apart. */
  box-shadow: 0 0 0 4px color-mix(in srgb, var(--_marker-color) 35%, transparent);
  border: 2px solid #fff;
  color: #fff;
  font: 700 12px/1 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif;
  cursor: pointer;
}
.${CLUSTER_CLASS}--l,
.${CLUSTER_CLASS}--xl {
  font-size: 13px;
}
.${CLUSTER_CLASS}__count {
  pointer-events: none;
}
.${MARKER_CLASS}:focus {
  outline: none;
}
.${MARKER_CLASS}:focus-visible {
  outline: 3px solid var(--_marker-color);
  outline-offset: 2px;
  border-radius: 4px;
}
.${SELECTED_CLASS}:focus-visible {
  outline-color: var(--_marker-selected-color);
}
`;
