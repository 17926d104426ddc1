// Loaded lazily (with fuse.js and the place search) the first time a visitor searches or types.
// What did the visitor mean? Loads what the answer needs (the ZIP tables and one place-name
// shard for a ZIP; all place names and the clinic index for words) and asks the domain.
import type { Clinic } from '../domain/clinic.js';
import {
  createPlaceIndexBuilder,
  suggestPlaces,
  type Place,
  type PlaceIndex,
} from '../domain/places.js';
import { interpretQuery, originFromZip, type Origin } from '../domain/query.js';
import { suggestClinics, type ClinicIndex } from '../domain/clinic-search.js';
import { clinicOrigin, placeLabel, placeOrigin } from '../domain/origin.js';
import { lookupZip, normalizeZip } from '../domain/zip-table.js';
import { nextTask } from './next-task.js';
import { loadPlaces, loadPlaceShard, loadZipTables } from './zip-data.js';

/** What a search for some text resolves to. */
export type Resolution =
  | { kind: 'empty' }
  /** A point to search from; `also` names other places of the same name, `clinic` the clinic searched for. */
  | { kind: 'origin'; origin: Origin; also: Place[]; clinic?: Clinic; organization?: string }
  /** Several places of that name, none clearly the one: the visitor chooses. */
  | { kind: 'choices'; candidates: Place[] }
  | { kind: 'unknown-zip'; zip: string }
  | { kind: 'not-understood'; input: string };

// The place index is built from immutable data shared by every widget: memoised once per page.
let placeIndex: Promise<PlaceIndex> | undefined;

/** Places indexed per task. */
const INDEX_SLICE = 5000;

/** All place names, indexed for search (loads every place-name shard on first use). */
export function loadPlaceIndex(): Promise<PlaceIndex> {
  placeIndex ??= loadPlaces().then(
    async (places) => {
      // The 29,542 places are indexed a slice per task, apart from decoding them: one go takes
      // ~30 ms here and four times that on a mid-range phone.
      const builder = createPlaceIndexBuilder(places.stateCenters);
      for (let start = 0; start < places.length; start += INDEX_SLICE) {
        await nextTask();
        builder.add(places.slice(start, start + INDEX_SLICE));
      }
      await nextTask();
      return builder.finish();
    },
    (error: unknown) => {
      placeIndex = undefined;
      throw error;
    },
  );
  return placeIndex;
}

/**
 * Resolves what the visitor typed. ZIP codes need only the ZIP tables and one place-name shard;
 * anything with letters loads the place names. Rejects only when data cannot be loaded.
 */
export async function resolveQuery(input: string, clinicIndex: ClinicIndex): Promise<Resolution> {
  const text = input.trim();
  if (!text) return { kind: 'empty' };
  const zip = normalizeZip(text);
  if (zip) {
    const [tables, shard] = await Promise.all([loadZipTables(), loadPlaceShard(Number(zip[0]))]);
    const outcome = originFromZip(lookupZip(tables, zip, shard));
    if (outcome.kind === 'origin') return { kind: 'origin', origin: outcome.origin, also: [] };
    if (outcome.kind === 'unknown') return { kind: 'unknown-zip', zip: outcome.zip };
    return { kind: 'not-understood', input: text };
  }
  const places = await loadPlaceIndex();
  const meaning = interpretQuery(text, { places, clinics: clinicIndex });
  switch (meaning.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'zip':
      return resolveQuery(meaning.zip, clinicIndex);
    case 'place':
      return { kind: 'origin', origin: placeOrigin(meaning.place), also: meaning.also };
    case 'ambiguous':
      return { kind: 'choices', candidates: meaning.candidates };
    case 'clinic': {
      const clinic = meaning.clinics[0];
      return clinic
        ? { kind: 'origin', origin: clinicOrigin(clinic), also: [], clinic }
        : { kind: 'not-understood', input: text };
    }
    case 'organization': {
      const { clinics, organization } = meaning;
      if (!clinics.length) return { kind: 'not-understood', input: text };
      const lat = clinics.reduce((sum, c) => sum + c.lat, 0) / clinics.length;
      const lon = clinics.reduce((sum, c) => sum + c.lon, 0) / clinics.length;
      return {
        kind: 'origin',
        origin: { lat, lon, label: organization, approximate: false },
        also: [],
        organization,
      };
    }
    case 'not-understood':
      return { kind: 'not-understood', input: text };
  }
}

export { createClinicIndex } from '../domain/clinic-search.js';

/** A suggestion under the search box: a place or a clinic. */
export type Suggestion =
  | { kind: 'place'; place: Place; label: string }
  | { kind: 'clinic'; clinic: Clinic; label: string; detail: string };

/** Up to `limit` suggestions for what has been typed: places first, then clinics. */
export function suggest(
  places: PlaceIndex,
  clinics: ClinicIndex,
  text: string,
  limit = 8,
): Suggestion[] {
  const placeCount = Math.ceil((limit * 5) / 8);
  const found: Suggestion[] = suggestPlaces(places, text, placeCount).map((place) => ({
    kind: 'place',
    place,
    label: placeLabel(place),
  }));
  for (const clinic of suggestClinics(clinics, text, limit - found.length)) {
    found.push({
      kind: 'clinic',
      clinic,
      label: clinic.name,
      detail: `${clinic.city}, ${clinic.state}`,
    });
  }
  return found.slice(0, limit);
}
