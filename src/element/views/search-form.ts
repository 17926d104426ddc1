import { html, nothing, type TemplateResult } from 'lit';
import type { Suggestion } from '../../load/resolve.js';
import type { ComboboxController, ComboOption } from '../controllers/combobox.js';
import type { CoreMessages as Messages } from '../messages/messages.js';

/** What the search form shows and whom it tells. */
export interface SearchFormProps {
  m: Messages;
  combo: ComboboxController<Suggestion>;
  /** The preset text (the `zip` attribute). */
  value: string;
  /**
   * Runs the search: Enter in the box and the Search button call it themselves, so it works in
   * sandboxed frames that block form submission; a script's `requestSubmit()` reaches it too.
   */
  onSearch: () => void;
  onInput: () => void;
  onKeydown: (event: KeyboardEvent) => void;
  onFocusOut: (event: FocusEvent) => void;
  onLocate: () => void;
  /** The first sign of a search (focus or a touch in the form): fetch what a search needs. */
  onIntent: () => void;
}

// Choosing with the mouse or a finger must not blur the input first (that would close the list
// before the click lands).
const keepFocus = (event: PointerEvent): void => event.preventDefault();

/** The search box (an ARIA combobox with suggestions), the search and "Use my location" buttons. */
export function searchForm(p: SearchFormProps): TemplateResult {
  const { m, combo } = p;
  const submit = (event: Event) => {
    event.preventDefault();
    p.onSearch();
  };
  const keydown = (event: KeyboardEvent) => {
    p.onKeydown(event);
    // Enter that chose no suggestion searches (not while an input method composes a word).
    if (event.key !== 'Enter' || event.defaultPrevented || event.isComposing) return;
    submit(event);
  };
  return html`<form
    part="search-form"
    class="search"
    role="search"
    @submit=${submit}
    @focusin=${p.onIntent}
    @pointerdown=${p.onIntent}
  >
    <div class="field">
      <label id="query-label" part="search-label" for="query">${m.searchLabel}</label>
      <div class="combo" @focusout=${p.onFocusOut}>
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
          .value=${p.value}
          @input=${p.onInput}
          @keydown=${keydown}
        />
        <ul
          id="suggestions"
          part="suggestions"
          class="suggestions"
          role="listbox"
          aria-label=${m.suggestionsLabel}
          ?hidden=${!combo.open}
        >
          ${combo.options.map((option, index) => suggestion(combo, option, index))}
        </ul>
      </div>
    </div>
    <div class="buttons">
      <button part="search-button" type="submit" @click=${submit}>${m.searchButton}</button>
      <button part="locate-button" type="button" @click=${p.onLocate}>${m.locateButton}</button>
    </div>
  </form>`;
}

/* eslint-disable lit-a11y/click-events-have-key-events --
   Options are never focused: the keyboard chooses them through the combobox input
   (aria-activedescendant, ComboboxController). The click is for mouse and touch. */
function suggestion(
  combo: ComboboxController<Suggestion>,
  option: ComboOption<Suggestion>,
  index: number,
): TemplateResult {
  const active = index === combo.active;
  return html`<li
    id=${combo.optionId(index)}
    part="suggestion"
    class=${active ? 'active' : ''}
    role="option"
    aria-selected=${active ? 'true' : 'false'}
    @pointerdown=${keepFocus}
    @click=${() => combo.choose(option)}
  >
    <span class="suggestion-label"><bdi>${option.label}</bdi></span>
    ${option.detail ? html`<span class="suggestion-detail"><bdi>${option.detail}</bdi></span>` : nothing}
  </li>`;
}
/* eslint-enable lit-a11y/click-events-have-key-events */
