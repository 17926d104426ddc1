import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import services from 'virtual:clinic-locator-services';
import type { Clinic } from '../domain/clinic.js';
import type { ClinicIndex } from '../domain/clinic-search.js';
import {
  filterClinics,
  parseList,
  serviceCounts,
  servicesOffered,
  type ClinicFilter,
} from '../domain/filter.js';
import type * as Hours from '../domain/hours.js';
import { directionsUrl, formatPhone, safeHttpUrl, telHref, withUtm } from '../domain/links.js';
import { clinicOrigin, placeLabel, placeOrigin } from '../domain/origin.js';
import type { Place } from '../domain/places.js';
import type { Origin } from '../domain/query.js';
import { clinicsWithin, type RankedClinic } from '../domain/rank.js';
import { fromKm, parseUnits, toKm, type Units } from '../domain/units.js';
import { loadBundledClinics } from '../load/clinic-data.js';
import type { CheckedClinics } from '../load/clinic-source.js';
import { loadMapFactory } from '../load/map.js';
import { nextTask } from '../load/next-task.js';
import type { Resolution, Suggestion } from '../load/resolve.js';
import type { CreateMapView, MapMarker, MapView } from '../map/map-view.js';
import { styles } from './clinic-locator.styles.js';
import { ComboboxController, type ComboOption } from './combobox-controller.js';
import {
  ClinicActionEvent,
  ClinicErrorEvent,
  ClinicSearchEvent,
  ClinicSelectEvent,
  type ClinicAction,
  type SearchTrigger,
  type SelectSource,
} from './events.js';
import { locate, type LocateFailure } from './geolocation.js';
import { en } from './messages/en.js';
import { messagesFor } from './messages/index.js';
import type { Messages } from './messages/messages.js';

/** OpenStreetMap's standard tiles; see the README on their usage policy and alternatives. */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
/** Default number of results per page (3 in the compact layout). */
export const DEFAULT_LIMIT = 10;
const COMPACT_LIMIT = 3;
/** The URL parameter `sync-url` uses when it names none. */
export const DEFAULT_URL_PARAM = 'clinic-q';
/** Radius choices per unit; the default radius is 25 mi or 40 km. */
export const RADIUS_CHOICES: Record<Units, readonly number[]> = {
  mi: [5, 10, 25, 50, 100],
  km: [10, 20, 40, 80, 160],
};
const DEFAULT_RADIUS: Record<Units, number> = { mi: 25, km: 40 };
const SPANISH = 'es';

/** A search's point and what the results are measured from. */
interface SearchContext {
  query: string;
  origin: Origin;
  /** Other places of the same name, offered as alternatives. */
  also: Place[];
  /** Set for a search by organization name: only its clinics, no radius. */
  organization?: string;
  /** The clinic searched for by name, selected in the results. */
  clinic?: Clinic;
  /** True when the origin is the visitor's own position (rounded in events). */
  located?: boolean;
}

interface ResultsView {
  kind: 'results';
  search: SearchContext;
  /** Every clinic to list, nearest first (within the radius, or the nearest beyond it). */
  results: readonly RankedClinic[];
  withinRadius: boolean;
  /** True when the organization and service filters leave no clinic at all. */
  filteredOut: boolean;
}

/** What the filter chips show (see #chipCounts). */
interface ChipCounts {
  offered: string[];
  counts: ReadonlyMap<string, number>;
  telehealth: number;
  spanish: number;
}

type View =
  | { kind: 'idle' }
  /**
   * A search or a location request is running. `previous`: the results on screen when it
   * started, kept (inert) until the new ones replace them, so the list and the filter chips do
   * not blank out and jump back on every search.
   */
  | { kind: 'loading'; text?: string; previous?: ResultsView }
  | { kind: 'message'; text: string; error: boolean }
  | { kind: 'choices'; candidates: Place[] }
  | ResultsView;

// The ZIP and place-name loader is a chunk of its own, shared by the search and the clinic-data
// chunks: fetched beside them, not after them.
const besideZipData = <T>(chunk: Promise<T>): Promise<T> =>
  Promise.all([chunk, import('../load/zip-data.js')]).then(([module]) => module);
// Search by words (fuse.js, the place index) is its own chunk, loaded on the first search or
// keystroke; the module system loads it once.
const loadSearch = () => besideZipData(import('../load/resolve.js'));
// Clinic data given at run time (`src`, `clinics`) is fetched and checked by its own chunk, with
// the CSV parser and the schema library: pages with the bundled clinics never download it.
const loadClinicSourceModule = () => besideZipData(import('../load/clinic-source.js'));
// Opening hours are shown with results only, which need the clinics: loaded with them.
const loadHours = () => import('../domain/hours.js');

/**
 * A clinic finder: the visitor types a US ZIP code, a town or a clinic's name (or uses their
 * location) and sees the nearest member clinics in a list and on a map. Everything typed is
 * resolved in the browser; nothing leaves the page.
 *
 * @summary Find the nearest member clinics, in a list and on a map.
 *
 * @fires clinic-search - A search completed with ranked results (`ClinicSearchEvent`).
 * @fires clinic-select - The visitor selected a clinic in the list or on the map (`ClinicSelectEvent`).
 * @fires clinic-error - Data could not be loaded, or run-time data had bad records (`ClinicErrorEvent`).
 * @fires clinic-action - The visitor followed a clinic's call, website, directions or booking link (`ClinicActionEvent`).
 *
 * @attribute lang - The widget's language (`en`, `es`); else the nearest `lang` ancestor's, else the page's.
 *
 * @slot heading - A heading above the search box.
 * @slot before-results - Copy between the status line and the results (e.g. marketing copy).
 * @slot empty - Shown where the results go before a search, and when a search found nothing.
 *
 * @csspart search-form - The search form.
 * @csspart search-label - The search field's label.
 * @csspart search-input - The search input (a combobox).
 * @csspart suggestions - The list of suggestions under the input.
 * @csspart suggestion - One suggestion.
 * @csspart search-button - The search button.
 * @csspart locate-button - The "Use my location" button.
 * @csspart controls - The radius control and the filters.
 * @csspart radius-select - The radius control.
 * @csspart filters - The group of filter chips.
 * @csspart filter-chip - One filter chip (a toggle button).
 * @csspart status - The live status line.
 * @csspart choices - Places to choose from (an ambiguous name, or "Also:" alternatives).
 * @csspart results - The results list.
 * @csspart result - One result.
 * @csspart result-button - The part of a result that selects it.
 * @csspart result-name - A result's clinic name.
 * @csspart result-distance - A result's distance.
 * @csspart result-address - A result's address.
 * @csspart result-hours - A result's opening status (open now, closes at…).
 * @csspart result-services - A result's list of services.
 * @csspart result-telehealth - A result's telehealth note.
 * @csspart result-languages - A result's languages.
 * @csspart result-phone - A result's phone link.
 * @csspart result-website - A result's website link.
 * @csspart result-book - A result's booking link.
 * @csspart result-directions - A result's directions link.
 * @csspart filters-toggle - Compact layout: the disclosure holding the radius and filters.
 * @csspart map-toggle - Compact layout: the button that shows or hides the map.
 * @csspart skip-map - The "Skip the map" button above the map.
 * @csspart show-more - The "Show more clinics" button.
 * @csspart map - The map.
 * @csspart credit - The data credit shown when there is no map.
 *
 * @cssproperty [--clinic-locator-accent=#0b5cab] - Buttons, links, numbers and focus rings.
 * @cssproperty [--clinic-locator-accent-text=#ffffff] - Text on the accent colour.
 * @cssproperty [--clinic-locator-text=#1f2328] - Text.
 * @cssproperty [--clinic-locator-muted=#4f5862] - Secondary text (addresses, notes).
 * @cssproperty [--clinic-locator-surface=#ffffff] - Background.
 * @cssproperty [--clinic-locator-selected-surface=#eaf2fc] - Background of the selected result.
 * @cssproperty [--clinic-locator-border=#8c959f] - Borders of inputs and results.
 * @cssproperty [--clinic-locator-error=#b3261e] - Error messages.
 * @cssproperty [--clinic-locator-radius=8px] - Corner radius.
 * @cssproperty [--clinic-locator-font-family=inherit] - Font family (the page's by default).
 * @cssproperty [--clinic-locator-font-size=1rem] - Base font size.
 * @cssproperty [--clinic-locator-list-width=22rem] - Width of the list beside the map.
 * @cssproperty [--clinic-locator-map-height=420px] - Height of the map.
 * @cssproperty [--clinic-locator-marker-color=#0b5cab] - Clinic markers.
 * @cssproperty [--clinic-locator-marker-selected-color=#b3261e] - The selected clinic's marker.
 * @cssproperty [--clinic-locator-origin-color=#1f1f1f] - The search point's marker.
 */
export class ClinicLocator extends LitElement {
  static override styles = styles;

  /** A ZIP code, town or clinic name to search as soon as the widget loads (a preset search). */
  @property() zip = '';

  /** How many clinics to list at first, and to add with each "Show more" (default 10; 3 in `compact`). */
  @property({ type: Number }) limit: number | undefined;

  /**
   * `full` (default): list and map side by side on wide containers, stacked on narrow ones.
   * `compact` (for articles): the search box and a short list; the map opens on demand.
   */
  @property({ reflect: true }) layout: 'full' | 'compact' = 'full';

  /**
   * Keeps the search in the page URL (`?clinic-q=49503`, replaced in place, no reload) and reads
   * it on load, so a search can be shared or linked to. The value names the parameter (default
   * `clinic-q`), so two synced widgets can coexist. Only what was typed is written, never a
   * position from "Use my location".
   */
  @property({ attribute: 'sync-url' }) syncUrl: string | null = null;

  /**
   * Where the widget's files are, when the script cannot tell (read by the loader script, before
   * the element exists; set it in the HTML).
   */
  @property({ attribute: 'base-url' }) baseUrl: string | null = null;

  /** `utm_source` added to the clinics' website and booking links. */
  @property({ attribute: 'utm-source' }) utmSource = '';

  /** `utm_medium` added to the clinics' website and booking links. */
  @property({ attribute: 'utm-medium' }) utmMedium = '';

  /** `utm_campaign` added to the clinics' website and booking links. */
  @property({ attribute: 'utm-campaign' }) utmCampaign = '';

  /** Search radius in `units` (default 25 mi, 40 km). */
  @property({ type: Number }) radius: number | undefined;

  /** Distance units: `mi` (default) or `km`. */
  @property({ converter: (value) => parseUnits(value) }) units: Units = 'mi';

  /** Map tile URL template (`{z}`, `{x}`, `{y}`, optional `{s}`). */
  @property({ attribute: 'tile-url' }) tileUrl = DEFAULT_TILE_URL;

  /** Attribution (HTML) for the map tiles; the GeoNames credit is always added. */
  @property({ attribute: 'tile-attribution' }) tileAttribution = DEFAULT_TILE_ATTRIBUTION;

  /** Hides the map: a list only, and no map code or tiles are loaded. */
  @property({ type: Boolean, attribute: 'without-map', reflect: true }) withoutMap = false;

  /**
   * URL of a CSV or JSON clinic file (the format of data/clinics.csv) that replaces the bundled
   * clinics. Records that fail the checks are skipped and reported by a `clinic-error` event.
   */
  @property() src = '';

  /** Shows only this organization's clinics (e.g. on a member clinic's own site). */
  @property() organization = '';

  /** Comma-separated service ids to preset as filters, e.g. `back-pain,sciatica`. */
  @property() services = '';

  /**
   * Clinics to use instead of the bundled ones (for JavaScript users): records with the data
   * file's fields, or `Clinic` objects. They are checked like `src` data.
   */
  @property({ attribute: false }) clinics?: readonly (Clinic | Record<string, unknown>)[];

  /**
   * Creates the map (advanced): defaults to the lazily loaded Leaflet adapter. Tests and custom
   * maps can supply their own `MapView`.
   */
  @property({ attribute: false }) mapViewFactory?: CreateMapView;

  @state() private view: View = { kind: 'idle' };
  @state() private selectedId: string | undefined;
  /** How many of the results are listed (grows with "Show more"). */
  @state() private shown = DEFAULT_LIMIT;
  /** Compact layout: whether the visitor opened the map. */
  @state() private mapOpen = false;
  /** Clinic data from `src` or `clinics`: loading, usable, or unusable. */
  @state() private dataState: 'idle' | 'loading' | 'ready' | 'error' = 'idle';
  /** The loaded clinics, for the filter chips and the overview map. */
  @state() private loadedClinics: readonly Clinic[] | undefined;
  @state() private activeServices: readonly string[] = [];
  #chipMemo: { inputs: readonly unknown[]; counts: ChipCounts } | undefined;
  @state() private telehealthOnly = false;
  @state() private spanishOnly = false;

  #searchToken = 0;
  #suggestToken = 0;
  /** Focus left the search box (or the window) since the last keystroke. */
  #leftBox = false;
  #map: MapView | undefined;
  #mapToken = 0;
  #visible = false;
  #visibility: IntersectionObserver | undefined;
  /** The opening-hours module, loaded with the clinics. */
  #hours: typeof Hours | undefined;
  /** The language asked for and, once loaded, its strings. */
  #language: { lang: string; messages: Messages | undefined } | undefined;
  /** The language the map was created with (it is recreated when the language changes). */
  #mapLanguage: Messages | undefined;
  /** The checked clinics of the current source, loaded on first need. */
  #clinicData: Promise<readonly Clinic[]> | undefined;
  /** The source #clinicData was loaded from: the `clinics` array, the `src` URL, or '' (bundled). */
  #clinicDataFor: unknown;
  #clinicIndex: { clinics: readonly Clinic[]; index: Promise<ClinicIndex> } | undefined;
  #dataToken = 0;
  /** What the map shows, so a re-render does not refit the map. */
  #shownOnMap: unknown;
  #combo = new ComboboxController<Suggestion>(this, (option) => this.#chooseSuggestion(option));

  override connectedCallback(): void {
    super.connectedCallback();
    // The map, the clinics and Leaflet load only once the widget is near the viewport.
    this.#visibility = new IntersectionObserver(
      (entries) => {
        this.#visible = entries.some((entry) => entry.isIntersecting);
        if (!this.#visible) return;
        // The map and the clinics load when the page is idle (a search loads them at once
        // anyway), so they do not compete with the host page's own loading.
        const prefetch = () => {
          this.#ensureMap();
          void this.#clinicList().catch(() => undefined);
        };
        if ('requestIdleCallback' in window) requestIdleCallback(prefetch, { timeout: 2000 });
        else setTimeout(prefetch, 200);
      },
      { rootMargin: '300px' },
    );
    this.#visibility.observe(this);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#visibility?.disconnect();
    this.#visibility = undefined;
    this.#destroyMap();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('limit') || changed.has('layout')) this.shown = this.#pageSize;
    if (changed.has('services')) this.activeServices = parseList(this.services);
    if ((changed.has('src') || changed.has('clinics')) && this.hasUpdated) {
      if (this.#visible || this.view.kind === 'results') {
        void this.#clinicList().catch(() => undefined);
      }
      if (!this.src && !this.clinics) this.dataState = 'idle';
    }
  }

  #startPresets(): void {
    // A deep link (?clinic-q=…) wins over the preset: it is what the visitor was sent to see.
    const param = this.#urlParam;
    const linked = param ? new URLSearchParams(location.search).get(param)?.trim() : undefined;
    if (linked) {
      const input = this.#input;
      if (input) input.value = linked;
      void this.#search(linked, 'link');
    } else if (this.zip.trim()) {
      void this.#search(this.zip, 'preset');
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('zip') && changed.get('zip') !== undefined && this.zip.trim()) {
      void this.#search(this.zip, 'preset');
    }
    if (
      this.#map &&
      (changed.has('tileUrl') ||
        changed.has('tileAttribution') ||
        changed.has('mapViewFactory') ||
        this.#mapLanguage !== this.#messages)
    ) {
      this.#destroyMap();
    }
    if (changed.has('layout') && this.layout !== 'compact') this.mapOpen = false;
    if (this.layout === 'compact' && !this.mapOpen) this.#destroyMap();
    if (changed.has('withoutMap') && this.withoutMap) this.#destroyMap();
    // Results on show follow the data, filters, radius, limit and units (a no-op before a search).
    const inputs = [
      'clinics',
      'src',
      'organization',
      'activeServices',
      'telehealthOnly',
      'spanishOnly',
      'limit',
      'layout',
      'units',
      'radius',
    ];
    if (inputs.some((key) => changed.has(key))) this.#rerank();
    this.#ensureMap();
    this.#syncMap();
  }

  /** Runs a search as if the visitor had typed `query` and pressed Enter. */
  search(query: string): Promise<void> {
    return this.#search(query, 'user');
  }

  /** Clinics per page: `limit`, else 10 (3 in the compact layout). */
  get #pageSize(): number {
    const limit = this.limit;
    if (limit !== undefined && limit > 0) return Math.floor(limit);
    return this.layout === 'compact' ? COMPACT_LIMIT : DEFAULT_LIMIT;
  }

  /**
   * The strings of the widget's language: its `lang`, else the nearest `lang` ancestor's, else the
   * page's. Languages other than English load on first use (the widget shows English meanwhile,
   * for a moment, and re-renders).
   */
  get #messages(): Messages {
    const lang =
      this.getAttribute('lang') ||
      this.parentElement?.closest('[lang]')?.getAttribute('lang') ||
      document.documentElement.lang;
    const messages = messagesFor(lang);
    if (!(messages instanceof Promise)) return messages;
    if (this.#language?.lang !== lang) {
      this.#language = { lang, messages: undefined };
      const pending = this.#language;
      messages.then(
        (loaded) => {
          pending.messages = loaded;
          this.requestUpdate();
        },
        () => undefined, // stays in English
      );
    }
    return this.#language.messages ?? en;
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  /** The states where the `organization` has clinics (all clinics when it is not set). */
  get #organizationStates(): Set<string> {
    const clinics = filterClinics(this.loadedClinics ?? [], { organization: this.organization });
    return new Set(clinics.map((clinic) => clinic.state));
  }

  /** The URL parameter of `sync-url`, or undefined when the search is not kept in the URL. */
  get #urlParam(): string | undefined {
    return this.syncUrl === null ? undefined : this.syncUrl.trim() || DEFAULT_URL_PARAM;
  }

  get #radiusValue(): number {
    const radius = this.radius;
    return radius !== undefined && radius > 0 ? radius : DEFAULT_RADIUS[this.units];
  }

  get #filter(): ClinicFilter {
    return {
      organization: this.organization,
      services: this.activeServices,
      telehealth: this.telehealthOnly,
      languages: this.spanishOnly ? [SPANISH] : [],
    };
  }

  // ---------------------------------------------------------------- rendering

  override render(): TemplateResult {
    const m = this.#messages;
    const combo = this.#combo;
    return html`
      <slot name="heading"></slot>
      <form part="search-form" class="search" role="search" @submit=${this.#handleSubmit}>
        <div class="field">
          <label id="query-label" part="search-label" for="query">${m.searchLabel}</label>
          <div class="combo" @focusout=${this.#handleComboFocusOut}>
            <input
              id="query"
              part="search-input"
              name="query"
              type="text"
              role="combobox"
              aria-labelledby="query-label"
              aria-autocomplete="list"
              aria-expanded=${combo.open ? 'true' : 'false'}
              aria-controls="suggestions"
              aria-activedescendant=${combo.activeId ?? nothing}
              autocomplete="off"
              autocapitalize="words"
              spellcheck="false"
              enterkeyhint="search"
              maxlength="100"
              placeholder=${m.searchPlaceholder}
              .value=${this.zip}
              @input=${this.#handleInput}
              @keydown=${this.#handleKeydown}
            />
            <ul
              id="suggestions"
              part="suggestions"
              class="suggestions"
              role="listbox"
              aria-label=${m.suggestionsLabel}
              ?hidden=${!combo.open}
            >
              ${combo.options.map((option, index) => this.#renderOption(option, index))}
            </ul>
          </div>
        </div>
        <div class="buttons">
          <button part="search-button" type="submit">${m.searchButton}</button>
          <button part="locate-button" type="button" @click=${this.#handleLocate}>
            ${m.locateButton}
          </button>
        </div>
      </form>
      ${
        this.#complete
          ? this.layout === 'compact'
            ? this.#renderCompactControls()
            : this.#renderControls()
          : html`<div class="controls-placeholder"></div>`
      }
      ${this.#renderStatus()}
      <slot name="before-results"></slot>
      ${this.#complete ? this.#renderBody() : html`<div class="body-placeholder"></div>`}
    `;
  }

  /**
   * The first render draws the search form and the status line; the controls, list and map
   * area follow in a task of its own (in space kept for them), so upgrading and drawing the widget never make one long
   * task on the host page. `updateComplete` waits for both.
   */
  #complete = false;
  #completed: Promise<void> | undefined;

  protected override firstUpdated(): void {
    this.#completed = new Promise<void>((resolve) =>
      setTimeout(() => {
        this.#complete = true;
        this.requestUpdate();
        resolve();
      }),
    );
    void this.#completed.then(() => this.updateComplete).then(() => this.#startPresets());
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    if (this.#complete || !this.#completed) return done;
    await this.#completed;
    return super.getUpdateComplete();
  }

  #renderBody(): TemplateResult {
    const m = this.#messages;
    const compact = this.layout === 'compact';
    const view = this.view;
    const listed = this.#listedView();
    const empty = view.kind === 'idle' || listed?.results.length === 0;
    const mapShown = !this.withoutMap && (!compact || this.mapOpen);
    return html`<div class="body ${mapShown && !compact ? 'with-map' : ''}">
        <div class="list" ?inert=${view.kind === 'loading'}>
          ${empty ? html`<div class="empty"><slot name="empty"></slot></div>` : nothing}
          ${this.#renderResults()}
        </div>
        ${
          compact && !this.withoutMap
            ? html`<button
                type="button"
                part="map-toggle"
                class="map-toggle"
                aria-expanded=${this.mapOpen ? 'true' : 'false'}
                aria-controls="map"
                @click=${this.#toggleMap}
              >
                ${this.mapOpen ? m.hideMap : m.showMap}
              </button>`
            : nothing
        }
        ${
          this.withoutMap
            ? nothing
            : html`<div class="map-area">
                ${
                  mapShown
                    ? html`<button
                        type="button"
                        part="skip-map"
                        class="skip"
                        @click=${this.#skipMap}
                      >
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
        this.withoutMap
          ? html`<p part="credit" class="credit">
              ${m.zipCredit} &copy; <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)
            </p>`
          : nothing
      }`;
  }

  /** Compact layout: the radius and filters fold into a disclosure. */
  #renderCompactControls(): TemplateResult {
    const active =
      this.activeServices.length + Number(this.telehealthOnly) + Number(this.spanishOnly);
    return html`<details part="filters-toggle" class="compact-controls">
      <summary>${this.#messages.filtersButton(active)}</summary>
      ${this.#renderControls()}
    </details>`;
  }

  /** Moves focus past the map (its markers and zoom buttons are many Tab stops). */
  #skipMap = (): void => {
    this.renderRoot.querySelector<HTMLElement>('#after-map')?.focus();
  };

  #toggleMap = (): void => {
    this.mapOpen = !this.mapOpen;
  };

  /* eslint-disable lit-a11y/click-events-have-key-events --
     Options are never focused: the keyboard chooses them through the combobox input
     (aria-activedescendant, ComboboxController). The click is for mouse and touch. */
  #renderOption(option: ComboOption<Suggestion>, index: number): TemplateResult {
    const combo = this.#combo;
    const active = index === combo.active;
    return html`<li
      id=${combo.optionId(index)}
      part="suggestion"
      class=${active ? 'active' : ''}
      role="option"
      aria-selected=${active ? 'true' : 'false'}
      @pointerdown=${this.#keepFocus}
      @click=${() => combo.choose(option)}
    >
      <span class="suggestion-label">${option.label}</span>
      ${option.detail ? html`<span class="suggestion-detail">${option.detail}</span>` : nothing}
    </li>`;
  }
  /* eslint-enable lit-a11y/click-events-have-key-events */

  #renderControls(): TemplateResult {
    const m = this.#messages;
    const radius = this.#radiusValue;
    const choices = RADIUS_CHOICES[this.units].includes(radius)
      ? RADIUS_CHOICES[this.units]
      : [...RADIUS_CHOICES[this.units], radius].sort((a, b) => a - b);
    return html`<div part="controls" class="controls">
      <label class="radius"
        >${m.radiusLabel}
        <select part="radius-select" @change=${this.#handleRadius}>
          ${choices.map(
            (value) =>
              html`<option value=${value} ?selected=${value === radius}>
                ${m.radius(value, this.units)}
              </option>`,
          )}
        </select>
      </label>
      ${this.#renderFilters()}
    </div>`;
  }

  #renderFilters(): TemplateResult | typeof nothing {
    const clinics = this.loadedClinics;
    if (!clinics?.length) return nothing;
    const m = this.#messages;
    const { offered, counts, telehealth, spanish } = this.#chipCounts(clinics);
    const active = new Set(this.activeServices);
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
        chip(m.serviceLabel(id), counts.get(id) ?? 0, active.has(id), () =>
          this.#toggleService(id),
        ),
      )}
      ${chip(
        m.telehealthFilter,
        telehealth,
        this.telehealthOnly,
        () => (this.telehealthOnly = !this.telehealthOnly),
      )}
      ${chip(
        m.spanishFilter,
        spanish,
        this.spanishOnly,
        () => (this.spanishOnly = !this.spanishOnly),
      )}
    </div>`;
  }

  /**
   * What the filter chips show: the services offered (and any active one), and how many clinics
   * each chip would leave. Computed once per data, search, radius and filter, not on every render
   * (each keystroke renders, and at 50,000 clinics the counts take milliseconds).
   */
  #chipCounts(clinics: readonly Clinic[]): ChipCounts {
    const inputs = [
      clinics,
      this.#listedView(),
      this.#radiusValue,
      this.units,
      this.organization,
      this.activeServices,
      this.telehealthOnly,
      this.spanishOnly,
    ];
    const memo = this.#chipMemo;
    if (memo && memo.inputs.every((value, i) => Object.is(value, inputs[i]))) return memo.counts;
    // Counts are over what the current search reaches (the radius), or every clinic before one.
    const pool = this.#chipPool(clinics);
    const offered = servicesOffered(
      pool,
      services.map((s) => s.id),
    );
    for (const id of this.activeServices) if (!offered.includes(id)) offered.push(id);
    const without = (change: Partial<ClinicFilter>) =>
      filterClinics(pool, { ...this.#filter, ...change }).length;
    const counts: ChipCounts = {
      offered,
      counts: serviceCounts(pool, this.#filter, offered),
      telehealth: without({ telehealth: true }),
      spanish: without({ languages: [SPANISH] }),
    };
    this.#chipMemo = { inputs, counts };
    return counts;
  }

  /** The clinics the filter chips count: those the current search reaches, or all of them. */
  #chipPool(clinics: readonly Clinic[]): readonly Clinic[] {
    const view = this.#listedView();
    if (!view) return clinics;
    const { search } = view;
    if (search.organization) return filterClinics(clinics, { organization: search.organization });
    const near = clinicsWithin(clinics, search.origin, toKm(this.#radiusValue, this.units), 0);
    return near.clinics.map((r) => r.clinic);
  }

  #renderStatus(): TemplateResult {
    const m = this.#messages;
    const view = this.view;
    let text = m.idle;
    let error = false;
    let note: string | undefined;
    let places: Place[] = [];
    let placesLabel: string | undefined;
    // While a search runs the region is busy: screen readers announce only its outcome, once.
    const busy = view.kind === 'loading' && view.text === undefined;
    if (view.kind === 'idle' && this.dataState === 'loading') text = m.loadingClinics;
    else if (view.kind === 'idle' && this.dataState === 'error') {
      text = m.clinicDataFailed;
      error = true;
    } else if (view.kind === 'loading') text = view.text ?? m.loading;
    else if (view.kind === 'message') ({ text, error } = view);
    else if (view.kind === 'choices') {
      text = m.choosePlace(view.candidates.length);
      places = view.candidates;
    } else if (view.kind === 'results') {
      const { search } = view;
      const radius = m.length(this.#radiusValue, this.units);
      if (view.filteredOut) text = m.noMatches;
      else if (!view.results.length) text = m.noClinics;
      else if (search.organization) {
        text = m.organizationResults(view.results.length, search.organization);
      } else if (view.withinRadius) {
        const nearest = fromKm(view.results[0]?.distanceKm ?? 0, this.units);
        text = m.resultsWithin(
          view.results.length,
          radius,
          search.origin.label,
          m.length(nearest, this.units),
        );
      } else text = m.noneWithin(radius, search.origin.label);
      if (search.origin.approximate) {
        if (!/[.:]$/.test(text)) text += '.';
        note = m.approximate(search.origin.label, search.origin.area ?? '');
      }
      // On a member clinic's site, other places of the same name matter only where the
      // organization has clinics.
      places = this.organization
        ? search.also.filter((place) => this.#organizationStates.has(place.state))
        : search.also;
      placesLabel = places.length ? m.also : undefined;
    }
    // The note is part of the live region so the approximation is announced with the outcome.
    return html`<div
        part="status"
        class="status ${error ? 'error' : ''}"
        role="status"
        aria-live="polite"
        aria-busy=${busy ? 'true' : 'false'}
      >
        <span>${text}</span>${note ? html` <span class="note-text">${note}</span>` : nothing}
      </div>
      ${
        places.length
          ? html`<div part="choices" class="choices">
              ${placesLabel ? html`<span>${placesLabel}</span>` : nothing}
              ${places.map(
                (place) =>
                  html`<button
                    type="button"
                    class="choice"
                    @click=${() => this.#searchPlace(place)}
                  >
                    ${placeLabel(place)}
                  </button>`,
              )}
            </div>`
          : nothing
      }`;
  }

  /** The results the list shows: the current ones, or while a search runs, the previous ones. */
  #listedView(): ResultsView | undefined {
    const view = this.view;
    if (view.kind === 'results') return view;
    return view.kind === 'loading' ? view.previous : undefined;
  }

  #renderResults(): TemplateResult | typeof nothing {
    const view = this.#listedView();
    if (!view?.results.length) return nothing;
    const m = this.#messages;
    const shown = view.results.slice(0, this.shown);
    const more = view.results.length - shown.length;
    return html`<ol part="results" class="results" aria-label=${m.resultsLabel}>
        ${shown.map((result, index) => this.#renderResult(result, index + 1))}
      </ol>
      ${
        more > 0
          ? html`<div class="more">
              <span class="showing">${m.showing(shown.length, view.results.length)}</span>
              <button type="button" part="show-more" @click=${this.#handleShowMore}>
                ${m.showMore}
              </button>
            </div>`
          : nothing
      }`;
  }

  #renderResult({ clinic, distanceKm }: RankedClinic, rank: number): TemplateResult {
    const m = this.#messages;
    const selected = clinic.id === this.selectedId;
    const tel = telHref(clinic.phone);
    const phone = formatPhone(clinic.phone);
    const utm = { source: this.utmSource, medium: this.utmMedium, campaign: this.utmCampaign };
    const safeWebsite = safeHttpUrl(clinic.website);
    const safeBooking = safeHttpUrl(clinic.bookingUrl);
    const website = safeWebsite && withUtm(safeWebsite, utm);
    const booking = safeBooking && withUtm(safeBooking, utm);
    const directions = directionsUrl(clinic.lat, clinic.lon);
    const street = [clinic.address1, clinic.address2].filter(Boolean).join(', ');
    const link = (action: ClinicAction, href: string, label: string, text: string) =>
      html`<a
        part=${`result-${action === 'call' ? 'phone' : action}`}
        href=${href}
        target=${action === 'call' ? nothing : '_blank'}
        rel=${action === 'call' ? nothing : 'noopener noreferrer'}
        aria-label=${label}
        @click=${() => this.#action(action, clinic, href)}
        >${text}</a
      >`;
    return html`<li
      part="result"
      class="result ${selected ? 'selected' : ''}"
      data-id=${clinic.id}
      aria-current=${selected ? 'true' : nothing}
    >
      <button
        type="button"
        part="result-button"
        class="result-main"
        @click=${() => this.#select(clinic.id, 'list')}
      >
        <span class="rank" aria-hidden="true">${rank}</span>
        <span part="result-name" class="name">${clinic.name}</span>
        <span part="result-distance" class="distance"
          >${m.distance(fromKm(distanceKm, this.units), this.units)}</span
        >
        <span part="result-address" class="address"
          >${street}, ${clinic.city}, ${clinic.state} ${clinic.zip}</span
        >
      </button>
      ${this.#renderDetails(clinic)}
      <div class="actions">
        ${tel && phone ? link('call', tel, `${m.call(clinic.name)}, ${phone}`, phone) : nothing}
        ${website ? link('website', website, m.website(clinic.name), m.websiteText) : nothing}
        ${link('directions', directions, m.directionsLabel(clinic.name), m.directions)}
        ${booking ? link('book', booking, m.bookLabel(clinic.name), m.book) : nothing}
      </div>
    </li>`;
  }

  #action(action: ClinicAction, clinic: Clinic, href: string): void {
    this.dispatchEvent(
      new ClinicActionEvent({ action, clinicId: clinic.id, name: clinic.name, href }),
    );
  }

  #renderDetails(clinic: Clinic): TemplateResult {
    const m = this.#messages;
    const hours = this.#hoursText(clinic);
    const languages = clinic.languages?.length ? m.languages(clinic.languages) : undefined;
    return html`<div class="details">
      ${hours ? html`<p part="result-hours" class="hours">${hours}</p>` : nothing}
      ${
        clinic.services.length
          ? html`<ul part="result-services" class="services" aria-label=${m.servicesLabel}>
              ${clinic.services.map((id) => html`<li>${m.serviceLabel(id)}</li>`)}
            </ul>`
          : nothing
      }
      ${
        clinic.telehealth || languages
          ? html`<p class="extras">
              ${
                clinic.telehealth
                  ? html`<span part="result-telehealth">${m.telehealth}</span>`
                  : nothing
              }
              ${languages ? html`<span part="result-languages">${languages}</span>` : nothing}
            </p>`
          : nothing
      }
    </div>`;
  }

  /** `Open now · closes 7 PM` / `Closed · opens Mon 7 AM`, in the clinic's time zone. */
  #hoursText(clinic: Clinic): string | undefined {
    const hours = this.#hours;
    if (!hours || !clinic.hours || !clinic.timezone) return undefined;
    const { formatTime, openStatus, parseHours, weekdayName } = hours;
    const parsed = parseHours(clinic.hours);
    if (!parsed.ok) return undefined;
    const m = this.#messages;
    let status: Hours.OpenStatus;
    try {
      status = openStatus(parsed.hours, clinic.timezone, new Date());
    } catch {
      return undefined; // an unknown time zone: say nothing rather than something wrong
    }
    if (status.open) {
      return status.closesAt ? m.openNow(formatTime(status.closesAt.minutes, m.locale)) : m.open24h;
    }
    if (!status.opensAt) return m.closed;
    const time = formatTime(status.opensAt.minutes, m.locale);
    return m.closedOpens(
      time,
      status.opensAt.today ? undefined : weekdayName(status.opensAt.weekday, m.locale, 'short'),
    );
  }

  // ---------------------------------------------------------------- handlers

  #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#dismissSuggestions();
    void this.#search(this.#input?.value ?? '', 'user');
  };

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('[part~="search-input"]');
  }

  #keepFocus = (event: PointerEvent): void => {
    // Choosing with the mouse or a finger must not blur the input first (that would close the
    // list before the click lands).
    event.preventDefault();
  };

  #handleComboFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (event.currentTarget as HTMLElement).contains(next)) return;
    this.#combo.close();
    // Suggestions on their way open the list only if the box has focus again by then (a
    // focusout also comes when the whole window loses focus, and then the box keeps it).
    this.#leftBox = true;
  };

  #handleKeydown = (event: KeyboardEvent): void => {
    // Escape, Tab and Enter end the typing: suggestions still on their way must not open the
    // list again after them (over the results, or after the visitor closed it).
    if (event.key === 'Escape' || event.key === 'Tab' || event.key === 'Enter') {
      this.#suggestToken++;
    }
    this.#combo.handleKeydown(event);
  };

  /** Closes the suggestions and drops any still being prepared. */
  #dismissSuggestions(): void {
    this.#suggestToken++;
    this.#combo.close();
  }

  #handleInput = (): void => {
    const text = this.#input?.value ?? '';
    const token = ++this.#suggestToken;
    this.#leftBox = false;
    // Suggestions only for words: digits are ZIP codes, answered on Enter.
    if (!/\p{L}/u.test(text) || text.trim().length < 2) {
      this.#combo.setOptions([]);
      return;
    }
    void Promise.all([loadSearch(), this.#clinicSearchIndex()]).then(
      async ([search, clinics]) => {
        const places = await search.loadPlaceIndex();
        if (token !== this.#suggestToken) return; // a newer keystroke wins
        const root = this.renderRoot as ShadowRoot;
        if (this.#leftBox && root.activeElement !== this.#input) return;
        const options: ComboOption<Suggestion>[] = search
          .suggest(places, clinics, text, 8)
          .map((s) => ({
            key: s.kind === 'place' ? `p:${s.place.name}|${s.place.state}` : `c:${s.clinic.id}`,
            label: s.label,
            detail: s.kind === 'clinic' ? s.detail : undefined,
            value: s,
          }));
        this.#combo.setOptions(options);
      },
      () => undefined, // suggestions are a convenience: a failed load shows none
    );
  };

  #chooseSuggestion(option: ComboOption<Suggestion>): void {
    const input = this.#input;
    if (input) input.value = option.label;
    const value = option.value;
    if (value.kind === 'place') void this.#searchPlace(value.place);
    else void this.#searchClinic(value.clinic);
  }

  #handleRadius = (event: Event): void => {
    this.radius = Number((event.target as HTMLSelectElement).value);
  };

  #toggleService(id: string): void {
    this.activeServices = this.activeServices.includes(id)
      ? this.activeServices.filter((s) => s !== id)
      : [...this.activeServices, id];
  }

  #handleShowMore = async (): Promise<void> => {
    const first = this.shown;
    this.shown += this.#pageSize;
    await this.updateComplete;
    // Focus moves to the first newly shown clinic, so keyboard users continue from there.
    this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="result-button"]')[first]?.focus();
  };

  #handleLocate = async (): Promise<void> => {
    const token = ++this.#searchToken;
    const m = this.#messages;
    this.#dismissSuggestions();
    this.view = { kind: 'loading', text: m.locating, previous: this.#listedView() };
    const position = await locate();
    if (token !== this.#searchToken) return;
    if (!position.ok) {
      const text: Record<LocateFailure, string> = {
        denied: m.locateDenied,
        timeout: m.locateTimeout,
        unavailable: m.locateUnavailable,
        'not-found': m.locateNotFound,
      };
      this.view = { kind: 'message', text: text[position.reason], error: true };
      return;
    }
    const origin: Origin = {
      lat: position.lat,
      lon: position.lon,
      label: m.yourLocation,
      approximate: false,
    };
    await this.#showResults({ query: '', origin, also: [], located: true }, 'user', token);
  };

  // ---------------------------------------------------------------- searching

  async #search(raw: string, trigger: SearchTrigger): Promise<void> {
    const token = ++this.#searchToken;
    const m = this.#messages;
    const query = raw.trim();
    const input = this.#input;
    if (input && trigger === 'preset') input.value = query;
    if (!query) {
      this.view = { kind: 'message', text: m.emptyQuery, error: true };
      return;
    }
    this.view = { kind: 'loading', previous: this.#listedView() };
    let resolution: Resolution;
    try {
      const [search, clinicIndex] = await Promise.all([loadSearch(), this.#clinicSearchIndex()]);
      resolution = await search.resolveQuery(query, clinicIndex);
    } catch (error) {
      if (token !== this.#searchToken) return;
      if (this.dataState === 'error') {
        this.view = { kind: 'message', text: m.clinicDataFailed, error: true };
      } else this.#fail('zip-data', error);
      return;
    }
    if (token !== this.#searchToken) return; // a newer search started: the last one wins
    switch (resolution.kind) {
      case 'empty':
        this.view = { kind: 'message', text: m.emptyQuery, error: true };
        return;
      case 'unknown-zip':
        this.view = { kind: 'message', text: m.unknownZip(resolution.zip), error: true };
        return;
      case 'not-understood':
        this.view = { kind: 'message', text: m.notUnderstood(query), error: true };
        return;
      case 'choices':
        this.view = { kind: 'choices', candidates: resolution.candidates };
        return;
      case 'origin': {
        const { origin, also, clinic, organization } = resolution;
        await this.#showResults({ query, origin, also, clinic, organization }, trigger, token);
      }
    }
  }

  #searchPlace(place: Place): Promise<void> {
    const token = ++this.#searchToken;
    const input = this.#input;
    if (input) input.value = placeLabel(place);
    return this.#showResults(
      { query: placeLabel(place), origin: placeOrigin(place), also: [] },
      'user',
      token,
    );
  }

  #searchClinic(clinic: Clinic): Promise<void> {
    const token = ++this.#searchToken;
    const input = this.#input;
    if (input) input.value = clinic.name;
    return this.#showResults(
      { query: clinic.name, origin: clinicOrigin(clinic), also: [], clinic },
      'user',
      token,
    );
  }

  /** Ranks the clinics around a resolved origin, shows them, and reports the search. */
  async #showResults(search: SearchContext, trigger: SearchTrigger, token: number): Promise<void> {
    let clinics: readonly Clinic[];
    try {
      clinics = await this.#clinicList();
    } catch {
      if (token !== this.#searchToken) return;
      this.view = { kind: 'message', text: this.#messages.clinicDataFailed, error: true };
      return;
    }
    if (token !== this.#searchToken) return;
    this.shown = this.#pageSize;
    this.selectedId = search.clinic?.id;
    this.view = { kind: 'results', search, ...this.#rank(clinics, search) };
    // What the visitor typed goes into the URL (with sync-url); a position never does.
    if (trigger === 'user') this.#writeUrl(search.located ? '' : search.query);
    await this.updateComplete;
    if (token !== this.#searchToken) return;
    this.#dispatchSearch(trigger);
  }

  /** With `sync-url`, replaces the search parameter in the page URL (no reload, no history entry). */
  #writeUrl(query: string): void {
    const param = this.#urlParam;
    if (!param) return;
    const url = new URL(location.href);
    if (query) url.searchParams.set(param, query);
    else url.searchParams.delete(param);
    if (url.href !== location.href) history.replaceState(history.state, '', url.href);
  }

  /** The clinics to list for a search, with the filters, the radius and the fallback applied. */
  #rank(
    clinics: readonly Clinic[],
    search: SearchContext,
  ): { results: readonly RankedClinic[]; withinRadius: boolean; filteredOut: boolean } {
    const filter = search.organization
      ? { ...this.#filter, organization: search.organization }
      : this.#filter;
    const kept = filterClinics(clinics, filter);
    // An organization search lists all its clinics; otherwise the radius applies, with the
    // nearest clinics beyond it when nothing is inside.
    const radiusKm = search.organization ? Infinity : toKm(this.#radiusValue, this.units);
    const near = clinicsWithin(kept, search.origin, radiusKm, this.#pageSize);
    return {
      results: near.clinics,
      withinRadius: near.withinRadius,
      filteredOut: clinics.length > 0 && kept.length === 0,
    };
  }

  /** Ranks again after the data, filters, radius, limit or units changed, keeping the origin. */
  #rerank(): void {
    const view = this.view;
    if (view.kind !== 'results') return;
    const token = this.#searchToken;
    this.#clinicList().then(
      (clinics) => {
        if (token !== this.#searchToken || this.view.kind !== 'results') return;
        const ranked = this.#rank(clinics, view.search);
        const selected = ranked.results.findIndex((r) => r.clinic.id === this.selectedId);
        if (selected === -1) this.selectedId = undefined;
        // Keep the selection in view: show enough pages to include it.
        else if (selected >= this.shown) {
          this.shown = Math.ceil((selected + 1) / this.#pageSize) * this.#pageSize;
        }
        this.view = { ...view, ...ranked };
      },
      () => {
        if (token !== this.#searchToken) return;
        this.view = { kind: 'message', text: this.#messages.clinicDataFailed, error: true };
      },
    );
  }

  /**
   * The clinics of the current source, checked: `clinics`, else `src`, else the bundled ones.
   * Loaded once per source; a failure is reported (status and `clinic-error`) and retried on the
   * next need.
   */
  #clinicList(): Promise<readonly Clinic[]> {
    const source = this.clinics ?? this.src;
    if (this.#clinicData && this.#clinicDataFor === source) return this.#clinicData;
    const token = ++this.#dataToken;
    const external = Boolean(this.clinics || this.src);
    const { clinics, src } = this;
    const task: Promise<CheckedClinics> = clinics
      ? loadClinicSourceModule().then((m) => m.checkClinicObjects(clinics))
      : src
        ? loadClinicSourceModule().then((m) =>
            m.loadClinicSource(new URL(src, document.baseURI).href),
          )
        : loadBundledClinics().then((clinics) => ({
            clinics: [...clinics],
            problems: [],
            recordLabel: 'line' as const,
          }));
    if (external) this.dataState = 'loading';
    const withHours = Promise.all([task, loadHours()]).then(([checked, hours]) => {
      this.#hours = hours;
      return checked;
    });
    const data = withHours.then(
      (checked) => {
        if (token === this.#dataToken) {
          this.dataState = 'ready';
          this.loadedClinics = checked.clinics;
          this.#reportProblems(checked);
        }
        return checked.clinics;
      },
      (error: unknown) => {
        if (token === this.#dataToken) {
          this.#clinicData = undefined;
          this.loadedClinics = undefined;
          this.dataState = 'error';
          const message = error instanceof Error ? error.message : String(error);
          console.error(`clinic-locator: ${message}`);
          this.dispatchEvent(new ClinicErrorEvent({ source: 'clinic-data', message }));
        }
        throw error;
      },
    );
    this.#clinicData = data;
    this.#clinicDataFor = source;
    return data;
  }

  /** The name index of the current clinics (built once per clinic list). */
  async #clinicSearchIndex(): Promise<ClinicIndex> {
    const [clinics, search] = await Promise.all([this.#clinicList(), loadSearch()]);
    if (this.#clinicIndex?.clinics !== clinics) {
      // Its own task, apart from loading the search code: 50,000 names take tens of ms.
      const index = nextTask().then(() => search.createClinicIndex(clinics));
      this.#clinicIndex = { clinics, index };
    }
    return this.#clinicIndex.index;
  }

  /** Reports skipped records (an event and the console) and warnings (the console). */
  #reportProblems({ clinics, problems, recordLabel }: CheckedClinics): void {
    if (!problems.length) return;
    const where = this.src || 'clinics';
    for (const p of problems) {
      const value = p.value === undefined ? '' : ` (${p.value})`;
      const text = `clinic-locator: ${where}: ${recordLabel} ${p.line}: ${p.column}: ${p.message}${value}`;
      if (p.severity === 'error') console.error(text);
      else console.warn(text);
    }
    const errors = problems.filter((p) => p.severity === 'error');
    if (!errors.length) return;
    const records = new Set(errors.map((p) => p.line)).size;
    this.dispatchEvent(
      new ClinicErrorEvent({
        source: 'clinic-data',
        message: `${where}: ${records} ${records === 1 ? 'record was' : 'records were'} skipped; ${clinics.length} clinics loaded`,
        problems,
        recordLabel,
        fatal: false,
      }),
    );
  }

  #dispatchSearch(trigger: SearchTrigger): void {
    const view = this.view;
    if (view.kind !== 'results') return;
    const { search } = view;
    // The visitor's own position is never reported precisely: 0.01° is about 1 km.
    const round = (value: number) => (search.located ? Math.round(value * 100) / 100 : value);
    this.dispatchEvent(
      new ClinicSearchEvent({
        query: search.query,
        trigger,
        units: this.units,
        origin: {
          lat: round(search.origin.lat),
          lon: round(search.origin.lon),
          label: search.origin.label,
          approximate: search.origin.approximate,
        },
        results: view.results.slice(0, this.shown).map(({ clinic, distanceKm }, index) => ({
          rank: index + 1,
          id: clinic.id,
          name: clinic.name,
          distanceKm,
          distance: fromKm(distanceKm, this.units),
        })),
      }),
    );
  }

  #fail(source: ClinicErrorEvent['source'], error: unknown): void {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`clinic-locator: ${message}`);
    this.view = { kind: 'message', text: this.#messages.loadFailed, error: true };
    this.dispatchEvent(new ClinicErrorEvent({ source, message }));
  }

  #select(id: string, source: SelectSource): void {
    const view = this.view;
    if (view.kind !== 'results') {
      // A clinic clicked on the overview map: search around it.
      const clinic = this.loadedClinics?.find((c) => c.id === id);
      if (clinic) {
        void this.#searchClinic(clinic).then(() => this.#announceSelect(clinic, 1, source));
      }
      return;
    }
    const index = view.results.findIndex((r) => r.clinic.id === id);
    const result = view.results[index];
    if (!result) return;
    if (index >= this.shown) this.shown = Math.ceil((index + 1) / this.#pageSize) * this.#pageSize;
    this.selectedId = id;
    this.#map?.highlight(id, { pan: source === 'list' });
    if (source === 'map') {
      void this.updateComplete.then(() => {
        this.renderRoot
          .querySelector(`[part~="result"][data-id="${CSS.escape(id)}"]`)
          ?.scrollIntoView({ block: 'nearest' });
      });
    }
    this.#announceSelect(result.clinic, index + 1, source);
  }

  #announceSelect(clinic: Clinic, rank: number, source: SelectSource): void {
    this.dispatchEvent(
      new ClinicSelectEvent({ clinicId: clinic.id, name: clinic.name, rank, source }),
    );
  }

  // ---------------------------------------------------------------- the map

  /** Creates the map once the widget is visible (or a search ran) and is not map-less. */
  #ensureMap(): void {
    if (this.#map || this.withoutMap || !this.isConnected || !this.hasUpdated) return;
    // The compact layout opens its map on demand only.
    if (this.layout === 'compact' && !this.mapOpen) return;
    if (!this.#visible && this.view.kind !== 'results') return;
    const token = ++this.#mapToken;
    const factory = this.mapViewFactory ? Promise.resolve(this.mapViewFactory) : loadMapFactory();
    factory.then(
      (create) => {
        if (token !== this.#mapToken || this.#map || this.withoutMap || !this.isConnected) return;
        const container = this.renderRoot.querySelector<HTMLElement>('[part~="map"]');
        if (!container) return;
        const m = this.#messages;
        this.#mapLanguage = m;
        this.#map = create({
          container,
          tileUrl: this.tileUrl,
          tileAttribution: this.tileAttribution,
          onSelect: (id) => this.#select(id, 'map'),
          labels: {
            searchPoint: m.searchPoint,
            cluster: m.cluster,
            tilesUnavailable: m.tilesUnavailable,
          },
        });
        this.#syncMap();
      },
      (error: unknown) => {
        if (token !== this.#mapToken) return;
        const message = error instanceof Error ? error.message : String(error);
        console.error(`clinic-locator: the map could not be loaded: ${message}`);
        this.dispatchEvent(new ClinicErrorEvent({ source: 'map', message }));
      },
    );
  }

  #destroyMap(): void {
    this.#mapToken++;
    this.#map?.destroy();
    this.#map = undefined;
    this.#shownOnMap = undefined;
  }

  /**
   * Keeps the map in step with the list: the shown results (refitted only when they change),
   * every clinic before a search (clustered), and the selection.
   */
  #syncMap(): void {
    const map = this.#map;
    if (!map) return;
    const view = this.view;
    if (view.kind === 'results') {
      const shown = view.results.slice(0, this.shown);
      const key = `${shown.map((r) => r.clinic.id).join()}@${view.search.origin.lat},${view.search.origin.lon}`;
      if (this.#shownOnMap !== key) {
        this.#shownOnMap = key;
        const markers: MapMarker[] = shown.map(({ clinic }, index) => ({
          id: clinic.id,
          lat: clinic.lat,
          lon: clinic.lon,
          rank: index + 1,
          name: clinic.name,
        }));
        map.showResults(view.search.origin, markers);
      }
    } else if (view.kind === 'idle' && this.#shownOnMap !== this.loadedClinics) {
      this.#shownOnMap = this.loadedClinics;
      const clinics = filterClinics(this.loadedClinics ?? [], { organization: this.organization });
      map.showOverview(clinics.map(({ id, lat, lon, name }) => ({ id, lat, lon, name })));
    }
    map.highlight(this.selectedId);
  }
}
