import services from 'virtual:clinic-locator-services';
import type { Messages } from './messages.js';

const plural = new Intl.PluralRules('en-US');

/** English strings (the default language). */
export const en: Messages = {
  locale: 'en-US',
  searchLabel: 'ZIP code',
  searchPlaceholder: 'e.g. 49503',
  searchButton: 'Search',
  idle: 'Enter a ZIP code to find a clinic near you.',
  loading: 'Searching…',
  results: (count, origin) =>
    `${count} ${plural.select(count) === 'one' ? 'clinic' : 'clinics'} near ${origin}`,
  approximate: (zip, area) =>
    `ZIP code ${zip} is not in our list, so distances are approximate, measured from the ${area} area.`,
  noClinics: 'There are no clinics to show.',
  notAZip: (input) => `“${input}” is not a ZIP code. Enter 5 digits, for example 49503.`,
  emptyQuery: 'Enter a ZIP code, for example 49503.',
  unknownZip: (zip) => `We could not find ZIP code ${zip}. Check the number and try again.`,
  loadFailed: 'The clinic finder could not load its data. Please try again later.',
  distance: (value, units) =>
    `${new Intl.NumberFormat('en-US', { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(value)} ${units}`,
  resultsLabel: 'Clinics',
  mapLabel: 'Map of clinics',
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
  languages: (codes) => {
    const names = new Intl.DisplayNames(['en-US'], { type: 'language' });
    const list = new Intl.ListFormat('en-US', { type: 'conjunction' });
    return `Languages: ${list.format(codes.map((code) => names.of(code) ?? code))}`;
  },
  book: 'Book',
  bookLabel: (name) => `Book an appointment at ${name} (opens in a new tab)`,
  openNow: (closes) => `Open now · closes ${closes}`,
  open24h: 'Open 24 hours',
  closedOpens: (time, weekday) => `Closed · opens ${weekday ? `${weekday} ` : ''}${time}`,
  closed: 'Closed',
};
