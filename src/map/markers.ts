// Pure builders for the map's marker HTML and accessible names. No Leaflet, no DOM: the adapter
// (leaflet-map-view.ts) turns these strings into divIcons. Visitor- or data-supplied text (clinic
// names, origin labels) never goes into these HTML strings: the adapter sets it as attributes
// through the DOM. Nothing here carries a `style` attribute (strict CSP `style-src 'self'`):
// colours and sizes come from the classes in MARKER_CSS.

/** Class on every marker element this module describes. */
export const MARKER_CLASS = 'clinic-locator-marker';
/** Class added to a clinic marker while it is selected. */
export const SELECTED_CLASS = 'clinic-locator-marker--selected';

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
 * The text a clinic pin shows: its rank as a whole number, or nothing for a rank that is not a
 * finite number (defensive: the number is the only data that reaches the HTML).
 */
export function rankText(rank: number): string {
  return Number.isFinite(rank) ? String(Math.trunc(rank)) : '';
}

/** The HTML inside a clinic pin: a teardrop with the rank in it, hidden from assistive tech. */
export function pinHtml(rank: number): string {
  const text = rankText(rank);
  // Three or more digits need a smaller font to stay inside the pin's head.
  const size = text.length >= 3 ? 'small' : 'normal';
  return (
    '<svg class="clinic-locator-marker__svg" viewBox="0 0 28 40" aria-hidden="true" focusable="false">' +
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

/**
 * The markers' stylesheet, adopted into the shadow root beside Leaflet's. Colours come from the
 * public custom properties (inherited from the host or `:root`), read only through `var()` with
 * defaults so the element's theming works without this module knowing about it.
 */
export const MARKER_CSS = `
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
