import type { ClinicStatus } from '../domain/clinic.js';
import type { Units } from '../domain/units.js';

/**
 * What started a search: the visitor (`user`), an attribute such as `zip` (`preset`), or a deep
 * link in the page URL read through `sync-url` (`link`).
 */
export type SearchTrigger = 'user' | 'preset' | 'link';

/** The point a search measured distances from. */
export interface SearchOrigin {
  lat: number;
  lon: number;
  /** How the widget names the origin, e.g. `49503 Grand Rapids, MI`. */
  label: string;
  /** True when the point is only an approximation (a ZIP's 3-digit area). */
  approximate: boolean;
}

/** One ranked result, as events report it. */
export interface SearchResult {
  /** 1-based position in the list, the number on its marker. */
  rank: number;
  id: string;
  name: string;
  /** Distance from the origin in kilometres. */
  distanceKm: number;
  /** Distance from the origin in the widget's units. */
  distance: number;
  /** The clinic's operating status (`open` when the data gives none). */
  status: ClinicStatus;
  /** Whether it is taking new patients; absent when unknown. */
  acceptingNewPatients?: boolean;
}

const init: EventInit = { bubbles: true, composed: true };

/**
 * Fired when a search completes with an origin and ranked results.
 * @example locator.addEventListener('clinic-search', (e) => console.log(e.query, e.results.length));
 */
export class ClinicSearchEvent extends Event {
  static readonly eventName = 'clinic-search';
  /** What was searched, as typed or preset. */
  readonly query: string;
  readonly trigger: SearchTrigger;
  readonly origin: SearchOrigin;
  readonly results: readonly SearchResult[];
  readonly units: Units;

  constructor(detail: {
    query: string;
    trigger: SearchTrigger;
    origin: SearchOrigin;
    results: readonly SearchResult[];
    units: Units;
  }) {
    super(ClinicSearchEvent.eventName, init);
    this.query = detail.query;
    this.trigger = detail.trigger;
    this.origin = detail.origin;
    this.results = detail.results;
    this.units = detail.units;
  }
}

/** Where the visitor selected a clinic. */
export type SelectSource = 'list' | 'map';

/** Fired when the visitor selects a clinic in the list or on the map. */
export class ClinicSelectEvent extends Event {
  static readonly eventName = 'clinic-select';
  readonly clinicId: string;
  readonly name: string;
  /** 1-based position in the current list. */
  readonly rank: number;
  readonly source: SelectSource;

  constructor(detail: { clinicId: string; name: string; rank: number; source: SelectSource }) {
    super(ClinicSelectEvent.eventName, init);
    this.clinicId = detail.clinicId;
    this.name = detail.name;
    this.rank = detail.rank;
    this.source = detail.source;
  }
}

/** What a visitor did with a clinic: call it, open its website, get directions, or book. */
export type ClinicAction = 'call' | 'website' | 'directions' | 'book' | 'report' | 'share';

/** Fired when the visitor follows one of a clinic's links (call, website, directions, book). */
export class ClinicActionEvent extends Event {
  static readonly eventName = 'clinic-action';
  readonly action: ClinicAction;
  readonly clinicId: string;
  readonly name: string;
  /** The link followed (with UTM parameters, when set). */
  readonly href: string;

  constructor(detail: { action: ClinicAction; clinicId: string; name: string; href: string }) {
    super(ClinicActionEvent.eventName, init);
    this.action = detail.action;
    this.clinicId = detail.clinicId;
    this.name = detail.name;
    this.href = detail.href;
  }
}

/** One problem found in clinic data loaded at run time. */
export interface DataProblem {
  /** CSV line (header = 1) or, for JSON and the `clinics` property, 1-based record number. */
  line: number;
  column: string;
  message: string;
  value?: string;
  /** `error`: the record was skipped; `warning`: it was kept. */
  severity: 'error' | 'warning';
}

/**
 * Fired when data the widget needs cannot be loaded or used, and when clinic data loaded at run
 * time (`src` or `clinics`) had records that were skipped (`problems` lists them).
 */
export class ClinicErrorEvent extends Event {
  static readonly eventName = 'clinic-error';
  /**
   * Which part failed: the ZIP tables, the clinic data, the map, the visitor's location (no
   * answer to the browser's prompt within its bound), or the widget's script itself (`script`:
   * its main module could not be loaded or run, e.g. a Trusted Types policy that refuses every
   * policy name; the element then shows a plain-text message and nothing else), or the
   * `structured-data` script (a page enforcing Trusted Types refused the widget's
   * `clinic-locator` policy; `fatal` is false: the widget works, without the JSON-LD).
   */
  readonly source: 'zip-data' | 'clinic-data' | 'map' | 'location' | 'script' | 'structured-data';
  /** A message for developers (the console gets it too). */
  readonly message: string;
  /** Skipped or doubtful records, for clinic data loaded at run time. */
  readonly problems: readonly DataProblem[];
  /** Whether `problems[].line` is a CSV `line` or a JSON `record` number. */
  readonly recordLabel: 'line' | 'record' | undefined;
  /** True when the widget cannot work (nothing usable); false when only some records were skipped. */
  readonly fatal: boolean;

  constructor(detail: {
    source: ClinicErrorEvent['source'];
    message: string;
    problems?: readonly DataProblem[];
    recordLabel?: 'line' | 'record';
    fatal?: boolean;
  }) {
    super(ClinicErrorEvent.eventName, init);
    this.source = detail.source;
    this.message = detail.message;
    this.problems = detail.problems ?? [];
    this.recordLabel = detail.recordLabel;
    this.fatal = detail.fatal ?? true;
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'clinic-search': ClinicSearchEvent;
    'clinic-select': ClinicSelectEvent;
    'clinic-error': ClinicErrorEvent;
    'clinic-action': ClinicActionEvent;
  }
}
