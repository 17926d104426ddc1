import { html, nothing, type TemplateResult } from 'lit';
import type { Units } from '../../domain/units.js';
import type { CoreMessages as Messages } from '../messages/messages.js';

/** Radius choices per unit; the default radius is 25 mi or 40 km. */
export const RADIUS_CHOICES: Record<Units, readonly number[]> = {
  mi: [5, 10, 25, 50, 100],
  km: [10, 20, 40, 80, 160],
};

/** The next radius choice up, or undefined at the largest. */
export function widerRadius(radius: number, units: Units): number | undefined {
  return RADIUS_CHOICES[units].find((choice) => choice > radius);
}

/** What the filters panel shows and whom it tells. */
export interface FiltersProps {
  m: Messages;
  radius: number;
  units: Units;
  /** An organization's list: no radius applies. */
  radiusOff: boolean;
  onRadius: (event: Event) => void;
  /** The filter toggles (views/filter-chips.ts), once the clinics are loaded. */
  chips?: TemplateResult;
}

/** The Filters button: a disclosure of the panel, with how many filters are on. */
export function filtersToggle(
  m: Messages,
  active: number,
  open: boolean,
  onToggle: () => void,
): TemplateResult {
  return html`<button
    type="button"
    part="filters-toggle"
    class="filters-toggle"
    aria-expanded=${open ? 'true' : 'false'}
    aria-controls="filters-panel"
    @click=${onToggle}
  >
    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d="M3 6h18M6 12h12M10 18h4" />
    </svg>
    ${m.filtersButton(active)}
  </button>`;
}

/** The panel behind the Filters button: the radius control and the filter toggles. */
export function filtersPanel(p: FiltersProps, open: boolean): TemplateResult {
  const { m, radius, units } = p;
  const choices = RADIUS_CHOICES[units].includes(radius)
    ? RADIUS_CHOICES[units]
    : [...RADIUS_CHOICES[units], radius].sort((a, b) => a - b);
  return html`<div id="filters-panel" part="controls" class="controls" ?hidden=${!open}>
    <label class="radius"
      >${m.radiusLabel}
      <select
        part="radius-select"
        ?disabled=${p.radiusOff}
        aria-describedby=${p.radiusOff ? 'radius-note' : nothing}
        @change=${p.onRadius}
      >
        ${choices.map(
          (value) =>
            html`<option value=${value} ?selected=${value === radius}>
              ${m.radius(value, units)}
            </option>`,
        )}
      </select>
    </label>
    ${p.radiusOff ? html`<p id="radius-note" class="radius-note">${m.radiusNotApplicable}</p>` : nothing}
    ${p.chips ?? nothing}
  </div>`;
}
