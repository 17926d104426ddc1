import { html, nothing, type TemplateResult } from 'lit';
import { placeLabel } from '../../domain/origin.js';
import type { Place } from '../../domain/places.js';
import { fromKm, type Units } from '../../domain/units.js';
import type { DataState } from '../controllers/clinic-data.js';
import type { Choices, ResultsView, View } from '../controllers/search.js';
import type { Clinic } from '../../domain/clinic.js';
import type { CoreMessages, Messages } from '../messages/messages.js';

/** What the status line reports. */
export interface StatusProps {
  m: CoreMessages;
  view: View;
  data: DataState;
  radius: number;
  units: Units;
  /**
   * On a member clinic's site, the states where the organization has clinics: other places of
   * the same name are offered only there. Asked for only when there are such places.
   */
  organizationStates?: () => ReadonlySet<string>;
  /** The element's `organization` (named when none of its clinics is near). */
  organization: string;
  /** What the visitor is told when the clinic data failed to load (true to its cause). */
  dataFailed: string;
  /** Every string, once the results' chunk is loaded (results are drawn only then). */
  all: Messages | undefined;
  /** The filters on, as words (`filtersPhrase`), or ''. */
  filters: string;
  /** The place found, when it differs from what was typed (`Showing results for …`). */
  understood?: string;
  onPlace: (place: Place) => void;
  /** An organization or a clinic chosen among what a name can mean. */
  onOrganization: (organization: string) => void;
  onClinic: (clinic: Clinic) => void;
}

/** A button among the choices: a place, an organization or a clinic. */
type Choice =
  | { kind: 'place'; place: Place }
  | { kind: 'organization'; organization: string }
  | { kind: 'clinic'; clinic: Clinic };

/** The text of the status line, with an optional note and places to choose from. */
function statusOf(p: StatusProps): {
  text: string;
  error: boolean;
  lead?: string;
  note?: string;
  places: readonly Choice[];
  placesLabel?: string;
} {
  const { m, view } = p;
  switch (view.kind) {
    case 'idle':
      if (p.data === 'loading') return { text: m.loadingClinics, error: false, places: [] };
      if (p.data === 'error') return { text: p.dataFailed, error: true, places: [] };
      // The list shows the invitation (the `empty` slot's default), once.
      return { text: '', error: false, places: [] };
    case 'loading':
      return { text: view.text ?? m.loading, error: false, places: [] };
    case 'message': {
      const note = view.previous ? p.all?.previousResults : undefined;
      return { text: view.text, error: view.error, note, places: [] };
    }
    case 'choices':
      return choicesOf(p, view);
    case 'results':
      break;
  }
  return resultsStatus(p, view);
}

/** The status of a list of results (its strings came with the results' chunk). */
function resultsStatus(p: StatusProps, view: ResultsView): ReturnType<typeof statusOf> {
  const { units } = p;
  // Results exist only once the results' chunk, and with it their strings, is loaded.
  const m = p.all;
  if (!m) return { text: p.m.loading, error: false, places: [] };
  const { search } = view;
  const radius = m.length(p.radius, units);
  let text: string;
  let note: string | undefined;
  if (view.filteredOut) text = m.noMatches;
  else if (search.state && !view.results.length) text = m.noneInState(search.state.name);
  else if (!view.results.length) text = m.noClinics;
  else if (search.organization) {
    text = m.organizationList(view.results.length, search.organization);
  } else if (search.state) {
    text = view.results.length
      ? m.stateList(view.results.length, search.state.name)
      : m.noneInState(search.state.name);
  } else if (search.outside) {
    // Thousands of miles: whole ones.
    const nearest = Math.round(fromKm(view.results[0]?.distanceKm ?? 0, units));
    text = m.outsideUs(m.length(nearest, units));
  } else if (view.withinRadius) {
    // A temporarily closed clinic is never "the nearest".
    const open = view.results.find((r) => r.clinic.status !== 'temporarily-closed');
    const nearest = m.length(fromKm((open ?? view.results[0])?.distanceKm ?? 0, units), units);
    text = m.resultsWithin(view.results.length, radius, search.origin.label, nearest, p.filters);
  } else text = m.noneWithin(radius, search.origin.label, p.filters, p.organization);
  if (search.origin.approximate && !search.state) {
    if (!/[.:]$/.test(text)) text += '.';
    note = m.approximate(search.origin.label, search.origin.area ?? '');
  }
  const states = search.also.length ? p.organizationStates?.() : undefined;
  const also = states ? search.also.filter((place) => states.has(place.state)) : search.also;
  const places = also.map((place): Choice => ({ kind: 'place', place }));
  const lead = p.understood ? `${m.showingResultsFor(p.understood)}.` : undefined;
  return {
    text,
    error: false,
    lead,
    note,
    places,
    placesLabel: places.length ? m.also : undefined,
  };
}

/**
 * What a name can mean, to choose from: its places (on a member site the search controller kept
 * only those where the organization has clinics), and the organization or clinics of that name,
 * the member site's organization first; or the close spellings of a place that is not in the
 * data.
 */
function choicesOf(p: StatusProps, view: Choices): ReturnType<typeof statusOf> {
  const { m } = p;
  // On a member site the search offers only its organization's states' towns already.
  const places = view.candidates.map((place): Choice => ({ kind: 'place', place }));
  if (view.notFound) {
    const text = m.notFound(view.notFound, places.length > 0);
    return { text, error: !places.length, places };
  }
  const named: Choice[] = view.organization
    ? [{ kind: 'organization', organization: view.organization }]
    : (view.clinics ?? []).slice(0, 3).map((clinic) => ({ kind: 'clinic', clinic }));
  const ours = view.organization !== undefined && view.organization === p.organization;
  const all = ours || !places.length ? [...named, ...places] : [...places, ...named];
  const text = named.length ? m.chooseMeaning : m.choosePlace(places.length);
  return { text, error: false, places: all };
}

/** The live status line. */
export function status(p: StatusProps): TemplateResult {
  const { text, error, lead, note } = statusOf(p);
  // While a search runs the region is busy: screen readers announce only its outcome, once.
  const busy = p.view.kind === 'loading' && p.view.text === undefined;
  // The note is part of the live region so the approximation is announced with the outcome.
  return html`<div
    part="status"
    class="status ${error ? 'error' : ''}"
    role="status"
    aria-live="polite"
    aria-busy=${busy ? 'true' : 'false'}
  >
    ${lead ? html`<strong part="understood" class="understood">${lead}</strong> ` : nothing}<span>${text}</span>${note ? html` <span class="note-text">${note}</span>` : nothing}
  </div>`;
}

/** The places to choose from: an ambiguous name's, or "Also:" other places of that name. */
export function choices(p: StatusProps): TemplateResult | typeof nothing {
  const { places, placesLabel } = statusOf(p);
  if (!places.length) return nothing;
  return html`<div part="choices" class="choices">
    ${placesLabel ? html`<span>${placesLabel}</span>` : nothing}
    ${places.map((choice) => {
      const [label, choose] =
        choice.kind === 'place'
          ? [placeLabel(choice.place), () => p.onPlace(choice.place)]
          : choice.kind === 'organization'
            ? [choice.organization, () => p.onOrganization(choice.organization)]
            : [
                `${choice.clinic.name} (${choice.clinic.city}, ${choice.clinic.state})`,
                () => p.onClinic(choice.clinic),
              ];
      return html`<button
        type="button"
        class="choice ${choice.kind === 'place' ? '' : 'named'}"
        @click=${choose}
      >
        <bdi>${label}</bdi>
      </button>`;
    })}
  </div>`;
}
