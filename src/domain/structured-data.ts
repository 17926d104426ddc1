// schema.org structured data for a member site's clinics (JSON-LD): what search engines read
// about each clinic. Pure: no DOM; the element writes the result into the page.
import type { Clinic } from './clinic.js';
import { parseHours, parseSpecialHours, type TimeInterval } from './hours.js';
import { safeHttpUrl } from './links.js';

const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** Minutes after midnight as schema.org's `HH:MM` (a night past midnight wraps). */
const hhmm = (minutes: number): string => {
  const m = minutes % 1440;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
};

/** The weekly hours as OpeningHoursSpecification, one per interval with the days that share it. */
function openingHours(text: string | undefined): object[] | undefined {
  if (!text) return undefined;
  const parsed = parseHours(text);
  if (!parsed.ok) return undefined;
  const byInterval = new Map<string, { interval: TimeInterval; days: string[] }>();
  parsed.hours.forEach((intervals, day) => {
    for (const interval of intervals) {
      const key = interval.join('-');
      const entry = byInterval.get(key) ?? { interval, days: [] };
      entry.days.push(`https://schema.org/${DAYS[day]}`);
      byInterval.set(key, entry);
    }
  });
  return [...byInterval.values()].map(({ interval: [start, end], days }) => ({
    '@type': 'OpeningHoursSpecification',
    dayOfWeek: days,
    opens: hhmm(start),
    closes: hhmm(end),
  }));
}

/** Dated closures and hours: a closed day is `opens` = `closes` = `00:00`, as schema.org advises. */
function specialHours(text: string | undefined): object[] | undefined {
  if (!text) return undefined;
  const parsed = parseSpecialHours(text);
  if (!parsed.ok || !parsed.days.length) return undefined;
  return parsed.days.flatMap(({ from, to, intervals }) =>
    (intervals.length ? intervals : [[0, 0] as TimeInterval]).map(([start, end]) => ({
      '@type': 'OpeningHoursSpecification',
      validFrom: from,
      validThrough: to,
      opens: hhmm(start),
      closes: hhmm(end),
    })),
  );
}

/** `6165550142` → `+1-616-555-0142`. */
const telephone = (phone: string | undefined) =>
  phone && /^\d{10}$/.test(phone)
    ? `+1-${phone.slice(0, 3)}-${phone.slice(3, 6)}-${phone.slice(6)}`
    : undefined;

/** One clinic as a schema.org `MedicalClinic` and `Physiotherapy`. */
export function clinicEntity(clinic: Clinic): Record<string, unknown> {
  const entity: Record<string, unknown> = {
    '@type': ['MedicalClinic', 'Physiotherapy'],
    name: clinic.name,
    parentOrganization: { '@type': 'MedicalOrganization', name: clinic.organization },
    address: {
      '@type': 'PostalAddress',
      streetAddress: [clinic.address1, clinic.address2].filter(Boolean).join(', '),
      addressLocality: clinic.city,
      addressRegion: clinic.state,
      postalCode: clinic.zip,
      addressCountry: 'US',
    },
    geo: { '@type': 'GeoCoordinates', latitude: clinic.lat, longitude: clinic.lon },
    telephone: telephone(clinic.phone),
    url: safeHttpUrl(clinic.website),
    openingHoursSpecification: openingHours(clinic.hours),
    specialOpeningHoursSpecification: specialHours(clinic.specialHours),
    isAcceptingNewPatients: clinic.acceptingNewPatients,
    availableLanguage: clinic.languages?.length ? clinic.languages : undefined,
    healthPlanNetworkId: clinic.insurance?.length ? clinic.insurance : undefined,
  };
  // Absent facts are left out, never written as null.
  return Object.fromEntries(Object.entries(entity).filter(([, value]) => value !== undefined));
}

/** The JSON-LD document for `clinics`: one graph of clinic entities. */
export function structuredData(clinics: readonly Clinic[]): Record<string, unknown> {
  return { '@context': 'https://schema.org', '@graph': clinics.map(clinicEntity) };
}

/**
 * The JSON-LD text to put in a `<script type="application/ld+json">`: `<` is escaped so that no
 * text from the data can close the script element.
 */
export function structuredDataText(clinics: readonly Clinic[]): string {
  return JSON.stringify(structuredData(clinics)).replace(/</g, '\\u003c');
}
