import type { AccessibilityFeature, ClinicStatus } from '../../domain/clinic.js';
import type { Units } from '../../domain/units.js';

/**
 * The strings the widget shows or announces before any result, for one language. Functions take
 * the values to interpolate; numbers are formatted with `Intl` for the language's `locale`.
 */
export interface CoreMessages {
  /** BCP 47 locale for `Intl` formatting. */
  locale: string;
  /** The language's writing direction (the widget's own, whatever the page's). */
  dir: 'ltr' | 'rtl';
  searchLabel: string;
  searchPlaceholder: string;
  searchButton: string;
  suggestionsLabel: string;
  /** Shown before any search: the list invites one. */
  idle: string;
  loading: string;
  /** A language's name from its ISO 639-1 code (`vi` → `Vietnamese`). */
  languageName(code: string): string;
  /** What the search box says after "Use my location". */
  currentLocation: string;
  /** Narrow layout: the List | Map switch's name and its two buttons. */
  viewLabel: string;
  listView: string;
  mapView: string;
  /** Under the map on a phone, before a pin is chosen. */
  mapCardHint: string;
  /** Announced when a pin is chosen on a phone: `3. Lakeshore Physical Therapy, 0.4 mi`. */
  selectedAnnouncement(rank: number, name: string, distance: string): string;
  /** A way forward when nothing is inside the radius: `Search within 50 miles`. */
  widerRadius(radius: string): string;
  /** A way forward when nothing is inside the radius and some clinics offer telehealth. */
  showTelehealth: string;
  /** Why the radius control is off for an organization's list. */
  radiusNotApplicable: string;
  /** The map's cooperative-gesture hints and its "back to the results" control. */
  touchHint: string;
  scrollHint: string;
  backToResults: string;
  /** A length in words, for the status line: `25 miles`, `1.2 miles`, `1 kilometer`. */
  length(value: number, units: Units): string;
  emptyQuery: string;
  unknownZip(zip: string): string;
  notUnderstood(input: string): string;
  /** Several places have that name. */
  choosePlace(count: number): string;
  /** A name that is a town and an organization or a clinic: which is meant. */
  chooseMeaning: string;
  /** A place not in the data; `choices`: close spellings follow. */
  notFound(name: string, choices: boolean): string;
  /** A member site's organization has no clinic in any town of that name. */
  noneThere(organization: string, place: string): string;
  /** The query named only services: the filter is on, a place is still needed. */
  needsPlace: string;
  loadFailed: string;
  /** A whole number as the language writes it: `1,002`. */
  number(value: number): string;
  /** `3.2 mi` */
  distance(value: number, units: Units): string;
  /** `25 mi` for the radius control and messages. */
  radius(value: number, units: Units): string;
  radiusLabel: string;
  /** Accessible name of the map region. */
  mapLabel: string;
  locateButton: string;
  locating: string;
  yourLocation: string;
  locateDenied: string;
  locateTimeout: string;
  locateUnavailable: string;
  locateNotFound: string;
  zipCredit: string;
  /** While clinic data from `src` loads. */
  loadingClinics: string;
  /** Clinic data from `src` or `clinics` could not be used at all. */
  clinicDataFailed: string;
  /** The clinic file took too long to arrive (the next search tries again). */
  clinicDataSlow: string;
  /** The clinic file is not usable (a 404, not clinic data): trying again will not help. */
  clinicDataBroken: string;
  serviceLabel(id: string): string;
  telehealth: string;
  /** Compact layout: the button that opens the map. */
  showMap: string;
  hideMap: string;
  /** Compact layout: the summary of the collapsed filters, with how many are on. */
  filtersButton(active: number): string;
  /** The map's words. */
  searchPoint(label: string): string;
  cluster(count: number): string;
  tilesUnavailable: string;
  /** A keyboard shortcut past the map's many stops (markers, zoom buttons). */
  skipMap: string;
  /** Shown in place of the map when it cannot be created on this page; the list still works. */
  mapUnavailable: string;
}

/**
 * The strings only the results show (cards, the list, the filter toggles): in English they load
 * with the results' chunk (views/results.ts), not with the first download.
 */
export interface ResultMessages {
  /**
   * e.g. `8 clinics offering sciatica within 25 miles of Grand Rapids, MI; nearest 1.2 miles`
   * (`filters` from `filtersPhrase`, empty when none is on).
   */
  resultsWithin(
    count: number,
    radius: string,
    origin: string,
    nearest: string,
    filters: string,
  ): string;
  /**
   * e.g. `No clinics within 25 miles of 59001 Absarokee, MT. The nearest are:`, naming the
   * organization (`No Lakeshore Physical Therapy clinic within …`) and the filters when set.
   */
  noneWithin(radius: string, origin: string, filters: string, organization: string): string;
  /** The filters on, for the status line: `offering back pain and sciatica, with telehealth visits`. */
  filtersPhrase(on: {
    services: readonly string[];
    languages: readonly string[];
    insurance: string;
    telehealth: boolean;
    acceptingNew: boolean;
    wheelchair: boolean;
  }): string;
  /** The place searched differs from what was typed: `Showing results for Grand Rapids, MI`. */
  showingResultsFor(place: string): string;
  /** An organization's clinics listed without a place: `34 clinics of Lakeshore PT, by state and town`. */
  organizationList(count: number, organization: string): string;
  /** Added when the origin is only approximate. */
  approximate(zip: string, area: string): string;
  noClinics: string;
  /** Before other places of the same name. */
  also: string;
  /** A state's clinics, nearest its centre first. */
  stateList(count: number, state: string): string;
  noneInState(state: string): string;
  /** The origin is outside the United States; `distance` to the nearest clinic. */
  outsideUs(distance: string): string;
  /** The filters (organization, services) leave no clinic. */
  noMatches: string;
  /** A language toggle: `Vietnamese-speaking staff`. */
  languageFilter(language: string): string;
  acceptingFilter: string;
  wheelchairFilter: string;
  /** The insurance select's label, and its first option. */
  insuranceFilter: string;
  anyPlan: string;
  /** A result's status badge (`Temporarily closed`). */
  clinicStatus(status: Exclude<ClinicStatus, 'open'>): string;
  acceptingNewPatients: string;
  /** `Accepts Medicare, Aetna and 3 more`. */
  accepts(plans: readonly string[], more: number): string;
  /** A card's Details control (services, every plan, access, languages), and its name. */
  details: string;
  detailsLabel(name: string): string;
  /** Over a card's whole list of plans (in its details). */
  plansLabel: string;
  checkPlan: string;
  /** The Share control, its accessible name, and what it says after copying. */
  share: string;
  shareLabel(name: string): string;
  linkCopied: string;
  copyThisLink: string;
  /** "Report incorrect information" (`report-url`), and its accessible name. */
  report: string;
  reportLabel(name: string): string;
  notAcceptingNewPatients: string;
  /** Accessible name of a result's list of building-access features. */
  accessLabel: string;
  /** A building-access feature in words (`Wheelchair-accessible entrance`). */
  accessFeature(id: AccessibilityFeature): string;
  filtersLabel: string;
  /** A filter chip's accessible name: `Back pain, 12 clinics`. */
  chipLabel(label: string, count: number): string;
  telehealthFilter: string;
  showMore: string;
  /** `Showing 10 of 24` */
  showing(shown: number, total: number): string;
  /** Accessible name of the list. */
  resultsLabel: string;
  call(name: string): string;
  website(name: string): string;
  websiteText: string;
  /** Accessible name of a result's list of services. */
  servicesLabel: string;
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
  /** A special day today: `Closed today (holiday) · opens Fri 8 AM` (`next`: closedOpens's). */
  closedToday(next: string | undefined): string;
  /** `Special hours today: 9 AM–1 PM`. */
  specialHoursToday(hours: string): string;
  /** A date without the year, for an opening after a long closure: `Jan 12`. */
  shortDate(isoDate: string): string;
  directions: string;
  directionsLabel(name: string): string;
  /**
   * Under a failure's message, when the results of the search before are still listed (which
   * needs this chunk: there were results).
   */
  previousResults: string;
}

/** Every string of one language. */
export interface Messages extends CoreMessages, ResultMessages {}
