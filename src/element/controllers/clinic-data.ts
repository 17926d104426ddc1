import type { CSSResult, ReactiveControllerHost } from 'lit';
import type { Clinic } from '../../domain/clinic.js';
import type { ClinicIndex } from '../../domain/clinic-search.js';
import type { LaterLinks } from '../../domain/compiled-clinics.js';
import type * as Hours from '../../domain/hours.js';
import type * as Rank from '../../domain/rank.js';
import { loadClinicSourceModule, loadHours, loadSearch } from '../../load/chunks.js';
import { loadBundledClinics } from '../../load/clinic-data.js';
import type * as ClinicSource from '../../load/clinic-source.js';
import type {
  CheckedClinics,
  ClinicSourceError,
  reportProblems as ReportProblems,
} from '../../load/clinic-source.js';
import { startFetch } from '../../load/early-fetch.js';
import { nextTask } from '../../load/next-task.js';
import { ClinicErrorEvent } from '../events.js';
import type { CoreMessages } from '../messages/messages.js';
import type * as ResultViews from '../views/results.js';
import { Latest } from './latest.js';

/** Adds a stylesheet to the widget's shadow root (once: a sheet is adopted at most once). */
function adoptStyle(root: HTMLElement | DocumentFragment, style: CSSResult): void {
  const sheet = style.styleSheet;
  if (!(root instanceof ShadowRoot) || !sheet || root.adoptedStyleSheets.includes(sheet)) return;
  root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

// The views that draw clinics are needed only once there are clinics: they load with them.
const loadViews = () => import('../views/results.js');
const loadRank = () => import('../../domain/rank.js');

/** Clinic data from `src` or `clinics`: not asked for, loading, usable, or unusable. */
export type DataState = 'idle' | 'loading' | 'ready' | 'error';

/** What the data source reads from the element. */
export interface ClinicDataHost extends ReactiveControllerHost, EventTarget {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly clinics?: readonly (Clinic | Record<string, unknown>)[];
  readonly src: string;
}

/**
 * The clinics the widget searches: the `clinics` property, else the `src` file, else the bundled
 * ones, checked, with the opening-hours code they are shown with. Loaded on first need (the
 * widget near the viewport, or a search), once per source; a failure is reported (a visible
 * state and `clinic-error`) and retried on the next need. When the source changes, the newest
 * load wins.
 *
 * Not `@lit/task`: the list is a memoised promise that several consumers (a search, the
 * suggestions, the map's overview) await at once, and a run of a task is neither shared nor
 * kept per source.
 */
export class ClinicDataController {
  /** Where the data stands; rendered by the status line. */
  state: DataState = 'idle';
  /**
   * Why the last load failed, when it did: `retry` (network, 5xx: the next search tries again),
   * `slow` (timed out: likewise), `broken` (a 404, not clinic data, no usable clinic: retrying
   * cannot fix it until the source changes).
   */
  failure: 'retry' | 'slow' | 'broken' | undefined;
  /** The checked clinics of the last successful load, for the filters and the overview map. */
  clinics: readonly Clinic[] | undefined;
  /** The opening-hours module, loaded with the clinics. */
  hours: typeof Hours | undefined;
  /** The views that draw clinics (cards, list, filter toggles), loaded with the clinics. */
  views: typeof ResultViews | undefined;
  /** The ranking (distances, radius), loaded with the clinics: nothing ranks without them. */
  rank: typeof Rank | undefined;

  readonly #host: ClinicDataHost;
  #data: Promise<readonly Clinic[]> | undefined;
  /** The source #data was loaded from: the `clinics` array, the `src` URL, or '' (bundled). */
  #dataFor: unknown;
  #index: { clinics: readonly Clinic[]; index: Promise<ClinicIndex> } | undefined;
  readonly #latest = new Latest();
  /** The current clinics' links, while some are still to be made (see `CheckedClinics.links`). */
  #links: LaterLinks | undefined;

  readonly #arrived: (clinics: readonly Clinic[]) => void;

  /**
   * `arrived`: new clinics are loaded, about to be rendered; the host computes, in a task of its
   * own, what its render derives from them (the filters' counts over 50,000 clinics are tens of
   * ms: with the render in one task, they made a long one).
   */
  constructor(host: ClinicDataHost, arrived: (clinics: readonly Clinic[]) => void) {
    this.#host = host;
    this.#arrived = arrived;
  }

  /**
   * The source changed (`src` or `clinics`): load it now when the widget is in view or shows
   * results (`needed`), else on the next need.
   */
  sourceChanged(needed: boolean): void {
    const host = this.#host;
    if (needed) void this.list().catch(() => undefined);
    if (!host.src && !host.clinics) this.state = 'idle';
  }

  /** The checked clinics of the current source (loaded once per source). */
  list(): Promise<readonly Clinic[]> {
    const host = this.#host;
    const source = host.clinics ?? host.src;
    if (this.#data && this.#dataFor === source) return this.#data;
    const signal = this.#latest.next();
    const { clinics, src } = host;
    // Problems are reported, and links left for later made, by the checker's chunk.
    let reader: typeof ClinicSource | undefined;
    const task: Promise<CheckedClinics> = clinics
      ? loadClinicSourceModule().then((m) => {
          reader = m;
          return m.checkClinicObjects(clinics);
        })
      : src
        ? this.#fetchSource(new URL(src, document.baseURI).href, signal, (m) => {
            reader = m;
          })
        : loadBundledClinics().then((clinics) => ({
            clinics: [...clinics],
            problems: [],
            recordLabel: 'line' as const,
          }));
    if (clinics || src) this.#setState('loading');
    const withHours = Promise.all([task, loadHours(), loadViews(), loadRank()]).then(
      ([checked, hours, views, rank]) => {
        this.hours = hours;
        this.rank = rank;
        if (!this.views) adoptStyle(host.renderRoot, views.resultStyles);
        this.views = views;
        return checked;
      },
    );
    const data = withHours.then(
      async (checked) => {
        await nextTask();
        if (!signal.aborted) this.#arrived(checked.clinics);
        await nextTask();
        if (signal.aborted) return checked.clinics;
        this.clinics = checked.clinics;
        const { links } = checked;
        this.#links = links;
        if (links && reader) {
          void reader
            .makeLinksWhenIdle(links, signal, () => this.#links !== links)
            .then((done) => {
              if (done) this.#links = undefined;
            });
        }
        this.#setState('ready');
        if (reader) this.#reportProblems(checked, reader.reportProblems);
        return checked.clinics;
      },
      (error: unknown) => {
        if (signal.aborted) throw error;
        // A ClinicSourceError (its class is in the lazy chunk: read by shape). Retrying cannot
        // fix a 404, an HTML page or a file without a usable clinic: the failed load stays this
        // source's answer, so it is neither fetched nor reported again until the source
        // changes. Anything else (network, timeout, 5xx, a chunk that did not load) is retried
        // on the next need.
        const failure = error as Partial<
          Pick<ClinicSourceError, 'transient' | 'problems' | 'recordLabel' | 'failure'>
        >;
        if (failure.transient !== false) this.#data = undefined;
        this.failure =
          failure.transient === false ? 'broken' : failure.failure === 'timeout' ? 'slow' : 'retry';
        this.clinics = undefined;
        this.#setState('error');
        const message = error instanceof Error ? error.message : String(error);
        console.error(`clinic-locator: ${message}`);
        host.dispatchEvent(
          new ClinicErrorEvent({
            source: 'clinic-data',
            message,
            problems: failure.problems ?? [],
            recordLabel: failure.recordLabel,
          }),
        );
        throw error;
      },
    );
    this.#data = data;
    this.#dataFor = source;
    return data;
  }

  /**
   * Fetches and checks a `src` file: the request goes out now, beside the chunks that read it,
   * not after them; a newer source or the chunk failing to load cancels it.
   */
  #fetchSource(
    href: string,
    signal: AbortSignal,
    loaded: (module: typeof ClinicSource) => void,
  ): Promise<CheckedClinics> {
    const started = startFetch(href);
    // The compact file's reader too (a few KB): it parses the file as it arrives, from the first
    // bytes on, not once its chunk has come after them. The chunks both readers import are
    // requested now as well, not once theirs are parsed (no chain).
    void Promise.all([
      import('../../domain/compiled-clinics.js'),
      import('../../domain/clinic-codec.js'),
      import('../../domain/clinic-schema.js'),
    ]).catch(() => undefined);
    const cancel = () => started.controller.abort(signal.reason);
    signal.addEventListener('abort', cancel, { once: true });
    return loadClinicSourceModule().then(
      (m) => {
        loaded(m);
        return m.loadClinicSource(href, { signal, started });
      },
      (error: unknown) => {
        cancel();
        throw error;
      },
    );
  }

  /**
   * Gives these clinics their website and booking links, if they were left for later (a compact
   * file's): what is shown of a clinic must have them. Cheap when they have them.
   */
  links(clinics: readonly Clinic[]): void {
    if (this.#links && clinics.length) this.#links.fill(clinics);
  }

  /** What the visitor is told of the last failed load, true to its cause. */
  failedText(m: CoreMessages): string {
    if (this.failure === 'broken') return m.clinicDataBroken;
    return this.failure === 'slow' ? m.clinicDataSlow : m.clinicDataFailed;
  }

  /** The name index of the current clinics (built once per clinic list). */
  async searchIndex(): Promise<ClinicIndex> {
    const [clinics, search] = await Promise.all([this.list(), loadSearch()]);
    if (this.#index?.clinics !== clinics) {
      // Its own task, apart from loading the search code: 50,000 names take tens of ms.
      const index = nextTask().then(() => search.createClinicIndex(clinics));
      this.#index = { clinics, index };
    }
    return this.#index.index;
  }

  #setState(state: DataState): void {
    this.state = state;
    this.#host.requestUpdate();
  }

  /**
   * Reports skipped records (an event and the console), warnings (the console) and doubts about
   * the whole file (the event too), with the checker chunk's `reportProblems`.
   */
  #reportProblems(checked: CheckedClinics, report: typeof ReportProblems): void {
    if (!checked.problems.length) return;
    const message = report(this.#host.src || 'clinics', checked);
    if (!message) return;
    const { problems, recordLabel } = checked;
    this.#host.dispatchEvent(
      new ClinicErrorEvent({ source: 'clinic-data', message, problems, recordLabel, fatal: false }),
    );
  }
}
