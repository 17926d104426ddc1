import type { Units } from '../../domain/units.js';

/**
 * Every string the widget shows or announces, for one language. Functions take the values to
 * interpolate; numbers are formatted with `Intl` for the language's `locale`.
 */
export interface Messages {
  /** BCP 47 locale for `Intl` formatting. */
  locale: string;
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  /** Shown before any search. */
  idle: string;
  loading: string;
  /** The outcome of a search, e.g. `10 clinics near 49503 Grand Rapids, MI`. */
  results(count: number, origin: string): string;
  /** Added when the origin is only approximate. */
  approximate(zip: string, area: string): string;
  noClinics: string;
  notAZip(input: string): string;
  emptyQuery: string;
  unknownZip(zip: string): string;
  loadFailed: string;
  /** `3.2 mi` */
  distance(value: number, units: Units): string;
  /** Accessible name of the list. */
  resultsLabel: string;
  /** Accessible name of the map region. */
  mapLabel: string;
  call(name: string): string;
  website(name: string): string;
  websiteText: string;
  zipCredit: string;
}
