import { html, nothing, type TemplateResult } from 'lit';
import type { CoreMessages as Messages } from '../messages/messages.js';

/** Which of the two a narrow widget shows: the list or the map. */
export type Pane = 'list' | 'map';

/** How the list and the map are laid out, and what they hold. */
export interface BodyProps {
  m: Messages;
  compact: boolean;
  withoutMap: boolean;
  /** Compact layout: the visitor opened the map. */
  mapOpen: boolean;
  /** Narrow containers: the list or the map (the List | Map switch). */
  pane: Pane;
  /** A search is running: the list on screen is the previous one, inert. */
  busy: boolean;
  /** Nothing to list (before a search, or none found): the `empty` slot shows. */
  empty: boolean;
  /** Before any search: the `empty` slot's default invitation shows. */
  idle: boolean;
  list: TemplateResult | typeof nothing;
  /** Under the map on a narrow widget: the selected clinic's card, or a hint (none when wide). */
  mapCard: TemplateResult | typeof nothing;
  /** Said politely when a pin is chosen on a narrow widget. */
  announcement: string;
  onPane: (pane: Pane) => void;
  onToggleMap: () => void;
  onSkipMap: () => void;
}

/** The List | Map switch of narrow containers (hidden by the stylesheet on wide ones). */
function paneSwitch(p: BodyProps): TemplateResult {
  const button = (pane: Pane, label: string) =>
    html`<button
      type="button"
      part=${`view-${pane}`}
      aria-pressed=${p.pane === pane ? 'true' : 'false'}
      @click=${() => p.onPane(pane)}
    >
      ${label}
    </button>`;
  return html`<div part="view-switch" class="switch" role="group" aria-label=${p.m.viewLabel}>
    ${button('list', p.m.listView)} ${button('map', p.m.mapView)}
  </div>`;
}

/** The list, the map (with its skip link), the compact layout's map toggle, the data credit. */
export function body(p: BodyProps): TemplateResult {
  const { m, compact } = p;
  const mapShown = !p.withoutMap && (!compact || p.mapOpen);
  const switchable = !p.withoutMap && !compact;
  return html`${switchable ? paneSwitch(p) : nothing}
    <div
      class="body ${mapShown && !compact ? 'with-map' : ''}"
      data-pane=${switchable ? p.pane : nothing}
    >
      <div class="list" ?inert=${p.busy}>
        ${
          p.empty
            ? html`<div class="empty">
                <slot name="empty"
                  >${p.idle ? html`<p part="prompt" class="prompt">${m.idle}</p>` : nothing}</slot
                >
              </div>`
            : nothing
        }
        ${p.list}
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
              ${
                switchable && p.mapCard !== nothing
                  ? html`<div part="map-card" class="map-card">${p.mapCard}</div>`
                  : nothing
              }
              <div class="sr-only" role="status" aria-live="polite">${p.announcement}</div>
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
