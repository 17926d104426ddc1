import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../messages/messages.js';

/** How the list and the map are laid out, and what they hold. */
export interface BodyProps {
  m: Messages;
  compact: boolean;
  withoutMap: boolean;
  /** Compact layout: the visitor opened the map. */
  mapOpen: boolean;
  /** A search is running: the list on screen is the previous one, inert. */
  busy: boolean;
  /** Nothing to list (before a search, or none found): the `empty` slot shows. */
  empty: boolean;
  list: TemplateResult | typeof nothing;
  onToggleMap: () => void;
  onSkipMap: () => void;
}

/** The list, the map (with its skip link), the compact layout's map toggle, the data credit. */
export function body(p: BodyProps): TemplateResult {
  const { m, compact } = p;
  const mapShown = !p.withoutMap && (!compact || p.mapOpen);
  return html`<div class="body ${mapShown && !compact ? 'with-map' : ''}">
      <div class="list" ?inert=${p.busy}>
        ${p.empty ? html`<div class="empty"><slot name="empty"></slot></div>` : nothing} ${p.list}
      </div>
      ${
        compact && !p.withoutMap
          ? html`<button
              type="button"
              part="map-toggle"
              class="map-toggle"
              aria-expanded=${p.mapOpen ? 'true' : 'false'}
              aria-controls="map"
              @click=${p.onToggleMap}
            >
              ${p.mapOpen ? m.hideMap : m.showMap}
            </button>`
          : nothing
      }
      ${
        p.withoutMap
          ? nothing
          : html`<div class="map-area">
              ${
                mapShown
                  ? html`<button type="button" part="skip-map" class="skip" @click=${p.onSkipMap}>
                      ${m.skipMap}
                    </button>`
                  : nothing
              }
              <div
                id="map"
                part="map"
                class="map"
                role="region"
                aria-label=${m.mapLabel}
                ?hidden=${!mapShown}
              ></div>
              <div id="after-map" tabindex="-1"></div>
            </div>`
      }
    </div>
    ${
      p.withoutMap
        ? html`<p part="credit" class="credit">
            ${m.zipCredit} &copy; <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)
          </p>`
        : nothing
    }`;
}
