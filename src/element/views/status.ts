import { html, nothing, type TemplateResult } from 'lit';
import { placeLabel } from '../../domain/origin.js';
import type { Place } from '../../domain/places.js';
import { fromKm, type Units } from '../../domain/units.js';
import type { DataState } from '../controllers/clinic-data.js';
import type { View } from '../controllers/search.js';
import type { Messages } from '../messages/messages.js';

/** What the status line reports. */
export interface StatusProps {
  m: Messages;
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
  /** The filters on, as words (`filtersPhrase`), or ''. */
  filters: string;
  /** The place found, when it differs from what was typed (`Showing results for …`). */
  understood?: string;
  onPlace: (place: Place) => void;
}

/** The text of the status line, with an optional note and places to choose from. */
function statusOf(p: StatusProps): {
  text: string;
  error: boolean;
  lead?: string;
  note?: string;
  places: readonly Place[];
  placesLabel?: string;
} {
  const { m, view, units } = p;
  switch (view.kind) {
    case 'idle':
      if (p.data === 'loading') return { text: m.loadingClinics, error: false, places: [] };
      if (p.data === 'error') return { text: m.clinicDataFailed, error: true, places: [] };
      // The list shows the invitation (the `empty` slot's default), once.
      return { text: '', error: false, places: [] };
    case 'loading':
      return { text: view.text ?? m.loading, error: false, places: [] };
    case 'message':
      return { text: view.text, error: view.error, places: [] };
    case 'choices':
      return { text: m.choosePlace(view.candidates.length), error: false, places: view.candidates };
    case 'results':
      break;
  }
  const { search } = view;
  const radius = m.length(p.radius, units);
  let text: string;
  let note: string | undefined;
  if (view.filteredOut) text = m.noMatches;
  else if (!view.results.length) text = m.noClinics;
  else if (search.organization) {
    text = m.organizationList(view.results.length, search.organization);
  } else if (view.withinRadius) {
    // A temporarily closed clinic is never "the nearest".
    const open = view.results.find((r) => r.clinic.status !== 'temporarily-closed');
    const nearest = m.length(fromKm((open ?? view.results[0])?.distanceKm ?? 0, units), units);
    text = m.resultsWithin(view.results.length, radius, search.origin.label, nearest, p.filters);
  } else text = m.noneWithin(radius, search.origin.label, p.filters, p.organization);
  if (search.origin.approximate) {
    if (!/[.:]$/.test(text)) text += '.';
    note = m.approximate(search.origin.label, search.origin.area ?? '');
  }
  const states = search.also.length ? p.organizationStates?.() : undefined;
  const places = states ? search.also.filter((place) => states.has(place.state)) : search.also;
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
    ${places.map(
      (place) =>
        html`<button type="button" class="choice" @click=${() => p.onPlace(place)}>
          ${placeLabel(place)}
        </button>`,
    )}
  </div>`;
}
