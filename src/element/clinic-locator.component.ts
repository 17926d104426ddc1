import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import type { Clinic } from '../domain/clinic.js';
import { filterClinics, parseList } from '../domain/filter.js';
import { formatTime, openStatus, parseHours, weekdayName } from '../domain/hours.js';
import { formatPhone, safeHttpUrl, telHref } from '../domain/links.js';
import { originFromZip, type Origin } from '../domain/query.js';
import { rankClinics, type RankedClinic } from '../domain/rank.js';
import { fromKm, parseUnits, type Units } from '../domain/units.js';
import { lookupZip, normalizeZip } from '../domain/zip-table.js';
import { loadBundledClinics } from '../load/clinic-data.js';
import {
  checkClinicObjects,
  loadClinicSource,
  type CheckedClinics,
} from '../load/clinic-source.js';
import { loadMapFactory } from '../load/map.js';
import { loadZipTables } from '../load/zip-data.js';
import type { CreateMapView, MapMarker, MapView } from '../map/map-view.js';
import { styles } from './clinic-locator.styles.js';
import {
  ClinicErrorEvent,
  ClinicSearchEvent,
  ClinicSelectEvent,
  type SearchTrigger,
  type SelectSource,
} from './events.js';
import { en } from './messages/en.js';

/** OpenStreetMap's standard tiles; see the README on their usage policy and alternatives. */
export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png';
export const DEFAULT_TILE_ATTRIBUTION =
  '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors';
/** Default number of results. */
export const DEFAULT_LIMIT = 10;

type View =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'message'; text: string; error: boolean }
  | {
      kind: 'results';
      query: string;
      origin: Origin;
      results: readonly RankedClinic[];
      /** True when the organization and service filters leave no clinic at all. */
      filteredOut: boolean;
    };

/**
 * A clinic finder: the visitor types a US ZIP code and sees the nearest member clinics in a list
 * and on a map. ZIP codes become coordinates in the browser; nothing typed leaves the page.
 *
 * @summary Find the nearest member clinics to a ZIP code, in a list and on a map.
 *
 * @fires clinic-search - A search completed with ranked results (`ClinicSearchEvent`).
 * @fires clinic-select - The visitor selected a clinic in the list or on the map (`ClinicSelectEvent`).
 * @fires clinic-error - Data could not be loaded (`ClinicErrorEvent`).
 *
 * @csspart search-form - The search form.
 * @csspart search-label - The search field's label.
 * @csspart search-input - The ZIP code input.
 * @csspart search-button - The search button.
 * @csspart status - The live status line.
 * @csspart results - The results list.
 * @csspart result - One result.
 * @csspart result-button - The part of a result that selects it.
 * @csspart result-name - A result's clinic name.
 * @csspart result-distance - A result's distance.
 * @csspart result-address - A result's address.
 * @csspart result-phone - A result's phone link.
 * @csspart result-website - A result's website link.
 * @csspart result-book - A result's booking link.
 * @csspart result-hours - A result's opening status (open now, closes at…).
 * @csspart result-services - A result's list of services.
 * @csspart result-telehealth - A result's telehealth note.
 * @csspart result-languages - A result's languages.
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
 */
export class ClinicLocator extends LitElement {
  static override styles = styles;

  /** A ZIP code to search as soon as the widget loads (a preset search). */
  @property() zip = '';

  /** How many clinics to list. */
  @property({ type: Number }) limit = DEFAULT_LIMIT;

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

  /** Comma-separated service ids a clinic must all offer, e.g. `back-pain,sciatica`. */
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
  /** Clinic data from `src` or `clinics`: loading, usable, or unusable. */
  @state() private dataState: 'idle' | 'loading' | 'ready' | 'error' = 'idle';

  #searchToken = 0;
  #map: MapView | undefined;
  #mapToken = 0;
  #visible = false;
  #visibility: IntersectionObserver | undefined;
  #messages = en;
  /** The checked clinics of the current source, loaded on first need. */
  #clinicData: Promise<readonly Clinic[]> | undefined;
  /** The source #clinicData was loaded from: the `clinics` array, the `src` URL, or '' (bundled). */
  #clinicDataFor: unknown;
  #dataToken = 0;
  /** The view whose results the map shows, so a re-render does not refit the map. */
  #shownOnMap: View | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    // The map (Leaflet and tiles) loads only once the widget is near the viewport.
    this.#visibility = new IntersectionObserver(
      (entries) => {
        this.#visible = entries.some((entry) => entry.isIntersecting);
        if (!this.#visible) return;
        this.#ensureMap();
        // Clinic data from `src` starts loading as the widget comes near, so the first search is
        // quick and a broken file is reported before anyone searches.
        if (this.src || this.clinics) void this.#clinicList().catch(() => undefined);
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
    if (changed.has('limit') && !(this.limit > 0)) this.limit = DEFAULT_LIMIT;
    if ((changed.has('src') || changed.has('clinics')) && this.hasUpdated) {
      if (this.src || this.clinics) void this.#clinicList().catch(() => undefined);
      else this.dataState = 'idle';
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('zip') && this.zip.trim()) {
      void this.#search(this.zip, 'preset');
    }
    if (
      this.#map &&
      (changed.has('tileUrl') || changed.has('tileAttribution') || changed.has('mapViewFactory'))
    ) {
      this.#destroyMap();
    }
    if (changed.has('withoutMap') && this.withoutMap) this.#destroyMap();
    // Results on show follow the data, filters, limit and units (a no-op before any search).
    if (
      ['clinics', 'src', 'organization', 'services', 'limit', 'units'].some((key) =>
        changed.has(key),
      )
    ) {
      this.#rerank();
    }
    this.#ensureMap();
    if (changed.has('view') || changed.has('selectedId')) this.#syncMap();
  }

  /** Runs a search as if the visitor had typed `query` and pressed Enter. */
  search(query: string): Promise<void> {
    return this.#search(query, 'user');
  }

  override render(): TemplateResult {
    const m = this.#messages;
    return html`
      <form part="search-form" class="search" role="search" @submit=${this.#handleSubmit}>
        <div class="field">
          <label part="search-label" for="query">${m.searchLabel}</label>
          <input
            id="query"
            part="search-input"
            name="query"
            type="text"
            inputmode="numeric"
            autocomplete="postal-code"
            enterkeyhint="search"
            maxlength="20"
            placeholder=${m.searchPlaceholder}
            .value=${this.zip}
          />
        </div>
        <button part="search-button" type="submit">${m.searchButton}</button>
      </form>
      ${this.#renderStatus()}
      <div class="body ${this.withoutMap ? '' : 'with-map'}">
        ${this.#renderResults()}
        ${
          this.withoutMap
            ? nothing
            : html`<div part="map" class="map" role="region" aria-label=${m.mapLabel}></div>`
        }
      </div>
      ${
        this.withoutMap
          ? html`<p part="credit" class="credit">
              ${m.zipCredit} &copy; <a href="https://www.geonames.org/">GeoNames</a> (CC BY 4.0)
            </p>`
          : nothing
      }
    `;
  }

  #renderStatus(): TemplateResult {
    const m = this.#messages;
    const view = this.view;
    let text = m.idle;
    let error = false;
    let note: string | undefined;
    if (view.kind === 'idle' && this.dataState === 'loading') text = m.loadingClinics;
    else if (view.kind === 'idle' && this.dataState === 'error') {
      text = m.clinicDataFailed;
      error = true;
    } else if (view.kind === 'loading') text = m.loading;
    else if (view.kind === 'message') ({ text, error } = view);
    else if (view.kind === 'results') {
      text = view.results.length
        ? m.results(view.results.length, view.origin.label)
        : view.filteredOut
          ? m.noMatches
          : m.noClinics;
      if (view.origin.approximate) {
        text += '.';
        note = m.approximate(view.origin.label, view.origin.area ?? '');
      }
    }
    // The note is part of the live region so the approximation is announced with the outcome.
    return html`<div
      part="status"
      class="status ${error ? 'error' : ''}"
      role="status"
      aria-live="polite"
    >
      <span>${text}</span>${note ? html` <span class="note-text">${note}</span>` : nothing}
    </div>`;
  }

  #renderResults(): TemplateResult | typeof nothing {
    if (this.view.kind !== 'results' || !this.view.results.length) return nothing;
    const m = this.#messages;
    return html`<ol part="results" class="results" aria-label=${m.resultsLabel}>
      ${this.view.results.map((result, index) => this.#renderResult(result, index + 1))}
    </ol>`;
  }

  #renderResult({ clinic, distanceKm }: RankedClinic, rank: number): TemplateResult {
    const m = this.#messages;
    const selected = clinic.id === this.selectedId;
    const tel = telHref(clinic.phone);
    const phone = formatPhone(clinic.phone);
    const website = safeHttpUrl(clinic.website);
    const booking = safeHttpUrl(clinic.bookingUrl);
    const street = [clinic.address1, clinic.address2].filter(Boolean).join(', ');
    const newTab = (part: string, href: string, label: string, text: string) =>
      html`<a
        part=${part}
        href=${href}
        target="_blank"
        rel="noopener noreferrer"
        aria-label=${label}
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
        ${
          tel && phone
            ? html`<a
                part="result-phone"
                href=${tel}
                aria-label=${`${m.call(clinic.name)}, ${phone}`}
                >${phone}</a
              >`
            : nothing
        }
        ${
          website
            ? newTab('result-website', website, m.website(clinic.name), m.websiteText)
            : nothing
        }
        ${booking ? newTab('result-book', booking, m.bookLabel(clinic.name), m.book) : nothing}
      </div>
    </li>`;
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
    if (!clinic.hours || !clinic.timezone) return undefined;
    const parsed = parseHours(clinic.hours);
    if (!parsed.ok) return undefined;
    const m = this.#messages;
    let status: ReturnType<typeof openStatus>;
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

  #handleSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="search-input"]');
    void this.#search(input?.value ?? '', 'user');
  };

  async #search(raw: string, trigger: SearchTrigger): Promise<void> {
    const token = ++this.#searchToken;
    const m = this.#messages;
    const query = raw.trim();
    const input = this.renderRoot.querySelector<HTMLInputElement>('[part~="search-input"]');
    if (input && trigger === 'preset') input.value = query;
    if (!query) {
      this.view = { kind: 'message', text: m.emptyQuery, error: true };
      return;
    }
    // Anything that is not ZIP-shaped is answered at once, without loading the ZIP table.
    if (!normalizeZip(query)) {
      this.view = { kind: 'message', text: m.notAZip(query), error: true };
      return;
    }
    this.view = { kind: 'loading' };
    const [tables, clinics] = await Promise.allSettled([loadZipTables(), this.#clinicList()]);
    if (token !== this.#searchToken) return; // a newer search started: the last one wins
    if (tables.status === 'rejected') {
      this.#fail('zip-data', tables.reason);
      return;
    }
    if (clinics.status === 'rejected') {
      // #clinicList has already reported the cause.
      this.view = { kind: 'message', text: m.clinicDataFailed, error: true };
      return;
    }
    const outcome = originFromZip(lookupZip(tables.value, query));
    if (outcome.kind === 'unknown') {
      this.view = { kind: 'message', text: m.unknownZip(outcome.zip), error: true };
      return;
    }
    if (outcome.kind === 'invalid') {
      this.view = { kind: 'message', text: m.notAZip(query), error: true };
      return;
    }
    this.selectedId = undefined;
    this.view = {
      kind: 'results',
      query,
      origin: outcome.origin,
      ...this.#rank(clinics.value, outcome.origin),
    };
    await this.updateComplete;
    if (token !== this.#searchToken) return;
    this.#dispatchSearch(trigger);
  }

  /** The filtered clinics nearest to the origin, and whether the filters left none at all. */
  #rank(
    clinics: readonly Clinic[],
    origin: Origin,
  ): { results: readonly RankedClinic[]; filteredOut: boolean } {
    const shown = filterClinics(clinics, {
      organization: this.organization,
      services: parseList(this.services),
    });
    return {
      results: rankClinics(shown, origin, { limit: this.limit }),
      filteredOut: clinics.length > 0 && shown.length === 0,
    };
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
    const task: Promise<CheckedClinics> = this.clinics
      ? checkClinicObjects(this.clinics)
      : this.src
        ? loadClinicSource(new URL(this.src, document.baseURI).href)
        : loadBundledClinics().then((clinics) => ({
            clinics: [...clinics],
            problems: [],
            recordLabel: 'line' as const,
          }));
    if (external) this.dataState = 'loading';
    const data = task.then(
      (checked) => {
        if (token === this.#dataToken) {
          this.dataState = 'ready';
          this.#reportProblems(checked);
        }
        return checked.clinics;
      },
      (error: unknown) => {
        if (token === this.#dataToken) {
          this.#clinicData = undefined;
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

  /** Reports skipped records (an event and the console) and warnings (the console). */
  #reportProblems({ clinics, problems, recordLabel }: CheckedClinics): void {
    if (!problems.length) return;
    const where = this.src || 'clinics';
    for (const p of problems) {
      const text = `clinic-locator: ${where}: ${recordLabel} ${p.line}: ${p.column}: ${p.message}${p.value === undefined ? '' : ` (${p.value})`}`;
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

  /** Ranks again after the data, filters, limit or units changed, keeping the origin. */
  #rerank(): void {
    const view = this.view;
    if (view.kind !== 'results') return;
    const token = this.#searchToken;
    this.#clinicList().then(
      (clinics) => {
        if (token !== this.#searchToken) return;
        const ranked = this.#rank(clinics, view.origin);
        if (!ranked.results.some((r) => r.clinic.id === this.selectedId)) {
          this.selectedId = undefined;
        }
        this.view = { ...view, ...ranked };
      },
      () => {
        if (token !== this.#searchToken) return;
        this.view = { kind: 'message', text: this.#messages.clinicDataFailed, error: true };
      },
    );
  }

  #dispatchSearch(trigger: SearchTrigger): void {
    const view = this.view;
    if (view.kind !== 'results') return;
    this.dispatchEvent(
      new ClinicSearchEvent({
        query: view.query,
        trigger,
        units: this.units,
        origin: {
          lat: view.origin.lat,
          lon: view.origin.lon,
          label: view.origin.label,
          approximate: view.origin.approximate,
        },
        results: view.results.map(({ clinic, distanceKm }, index) => ({
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
    if (view.kind !== 'results') return;
    const index = view.results.findIndex((r) => r.clinic.id === id);
    const result = view.results[index];
    if (!result) return;
    this.selectedId = id;
    this.#map?.highlight(id, { pan: source === 'list' });
    if (source === 'map') {
      void this.updateComplete.then(() => {
        this.renderRoot
          .querySelector(`[part~="result"][data-id="${CSS.escape(id)}"]`)
          ?.scrollIntoView({ block: 'nearest' });
      });
    }
    this.dispatchEvent(
      new ClinicSelectEvent({ clinicId: id, name: result.clinic.name, rank: index + 1, source }),
    );
  }

  /** Creates the map once the widget is visible (or a search ran) and is not map-less. */
  #ensureMap(): void {
    if (this.#map || this.withoutMap || !this.isConnected || !this.hasUpdated) return;
    if (!this.#visible && this.view.kind !== 'results') return;
    const token = ++this.#mapToken;
    const factory = this.mapViewFactory ? Promise.resolve(this.mapViewFactory) : loadMapFactory();
    factory.then(
      (create) => {
        if (token !== this.#mapToken || this.#map || this.withoutMap || !this.isConnected) return;
        const container = this.renderRoot.querySelector<HTMLElement>('[part~="map"]');
        if (!container) return;
        this.#map = create({
          container,
          tileUrl: this.tileUrl,
          tileAttribution: this.tileAttribution,
          onSelect: (id) => this.#select(id, 'map'),
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

  /** Shows the current results on the map, once per result set, and the selection. */
  #syncMap(): void {
    const map = this.#map;
    if (!map) return;
    const view = this.view;
    if (this.#shownOnMap !== view) {
      this.#shownOnMap = view;
      if (view.kind === 'results') {
        const markers: MapMarker[] = view.results.map(({ clinic }, index) => ({
          id: clinic.id,
          lat: clinic.lat,
          lon: clinic.lon,
          rank: index + 1,
          name: clinic.name,
        }));
        map.showResults(view.origin, markers);
      } else if (view.kind === 'idle') {
        map.showResults(undefined, []);
      }
    }
    map.highlight(this.selectedId);
  }
}
