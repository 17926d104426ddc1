import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../messages/messages.js';

/** The ways forward when nothing is inside the radius. */
export interface WaysForwardProps {
  m: Messages;
  /** The next radius up, in words (`50 miles`), if there is one. */
  wider?: string;
  /** Some clinics offer telehealth visits and the filter is off. */
  telehealth: boolean;
  onWider: () => void;
  onTelehealth: () => void;
}

/** Buttons to a wider radius and to the clinics with telehealth visits. */
export function waysForward(p: WaysForwardProps): TemplateResult | typeof nothing {
  if (!p.wider && !p.telehealth) return nothing;
  return html`<div part="ways-forward" class="ways">
    ${
      p.wider
        ? html`<button type="button" part="wider-radius" @click=${p.onWider}>
            ${p.m.widerRadius(p.wider)}
          </button>`
        : nothing
    }
    ${
      p.telehealth
        ? html`<button type="button" part="show-telehealth" @click=${p.onTelehealth}>
            ${p.m.showTelehealth}
          </button>`
        : nothing
    }
  </div>`;
}
