// The English strings only the results show, in the results' chunk (views/results.ts): the
// first download carries only what is on screen before a search (messages/en.ts).
import { formatters } from './format.js';
import type { ResultMessages } from './messages.js';

const f = formatters('en-US');
const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);
const clinics = (count: number) =>
  `${f.whole(count)} ${f.plural(count) === 'one' ? 'clinic' : 'clinics'}`;

/** English strings of the cards, the list and the filter toggles. */
export const enResults: ResultMessages = {
  resultsWithin: (count, radius, origin, nearest, filters) =>
    `${clinics(count)}${filters ? ` ${filters},` : ''} within ${radius} of ${origin}; nearest ${nearest}`,
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
  showingResultsFor: (place) => `Showing results for ${place}`,
  organizationList: (count, organization) =>
    `${clinics(count)} of ${organization}, by state and town. Add a ZIP code or town to see the nearest.`,
  approximate: (zip, area) =>
    `ZIP code ${zip} is not in our list, so distances are approximate, measured from the ${area} area.`,
  noClinics: 'There are no clinics to show.',
  also: 'Also:',
  stateList: (count, state) =>
    `${clinics(count)} in ${state}, nearest its centre first. Add a ZIP code or town to see distances.`,
  noneInState: (state) => `No clinics in ${state}. Add a ZIP code or town to find the nearest.`,
  outsideUs: (distance) =>
    `You seem to be outside the United States. The nearest clinic is ${distance} away.`,
  noMatches: 'No clinics match these filters.',
  languageFilter: (language) => `${language}-speaking staff`,
  acceptingFilter: 'Accepting new patients',
  wheelchairFilter: 'Wheelchair accessible',
  insuranceFilter: 'Your insurance',
  anyPlan: 'Any plan',
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
  filtersLabel: 'Show only clinics offering',
  chipLabel: (label, count) => `${label}, ${clinics(count)}`,
  telehealthFilter: 'Telehealth',
  showMore: 'Show more clinics',
  showing: (shown, total) => `Showing ${f.whole(shown)} of ${f.whole(total)}`,
  resultsLabel: 'Clinics',
  call: (name) => `Call ${name}`,
  website: (name) => `Website of ${name} (opens in a new tab)`,
  websiteText: 'Website',
  servicesLabel: 'Services',
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
  directions: 'Directions',
  directionsLabel: (name) => `Directions to ${name} (opens in a new tab)`,
  previousResults: 'The results below are from your last search.',
};
