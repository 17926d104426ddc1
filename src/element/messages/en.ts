import services from 'virtual:clinic-locator-services';
import { formatters } from './format.js';
import type { Messages } from './messages.js';

const locale = 'en-US';
const f = formatters(locale);
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const clinics = (count: number) =>
  `${f.whole(count)} ${f.plural(count) === 'one' ? 'clinic' : 'clinics'}`;

/** English strings (the default language). */
export const en: Messages = {
  locale,
  searchLabel: 'ZIP code, town or clinic name',
  searchPlaceholder: 'e.g. 49503 or Grand Rapids, MI',
  searchButton: 'Search',
  suggestionsLabel: 'Suggestions',
  idle: 'Enter a ZIP code, a town or a clinic name to find a clinic near you.',
  loading: 'Searching…',
  resultsWithin: (count, radius, origin, nearest, filters) =>
    `${clinics(count)}${filters ? ` ${filters},` : ''} within ${radius} of ${origin}; nearest ${nearest}`,
  length: f.length,
  noneWithin: (radius, origin, filters, organization) =>
    `No ${organization ? `${organization} clinic` : 'clinics'}${filters ? ` ${filters},` : ''} within ${radius} of ${origin}. The nearest are:`,
  filtersPhrase: (on) => {
    const parts: string[] = [];
    if (on.services.length) parts.push(`offering ${f.and(on.services.map(lowerFirst))}`);
    if (on.insurance) parts.push(`accepting ${on.insurance}`);
    if (on.acceptingNew) parts.push('taking new patients');
    if (on.wheelchair) parts.push('with a wheelchair-accessible entrance');
    if (on.telehealth) parts.push('with telehealth visits');
    if (on.languages.length) parts.push(`with ${f.and(on.languages)}-speaking staff`);
    return parts.join(', ');
  },
  languageName: f.languageName,
  languageFilter: (language) => `${language}-speaking staff`,
  acceptingFilter: 'Accepting new patients',
  wheelchairFilter: 'Wheelchair accessible',
  insuranceFilter: 'Your insurance',
  anyPlan: 'Any plan',
  showingResultsFor: (place) => `Showing results for ${place}`,
  currentLocation: 'Current location',
  viewLabel: 'Show the clinics as',
  listView: 'List',
  mapView: 'Map',
  mapCardHint: 'Select a number on the map to see that clinic here.',
  selectedAnnouncement: (rank, name, distance) =>
    `${rank}. ${name}${distance ? `, ${distance}` : ''}`,
  widerRadius: (radius) => `Search within ${radius}`,
  showTelehealth: 'Show clinics with telehealth visits',
  organizationList: (count, organization) =>
    `${clinics(count)} of ${organization}, by state and town. Add a ZIP code or town to see the nearest.`,
  radiusNotApplicable: 'The distance does not apply to a list of one organization’s clinics.',
  clinicStatus: (status) =>
    ({
      'temporarily-closed': 'Temporarily closed',
      'opening-soon': 'Opening soon',
      'telehealth-only': 'Telehealth visits only',
    })[status],
  acceptingNewPatients: 'Accepting new patients',
  accepts: (plans, more) => `Accepts ${f.and(more ? [...plans, `${f.whole(more)} more`] : plans)}`,
  details: 'Details',
  detailsLabel: (name) => `Details about ${name}`,
  plansLabel: 'Insurance plans accepted',
  checkPlan: 'Check with the clinic that your plan is accepted.',
  share: 'Share',
  shareLabel: (name) => `Share a link to ${name}`,
  linkCopied: 'Link copied',
  copyThisLink: 'Copy this link:',
  report: 'Report incorrect information',
  reportLabel: (name) => `Report incorrect information about ${name} (opens in a new tab)`,
  notAcceptingNewPatients: 'Not accepting new patients',
  accessLabel: 'Access',
  accessFeature: (id) =>
    ({
      'wheelchair-entrance': 'Wheelchair-accessible entrance',
      'accessible-parking': 'Accessible parking',
      'accessible-restroom': 'Accessible restroom',
      elevator: 'Elevator',
      'public-transit': 'Near public transit',
    })[id],
  touchHint: 'Use two fingers to move the map',
  scrollHint: 'Use ctrl + scroll to zoom the map',
  backToResults: 'Show all results',
  organizationResults: (count, organization) => `${clinics(count)} of ${organization}`,
  approximate: (zip, area) =>
    `ZIP code ${zip} is not in our list, so distances are approximate, measured from the ${area} area.`,
  noClinics: 'There are no clinics to show.',
  emptyQuery: 'Enter a ZIP code, a town or a clinic name, for example 49503.',
  unknownZip: (zip) => `We could not find ZIP code ${zip}. Check the number and try again.`,
  notUnderstood: (input) =>
    `We could not find “${input}”. Try a ZIP code, a town and state (like Grand Rapids, MI) or a clinic name.`,
  choosePlace: (count) => `${count} places have that name. Which one do you mean?`,
  also: 'Also:',
  chooseMeaning: 'Which one do you mean?',
  notFound: (name, choices) =>
    `We could not find ${name}.${choices ? ' Did you mean:' : ' Check the spelling, or type its ZIP code.'}`,
  needsPlace: 'Now add a ZIP code or a town to see the clinics nearest to it.',
  stateList: (count, state) =>
    `${clinics(count)} in ${state}, nearest its centre first. Add a ZIP code or town to see distances.`,
  noneInState: (state) => `No clinics in ${state}. Add a ZIP code or town to find the nearest.`,
  outsideUs: (distance) =>
    `You seem to be outside the United States. The nearest clinic is ${distance} away.`,
  loadFailed: 'The clinic finder could not load its data. Please try again later.',
  number: f.whole,
  distance: f.distance,
  radius: f.radius,
  radiusLabel: 'Within',
  filtersLabel: 'Show only clinics offering',
  chipLabel: (label, count) => `${label}, ${clinics(count)}`,
  telehealthFilter: 'Telehealth',
  showMore: 'Show more clinics',
  showing: (shown, total) => `Showing ${f.whole(shown)} of ${f.whole(total)}`,
  resultsLabel: 'Clinics',
  mapLabel: 'Map of clinics',
  locateButton: 'Use my location',
  locating: 'Finding your location…',
  yourLocation: 'your location',
  locateDenied:
    'You did not allow this page to use your location. Type a ZIP code or town instead.',
  locateTimeout:
    'Finding your location took too long. Try again, or type a ZIP code or town instead.',
  locateUnavailable:
    'Your location is not available on this page. Type a ZIP code or town instead.',
  locateNotFound: 'Your location could not be found. Type a ZIP code or town instead.',
  call: (name) => `Call ${name}`,
  website: (name) => `Website of ${name} (opens in a new tab)`,
  websiteText: 'Website',
  zipCredit: 'ZIP code data',
  loadingClinics: 'Loading clinics…',
  clinicDataFailed: 'The list of clinics could not be loaded. Please try again later.',
  noMatches: 'No clinics match these filters.',
  servicesLabel: 'Services',
  serviceLabel: (id) => services.find((s) => s.id === id)?.label ?? id,
  telehealth: 'Telehealth available',
  languages: (codes) => `Languages: ${f.languageNames(codes)}`,
  book: 'Book',
  bookLabel: (name) => `Book an appointment at ${name} (opens in a new tab)`,
  openNow: (closes) => `Open now · closes ${closes}`,
  open24h: 'Open 24 hours',
  closedOpens: (time, weekday) => `Closed · opens ${weekday ? `${weekday} ` : ''}${time}`,
  closed: 'Closed',
  closedToday: (next) =>
    `Closed today (holiday)${next ? ` · ${next.replace(/^Closed · /, '')}` : ''}`,
  specialHoursToday: (hours) => `Special hours today: ${hours}`,
  shortDate: f.shortDate,
  showMap: 'Show map',
  hideMap: 'Hide map',
  filtersButton: (active) => (active ? `Filters (${active})` : 'Filters'),
  directions: 'Directions',
  directionsLabel: (name) => `Directions to ${name} (opens in a new tab)`,
  searchPoint: (label) => (label ? `Search point: ${label}` : 'Search point'),
  cluster: (count) => `Cluster of ${f.whole(count)} clinics, zoom in`,
  tilesUnavailable: 'The map’s background could not be loaded. The list shows every result.',
  skipMap: 'Skip the map',
};
