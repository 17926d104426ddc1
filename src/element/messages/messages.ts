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
  suggestionsLabel: string;
  /** Shown before any search: the list invites one. */
  idle: string;
  loading: string;
  /** e.g. `8 clinics within 25 miles of Grand Rapids, MI; nearest 1.2 miles` */
  resultsWithin(count: number, radius: string, origin: string, nearest: string): string;
  /** e.g. `No clinics within 25 miles of 59001 Absarokee, MT. The nearest are:` */
  noneWithin(radius: string, origin: string): string;
  /** A length in words, for the status line: `25 miles`, `1.2 miles`, `1 kilometer`. */
  length(value: number, units: Units): string;
  /** e.g. `34 clinics of Lakeshore Physical Therapy` */
  organizationResults(count: number, organization: string): string;
  /** Added when the origin is only approximate. */
  approximate(zip: string, area: string): string;
  noClinics: string;
  emptyQuery: string;
  unknownZip(zip: string): string;
  notUnderstood(input: string): string;
  /** Several places have that name. */
  choosePlace(count: number): string;
  /** Before other places of the same name. */
  also: string;
  loadFailed: string;
  /** A whole number as the language writes it: `1,002`. */
  number(value: number): string;
  /** `3.2 mi` */
  distance(value: number, units: Units): string;
  /** `25 mi` for the radius control and messages. */
  radius(value: number, units: Units): string;
  radiusLabel: string;
  filtersLabel: string;
  /** A filter chip's accessible name: `Back pain, 12 clinics`. */
  chipLabel(label: string, count: number): string;
  telehealthFilter: string;
  spanishFilter: string;
  showMore: string;
  /** `Showing 10 of 24` */
  showing(shown: number, total: number): string;
  /** Accessible name of the list. */
  resultsLabel: string;
  /** Accessible name of the map region. */
  mapLabel: string;
  locateButton: string;
  locating: string;
  yourLocation: string;
  locateDenied: string;
  locateTimeout: string;
  locateUnavailable: string;
  locateNotFound: string;
  call(name: string): string;
  website(name: string): string;
  websiteText: string;
  zipCredit: string;
  /** While clinic data from `src` loads. */
  loadingClinics: string;
  /** Clinic data from `src` or `clinics` could not be used at all. */
  clinicDataFailed: string;
  /** The filters (organization, services) leave no clinic. */
  noMatches: string;
  /** Accessible name of a result's list of services. */
  servicesLabel: string;
  serviceLabel(id: string): string;
  telehealth: string;
  /** e.g. `Languages: English, Spanish` */
  languages(codes: readonly string[]): string;
  book: string;
  bookLabel(name: string): string;
  /** `Open now · closes 7 PM` */
  openNow(closes: string): string;
  open24h: string;
  /** `Closed · opens 7 AM` (later today) or `Closed · opens Mon 7 AM`. */
  closedOpens(time: string, weekday: string | undefined): string;
  closed: string;
  /** Compact layout: the button that opens the map. */
  showMap: string;
  hideMap: string;
  /** Compact layout: the summary of the collapsed filters, with how many are on. */
  filtersButton(active: number): string;
  directions: string;
  directionsLabel(name: string): string;
  /** The map's words. */
  searchPoint(label: string): string;
  cluster(count: number): string;
  tilesUnavailable: string;
  /** A keyboard shortcut past the map's many stops (markers, zoom buttons). */
  skipMap: string;
}
