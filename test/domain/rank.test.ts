import { expect } from '@open-wc/testing';
import type { Clinic } from '../../src/domain/clinic.js';
import { clinicsWithin, haversineKm, orderByPlace, rankClinics } from '../../src/domain/rank.js';

const ORIGIN = { lat: 42.9659, lon: -85.6527 };

/** A clinic `steps` hundredths of a degree (about 1.112 km each) due north of ORIGIN. */
function clinic(id: string, name: string, steps: number): Clinic {
  return {
    id,
    name,
    organization: 'Fixture PT',
    address1: '1 Sample Way',
    city: 'Grand Rapids',
    state: 'MI',
    zip: '49503',
    lat: ORIGIN.lat + steps / 100,
    lon: ORIGIN.lon,
    services: ['back-pain'],
  };
}

// Deliberately not in the expected order: ties must not depend on input order.
const CLINICS: Clinic[] = [
  clinic('r12', 'Lima PT', 9),
  clinic('r02', 'Bravo PT', 1),
  clinic('r04', 'Alpha PT', 1),
  clinic('r06', 'Banana PT', 3),
  clinic('r03', 'Alpha PT', 1),
  clinic('r07', 'apple PT', 3),
  clinic('r01', 'Delta PT', 0),
  clinic('r05', 'Echo PT', 2),
  clinic('r09', 'Golf PT', 5),
  clinic('r08', 'Foxtrot PT', 4),
  clinic('r11', 'Kilo PT', 8),
  clinic('r10', 'India PT', 6),
];
const ALL = ['r01', 'r03', 'r04', 'r02', 'r05', 'r07', 'r06', 'r08', 'r09', 'r10', 'r11', 'r12'];
const ids = (ranked: { clinic: Clinic }[]) => ranked.map((r) => r.clinic.id);

describe('rankClinics()', () => {
  it('orders by distance, then name (English collation), then id', () => {
    const ranked = rankClinics(CLINICS, ORIGIN, { limit: Infinity });
    expect(ids(ranked)).to.deep.equal(ALL);
  });

  it('returns 10 clinics by default', () => {
    expect(ids(rankClinics(CLINICS, ORIGIN))).to.deep.equal(ALL.slice(0, 10));
  });

  it('honours a limit, and falls back to 10 for 0, negative or NaN', () => {
    expect(ids(rankClinics(CLINICS, ORIGIN, { limit: 3 }))).to.deep.equal(['r01', 'r03', 'r04']);
    expect(ids(rankClinics(CLINICS, ORIGIN, { limit: 2.7 }))).to.deep.equal(['r01', 'r03']);
    expect(rankClinics(CLINICS, ORIGIN, { limit: 100 })).to.have.length(12);
    for (const limit of [0, -5, Number.NaN]) {
      expect(ids(rankClinics(CLINICS, ORIGIN, { limit }))).to.deep.equal(ALL.slice(0, 10));
    }
  });

  it('gives great-circle distances in kilometres, 0 for a clinic at the origin', () => {
    const ranked = rankClinics(CLINICS, ORIGIN, { limit: 2 });
    expect(ranked[0]!.clinic.id).to.equal('r01');
    expect(ranked[0]!.distanceKm).to.equal(0);
    // 0.01° of latitude is 1.112 km on the mean-radius (6371.0088 km) sphere.
    expect(ranked[1]!.distanceKm).to.be.closeTo(1.11195, 1e-4);
  });

  it('measures across the country (Grand Rapids to Los Angeles, about 2,982 km)', () => {
    // Reference value from an independent haversine on the same sphere.
    const la = { ...clinic('la', 'Los Angeles PT', 0), lat: 34.0522, lon: -118.2437 };
    expect(rankClinics([la], ORIGIN)[0]!.distanceKm).to.be.closeTo(2981.87, 0.01);
  });

  it('returns [] for an empty dataset', () => {
    expect(rankClinics([], ORIGIN)).to.deep.equal([]);
  });

  it('does not reorder its input, and returns the same clinic objects', () => {
    const input = [...CLINICS];
    const ranked = rankClinics(input, ORIGIN);
    expect(input).to.deep.equal(CLINICS);
    expect(ranked[0]!.clinic).to.equal(CLINICS[6]);
  });

  it('rejects an origin that is not a number', () => {
    expect(() => rankClinics(CLINICS, { lat: Number.NaN, lon: 0 })).to.throw(RangeError);
  });
});

describe('clinicsWithin()', () => {
  it('returns every clinic within the radius, nearest first', () => {
    // Steps of 0.01° of latitude are 1.112 km: 3 steps = 3.34 km, 4 steps = 4.45 km.
    const near = clinicsWithin(CLINICS, ORIGIN, 4);
    expect(near.withinRadius).to.equal(true);
    expect(ids(near.clinics)).to.deep.equal(['r01', 'r03', 'r04', 'r02', 'r05', 'r07', 'r06']);
    expect(ids(clinicsWithin(CLINICS, ORIGIN, 100).clinics)).to.deep.equal(ALL);
  });

  it('includes a clinic exactly on the radius', () => {
    const edge = rankClinics(CLINICS, ORIGIN, { limit: Infinity })[5]!.distanceKm;
    expect(ids(clinicsWithin(CLINICS, ORIGIN, edge).clinics)).to.deep.equal(ALL.slice(0, 7));
  });

  it('falls back to the nearest clinics beyond the radius when none is inside', () => {
    const far = { lat: ORIGIN.lat - 1, lon: ORIGIN.lon };
    const none = clinicsWithin(CLINICS, far, 25, 3);
    expect(none.withinRadius).to.equal(false);
    expect(ids(none.clinics)).to.deep.equal(['r01', 'r03', 'r04']);
    expect(clinicsWithin(CLINICS, far, 25).clinics).to.have.length(10);
  });

  it('handles an empty dataset', () => {
    expect(clinicsWithin([], ORIGIN, 25)).to.deep.equal({ clinics: [], withinRadius: false });
  });
});

describe('haversineKm()', () => {
  it('measures exactly as @turf/distance does (the reference it replaced in the hot loop)', async () => {
    const { default: distance } = await import('@turf/distance');
    const pairs: [number, number, number, number][] = [
      [42.9659, -85.6527, 42.9659, -85.6527],
      [42.9659, -85.6527, 37.3394, -121.895],
      [61.2181, -149.9003, 21.3069, -157.8583],
      [25.7617, -80.1918, 47.6062, -122.3321],
      [42.9659, -85.6527, 42.9759, -85.6627],
    ];
    for (const [lat1, lon1, lat2, lon2] of pairs) {
      const turf = distance([lon1, lat1], [lon2, lat2], { units: 'kilometers' });
      expect(
        haversineKm(lat1, lon1, lat2, lon2),
        `${lat1},${lon1} → ${lat2},${lon2}`,
      ).to.be.closeTo(turf, 1e-9);
    }
  });
});

describe('orderByPlace()', () => {
  const at = (id: string, state: string, city: string, name: string) => ({
    clinic: { ...clinic(id, name, 0), state, city },
    distanceKm: 0,
  });
  it('orders by state, then town, then name, then id, whatever the distances', () => {
    const ranked = [
      { ...at('a', 'MI', 'Lansing', 'Zeta PT'), distanceKm: 1 },
      { ...at('b', 'IN', 'South Bend', 'Beta PT'), distanceKm: 9 },
      { ...at('c', 'MI', 'Grand Rapids', 'beta PT'), distanceKm: 2 },
      { ...at('e', 'MI', 'Grand Rapids', 'Alpha PT'), distanceKm: 5 },
      { ...at('d', 'MI', 'Grand Rapids', 'Alpha PT'), distanceKm: 3 },
    ];
    expect(orderByPlace(ranked).map((r) => r.clinic.id)).to.deep.equal(['b', 'd', 'e', 'c', 'a']);
  });
  it('leaves its input alone and keeps an empty list empty', () => {
    const ranked = [at('x', 'TX', 'Austin', 'X'), at('y', 'AK', 'Juneau', 'Y')];
    expect(orderByPlace(ranked).map((r) => r.clinic.id)).to.deep.equal(['y', 'x']);
    expect(ranked.map((r) => r.clinic.id)).to.deep.equal(['x', 'y']);
    expect(orderByPlace([])).to.deep.equal([]);
  });
});
