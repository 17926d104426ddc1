import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import type { Clinic } from '../domain/clinic.js';
import { fromKm, parseUnits, toKm, type Units } from '../domain/units.js';
import type { CreateMapView } from '../map/map-view.js';
import { styles } from './clinic-locator.styles.js';
import {
  DEFAULT_TILE_ATTRIBUTION,
  DEFAULT_TILE_URL,
  pageSize,
  radiusOf,
  text,
} from './defaults.js';
import { ClinicDataController } from './controllers/clinic-data.js';
import { FiltersController, organizationStates } from './controllers/filters.js';
import { useDataBase } from '../load/data-base.js';
import { LanguageController } from './controllers/language.js';
import { LayoutController } from './controllers/layout.js';
import { PanesController } from './controllers/panes.js';
import { ShareController } from './controllers/share.js';
import { StructuredDataController } from './controllers/structured-data.js';
import { StagedRenderController } from './controllers/staged-render.js';
import { MapController, mapScene } from './controllers/map.js';
import { SearchController, type SearchContext } from './controllers/search.js';
import { SuggestionsController } from './controllers/suggestions.js';
import { UrlController } from './controllers/url.js';
import { ClinicActionEvent, type ClinicAction, type SelectSource } from './events.js';
import type { CoreMessages, Messages } from './messages/messages.js';
import { body } from './views/body.js';
import { filtersPanel, filtersToggle, type FiltersProps } from './views/controls.js';
import type { CardContext } from './views/result-card.js';
import { searchForm } from './views/search-form.js';
import { choices, status, type StatusProps } from './views/status.js';

export { DEFAULT_LIMIT, DEFAULT_TILE_ATTRIBUTION, DEFAULT_TILE_URL } from './defaults.js';

/**
 * A clinic finder: the visitor types a US ZIP code, a town or a clinic's name (or uses their
 * location) and sees the nearest member clinics in a list and on a map. Everything typed is
 * resolved in the browser; nothing leaves the page.
 *
 * @summary Find the nearest member clinics, in a list and on a map.
 *
 * @fires {ClinicSearchEvent} clinic-search - A search completed with ranked results (`ClinicSearchEvent`).
 * @fires {ClinicSelectEvent} clinic-select - The visitor selected a clinic in the list or on the map (`ClinicSelectEvent`).
 * @fires {ClinicErrorEvent} clinic-error - Data could not be loaded, or run-time data had bad records (`ClinicErrorEvent`).
 * @fires {ClinicActionEvent} clinic-action - The visitor followed a clinic's call, website, directions, booking, report or share link (`ClinicActionEvent`).
 *
 * @attribute lang - The widget's language (`en`, `es`); else the nearest `lang` ancestor's, else the page's.
 *
 * @slot heading - A heading above the search box.
 * @slot before-results - Copy between the status line and the results, shown with results (e.g. marketing copy).
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
 * @csspart result-hours - A result's opening status (open now, closes at…), with today's special hours or closure.
 * @csspart result-status - A result's status badge (temporarily closed, opening soon, telehealth visits only).
 * @csspart result-status-note - The note under a result's status badge (e.g. "Reopens January 12").
 * @csspart result-new-patients - Whether a result is accepting new patients.
 * @csspart result-insurance - A result's insurance plans in short ("Accepts Medicare, Aetna, and 3 more").
 * @csspart result-details-toggle - A result's Details button, which shows or hides its details.
 * @csspart result-details - A result's details: services, every plan, access, languages, the report link.
 * @csspart result-plans - In a result's details: every plan it accepts, and the advice to check.
 * @csspart result-access - A result's building-access features.
 * @csspart insurance-select - The "Your insurance" filter.
 * @csspart result-report - A result's "Report incorrect information" link (`report-url`).
 * @csspart result-share - A result's Share control (a link to that clinic).
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
 * @cssproperty [--clinic-locator-font-size=medium] - Base font size.
 * @cssproperty [--clinic-locator-list-width=22em] - Width of the list beside the map.
 * @cssproperty [--clinic-locator-map-height=420px] - Height of the map.
 * @cssproperty [--clinic-locator-marker-color=#0b5cab] - Clinic markers.
 * @cssproperty [--clinic-locator-marker-selected-color=#b3261e] - The selected clinic's marker.
 * @cssproperty [--clinic-locator-origin-color=#1f1f1f] - The search point's marker.
 */
export class ClinicLocator extends LitElement {
  static override styles = styles;

  /** A ZIP code, town or clinic name to search as soon as the widget loads (a preset search). */
  @property({ converter: text() }) zip = '';

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
   * Where the widget's files are, when the script cannot tell (read once, by the loader), and
   * with the npm package, where the data files are when your bundler does not copy them.
   */
  @property({ attribute: 'base-url' }) baseUrl: string | null = null;

  /** `utm_source` added to the clinics' website and booking links. */
  @property({ attribute: 'utm-source', converter: text() }) utmSource = '';

  /** `utm_medium` added to the clinics' website and booking links. */
  @property({ attribute: 'utm-medium', converter: text() }) utmMedium = '';

  /** `utm_campaign` added to the clinics' website and booking links. */
  @property({ attribute: 'utm-campaign', converter: text() }) utmCampaign = '';

  /** Search radius in `units` (default 25 mi, 40 km). */
  @property({ type: Number }) radius: number | undefined;

  /** Distance units: `mi` (default) or `km`. */
  @property({ converter: (value) => parseUnits(value) }) units: Units = 'mi';

  /** Map tile URL template (`{z}`, `{x}`, `{y}`, optional `{s}`). */
  @property({ attribute: 'tile-url', converter: text(DEFAULT_TILE_URL) }) tileUrl =
    DEFAULT_TILE_URL;

  /** Attribution (HTML) for the map tiles; the GeoNames credit is always added. */
  @property({ attribute: 'tile-attribution', converter: text(DEFAULT_TILE_ATTRIBUTION) })
  tileAttribution = DEFAULT_TILE_ATTRIBUTION;

  /** Hides the map: a list only, and no map code or tiles are loaded. */
  @property({ type: Boolean, attribute: 'without-map', reflect: true }) withoutMap = false;

  /** URL of a CSV or JSON clinic file replacing the bundled clinics (bad records are skipped). */
  @property({ converter: text() }) src = '';

  /** Shows only this organization's clinics (e.g. on a member clinic's own site). */
  @property({ converter: text() }) organization = '';

  /** With `organization`: writes its clinics beside the element as schema.org JSON-LD. */
  @property({ type: Boolean, attribute: 'structured-data' }) structuredData = false;

  /** Comma-separated service ids to preset as filters, e.g. `back-pain,sciatica`. */
  @property({ converter: text() }) services = '';

  /** Comma-separated ISO 639-1 codes to preset as language filters, e.g. `es,vi`. */
  @property({ converter: text() }) languages = '';

  /** "Report incorrect information" on each card: a URL template with `{id}` and `{name}`. */
  @property({ attribute: 'report-url', converter: text() }) reportUrl = '';

  /** An insurance plan to preset as a filter (an id of data/insurance.json), e.g. `medicare`. */
  @property({ converter: text() }) insurance = '';

  /**
   * Clinics to use instead of the bundled ones (for JavaScript users): records with the data
   * file's fields, or `Clinic` objects. They are checked like `src` data.
   */
  @property({ attribute: false }) clinics?: readonly (Clinic | Record<string, unknown>)[];

  /** Creates the map (advanced): the lazily loaded Leaflet adapter, or your own `MapView`. */
  @property({ attribute: false }) mapViewFactory?: CreateMapView;

  /**
   * Strings of your own over the widget's language (`lang`): a few (`{ book: 'Request a visit' }`),
   * or every one of `Messages` for a language the widget does not have (`lang="fr"`).
   */
  @property({ attribute: false }) messages?: Partial<Messages>;

  readonly #stages = new StagedRenderController(this, () => this.#startPresets());
  readonly #language = new LanguageController(this);
  readonly #layout = new LayoutController(this);
  readonly #panes = new PanesController(this, this.#layout);
  readonly #share = new ShareController(this);
  readonly #url = new UrlController(() => this.syncUrl);
  // The counts for the clinics before any search, unless a search will count its own.
  readonly #data = new ClinicDataController(this, (clinics) => {
    if (!this.#search.searching) this.#chips(undefined, false, clinics);
  });
  // Constructed for its lifecycle: it writes into the page beside the element.
  private readonly structured = new StructuredDataController(this, this.#data, {
    enabled: () => this.structuredData,
    organization: () => this.organization,
  });
  readonly #filters = new FiltersController(this);
  readonly #search = new SearchController(this, {
    data: this.#data,
    messages: () => this.#messages,
    units: () => this.units,
    radiusKm: () => toKm(this.#radius, this.units),
    pageSize: () => this.#pageSize,
    filter: (organization = this.organization) => this.#filters.filter(organization),
    searched: (query, clinicId) => {
      this.#url.write(query);
      this.#url.writeClinic(clinicId);
    },
    services: (ids) => this.#filters.addServices(ids),
    organization: () => this.organization,
    ready: (search) => this.#chips(search, false),
    box: {
      text: () => this.#input?.value ?? '',
      write: (text) => {
        const input = this.#input;
        if (input) input.value = text;
      },
    },
  });
  readonly #suggestions = new SuggestionsController(this, {
    input: () => this.#input,
    clinicIndex: () => this.#data.searchIndex(),
    states: () =>
      this.organization && this.#data.clinics
        ? organizationStates(this.#data.clinics, this.organization)
        : undefined,
    choose: ({ value }) =>
      void (value.kind === 'place'
        ? this.#search.place(value.place)
        : this.#search.clinic(value.clinic)),
  });
  readonly #map = new MapController(this, {
    messages: () => this.#messages,
    wanted: () => this.#panes.mapWanted(this.withoutMap, this.layout === 'compact'),
    scene: () =>
      mapScene(this.#search.view, this.#search.shown, this.#data.clinics, this.organization),
    selected: () => this.#search.selectedId,
    onVisible: () => void this.#data.list().catch(() => undefined),
    onSelect: (id) => this.#select(id, 'map'),
  });

  /** Runs a search as if the visitor had typed `query` and pressed Enter. */
  search(query: string): Promise<void> {
    return this.#search.run({ kind: 'query', text: query, trigger: 'user' });
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('baseUrl')) useDataBase(this.baseUrl);
    if (changed.has('limit') || changed.has('layout')) this.#search.resetPaging();
    for (const what of ['services', 'languages', 'insurance'] as const) {
      if (changed.has(what)) this.#filters.preset(what, this[what]);
    }
    // A deep link's filters win over the attributes' presets, once, on load.
    if (!this.hasUpdated) this.#url.readFilters((what, value) => this.#filters.preset(what, value));
    if ((changed.has('src') || changed.has('clinics')) && this.hasUpdated) {
      this.#data.sourceChanged(this.#map.visible || this.#search.view.kind === 'results');
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('zip') && changed.get('zip') !== undefined && this.zip.trim()) {
      void this.#search.preset(this.zip, 'preset');
    }
    if (changed.has('layout') && this.layout !== 'compact') this.#panes.mapOpen = false;
    this.#map.update(changed);
    if (this.#stages.complete) this.#url.writeFilters(this.#filters);
    const view = this.#search.view;
    this.#panes.scrollToTop(view.kind === 'results' ? view.results : undefined);
  }

  protected override getUpdateComplete(): Promise<boolean> {
    return this.#stages.settled(() => super.getUpdateComplete());
  }

  #startPresets(): void {
    // A link to one clinic (?clinic=…) wins, then a deep link (?clinic-q=…), then the preset:
    // it is what the visitor was sent to see.
    const [clinicId, linked] = [this.#url.linkedClinic(), this.#url.linked()];
    if (clinicId) {
      void this.#search.linkedClinic(clinicId).then((id) => {
        if (!id) return;
        this.#panes.toggleDetails(id, true); // a shared clinic opens with all there is to know
        this.#panes.chosenOnMap(id, '');
      });
    } else if (linked) void this.#search.preset(linked, 'link');
    else if (this.zip.trim()) void this.#search.preset(this.zip, 'preset');
  }

  /** The language's strings, with the page's own (`messages`) over them. */
  get #messages(): CoreMessages {
    const m = this.#language.messages;
    const own = this.messages;
    if (!own) return m;
    if (this.#own?.[0] !== m || this.#own[1] !== own) this.#own = [m, own, { ...m, ...own }];
    return this.#own[2];
  }

  #own: [CoreMessages, Partial<Messages>, CoreMessages] | undefined;

  /** Every string, the results' too: once their chunk is loaded (it brings them in English). */
  get #allMessages(): Messages | undefined {
    const m = this.#messages;
    const views = this.#data.views;
    if (!views) return undefined;
    // A whole language (Spanish) has them all already; English brings them with the results.
    if ('book' in this.#language.messages) return m as Messages;
    // The page's own strings win over the results' English too.
    if (this.#merged?.[0] !== m) this.#merged = [m, { ...m, ...views.enResults, ...this.messages }];
    return this.#merged[1];
  }

  #merged: [CoreMessages, Messages] | undefined;

  get #pageSize(): number {
    return pageSize(this.limit, this.layout);
  }

  /** An insurance plan's name (its id until the result views, which hold the names, load). */
  #planLabel = (id: string): string => this.#data.views?.planLabel(id, this.#messages) ?? id;

  get #radius(): number {
    return radiusOf(this.radius, this.units);
  }

  get #input(): HTMLInputElement | null {
    return this.renderRoot.querySelector<HTMLInputElement>('[part~="search-input"]');
  }

  // ---------------------------------------------------------------- rendering

  override render(): TemplateResult {
    const m = this.#messages;
    const suggestions = this.#suggestions;
    const statusProps = this.#statusProps();
    // The widget's direction and language are its own strings', not the page's: an English
    // widget on a right-to-left page must not have its phone numbers and distances reordered.
    return html`
      <slot name="heading"></slot>
      <div class="frame" dir=${m.dir} lang=${m.locale}>
        ${searchForm({
          m,
          combo: suggestions.combo,
          value: this.zip,
          onSearch: this.#handleSearch,
          onInput: suggestions.handleInput,
          onKeydown: suggestions.handleKeydown,
          onFocusOut: suggestions.handleFocusOut,
          onLocate: this.#handleLocate,
          onIntent: this.#search.prepare,
        })}
        <div class="toolbar">
          ${status(statusProps)}
          ${
            this.#stages.complete
              ? filtersToggle(m, this.#filters.active, this.#panes.filtersOpen, () =>
                  this.#panes.toggleFilters(),
                )
              : nothing
          }
        </div>
        ${this.#stages.complete ? filtersPanel(this.#filtersProps(), this.#panes.filtersOpen) : nothing}
        ${choices(statusProps)} ${this.#stages.complete ? this.#renderWaysForward() : nothing}
        ${
          // Copy "above the results" stands there only when there are results to stand above.
          this.#search.listed?.results.length ? html`<slot name="before-results"></slot>` : nothing
        }
        ${this.#stages.complete ? this.#renderBody() : html`<div class="body-placeholder"></div>`}
      </div>
    `;
  }

  #statusProps(): StatusProps {
    let states: Set<string> | undefined;
    const all = this.#allMessages;
    return {
      m: this.#messages,
      view: this.#search.view,
      data: this.#data.state,
      dataFailed: this.#data.failedText(this.#messages),
      radius: this.#radius,
      units: this.units,
      organizationStates: this.organization
        ? () => (states ??= organizationStates(this.#data.clinics, this.organization))
        : undefined,
      organization: this.organization,
      all,
      filters: all ? this.#filters.phrase(all, this.#planLabel) : '',
      understood: this.#search.understood,
      onPlace: (place) => void this.#search.place(place),
      onOrganization: (organization) => void this.#search.organization(organization),
      onClinic: (clinic) => void this.#search.clinic(clinic),
    };
  }

  #renderWaysForward(): TemplateResult | typeof nothing {
    const m = this.#allMessages;
    return (
      (m &&
        this.#data.views?.waysForward({
          m,
          view: this.#search.view,
          radius: this.#radius,
          units: this.units,
          telehealth:
            !this.#filters.telehealth && Boolean(this.#data.clinics?.some((c) => c.telehealth)),
          onRadius: (radius) => (this.radius = radius),
          onTelehealth: () => this.#filters.toggle('telehealth'),
        })) ??
      nothing
    );
  }

  #renderBody(): TemplateResult {
    const view = this.#search.view;
    const listed = this.#search.listed;
    const all = this.#allMessages;
    const card = all && this.#cardContext(all);
    const selected = this.#search.selectedId;
    const index = listed?.results.findIndex((r) => r.clinic.id === selected) ?? -1;
    const result = listed?.results[index];
    const views = this.#data.views;
    // What is shown of a clinic has its links (a compact file's come after the first results).
    const shown = listed?.results.slice(0, this.#search.shown) ?? [];
    this.#data.links([...shown, ...(result ? [result] : [])].map((r) => r.clinic));
    return body({
      m: this.#messages,
      compact: this.layout === 'compact',
      withoutMap: this.withoutMap,
      mapOpen: this.#panes.mapOpen,
      pane: this.#panes.pane,
      busy: view.kind === 'loading',
      idle: view.kind === 'idle',
      empty: view.kind === 'idle' || listed?.results.length === 0,
      list:
        card && views
          ? views.resultsList(listed?.results ?? [], this.#search.shown, {
              ...card,
              onShowMore: this.#handleShowMore,
            })
          : nothing,
      // Only a narrow widget shows the map without the list, so only it needs the card.
      mapCard:
        !this.#layout.narrow || !listed?.results.length
          ? nothing
          : result && card && views
            ? html`<ol class="results">
                ${views.resultCard(result, index + 1, card)}
              </ol>`
            : html`<p class="hint">${this.#messages.mapCardHint}</p>`,
      announcement: this.#panes.announcement,
      onPane: (pane) => this.#panes.show(pane, this.#search.selectedId),
      onToggleMap: () => this.#panes.toggleMap(),
      onSkipMap: this.#skipMap,
    });
  }

  #cardContext(m: Messages): CardContext {
    return {
      m,
      units: this.units,
      distances: !this.#search.listed?.search.organization && !this.#search.listed?.search.state,
      plan: this.#filters.insurance,
      reportUrl: this.reportUrl,
      onShare: (clinic) => {
        const href = this.#url.clinicLink(clinic.id);
        this.#action('share', clinic, href);
        void this.#share.share(clinic, href);
      },
      shared: this.#share.shared,
      planLabel: this.#planLabel,
      hours: this.#data.hours,
      utm: { source: this.utmSource, medium: this.utmMedium, campaign: this.utmCampaign },
      selectedId: this.#search.selectedId,
      expanded: this.#panes.expanded,
      onDetails: (id) => this.#panes.toggleDetails(id),
      now: new Date(),
      onSelect: (id) => this.#select(id, 'list'),
      onAction: this.#action,
    };
  }

  #filtersProps(): FiltersProps {
    const listed = this.#search.listed;
    return {
      m: this.#messages,
      radius: this.#radius,
      units: this.units,
      radiusOff: Boolean(listed?.search.organization || listed?.search.state),
      onRadius: (event) => (this.radius = Number((event.target as HTMLSelectElement).value)),
      chips: this.#chips(listed?.search, this.#search.searching),
    };
  }

  /** The filter toggles; `pending`: a search is on its way (see `FiltersController.toggles`). */
  #chips(search: SearchContext | undefined, pending: boolean, clinics = this.#data.clinics) {
    const { views, rank } = this.#data;
    return this.#filters.toggles({ clinics, views, rank }, this.#allMessages, this.#planLabel, {
      search,
      pending,
      radiusKm: toKm(this.#radius, this.units),
      pageSize: this.#pageSize,
      organization: this.organization,
    });
  }

  #handleSearch = (): void => {
    this.#suggestions.dismiss();
    void this.#search.submit();
  };

  #handleLocate = (): void => {
    this.#suggestions.dismiss();
    void this.#search.locate();
  };

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
    this.#search.choose(id, source, (rank, { clinic, distanceKm }) => {
      this.#map.highlight(id, { pan: source === 'list' });
      this.#url.writeClinic(id);
      if (source !== 'map') return;
      const m = this.#messages;
      const distance = this.#search.listed?.search.organization
        ? ''
        : m.distance(fromKm(distanceKm, this.units), this.units);
      this.#panes.chosenOnMap(id, m.selectedAnnouncement(rank, clinic.name, distance));
    });
  }
}
