import { html, nothing, type TemplateResult } from 'lit';
import type { Units } from '../../domain/units.js';
import type { ChipCounts } from '../controllers/filters.js';
import type { Messages } from '../messages/messages.js';

/** Radius choices per unit; the default radius is 25 mi or 40 km. */
export const RADIUS_CHOICES: Record<Units, readonly number[]> = {
  mi: [5, 10, 25, 50, 100],
  km: [10, 20, 40, 80, 160],
};

/** What the radius control and the filter chips show and whom they tell. */
export interface ControlsProps {
  m: Messages;
  radius: number;
  units: Units;
  onRadius: (event: Event) => void;
  /** The chips, once the clinics are loaded. */
  chips?: {
    counts: ChipCounts;
    services: readonly string[];
    telehealth: boolean;
    spanish: boolean;
    onService: (id: string) => void;
    onTelehealth: () => void;
    onSpanish: () => void;
  };
}

/** The radius control and the filter chips. */
export function controls(p: ControlsProps): TemplateResult {
  const { m, radius, units } = p;
  const choices = RADIUS_CHOICES[units].includes(radius)
    ? RADIUS_CHOICES[units]
    : [...RADIUS_CHOICES[units], radius].sort((a, b) => a - b);
  return html`<div part="controls" class="controls">
    <label class="radius"
      >${m.radiusLabel}
      <select part="radius-select" @change=${p.onRadius}>
        ${choices.map(
          (value) =>
            html`<option value=${value} ?selected=${value === radius}>
              ${m.radius(value, units)}
            </option>`,
        )}
      </select>
    </label>
    ${p.chips ? filterChips(m, p.chips) : nothing}
  </div>`;
}

/** Compact layout: the radius and filters fold into a disclosure that says how many are on. */
export function compactControls(p: ControlsProps, active: number): TemplateResult {
  return html`<details part="filters-toggle" class="compact-controls">
    <summary>${p.m.filtersButton(active)}</summary>
    ${controls(p)}
  </details>`;
}

function filterChips(m: Messages, chips: NonNullable<ControlsProps['chips']>): TemplateResult {
  const { offered, counts, telehealth, spanish } = chips.counts;
  const active = new Set(chips.services);
  const chip = (label: string, count: number, pressed: boolean, toggle: () => void) =>
    html`<button
      type="button"
      part="filter-chip"
      class="chip"
      aria-pressed=${pressed ? 'true' : 'false'}
      aria-label=${m.chipLabel(label, count)}
      @click=${toggle}
    >
      ${label} <span class="count" aria-hidden="true">${m.number(count)}</span>
    </button>`;
  return html`<div part="filters" class="filters" role="group" aria-label=${m.filtersLabel}>
    ${offered.map((id) =>
      chip(m.serviceLabel(id), counts.get(id) ?? 0, active.has(id), () => chips.onService(id)),
    )}
    ${chip(m.telehealthFilter, telehealth, chips.telehealth, chips.onTelehealth)}
    ${chip(m.spanishFilter, spanish, chips.spanish, chips.onSpanish)}
  </div>`;
}
