import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Clinic } from '../domain/clinic.js';
import type { ClinicFilter } from '../domain/filter.js';
import { differsFromTyped, placeLabel } from '../domain/origin.js';
import type { Place } from '../domain/places.js';
import { fromKm, parseUnits, toKm, type Units } from '../domain/units.js';
import type { Suggestion } from '../load/resolve.js';
import type { CreateMapView } from '../map/map-view.js';
import { styles } from './clinic-locator.styles.js';
import { ClinicDataController } from './controllers/clinic-data.js';
import type { ComboOption } from './controllers/combobox.js';
import { FiltersController, organizationStates } from './controllers/filters.js';
import { LanguageController } from './controllers/language.js';
import { LayoutController } from './controllers/layout.js';
import { MapController, mapScene } from './controllers/map.js';
import { SearchController, type SearchRequest } from './controllers/search.js';
import { SuggestionsController } from './controllers/suggestions.js';
import { UrlController } from './controllers/url.js';
import {
  ClinicActionEvent,
  ClinicSelectEvent,
  type ClinicAction,
  type SelectSource,
} from './events.js';
import type { Messages } from './messages/messages.js';
import { body, type Pane } from './views/body.js';
import { filtersPanel, filtersToggle, widerRadius, type FiltersProps } from './views/controls.js';
import type { CardContext } from './views/result-card.js';
import { searchForm } from './views/search-form.js';
import { choices, status, type StatusProps } from './views/status.js';

/** OpenStreetMap's standard tiles; see the README on their usage policy and alternatives. */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
/** Default number of results per page (3 in the compact layout). */
export const DEFAULT_LIMIT = 10;
const COMPACT_LIMIT = 3;
const DEFAULT_RADIUS: Record<Units, number> = { mi: 25, km: 40 };

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
 * @csspart controls - The filters panel: the radius control and the filter toggles.
 * @csspart radius-select - The radius control.
 * @csspart filters - The group of filter toggles.
 * @csspart filter-chip - One filter toggle (a toggle button with its count).
 * @csspart status - The live status line.
 * @csspart understood - In the status line: "Showing results for …" when the place found reads differently from what was typed.
 * @csspart ways-forward - The buttons offered when nothing is inside the radius.
 * @csspart wider-radius - "Search within 50 miles".
 * @csspart show-telehealth - "Show clinics with telehealth visits".
 * @csspart view-switch - Narrow widgets: the List | Map switch.
 * @csspart view-list - The switch's List button.
 * @csspart view-map - The switch's Map button.
 * @csspart map-card - Narrow widgets, Map view: the selected clinic's card (or a hint) under the map.
 * @csspart prompt - The invitation shown where the results go before a search.
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
 * @csspart result-main-action - A result's main action, drawn as a button: Book where there is a booking link, else Call.
 * @csspart filters-toggle - The Filters button (it says how many are on), which opens the filters panel.
 * @csspart map-toggle - Compact layout: the button that shows or hides the map.
 * @csspart skip-map - The "Skip the map" link, over the map's top edge when focused.
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

  /** Compact layout: whether the visitor opened the map. */
  @state() private mapOpen = false;
  /** Narrow containers: the list or the map. */
  @state() private pane: Pane = 'list';
  /** Whether the filters panel is open. */
  @state() private filtersOpen = false;
  /** Said politely when a pin is chosen while only the map is on screen. */
  @state() private announcement = '';
  /** A narrow widget's map loads once the visitor first asks for it, then stays. */
  #mapSeen = false;
  /** The results the list was last scrolled to the top for. */
  #scrolledFor: unknown;

  readonly #language = new LanguageController(this);
  readonly #layout = new LayoutController(this);
  readonly #url = new UrlController(() => this.syncUrl);
  readonly #data = new ClinicDataController(this);
  readonly #filters = new FiltersController(this);
  readonly #search = new SearchController(this, {
    data: this.#data,
    messages: () => this.#messages,
    units: () => this.units,
    radiusKm: () => toKm(this.#radius, this.units),
    pageSize: () => this.#pageSize,
    filter: (organization) => this.#filter(organization),
    searched: (query) => this.#url.write(query),
  });
  readonly #suggestions = new SuggestionsController(this, {
    input: () => this.#input,
    clinicIndex: () => this.#data.searchIndex(),
    choose: (option) => this.#chooseSuggestion(option),
  });
  readonly #map = new MapController(this, {
    messages: () => this.#messages,
    wanted: () => this.#mapWanted,
    scene: () =>
      mapScene(this.#search.view, this.#search.shown, this.#data.clinics, this.organization),
    selected: () => this.#search.selectedId,
    onVisible: () => void this.#data.list().catch(() => undefined),
    onSelect: (id) => this.#select(id, 'map'),
  });

  /** Runs a search as if the visitor had typed `query` and pressed Enter. */
  search(query: string): Promise<void> {
    return this.#run({ kind: 'query', text: query, trigger: 'user' });
  }

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang' && old !== value) this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('limit') || changed.has('layout')) this.#search.resetPaging();
    if (changed.has('services')) this.#filters.preset(this.services);
    if ((changed.has('src') || changed.has('clinics')) && this.hasUpdated) {
      this.#data.sourceChanged(this.#map.visible || this.#search.view.kind === 'results');
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('zip') && changed.get('zip') !== undefined && this.zip.trim()) {
      void this.#preset(this.zip);
    }
    if (changed.has('layout') && this.layout !== 'compact') this.mapOpen = false;
    this.#map.update(changed);
    if (changed.has('pane') && this.pane === 'map') this.#map.reveal();
    this.#scrollToTop();
  }

  /** A map is wanted: not `without-map`; compact: once opened; narrow: once asked for. */
  get #mapWanted(): boolean {
    if (this.withoutMap) return false;
    if (this.layout === 'compact') return this.mapOpen;
    if (!this.#layout.measured) return false;
    if (!this.#layout.narrow || this.pane === 'map') this.#mapSeen = true;
    return this.#mapSeen;
  }

  /** A new result set (search, filter, radius, units) starts at its top; "Show more" does not. */
  #scrollToTop(): void {
    const results = this.#search.view.kind === 'results' ? this.#search.listed?.results : undefined;
    if (!results || results === this.#scrolledFor) return;
    const first = this.#scrolledFor === undefined;
    this.#scrolledFor = results;
    const list = this.renderRoot.querySelector<HTMLElement>('.list');
    if (!list || first) return;
    list.scrollTop = 0;
    // On a phone the page scrolls, not the list: bring the list's top back into view.
    if (list.getBoundingClientRect().top < 0) list.scrollIntoView({ block: 'start' });
  }

  /**
   * The first render draws the search form and the status line; the controls, list and map
   * area follow in a task of its own (in space kept for them), so upgrading and drawing the
   * widget never make one long task on the host page. `updateComplete` waits for both.
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

  #startPresets(): void {
    // A deep link (?clinic-q=…) wins over the preset: it is what the visitor was sent to see.
    const linked = this.#url.linked();
    if (linked) {
      const input = this.#input;
      if (input) input.value = linked;
      void this.#run({ kind: 'query', text: linked, trigger: 'link' });
    } else if (this.zip.trim()) {
      void this.#preset(this.zip);
    }
  }

  #preset(text: string): Promise<void> {
    const input = this.#input;
    if (input) input.value = text.trim();
    return this.#run({ kind: 'query', text, trigger: 'preset' });
  }

  #run(request: SearchRequest): Promise<void> {
    return this.#search.run(request);
  }

  get #messages(): Messages {
    return this.#language.messages;
  }

  /** Clinics per page: `limit`, else 10 (3 in the compact layout). */
  get #pageSize(): number {
    const limit = this.limit;
    if (limit !== undefined && limit > 0) return Math.floor(limit);
    return this.layout === 'compact' ? COMPACT_LIMIT : DEFAULT_LIMIT;
  }

  get #radius(): number {
    const radius = this.radius;
    return radius !== undefined && radius > 0 ? radius : DEFAULT_RADIUS[this.units];
  }

  #filter(organization = this.organization): ClinicFilter {
    return this.#filters.filter(organization);
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('[part~="search-input"]');
  }

  // ---------------------------------------------------------------- rendering

  override render(): TemplateResult {
    const m = this.#messages;
    const suggestions = this.#suggestions;
    const statusProps = this.#statusProps();
    return html`
      <slot name="heading"></slot>
      ${searchForm({
        m,
        combo: suggestions.combo,
        value: this.zip,
        onSubmit: this.#handleSubmit,
        onInput: suggestions.handleInput,
        onKeydown: suggestions.handleKeydown,
        onFocusOut: suggestions.handleFocusOut,
        onLocate: this.#handleLocate,
      })}
      <div class="toolbar">
        ${status(statusProps)}
        ${
          this.#complete
            ? filtersToggle(m, this.#filters.active, this.filtersOpen, this.#toggleFilters)
            : nothing
        }
      </div>
      ${this.#complete ? filtersPanel(this.#filtersProps(), this.filtersOpen) : nothing}
      ${choices(statusProps)} ${this.#complete ? this.#renderWaysForward() : nothing}
      <slot name="before-results"></slot>
      ${this.#complete ? this.#renderBody() : html`<div class="body-placeholder"></div>`}
    `;
  }

  #statusProps(): StatusProps {
    const search = this.#search.listed?.search;
    const f = this.#filters;
    const typed =
      search && !search.clinic && !search.organization && !search.located
        ? differsFromTyped(search.query, search.origin.label)
        : false;
    return {
      m: this.#messages,
      view: this.#search.view,
      data: this.#data.state,
      radius: this.#radius,
      units: this.units,
      organizationStates: this.organization
        ? organizationStates(this.#data.clinics, this.organization)
        : undefined,
      organization: this.organization,
      filters: this.#messages.filtersPhrase(
        f.services.map((id) => this.#messages.serviceLabel(id)),
        f.telehealth,
        f.spanish,
      ),
      understood: typed ? search?.origin.label : undefined,
      onPlace: (place) => void this.#searchPlace(place),
    };
  }

  #renderWaysForward(): TemplateResult | typeof nothing {
    const view = this.#search.view;
    if (view.kind !== 'results' || view.withinRadius || view.search.organization) return nothing;
    if (!view.results.length) return nothing;
    const m = this.#messages;
    const wider = widerRadius(this.#radius, this.units);
    const telehealth =
      !this.#filters.telehealth && Boolean(this.#data.clinics?.some((c) => c.telehealth));
    const views = this.#data.views;
    if (!views) return nothing;
    return views.waysForward({
      m,
      wider: wider === undefined ? undefined : m.length(wider, this.units),
      telehealth,
      onWider: () => (this.radius = wider),
      onTelehealth: () => this.#filters.toggleTelehealth(),
    });
  }

  #renderBody(): TemplateResult {
    const view = this.#search.view;
    const listed = this.#search.listed;
    const card = this.#cardContext();
    const selected = this.#search.selectedId;
    const index = listed?.results.findIndex((r) => r.clinic.id === selected) ?? -1;
    const result = listed?.results[index];
    const views = this.#data.views;
    return body({
      m: this.#messages,
      compact: this.layout === 'compact',
      withoutMap: this.withoutMap,
      mapOpen: this.mapOpen,
      pane: this.pane,
      busy: view.kind === 'loading',
      idle: view.kind === 'idle',
      empty: view.kind === 'idle' || listed?.results.length === 0,
      list: views
        ? views.resultsList(listed?.results ?? [], this.#search.shown, {
            ...card,
            onShowMore: this.#handleShowMore,
          })
        : nothing,
      // Only a narrow widget shows the map without the list, so only it needs the card.
      mapCard: !this.#layout.narrow
        ? nothing
        : result && views
          ? html`<ol class="results">
              ${views.resultCard(result, index + 1, card)}
            </ol>`
          : html`<p class="hint">${this.#messages.mapCardHint}</p>`,
      announcement: this.announcement,
      onPane: (pane) => this.#showPane(pane),
      onToggleMap: () => (this.mapOpen = !this.mapOpen),
      onSkipMap: this.#skipMap,
    });
  }

  #cardContext(): CardContext {
    return {
      m: this.#messages,
      units: this.units,
      distances: !this.#search.listed?.search.organization,
      hours: this.#data.hours,
      utm: { source: this.utmSource, medium: this.utmMedium, campaign: this.utmCampaign },
      selectedId: this.#search.selectedId,
      now: new Date(),
      onSelect: (id) => this.#select(id, 'list'),
      onAction: this.#action,
    };
  }

  #filtersProps(): FiltersProps {
    const clinics = this.#data.clinics;
    const views = this.#data.views;
    const filters = this.#filters;
    const listed = this.#search.listed;
    return {
      m: this.#messages,
      radius: this.#radius,
      units: this.units,
      radiusOff: Boolean(listed?.search.organization),
      onRadius: (event) => (this.radius = Number((event.target as HTMLSelectElement).value)),
      chips:
        clinics?.length && views
          ? views.filterChips(this.#messages, {
              counts: filters.counts(
                clinics,
                listed?.search,
                toKm(this.#radius, this.units),
                this.#pageSize,
                this.organization,
              ),
              services: filters.services,
              telehealth: filters.telehealth,
              spanish: filters.spanish,
              onService: (id) => filters.toggleService(id),
              onTelehealth: () => filters.toggleTelehealth(),
              onSpanish: () => filters.toggleSpanish(),
            })
          : undefined,
    };
  }

  #toggleFilters = (): void => {
    this.filtersOpen = !this.filtersOpen;
  };

  #showPane(pane: Pane): void {
    this.pane = pane;
    this.announcement = '';
    if (pane !== 'list') return;
    // Back to the list: the selected clinic in view.
    const id = this.#search.selectedId;
    if (id)
      void this.updateComplete.then(() => this.#cardOf(id)?.scrollIntoView({ block: 'nearest' }));
  }

  #cardOf(id: string): Element | null {
    return this.renderRoot.querySelector(`.list [part~="result"][data-id="${CSS.escape(id)}"]`);
  }

  // ---------------------------------------------------------------- handlers

  #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#suggestions.dismiss();
    const text = this.#input?.value ?? '';
    // "Current location" in the box (after "Use my location") asks for the position again.
    if (text === this.#messages.currentLocation) this.#handleLocate();
    else void this.#run({ kind: 'query', text, trigger: 'user' });
  };

  #handleLocate = (): void => {
    this.#suggestions.dismiss();
    void this.#run({ kind: 'locate' }).then(() => {
      const input = this.#input;
      if (input && this.#search.listed?.search.located)
        input.value = this.#messages.currentLocation;
    });
  };

  #chooseSuggestion(option: ComboOption<Suggestion>): void {
    const input = this.#input;
    if (input) input.value = option.label;
    const value = option.value;
    if (value.kind === 'place') void this.#searchPlace(value.place);
    else void this.#searchClinic(value.clinic);
  }

  #searchPlace(place: Place): Promise<void> {
    const input = this.#input;
    if (input) input.value = placeLabel(place);
    return this.#run({ kind: 'place', place });
  }

  #searchClinic(clinic: Clinic): Promise<void> {
    const input = this.#input;
    if (input) input.value = clinic.name;
    return this.#run({ kind: 'clinic', clinic });
  }

  #handleShowMore = async (): Promise<void> => {
    const first = this.#search.showMore();
    await this.updateComplete;
    // Focus moves to the first newly shown clinic, so keyboard users continue from there.
    this.renderRoot.querySelectorAll<HTMLButtonElement>('[part~="result-button"]')[first]?.focus();
  };

  /** Moves focus past the map (its markers and zoom buttons are many Tab stops). */
  #skipMap = (): void => {
    this.renderRoot.querySelector<HTMLElement>('#after-map')?.focus();
  };

  #action = (action: ClinicAction, clinic: Clinic, href: string): void => {
    this.dispatchEvent(
      new ClinicActionEvent({ action, clinicId: clinic.id, name: clinic.name, href }),
    );
  };

  #select(id: string, source: SelectSource): void {
    const rank = this.#search.select(id);
    if (rank === undefined) {
      // A clinic clicked on the overview map: search around it.
      if (this.#search.view.kind === 'results') return;
      const clinic = this.#data.clinics?.find((c) => c.id === id);
      if (clinic) {
        void this.#searchClinic(clinic).then(() => this.#announceSelect(clinic, 1, source));
      }
      return;
    }
    this.#map.highlight(id, { pan: source === 'list' });
    const result = this.#search.listed?.results[rank - 1];
    if (!result) return;
    const mapOnly = this.#layout.narrow && this.pane === 'map' && this.layout !== 'compact';
    if (source === 'map' && mapOnly) {
      // Only the map is on screen: its card shows the clinic; say which one.
      const m = this.#messages;
      const distance = this.#search.listed?.search.organization
        ? ''
        : m.distance(fromKm(result.distanceKm, this.units), this.units);
      this.announcement = m.selectedAnnouncement(rank, result.clinic.name, distance);
    } else if (source === 'map') {
      void this.updateComplete.then(() => this.#cardOf(id)?.scrollIntoView({ block: 'nearest' }));
    }
    this.#announceSelect(result.clinic, rank, source);
  }

  #announceSelect(clinic: Clinic, rank: number, source: SelectSource): void {
    this.dispatchEvent(
      new ClinicSelectEvent({ clinicId: clinic.id, name: clinic.name, rank, source }),
    );
  }
}
