// Loaded lazily (with fuse.js and the place search) the first time a visitor searches or types.
// What did the visitor mean? Loads what the answer needs (the same data files for any query:
// zips.bin, zip3.bin, places.bin; the place index too for words) and asks the domain.
import type { Clinic } from '../domain/clinic.js';
import {
  createPlaceIndexBuilder,
  stateCenter,
  stateName,
  suggestPlaces,
  type Place,
  type PlaceIndex,
} from '../domain/places.js';
import { cleanQuery } from '../domain/query-grammar.js';
import { originFromZip, readQuery, type Interpretation, type Origin } from '../domain/query.js';
import { suggestClinics, type ClinicIndex } from '../domain/clinic-search.js';
import { clinicOrigin, organizationOrigin, placeLabel, placeOrigin } from '../domain/origin.js';
import { readServiceWords } from '../domain/service-words.js';
import { lookupZip, normalizeZip } from '../domain/zip-table.js';
import { nextTask } from './next-task.js';
import { loadPlaces, loadZipSearchData } from './zip-data.js';

/** What a search for some text resolves to; `services`: the service words it named. */
export type Resolution = { services?: string[]; typed?: string } & (
  | { kind: 'empty' }
  /**
   * A point to search from; `also` names other places of the same name, `clinic` the clinic
   * searched for; `state` lists one state's clinics from its centre (no radius).
   */
  | {
      kind: 'origin';
      origin: Origin;
      also: Place[];
      clinic?: Clinic;
      organization?: string;
      state?: { code: string; name: string };
    }
  /** Several things of that name, none clearly the one: the visitor chooses. */
  | { kind: 'choices'; candidates: Place[]; organization?: string; clinics?: Clinic[] }
  /** A place that is not in the data (`name`), and close spellings to choose from. */
  | { kind: 'not-found'; name: string; candidates: Place[] }
  /** "near me": the visitor's position, as "Use my location". */
  | { kind: 'near-me' }
  | { kind: 'unknown-zip'; zip: string }
  | { kind: 'not-understood'; input: string }
);

// The place index is built from immutable data shared by every widget: memoised once per page.
let placeIndex: Promise<PlaceIndex> | undefined;

/** Places indexed per task. */
const INDEX_SLICE = 5000;

/** All place names, indexed for search (loads the data files on first use). */
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
 * Resolves what the visitor typed. Any query loads the same data files (zips.bin, zip3.bin,
 * places.bin); anything with letters indexes the place names too. Rejects only when data cannot
 * be loaded.
 * `organization`: a member site's, which comes first among what a name can mean.
 */
export async function resolveQuery(
  input: string,
  clinicIndex: ClinicIndex,
  organization = '',
): Promise<Resolution> {
  const text = cleanQuery(input);
  if (!text) return { kind: 'empty' };
  const zip = normalizeZip(text);
  if (zip) return resolveZip(zip);
  const places = await loadPlaceIndex();
  const { meaning, services } = readQuery(
    text,
    { places, clinics: clinicIndex, organization },
    readServiceWords,
  );
  const resolution = await resolveMeaning(meaning, places);
  if (!services.length) return resolution;
  // What the place was read from, without the service words ("sciatica 49503" → "49503").
  return { ...resolution, services, typed: readServiceWords(text).rest };
}

async function resolveZip(zip: string): Promise<Resolution> {
  // The town's name only: the gazetteer that follows it in places.bin is not waited for.
  const { tables, names } = await loadZipSearchData();
  const outcome = originFromZip(lookupZip(tables, zip, names));
  if (outcome.kind === 'origin') return { kind: 'origin', origin: outcome.origin, also: [] };
  if (outcome.kind === 'unknown') return { kind: 'unknown-zip', zip: outcome.zip };
  return { kind: 'not-understood', input: zip };
}

async function resolveMeaning(meaning: Interpretation, places: PlaceIndex): Promise<Resolution> {
  switch (meaning.kind) {
    case 'empty':
      return { kind: 'empty' };
    case 'zip':
      return resolveZip(meaning.zip);
    case 'near-me':
      return { kind: 'near-me' };
    case 'coordinates': {
      const { lat, lon } = meaning;
      const label = `${lat.toFixed(4)}, ${lon.toFixed(4)}`;
      return { kind: 'origin', origin: { lat, lon, label, approximate: false }, also: [] };
    }
    case 'state': {
      const code = meaning.state;
      const name = stateName(code) ?? code;
      const centre = stateCenter(places, code);
      if (!centre) return { kind: 'not-understood', input: name };
      const origin: Origin = { ...centre, label: name, approximate: true };
      return { kind: 'origin', origin, also: meaning.also, state: { code, name } };
    }
    case 'place': {
      const origin = placeOrigin(meaning.place);
      return { kind: 'origin', origin, also: meaning.also };
    }
    case 'ambiguous': {
      const { candidates, organization, clinics } = meaning;
      return {
        kind: 'choices',
        candidates,
        ...(organization ? { organization: organization.organization } : {}),
        ...(clinics?.length ? { clinics } : {}),
      };
    }
    case 'not-found':
      return { kind: 'not-found', name: meaning.name, candidates: meaning.candidates };
    case 'clinic': {
      const clinic = meaning.clinics[0];
      return clinic
        ? { kind: 'origin', origin: clinicOrigin(clinic), also: [], clinic }
        : { kind: 'not-understood', input: '' };
    }
    case 'organization': {
      const { clinics, organization } = meaning;
      const origin = organizationOrigin(organization, clinics);
      if (!origin) return { kind: 'not-understood', input: organization };
      return { kind: 'origin', origin, also: [], organization };
    }
    case 'not-understood':
      return { kind: 'not-understood', input: meaning.input };
  }
}

export { createClinicIndex } from '../domain/clinic-search.js';

/** A suggestion under the search box: a place or a clinic. */
export type Suggestion =
  | { kind: 'place'; place: Place; label: string }
  | { kind: 'clinic'; clinic: Clinic; label: string; detail: string };

/**
 * Up to `limit` suggestions for what has been typed: places first, then clinics. `states`: on a
 * member site, the states where its organization has clinics (other places are not offered).
 */
export function suggest(
  places: PlaceIndex,
  clinics: ClinicIndex,
  text: string,
  limit = 8,
  states?: ReadonlySet<string>,
): Suggestion[] {
  const placeCount = Math.ceil((limit * 5) / 8);
  const candidates = suggestPlaces(places, text, states ? placeCount * 4 : placeCount);
  const kept = states ? candidates.filter((p) => states.has(p.state)) : candidates;
  const found: Suggestion[] = kept.slice(0, placeCount).map((place) => ({
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
