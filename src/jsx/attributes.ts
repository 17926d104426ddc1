// What the JSX types of every framework share (react.ts, preact.ts, solid.ts): the element's
// attributes typed as the element parses them, its properties without an attribute, and its
// events with their classes. Written by hand rather than generated from custom-elements.json:
// the manifest types each attribute by the property behind it (`number | undefined`, `Units`,
// `string | null`), not by what the attribute accepts. `npm test` compares these names with
// the manifest's attributes and events (scripts/check-api-docs.ts), so they cannot drift.
import type { Units } from '../domain/units.js';
import type { ClinicLocator } from '../element/clinic-locator.component.js';
import type {
  ClinicActionEvent,
  ClinicErrorEvent,
  ClinicSearchEvent,
  ClinicSelectEvent,
} from '../element/events.js';

/** Every attribute of `<clinic-locator>`, as the README's attribute table describes it. */
export interface ClinicLocatorAttributes {
  /** The widget's language (`en`, `es`). */
  lang?: string;
  /** A ZIP code, town or clinic name to search at once. */
  zip?: string;
  /** Clinics listed at first and added by "Show more". */
  limit?: number;
  layout?: 'full' | 'compact';
  /** Keeps the search in the page URL: present, or the query parameter's name. */
  'sync-url'?: boolean | string;
  /** Where the widget's files are, when the script (or your bundler) cannot tell. */
  'base-url'?: string;
  'utm-source'?: string;
  'utm-medium'?: string;
  'utm-campaign'?: string;
  /** Search radius in `units`. */
  radius?: number;
  units?: Units;
  'tile-url'?: string;
  'tile-attribution'?: string;
  'without-map'?: boolean;
  /** A CSV, JSON or compiled clinic file replacing the bundled clinics. */
  src?: string;
  organization?: string;
  'structured-data'?: boolean;
  /** Comma-separated service ids, e.g. `back-pain,sciatica`. */
  services?: string;
  /** Comma-separated ISO 639-1 codes, e.g. `es,vi`. */
  languages?: string;
  'report-url'?: string;
  /** An insurance plan id, e.g. `medicare`. */
  insurance?: string;
}

/** Properties with no attribute: React 19 and Preact set them as properties. */
export interface ClinicLocatorProperties {
  clinics?: ClinicLocator['clinics'];
  mapViewFactory?: ClinicLocator['mapViewFactory'];
  messages?: ClinicLocator['messages'];
}

/** The element's events, by name, with their classes. */
export interface ClinicLocatorEventMap {
  'clinic-search': ClinicSearchEvent;
  'clinic-select': ClinicSelectEvent;
  'clinic-error': ClinicErrorEvent;
  'clinic-action': ClinicActionEvent;
}

/** `on<event>` handlers, as React 19 and Preact name them (`onclinic-search`). */
export type ClinicLocatorHandlers = {
  [K in keyof ClinicLocatorEventMap as `on${K}`]?: (event: ClinicLocatorEventMap[K]) => void;
};
