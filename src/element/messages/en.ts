import services from 'virtual:clinic-locator-services';
import { formatters } from './format.js';
import type { CoreMessages } from './messages.js';

const locale = 'en-US';
const f = formatters(locale);

/** English strings (the default language). */
export const en: CoreMessages = {
  locale,
  dir: 'ltr',
  searchLabel: 'ZIP code, town or clinic name',
  searchPlaceholder: 'e.g. 49503 or Grand Rapids, MI',
  searchButton: 'Search',
  suggestionsLabel: 'Suggestions',
  idle: 'Enter a ZIP code, a town or a clinic name to find a clinic near you.',
  loading: 'Searching…',
  length: f.length,
  languageName: f.languageName,
  currentLocation: 'Current location',
  viewLabel: 'Show the clinics as',
  listView: 'List',
  mapView: 'Map',
  mapCardHint: 'Select a number on the map to see that clinic here.',
  selectedAnnouncement: (rank, name, distance) =>
    `${rank}. ${name}${distance ? `, ${distance}` : ''}`,
  widerRadius: (radius) => `Search within ${radius}`,
  showTelehealth: 'Show clinics with telehealth visits',
  radiusNotApplicable: 'The distance does not apply to a list of one organization’s clinics.',
  touchHint: 'Use two fingers to move the map',
  scrollHint: 'Use ctrl + scroll to zoom the map',
  backToResults: 'Show all results',
  emptyQuery: 'Enter a ZIP code, a town or a clinic name, for example 49503.',
  unknownZip: (zip) => `We could not find ZIP code ${zip}. Check the number and try again.`,
  notUnderstood: (input) =>
    `We could not find “${input}”. Try a ZIP code, a town and state (like Grand Rapids, MI) or a clinic name.`,
  choosePlace: (count) => `${count} places have that name. Which one do you mean?`,
  chooseMeaning: 'Which one do you mean?',
  notFound: (name, choices) =>
    `We could not find ${name}.${choices ? ' Did you mean:' : ' Check the spelling, or type its ZIP code.'}`,
  noneThere: (organization, place) =>
    `${organization} has no clinics in a town called ${place}. Type a ZIP code or another town.`,
  needsPlace: 'Now add a ZIP code or a town to see the clinics nearest to it.',
  loadFailed: 'The clinic finder could not load its data. Please try again later.',
  number: f.whole,
  distance: f.distance,
  radius: f.radius,
  radiusLabel: 'Within',
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
  zipCredit: 'ZIP code data',
  loadingClinics: 'Loading clinics…',
  clinicDataFailed:
    'The list of clinics could not be loaded. Check your connection and search again.',
  clinicDataSlow: 'The list of clinics took too long to load. Search again to try once more.',
  clinicDataBroken:
    'This page’s list of clinics cannot be read, so the finder cannot show clinics here. Please tell the site’s owner.',
  serviceLabel: (id) => services.find((s) => s.id === id)?.label ?? id,
  telehealth: 'Telehealth available',
  showMap: 'Show map',
  hideMap: 'Hide map',
  filtersButton: (active) => (active ? `Filters (${active})` : 'Filters'),
  searchPoint: (label) => (label ? `Search point: ${label}` : 'Search point'),
  cluster: (count) => `Cluster of ${f.whole(count)} clinics, zoom in`,
  tilesUnavailable: 'The map’s background could not be loaded. The list shows every result.',
  skipMap: 'Skip the map',
  mapUnavailable: 'The map cannot be shown on this page. The list shows every result.',
};
