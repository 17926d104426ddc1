import { css } from 'lit';

/**
 * Public custom properties (`--clinic-locator-*`) are read once on :host into private `--_*`
 * ones, always through `var(--clinic-locator-x, default)`, so a host page can set them anywhere,
 * including on :root.
 */
export const styles = css`
  :host {
    --_accent: var(--clinic-locator-accent, #0b5cab);
    --_accent-text: var(--clinic-locator-accent-text, #ffffff);
    --_text: var(--clinic-locator-text, #1f2328);
    --_muted: var(--clinic-locator-muted, #4f5862);
    --_surface: var(--clinic-locator-surface, #ffffff);
    --_selected: var(--clinic-locator-selected-surface, #eaf2fc);
    --_border: var(--clinic-locator-border, #8c959f);
    --_radius: var(--clinic-locator-radius, 8px);
    --_list-width: var(--clinic-locator-list-width, 22em);
    --_map-height: var(--clinic-locator-map-height, 420px);
    --_error: var(--clinic-locator-error, #b3261e);
    display: block;
    container-type: inline-size;
    /* The host page's font family is inherited, nothing else of its text styling: the size is
       the visitor's default (medium), so neither "div { font-size: 9px }" on an ancestor nor
       "html { font-size: 62.5% }" shrinks the widget (every length inside is in em), and a
       theme's italics, capitals, spacing or indent stay out. */
    font-family: var(--clinic-locator-font-family, inherit);
    font-size: var(--clinic-locator-font-size, medium);
    font-style: normal;
    font-weight: normal;
    font-variant: normal;
    letter-spacing: normal;
    word-spacing: normal;
    text-transform: none;
    text-indent: 0;
    text-shadow: none;
    white-space: normal;
    cursor: auto;
    line-height: 1.4;
    color: var(--_text);
    background: var(--_surface);
    text-align: start;
  }
  :host([hidden]) {
    display: none;
  }
  /* Set again on every top-level element of the shadow tree, so that nothing inside inherits
     the host's line-height: a page rule "* { line-height: 1 !important }" matches the host and
     beats :host there. Later rules with a class still win over this one. */
  :host > * {
    line-height: 1.4;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  .search {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em;
    margin: 0 0 0.5em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    flex: 1 1 12em;
  }
  label {
    font-weight: 600;
  }
  .combo {
    position: relative;
  }
  .suggestions {
    position: absolute;
    z-index: 1000;
    inset-inline: 0;
    top: calc(100% + 2px);
    margin: 0;
    padding: 0.25em 0;
    list-style: none;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
    max-height: 20em;
    overflow-y: auto;
  }
  .suggestions[hidden] {
    display: none;
  }
  .suggestions li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.5em;
    min-height: 2.75em;
    align-items: center;
    padding: 0.375em 0.75em;
    cursor: pointer;
  }
  .suggestions li.active,
  .suggestions li:hover {
    background: var(--_selected);
    outline: 2px solid var(--_accent);
    outline-offset: -2px;
  }
  .suggestion-detail {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .toolbar {
    display: flex;
    flex-wrap: wrap;
    align-items: flex-start;
    justify-content: space-between;
    gap: 0.5em 1em;
    margin: 0 0 0.75em;
  }
  .toolbar .status {
    flex: 1 1 0;
    min-width: min(10em, 100%);
    margin: 0;
    align-self: center;
  }
  .filters-toggle,
  .ways button,
  .switch button {
    display: inline-flex;
    align-items: center;
    gap: 0.375em;
    flex: none;
    padding: 0.25em 0.875em;
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 600;
    cursor: pointer;
  }
  .filters-toggle[aria-expanded='true'] {
    background: var(--_selected);
  }
  .icon {
    width: 1.25em;
    height: 1.25em;
    flex: none;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em 1em;
    margin: 0 0 0.75em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
  }
  .radius-note {
    flex: 1 1 14em;
    margin: 0;
    color: var(--_muted);
    font-size: 0.875em;
  }
  .ways {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin: -0.25em 0 0.75em;
  }
  .switch {
    display: flex;
    margin: 0 0 0.75em;
  }
  .switch button {
    flex: 1 1 0;
    justify-content: center;
    border-radius: 0;
  }
  .switch button:first-child {
    border-start-start-radius: var(--_radius);
    border-end-start-radius: var(--_radius);
  }
  .switch button:last-child {
    border-start-end-radius: var(--_radius);
    border-end-end-radius: var(--_radius);
    border-inline-start-width: 0;
  }
  .switch button[aria-pressed='true'] {
    background: var(--_accent);
    color: var(--_accent-text);
  }
  select {
    font: inherit;
    min-height: 2.25em;
    margin-inline-start: 0.25em;
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }
  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375em;
  }
  .chip,
  .choice,
  .more button {
    font: inherit;
    font-size: 0.875em;
    min-height: 2em;
    padding: 0.125em 0.75em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_text);
    cursor: pointer;
  }
  .chip[aria-pressed='true'] {
    background: var(--_accent);
    border-color: var(--_accent);
    color: var(--_accent-text);
  }
  .chip:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .chip .count {
    font-weight: 700;
    margin-inline-start: 0.25em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375em;
    margin: -0.25em 0 0.75em;
  }
  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em;
    margin-top: 0.5em;
    color: var(--_muted);
  }
  .more button {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
    min-height: 2.75em;
  }
  input,
  button {
    font: inherit;
    min-height: 2.75em;
    border-radius: var(--_radius);
  }
  input {
    width: 100%;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }
  .buttons button {
    padding: 0.5em 1.25em;
    border: 1px solid var(--_accent);
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 600;
    cursor: pointer;
  }
  .buttons [part~='locate-button'] {
    background: var(--_surface);
    color: var(--_accent);
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .status {
    margin: 0 0 0.75em;
    min-height: 1.4em;
  }
  .status.error {
    color: var(--_error);
  }
  .status.error .note-text {
    display: block;
    color: var(--_text);
  }
  .note {
    margin: -0.5em 0 0.75em;
    color: var(--_muted);
  }
  .body {
    display: grid;
    gap: 0.75em;
    grid-template-columns: minmax(0, 1fr);
  }
  .prompt,
  .hint,
  .map-unavailable {
    margin: 0;
    padding: 1em;
    border: 1px dashed var(--_border);
    border-radius: var(--_radius);
    color: var(--_muted);
  }
  .map-card .results,
  .map-card .hint {
    margin-top: 0.75em;
  }
  .sr-only {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Wide: the list and the map side by side, sharing their top and bottom edges; the list
     scrolls inside, with a shadow at the edge that has more (background-attachment: local). */
  @container (min-width: 720px) {
    .switch,
    .map-card {
      display: none;
    }
    .body.with-map {
      grid-template-columns: var(--_list-width) minmax(0, 1fr);
      height: var(--_map-height);
    }
    .body.with-map .list {
      overflow-y: auto;
      overscroll-behavior: contain;
      padding-inline-end: 0.25em;
      background:
        linear-gradient(var(--_surface) 30%, transparent) top / 100% 2.5em no-repeat local,
        linear-gradient(transparent, var(--_surface) 70%) bottom / 100% 2.5em no-repeat local,
        radial-gradient(farthest-side at 50% 0, rgb(0 0 0 / 22%), transparent) top / 100% 0.75em
          no-repeat scroll,
        radial-gradient(farthest-side at 50% 100%, rgb(0 0 0 / 22%), transparent) bottom / 100%
          0.75em no-repeat scroll;
    }
  }
  /* Narrow: the list or the map, as the List | Map switch says. */
  @container (max-width: 719.98px) {
    .body[data-pane='map'] .list,
    .body[data-pane='list'] .map-area {
      display: none;
    }
    .body[data-pane='map'] .map,
    :host([layout='compact']) .map {
      height: min(55vh, 480px);
      height: min(55svh, 480px);
    }
  }
  /* Fingers: every target at least 44 px (WCAG's 24 px is the floor for a mouse). */
  @media (pointer: coarse) {
    .chip,
    .choice,
    select,
    .skip,
    .filters-toggle,
    .ways button,
    .switch button,
    .more button {
      min-height: 44px;
    }
  }
  a {
    color: var(--_accent);
    display: inline-flex;
    align-items: center;
    min-height: 1.5em;
  }
  .map {
    /* Its own stacking context: Leaflet's panes and controls (z-index up to 1000) stay under
       the suggestions. */
    isolation: isolate;
    height: var(--_map-height);
    min-height: 240px;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    overflow: hidden;
    background: #e5e9ee;
  }
  [hidden] {
    display: none !important;
  }

  /* Keep the space of the controls, list and map while they are drawn, a task after the form,
     so nothing below moves. */
  .body-placeholder {
    min-height: calc(var(--_map-height) + 2em);
  }
  :host([layout='compact']) .body-placeholder,
  :host([without-map]) .body-placeholder {
    min-height: 0;
  }
  .map-area {
    position: relative;
    display: grid;
    align-content: start;
  }
  /* A skip link: out of sight until focused, then over the map's top edge. */
  .skip {
    position: absolute;
    z-index: 2;
    inset-block-start: 0.5em;
    inset-inline-end: 0.5em;
    font: inherit;
    font-size: 0.875em;
    min-height: 24px;
    padding: 0.25em 0.75em;
    border: 1px solid var(--_accent);
    background: var(--_surface);
    color: var(--_accent);
    text-decoration: underline;
    cursor: pointer;
  }
  .skip:not(:focus) {
    border: 0;
    clip-path: inset(50%);
    width: 1px;
    height: 1px;
    min-height: 0;
    padding: 0;
    overflow: hidden;
    white-space: nowrap;
  }
  #after-map:focus {
    outline: none;
  }
  .map-toggle {
    justify-self: start;
    font: inherit;
    font-weight: 600;
    min-height: 2.75em;
    padding: 0.5em 1.25em;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }
  .credit {
    margin: 0.75em 0 0;
    font-size: 0.875em;
    color: var(--_muted);
  }
`;
