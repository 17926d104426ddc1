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
}
