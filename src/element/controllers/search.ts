import { Task, TaskStatus } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { Clinic } from '../../domain/clinic.js';
import { filterClinics, type ClinicFilter } from '../../domain/filter.js';
import { differsFromTyped, placeLabel } from '../../domain/origin.js';
import type { Place } from '../../domain/places.js';
import type { RankedClinic } from '../../domain/rank.js';
import { fromKm, type Units } from '../../domain/units.js';
import { prepareSearch } from '../../load/chunks.js';
import { nextTask } from '../../load/next-task.js';
import {
  ClinicSearchEvent,
  ClinicSelectEvent,
  type SearchTrigger,
  type SelectSource,
} from '../events.js';
import type { CoreMessages as Messages } from '../messages/messages.js';
import type { ClinicDataController } from './clinic-data.js';
import type { Outcome, ResultsView, SearchContext, SearchRequest, View } from './search-types.js';

export type { Choices, ResultsView, SearchContext, SearchRequest, View } from './search-types.js';

/**
 * The resolution of a request (search-resolve.ts), a chunk of its own: no search can run before
 * the search code loads anyway, and it is fetched with it, at the first sign of a search.
 */
const loadResolver = () => import('./search-resolve.js');

/** What the search reads from the element, each read when needed. */
export interface SearchOptions {
  data: ClinicDataController;
  messages: () => Messages;
  units: () => Units;
  /** The radius in km. */
  radiusKm: () => number;
  /** Clinics per page ("Show more" adds as many). */
  pageSize: () => number;
  /** The filters for `organization` (a search's, or the element's). */
  filter: (organization?: string) => ClinicFilter;
  /**
   * A search the visitor made found a place: keep it, and the clinic it selects (a clinic
   * searched by name), in the page URL (with `sync-url`).
   */
  searched: (query: string, clinicId: string | undefined) => void;
  /** The search box's text (read on submit, written when a search names its place). */
  box: { text(): string; write(text: string): void };
  /** The query named services ("back pain 49503"): switch their filters on. */
  services: (ids: readonly string[]) => void;
  /** A member site's organization, or ''. */
  organization: () => string;
  /**
   * A found search is about to be shown: compute, in a task of its own, what its render will
   * need besides the ranking (the filters' counts for `search`).
   */
  ready: (search: SearchContext) => void;
}

/**
 * The search: what was asked for (typed text, a suggestion, a position), what it resolved to,
 * and the results listed, with paging and the selection. A `@lit/task` runs the resolution, so
 * the last search wins in one place (a newer run aborts the older one's signal and its answer
 * is dropped) and its pending state keeps the previous results on screen. The ranked results
 * are derived, not stored: a change of data, filters, radius, units or page size re-ranks the
 * same search.
 */
export class SearchController implements ReactiveController {
  /** How many of the results are listed (grows with "Show more"). */
  shown: number;
  /** The selected clinic, if any. */
  selectedId: string | undefined;

  readonly #host: ReactiveControllerHost & EventTarget;
  readonly #o: SearchOptions;
  readonly #data: ClinicDataController;
  readonly #task: Task<[SearchRequest], Outcome>;
  /** The request of the newest run (for the "Finding your location…" pending text). */
  #pending: SearchRequest | undefined;
  #ranked: { inputs: readonly unknown[]; view: ResultsView } | undefined;
  /** The results the paging and selection were last reconciled with. */
  #reconciled: readonly RankedClinic[] | undefined;

  constructor(host: ReactiveControllerHost & EventTarget, options: SearchOptions) {
    this.#host = host;
    this.#o = options;
    this.#data = options.data;
    this.shown = options.pageSize();
    this.#task = new Task<[SearchRequest], Outcome>(host, {
      task: async ([request], { signal }) => {
        // The results on screen when the search started, kept under a message if it ends
        // without an answer (see `Outcome`).
        const previous = this.listed;
        // The resolver and the search code it loads, requested together (no chain).
        this.prepare();
        const outcome: Outcome = await loadResolver().then(
          (r) => r.resolveRequest(request, signal, this.#o, this.#host),
          () => ({
            request,
            kind: 'message',
            text: this.#o.messages().loadFailed,
            error: true,
            unanswered: true,
          }),
        );
        if (outcome.kind === 'found') {
          // The ranking, the counts and the render each in a task of their own: together they
          // were one task of 50-80 ms here (50,000 clinics, or 1,200 with the map).
          for (const step of [() => this.#rank(outcome), () => this.#o.ready(outcome.search)]) {
            await nextTask();
            signal.throwIfAborted();
            step();
          }
          await nextTask();
          signal.throwIfAborted();
        }
        return outcome.kind === 'message' && outcome.unanswered && previous
          ? { ...outcome, previous }
          : outcome;
      },
      autoRun: false,
      onComplete: (outcome) => this.#completed(outcome),
    });
    host.addController(this);
  }

  /** Before each render: a re-ranking keeps the selection only if it is still listed. */
  hostUpdate(): void {
    const view = this.#results();
    if (!view || view.results === this.#reconciled) return;
    this.#reconciled = view.results;
    const index = view.results.findIndex((r) => r.clinic.id === this.selectedId);
    if (index === -1) this.selectedId = undefined;
    else if (index >= this.shown) this.#showThrough(index);
  }

  /**
   * Runs a search; resolves once its results are rendered and `clinic-search` is dispatched (or
   * at once when a newer search replaced it).
   */
  async run(request: SearchRequest): Promise<void> {
    this.#pending = request;
    await this.#task.run([request]);
    const outcome = this.#task.value;
    if (outcome?.request !== request || outcome.kind !== 'found') return;
    await this.#host.updateComplete;
    if (this.#task.value !== outcome) return;
    this.#dispatchSearch(outcome.search, outcome.trigger);
  }

  /**
   * The first sign of a search (the box focused or touched): the search code, the data files and
   * the clinics start loading, the same files whatever will be typed, and the clinics' name
   * index is built while the visitor types, not after Enter.
   */
  prepare = (): void => {
    prepareSearch();
    void loadResolver().catch(() => undefined);
    void this.#data.searchIndex().catch(() => undefined);
  };

  /** The visitor submitted the box ("Current location" there asks for the position again). */
  submit(): Promise<void> {
    const text = this.#o.box.text();
    if (text === this.#o.messages().currentLocation) return this.locate();
    return this.run({ kind: 'query', text, trigger: 'user' });
  }

  /** "Use my location"; once found, the box says "Current location". */
  async locate(): Promise<void> {
    await this.run({ kind: 'locate' });
    if (this.#results()?.search.located) this.#o.box.write(this.#o.messages().currentLocation);
  }

  /** A search the page asked for (`zip`, or the page URL with `sync-url`), shown in the box. */
  preset(text: string, trigger: 'preset' | 'link'): Promise<void> {
    this.#o.box.write(text.trim());
    return this.run({ kind: 'query', text, trigger });
  }

  /**
   * A link to one clinic (`?clinic=…`): once the clinics are loaded, searches around it, selected.
   * Resolves with its id, or undefined when no clinic has that id.
   */
  async linkedClinic(id: string): Promise<string | undefined> {
    const clinics = await this.#data.list().catch(() => undefined);
    const clinic = clinics?.find((c) => c.id === id);
    if (!clinic) return undefined;
    await this.clinic(clinic);
    return clinic.id;
  }

  /** A place chosen (a suggestion, or one of several of the same name). */
  place(place: Place): Promise<void> {
    this.#o.box.write(placeLabel(place));
    return this.run({ kind: 'place', place });
  }

  /** An organization chosen among the things a name can mean. */
  organization(organization: string): Promise<void> {
    this.#o.box.write(organization);
    return this.run({ kind: 'organization', organization });
  }

  /** A clinic chosen (a suggestion, or on the overview map). */
  clinic(clinic: Clinic): Promise<void> {
    this.#o.box.write(clinic.name);
    return this.run({ kind: 'clinic', clinic });
  }

  /** Whether a search is on its way (resolving, ranking or rendering). */
  get searching(): boolean {
    return this.#task.status === TaskStatus.PENDING;
  }

  /** What the list and the status line show now. */
  get view(): View {
    if (this.#task.status === TaskStatus.PENDING) {
      const text = this.#pending?.kind === 'locate' ? this.#o.messages().locating : undefined;
      return { kind: 'loading', text, previous: this.listed };
    }
    const outcome = this.#task.value;
    if (!outcome) return { kind: 'idle' };
    if (outcome.kind === 'found') {
      return (
        this.#results() ?? {
          kind: 'message',
          text: this.#data.failedText(this.#o.messages()),
          error: true,
          previous: this.#stale(),
        }
      );
    }
    if (outcome.kind === 'choices') {
      const { candidates, notFound, organization, clinics } = outcome;
      return { kind: 'choices', candidates, notFound, organization, clinics };
    }
    const { text, error, previous } = outcome;
    return { kind: 'message', text, error, previous };
  }

  /** The results the list shows: the current ones, or while a search runs, the previous ones. */
  get listed(): ResultsView | undefined {
    const outcome = this.#task.value;
    return outcome?.kind === 'message' ? outcome.previous : (this.#results() ?? this.#stale());
  }

  /**
   * The place found, when it reads differently from what was typed (`Grnad Rapids` → `Grand
   * Rapids, MI`), so the visitor can be told; else undefined. Not for a clinic, an organization
   * or a position, which are named as they are.
   */
  get understood(): string | undefined {
    const search = this.#results()?.search;
    if (!search || search.clinic || search.organization || search.located || search.state) {
      return undefined; // the status names these itself
    }
    const typed = search.typed ?? search.query;
    return differsFromTyped(typed, search.origin.label) ? search.origin.label : undefined;
  }

  /** Back to the first page (the page size changed). */
  resetPaging(): void {
    this.shown = this.#o.pageSize();
  }

  /** "Show more": one more page; returns the index of the first clinic added. */
  showMore(): number {
    const first = this.shown;
    this.shown += this.#o.pageSize();
    this.#host.requestUpdate();
    return first;
  }

  /**
   * The visitor chose clinic `id` in the list or on the map: it is selected (and
   * `clinic-select` fired) and `then` runs with what was chosen. A clinic chosen on the overview
   * map, before any search, becomes the search.
   */
  choose(
    id: string,
    source: SelectSource,
    then: (rank: number, result: RankedClinic) => void,
  ): void {
    const announce = (clinic: Clinic, rank: number) =>
      this.#host.dispatchEvent(
        new ClinicSelectEvent({ clinicId: clinic.id, name: clinic.name, rank, source }),
      );
    const rank = this.select(id);
    const result = rank === undefined ? undefined : this.listed?.results[rank - 1];
    if (rank !== undefined && result) {
      then(rank, result);
      announce(result.clinic, rank);
      return;
    }
    if (rank !== undefined || this.view.kind === 'results') return;
    const clinic = this.#data.clinics?.find((c) => c.id === id);
    if (clinic) void this.clinic(clinic).then(() => announce(clinic, 1));
  }

  /**
   * Selects a listed clinic (showing enough pages to include it); returns its rank, or
   * undefined when it is not listed.
   */
  select(id: string): number | undefined {
    const view = this.view.kind === 'results' ? this.#results() : undefined;
    const index = view?.results.findIndex((r) => r.clinic.id === id) ?? -1;
    if (index === -1) return undefined;
    if (index >= this.shown) this.#showThrough(index);
    this.selectedId = id;
    this.#host.requestUpdate();
    return index + 1;
  }

  #showThrough(index: number): void {
    const size = this.#o.pageSize();
    this.shown = Math.ceil((index + 1) / size) * size;
  }

  /**
   * The results last ranked for the current search, when the clinics they came from are gone
   * because a new source failed to load: still listed, under the failure's message.
   */
  #stale(): ResultsView | undefined {
    const memo = this.#ranked;
    const current = this.#data.state === 'error' && memo?.inputs[0] === this.#task.value;
    return current ? memo?.view : undefined;
  }

  /** The ranked results of the last search found, or undefined (memoised on what they use). */
  #results(): ResultsView | undefined {
    return this.#rank(this.#task.value);
  }

  /** The ranked results of a found search (memoised on everything they depend on). */
  #rank(outcome: Outcome | undefined): ResultsView | undefined {
    const { clinics, rank } = this.#data;
    if (outcome?.kind !== 'found' || !clinics || !rank) return undefined;
    const o = this.#o;
    const { search } = outcome;
    const filter = o.filter(search.organization);
    const inputs = [
      outcome,
      clinics,
      filter.organization,
      filter.services,
      filter.telehealth,
      filter.languages?.join(),
      filter.insurance,
      filter.acceptingNewPatients,
      filter.accessibility?.join(),
      o.radiusKm(),
      o.pageSize(),
    ];
    const memo = this.#ranked;
    if (memo && memo.inputs.every((value, i) => Object.is(value, inputs[i]))) return memo.view;
    const filtered = filterClinics(clinics, filter);
    // An organization search lists all its clinics, a state search all the state's; otherwise
    // the radius applies, with the nearest clinics beyond it when nothing is inside.
    const state = search.state?.code;
    const kept = state ? filtered.filter((c) => c.state === state) : filtered;
    const radiusKm = search.organization || state ? Infinity : o.radiusKm();
    const near = rank.clinicsWithin(kept, search.origin, radiusKm, o.pageSize());
    const view: ResultsView = {
      kind: 'results',
      search,
      // An organization's list has no chosen point to measure from: by state and town.
      results: search.organization ? rank.orderByPlace(near.clinics) : near.clinics,
      withinRadius: near.withinRadius,
      filteredOut: clinics.length > 0 && filtered.length === 0,
    };
    this.#ranked = { inputs, view };
    return view;
  }

  /** A search's new results: the first page, the clinic searched for selected, the URL. */
  #completed(outcome: Outcome): void {
    if (outcome.kind !== 'found') return;
    const { search, trigger } = outcome;
    this.shown = this.#o.pageSize();
    this.selectedId = search.clinic?.id;
    // What the visitor typed goes into the URL (with sync-url); a position never does.
    if (trigger === 'user') this.#o.searched(search.located ? '' : search.query, search.clinic?.id);
  }

  #dispatchSearch(search: SearchContext, trigger: SearchTrigger): void {
    const view = this.#results();
    if (!view) return;
    const units = this.#o.units();
    // The visitor's own position is never reported precisely: 0.01° is about 1 km.
    const round = (value: number) => (search.located ? Math.round(value * 100) / 100 : value);
    this.#host.dispatchEvent(
      new ClinicSearchEvent({
        query: search.query,
        trigger,
        units,
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
          distance: fromKm(distanceKm, units),
          status: clinic.status ?? 'open',
          ...(clinic.acceptingNewPatients === undefined
            ? {}
            : { acceptingNewPatients: clinic.acceptingNewPatients }),
        })),
      }),
    );
  }
}
