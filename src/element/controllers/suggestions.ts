import type { ReactiveControllerHost } from 'lit';
import type { ClinicIndex } from '../../domain/clinic-search.js';
import { loadSearch } from '../../load/chunks.js';
import type { Suggestion } from '../../load/resolve.js';
import { ComboboxController, type ComboOption } from './combobox.js';
import { Latest } from './latest.js';

/** What the suggestions read from the element. */
export interface SuggestionsHost extends ReactiveControllerHost {
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/**
 * Suggestions under the search box (places and clinics) as the visitor types: the newest
 * keystroke wins, and suggestions still on their way are dropped once the typing ended (Enter,
 * Escape, Tab, a search) or the box lost focus. The combobox keeps the list's keyboard state.
 */
export class SuggestionsController {
  readonly combo: ComboboxController<Suggestion>;

  readonly #host: SuggestionsHost;
  readonly #input: () => HTMLInputElement | null;
  readonly #clinicIndex: () => Promise<ClinicIndex>;
  readonly #states: () => ReadonlySet<string> | undefined;
  readonly #latest = new Latest();
  /** Focus left the search box (or the window) since the last keystroke. */
  #leftBox = false;

  constructor(
    host: SuggestionsHost,
    options: {
      input: () => HTMLInputElement | null;
      clinicIndex: () => Promise<ClinicIndex>;
      /** On a member site: places are suggested only in the states where it has clinics. */
      states: () => ReadonlySet<string> | undefined;
      choose: (option: ComboOption<Suggestion>) => void;
    },
  ) {
    this.#host = host;
    this.#input = options.input;
    this.#clinicIndex = options.clinicIndex;
    this.#states = options.states;
    this.combo = new ComboboxController<Suggestion>(host, options.choose);
  }

  /** Closes the suggestions and drops any still being prepared. */
  dismiss(): void {
    this.#latest.cancel();
    this.combo.close();
  }

  handleInput = (): void => {
    const text = this.#input()?.value ?? '';
    const signal = this.#latest.next();
    this.#leftBox = false;
    // Suggestions only for words: digits are ZIP codes, answered on Enter.
    if (!/\p{L}/u.test(text) || text.trim().length < 2) {
      this.combo.setOptions([]);
      return;
    }
    void Promise.all([loadSearch(), this.#clinicIndex()]).then(
      async ([search, clinics]) => {
        const places = await search.loadPlaceIndex();
        if (signal.aborted) return; // a newer keystroke wins, or the typing ended
        const root = this.#host.renderRoot as ShadowRoot;
        if (this.#leftBox && root.activeElement !== this.#input()) return;
        const options: ComboOption<Suggestion>[] = search
          .suggest(places, clinics, text, 8, this.#states())
          .map((s) => ({
            key: s.kind === 'place' ? `p:${s.place.name}|${s.place.state}` : `c:${s.clinic.id}`,
            label: s.label,
            detail: s.kind === 'clinic' ? s.detail : undefined,
            value: s,
          }));
        this.combo.setOptions(options);
      },
      () => undefined, // suggestions are a convenience: a failed load shows none
    );
  };

  handleKeydown = (event: KeyboardEvent): void => {
    // Escape, Tab and Enter end the typing: suggestions still on their way must not open the
    // list again after them (over the results, or after the visitor closed it).
    if (event.key === 'Escape' || event.key === 'Tab' || event.key === 'Enter') {
      this.#latest.cancel();
    }
    this.combo.handleKeydown(event);
  };

  handleFocusOut = (event: FocusEvent): void => {
    const next = event.relatedTarget as Node | null;
    if (next && (event.currentTarget as HTMLElement).contains(next)) return;
    this.combo.close();
    // Suggestions on their way open the list only if the box has focus again by then (a
    // focusout also comes when the whole window loses focus, and then the box keeps it).
    this.#leftBox = true;
  };
}
