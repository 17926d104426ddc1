import { html, nothing, type TemplateResult } from 'lit';
import type { Units } from '../../domain/units.js';
import type { View } from '../controllers/search.js';
import type { Messages } from '../messages/messages.js';
import { widerRadius } from './controls.js';

/** What the ways forward depend on and whom they tell. */
export interface WaysForwardProps {
  m: Messages;
  view: View;
  radius: number;
  units: Units;
  /** Some clinics offer telehealth visits and the filter is off. */
  telehealth: boolean;
  onRadius: (radius: number) => void;
  onTelehealth: () => void;
}

/**
 * When nothing is inside the radius (the list shows the nearest beyond it): buttons to the next
 * radius up and to the clinics with telehealth visits. Nothing for an organization's or a
 * state's list, nor outside the United States, where neither would help.
 */
export function waysForward(p: WaysForwardProps): TemplateResult | typeof nothing {
  const { m, view } = p;
  if (view.kind !== 'results' || view.withinRadius) return nothing;
  const { search } = view;
  if (search.organization || search.state || search.outside) return nothing;
  if (!view.results.length) return nothing;
  const wider = widerRadius(p.radius, p.units);
  if (wider === undefined && !p.telehealth) return nothing;
  return html`<div part="ways-forward" class="ways">
    ${
      wider !== undefined
        ? html`<button type="button" part="wider-radius" @click=${() => p.onRadius(wider)}>
            ${m.widerRadius(m.length(wider, p.units))}
          </button>`
        : nothing
    }
    ${
      p.telehealth
        ? html`<button type="button" part="show-telehealth" @click=${p.onTelehealth}>
            ${m.showTelehealth}
          </button>`
        : nothing
    }
  </div>`;
}
