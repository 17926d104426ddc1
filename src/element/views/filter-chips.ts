import { html, type TemplateResult } from 'lit';
import type { ChipCounts } from '../controllers/filters.js';
import type { Messages } from '../messages/messages.js';

/** What the filter toggles show and whom they tell. */
export interface ChipsProps {
  counts: ChipCounts;
  services: readonly string[];
  telehealth: boolean;
  spanish: boolean;
  onService: (id: string) => void;
  onTelehealth: () => void;
  onSpanish: () => void;
}

/** The filter toggles, each with how many clinics it would leave. */
export function filterChips(m: Messages, chips: ChipsProps): TemplateResult {
  const { offered, counts, telehealth, spanish } = chips.counts;
  const active = new Set(chips.services);
  const chip = (label: string, count: number, pressed: boolean, toggle: () => void) =>
    html`<button
      type="button"
      part="filter-chip"
      class="chip"
      aria-pressed=${pressed ? 'true' : 'false'}
      aria-label=${m.chipLabel(label, count)}
      ?disabled=${count === 0 && !pressed}
      @click=${toggle}
    >
      ${label} <span class="count" aria-hidden="true">${m.number(count)}</span>
    </button>`;
  // Services no listed clinic offers go last (and are disabled): what can be chosen comes first.
  const services = offered
    .map((id) => ({ id, count: counts.get(id) ?? 0 }))
    .sort(
      (a, b) => Number(b.count > 0 || active.has(b.id)) - Number(a.count > 0 || active.has(a.id)),
    );
  return html`<div part="filters" class="filters" role="group" aria-label=${m.filtersLabel}>
    ${services.map(({ id, count }) =>
      chip(m.serviceLabel(id), count, active.has(id), () => chips.onService(id)),
    )}
    ${chip(m.telehealthFilter, telehealth, chips.telehealth, chips.onTelehealth)}
    ${chip(m.spanishFilter, spanish, chips.spanish, chips.onSpanish)}
  </div>`;
}
