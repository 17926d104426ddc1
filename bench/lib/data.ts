// Data the Node benchmarks share: the decoded ZIP tables and places from data/generated/, the
// bundled sample clinics, and seeded synthetic clinic sets of any size at real ZIP points.
import { readFileSync } from 'node:fs';
import type { Clinic } from '../../src/domain/clinic.js';
import { decodeClinics, type CompiledClinics } from '../../src/domain/clinic-codec.js';
import type { PlaceList } from '../../src/domain/places.js';
import { mulberry32 } from '../../scripts/lib/mulberry32.ts';
import {
  decodePlaceTable,
  decodeZip3Table,
  decodeZipTable,
  listPlaces,
  type ZipTables,
} from '../../src/domain/zip-table.js';

export const GENERATED = 'data/generated/';

export function readBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(`${GENERATED}${name}`));
}

export function zipTables(): ZipTables {
  return {
    zips: decodeZipTable(readBytes('zips.bin')),
    zip3: decodeZip3Table(readBytes('zip3.bin')),
  };
}

export function allPlaces(tables: ZipTables): PlaceList {
  return listPlaces(tables.zips, decodePlaceTable(readBytes('places.bin')));
}

/** The bundled sample clinics, decoded from the compiled form the build ships. */
export function sampleClinics(): Clinic[] {
  return decodeClinics(
    JSON.parse(readFileSync(`${GENERATED}clinics.json`, 'utf8')) as CompiledClinics,
  );
}

/** A small seeded PRNG (mulberry32, the sample generator's): the same inputs on every run. */
export const random = mulberry32;

/**
 * `count` synthetic clinics, each within ~5 km of a random real ZIP point (so they cluster where
 * people live, as clinics do), with names and ids that make ties possible but rare.
 */
export function syntheticClinics(tables: ZipTables, count: number, seed = 1): Clinic[] {
  const next = random(seed);
  const { zips, lat, lon } = tables.zips;
  const clinics: Clinic[] = [];
  for (let i = 0; i < count; i++) {
    const z = Math.floor(next() * zips.length);
    clinics.push({
      id: `c${i}`,
      name: `Clinic ${i % 997}`,
      organization: 'Bench PT',
      address1: `${i} Bench St`,
      city: 'Bench',
      state: 'MI',
      zip: String(zips[z]).padStart(5, '0'),
      lat: (lat[z] as number) / 1000 + (next() - 0.5) * 0.09,
      lon: (lon[z] as number) / 1000 + (next() - 0.5) * 0.12,
      services: [],
    });
  }
  return clinics;
}

/** `count` search origins at random real ZIP points. */
export function origins(
  tables: ZipTables,
  count: number,
  seed = 2,
): { lat: number; lon: number }[] {
  const next = random(seed);
  const { zips, lat, lon } = tables.zips;
  return Array.from({ length: count }, () => {
    const z = Math.floor(next() * zips.length);
    return { lat: (lat[z] as number) / 1000, lon: (lon[z] as number) / 1000 };
  });
}
