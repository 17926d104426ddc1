import type { ReactiveControllerHost } from 'lit';
import type { RankedClinic } from '../../domain/rank.js';
import type { Pane } from '../views/body.js';
import type { LayoutController } from './layout.js';

/** What the panes read from the element. */
export interface PanesHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * What the visitor has on screen: the list or the map on a narrow widget (List | Map), the
 * filters panel, the compact layout's map, the announcement of a pin chosen where only the map
 * shows, and where the list is scrolled (a new result set starts at its top; "Show more" keeps
 * the place).
 */
export class PanesController {
  /** Narrow widgets: the list or the map. */
  pane: Pane = 'list';
  /** The filters panel is open. */
  filtersOpen = false;
  /** Compact layout: the visitor opened the map. */
  mapOpen = false;
  /** Said politely when a pin is chosen while only the map is on screen. */
  announcement = '';
  /** The clinics whose cards show their details (the visitor opened them, or a shared link). */
  readonly expanded = new Set<string>();

  readonly #host: PanesHost;
  readonly #layout: LayoutController;
  /** A narrow widget's map loads once the visitor first asks for it, then stays. */
  #mapSeen = false;
  /** The results the list was last scrolled to the top for. */
  #scrolledFor: unknown;

  constructor(host: PanesHost, layout: LayoutController) {
    this.#host = host;
    this.#layout = layout;
  }

  /** Shows the list or the map (narrow widgets); back on the list, the selection in view. */
  show(pane: Pane, selectedId: string | undefined): void {
    this.pane = pane;
    this.announcement = '';
    this.#host.requestUpdate();
    if (pane === 'list' && selectedId) this.#bringIntoView(() => this.cardOf(selectedId));
  }

  /** Opens or closes one card's details; `open` forces it. */
  toggleDetails(id: string, open = !this.expanded.has(id)): void {
    if (open) this.expanded.add(id);
    else this.expanded.delete(id);
    this.#host.requestUpdate();
  }

  toggleFilters(): void {
    this.filtersOpen = !this.filtersOpen;
    this.#host.requestUpdate();
  }

  /** Compact layout: opens or closes the map; an opened map is brought into view whole. */
  toggleMap(): void {
    this.mapOpen = !this.mapOpen;
    this.#host.requestUpdate();
    if (this.mapOpen) this.#bringIntoView(() => this.#host.renderRoot.querySelector('.map-area'));
  }

  /** Only the map is on screen (a narrow widget in Map view). */
  get mapOnly(): boolean {
    return this.#layout.narrow && this.pane === 'map';
  }

  /** A map is wanted: not `without-map`; compact: once opened; narrow: once asked for. */
  mapWanted(withoutMap: boolean, compact: boolean): boolean {
    if (withoutMap) return false;
    if (compact) return this.mapOpen;
    if (!this.#layout.measured) return false;
    if (!this.#layout.narrow || this.pane === 'map') this.#mapSeen = true;
    return this.#mapSeen;
  }

  /** A pin was chosen: where only the map shows, its card says which clinic, and so do we. */
  chosenOnMap(id: string, announcement: string): void {
    if (this.mapOnly) {
      this.announcement = announcement;
      this.#host.requestUpdate();
      this.#bringIntoView(() => this.#host.renderRoot.querySelector('[part~="map-card"]'));
    } else this.#bringIntoView(() => this.cardOf(id));
  }

  /** The list's card of clinic `id`. */
  cardOf(id: string): Element | null {
    const selector = `.list [part~="result"][data-id="${CSS.escape(id)}"]`;
    return this.#host.renderRoot.querySelector(selector);
  }

  /** After each update: a new result set (search, filter, radius, units) starts at its top. */
  scrollToTop(results: readonly RankedClinic[] | undefined): void {
    if (!results || results === this.#scrolledFor) return;
    const first = this.#scrolledFor === undefined;
    this.#scrolledFor = results;
    const list = this.#host.renderRoot.querySelector<HTMLElement>('.list');
    if (!list || first) return;
    list.scrollTop = 0;
    // On a phone the page scrolls, not the list: bring the list's top back into view.
    if (list.getBoundingClientRect().top < 0) list.scrollIntoView({ block: 'start' });
  }

  #bringIntoView(find: () => Element | null): void {
    void this.#host.updateComplete.then(() => find()?.scrollIntoView({ block: 'nearest' }));
  }
}
