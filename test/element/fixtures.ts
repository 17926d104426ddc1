import type { Clinic } from '../../src/domain/clinic.js';

/** GeoNames' point for 49503 (Grand Rapids, MI), at the table's 0.001° precision. */
export const GR = { lat: 42.966, lon: -85.652 };

function clinic(id: string, name: string, dLat: number, extra: Partial<Clinic> = {}): Clinic {
  return {
    id,
    name,
    organization: 'Fixture PT',
    address1: `${Number(id.slice(1))} Sample Way`,
    city: 'Grand Rapids',
    state: 'MI',
    zip: '49503',
    lat: GR.lat + dLat,
    lon: GR.lon,
    phone: '6165550100',
    website: `https://example.org/${id}`,
    services: ['back-pain'],
    ...extra,
  };
}

/** Twelve clinics due north of 49503, each farther than the last, listed out of order. */
export const clinics: Clinic[] = [
  clinic('c05', 'Echo PT', 0.05),
  clinic('c01', 'Alpha PT', 0.001, {
    address2: 'Suite 2',
    phone: '(616) 555-0101',
    services: ['back-pain', 'sciatica'],
    telehealth: true,
    languages: ['en', 'es'],
  }),
  clinic('c12', 'Lima PT', 0.4),
  clinic('c03', 'Charlie PT', 0.03, { services: ['sciatica'], languages: ['es'] }),
  clinic('c02', 'Bravo PT', 0.02, {
    website: undefined,
    bookingUrl: 'https://example.org/book/c02',
  }),
  clinic('c08', 'Hotel PT', 0.2),
  clinic('c04', 'Delta PT', 0.04, { phone: undefined }),
  clinic('c07', 'Golf PT', 0.15, { services: ['back-pain', 'aquatic'], telehealth: true }),
  clinic('c06', 'Foxtrot PT', 0.1),
  clinic('c09', 'India PT', 0.25),
  clinic('c11', 'Kilo PT', 0.35),
  clinic('c10', 'Juliet PT', 0.3),
];

/** The fixture's ids nearest first from 49503 (all within 50 km of the ZIP's point). */
export const byDistance = [
  'c01',
  'c02',
  'c03',
  'c04',
  'c05',
  'c06',
  'c07',
  'c08',
  'c09',
  'c10',
  'c11',
  'c12',
];
