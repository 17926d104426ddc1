// What a search request resolves to (the controller's task, SearchController in search.ts): a
// place, a clinic, an organization, the visitor's position, or typed text read by the search
// chunk; then a message, places to choose from, or a search found once its clinics are loaded.
// A wait that ends without an answer (clinic data, ZIP tables, a position) says so with
// `unanswered`, so that the controller keeps the results on screen.
import { organizationOrigin, clinicOrigin, placeLabel, placeOrigin } from '../../domain/origin.js';
import type { Place } from '../../domain/places.js';
import type { Origin } from '../../domain/query.js';
import { outsideUs } from '../../domain/us-bounds.js';
import { loadSearch } from '../../load/chunks.js';
import type { Resolution } from '../../load/resolve.js';
import { ClinicErrorEvent, type SearchTrigger } from '../events.js';
import type { LocateFailure } from '../geolocation.js';
import { organizationStates } from './filters.js';
import type { SearchOptions } from './search.js';
import type { Outcome, SearchContext, SearchRequest } from './search-types.js';

/**
 * Resolves one request. `host` receives the `clinic-error` events of the ZIP tables and the
 * position; the clinic data reports its own.
 */
export async function resolveRequest(
  request: SearchRequest,
  signal: AbortSignal,
  o: SearchOptions,
  host: EventTarget,
): Promise<Outcome> {
  const m = o.messages();
  const message = (text: string, unanswered?: true): Outcome => ({
    request,
    kind: 'message',
    text,
    error: true,
    unanswered,
  });
  switch (request.kind) {
    case 'place': {
      const { place } = request;
      const search = { query: placeLabel(place), origin: placeOrigin(place), also: [] };
      return foundOutcome(request, search, 'user', o);
    }
    case 'clinic': {
      const { clinic } = request;
      const search = { query: clinic.name, origin: clinicOrigin(clinic), also: [], clinic };
      return foundOutcome(request, search, 'user', o);
    }
    case 'organization': {
      const { organization } = request;
      const clinics = await o.data.list().catch(() => undefined);
      const own = clinics?.filter((c) => c.organization === organization) ?? [];
      const origin = organizationOrigin(organization, own);
      if (!origin) return message(m.notUnderstood(organization));
      return foundOutcome(
        request,
        { query: organization, origin, also: [], organization },
        'user',
        o,
      );
    }
    case 'locate':
      return locateOutcome(request, o, host);
    case 'query':
      break;
  }
  const query = request.text.trim();
  if (!query) return message(m.emptyQuery);
  let resolution: Resolution;
  try {
    const [search, clinicIndex] = await Promise.all([loadSearch(), o.data.searchIndex()]);
    resolution = await search.resolveQuery(query, clinicIndex, o.organization());
  } catch (error) {
    if (o.data.state === 'error' || signal.aborted) {
      return message(o.data.failedText(m), true);
    }
    const text = error instanceof Error ? error.message : String(error);
    console.error(`clinic-locator: ${text}`);
    host.dispatchEvent(new ClinicErrorEvent({ source: 'zip-data', message: text }));
    return message(m.loadFailed, true);
  }
  if (resolution.services?.length) o.services(resolution.services);
  switch (resolution.kind) {
    case 'empty':
      return resolution.services?.length
        ? { request, kind: 'message', text: m.needsPlace, error: false }
        : message(m.emptyQuery);
    case 'unknown-zip':
      return message(m.unknownZip(resolution.zip));
    case 'not-understood':
      return message(m.notUnderstood(query));
    case 'near-me':
      return locateOutcome(request, o, host);
    case 'not-found': {
      const { name } = resolution;
      const candidates = await ownTowns(resolution.candidates, o);
      if (!candidates.length) return message(m.notFound(name, false));
      return { request, kind: 'choices', candidates, notFound: name };
    }
    case 'choices': {
      const { organization, clinics } = resolution;
      let { candidates } = resolution;
      const own = o.organization();
      if (own) {
        const there = await ownTowns(candidates, o);
        const named = organization || clinics?.length;
        // Its own organization, and no town of that name where it has clinics: the
        // organization is what was meant.
        if (organization === own && !there.length) {
          const found = await resolveRequest(
            { kind: 'organization', organization },
            signal,
            o,
            host,
          );
          return { ...found, request };
        }
        if (!named && there.length === 1) {
          const found = await resolveRequest(
            { kind: 'place', place: there[0] as Place },
            signal,
            o,
            host,
          );
          return { ...found, request };
        }
        if (!named && !there.length) {
          const name = candidates[0]?.name ?? query;
          return { request, kind: 'message', text: m.noneThere(own, name), error: false };
        }
        candidates = there;
      }
      return { request, kind: 'choices', candidates, organization, clinics };
    }
    case 'origin': {
      const { origin, also, clinic, organization, state, typed } = resolution;
      const outside = outsideUs(origin.lat, origin.lon);
      const search = { query, typed, origin, also, clinic, organization, state, outside };
      return foundOutcome(request, search, request.trigger, o);
    }
  }
}

/** On a member site, only the towns in the states where its organization has clinics. */
async function ownTowns(places: Place[], o: SearchOptions): Promise<Place[]> {
  const own = o.organization();
  if (!own) return places;
  const states = organizationStates(await o.data.list().catch(() => []), own);
  return places.filter((place) => states.has(place.state));
}

/** The visitor's position ("Use my location", or "near me" typed). */
async function locateOutcome(
  request: SearchRequest,
  o: SearchOptions,
  host: EventTarget,
): Promise<Outcome> {
  const m = o.messages();
  // Asked for only by "Use my location" or "near me": its code loads then.
  const { locate } = await import('../geolocation.js');
  const position = await locate();
  if (!position.ok) {
    const text: Record<LocateFailure, string> = {
      denied: m.locateDenied,
      timeout: m.locateTimeout,
      unavailable: m.locateUnavailable,
      'not-found': m.locateNotFound,
    };
    if (position.reason === 'timeout') {
      const message = 'no position within the bound (the prompt unanswered, or no fix)';
      host.dispatchEvent(new ClinicErrorEvent({ source: 'location', message }));
    }
    const failed = text[position.reason];
    return { request, kind: 'message', text: failed, error: true, unanswered: true };
  }
  const { lat, lon } = position;
  const origin: Origin = { lat, lon, label: m.yourLocation, approximate: false };
  const search = { query: '', origin, also: [], located: true, outside: outsideUs(lat, lon) };
  return foundOutcome(request, search, 'user', o);
}

/** A resolved search, once the clinics it ranks are loaded. */
async function foundOutcome(
  request: SearchRequest,
  search: SearchContext,
  trigger: SearchTrigger,
  o: SearchOptions,
): Promise<Outcome> {
  try {
    await o.data.list();
  } catch {
    const text = o.data.failedText(o.messages());
    return { request, kind: 'message', text, error: true, unanswered: true };
  }
  return { request, kind: 'found', search, trigger };
}
