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
    --_list-width: var(--clinic-locator-list-width, 22rem);
    --_map-height: var(--clinic-locator-map-height, 420px);
    --_error: var(--clinic-locator-error, #b3261e);

    display: block;
    container-type: inline-size;
    /* The host page's font family is inherited; the size is pinned to the root size so page rules
       like "div { font-size: 9px }" on an ancestor cannot shrink the widget. */
    font-family: var(--clinic-locator-font-family, inherit);
    font-size: var(--clinic-locator-font-size, 1rem);
    line-height: 1.4;
    color: var(--_text);
    background: var(--_surface);
    text-align: start;
  }

  :host([hidden]) {
    display: none;
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
    gap: 0.5rem;
    margin: 0 0 0.5rem;
  }

  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
    flex: 1 1 12rem;
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
    padding: 0.25rem 0;
    list-style: none;
    background: var(--_surface);
    color: var(--_text);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    box-shadow: 0 4px 16px rgb(0 0 0 / 18%);
    max-height: 20rem;
    overflow-y: auto;
  }

  .suggestions[hidden] {
    display: none;
  }

  .suggestions li {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0 0.5rem;
    min-height: 2.75rem;
    align-items: center;
    padding: 0.375rem 0.75rem;
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
    font-size: 0.875rem;
  }

  .buttons {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5rem;
  }

  .controls {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5rem 1rem;
    margin: 0 0 0.75rem;
  }

  select {
    font: inherit;
    min-height: 2.25rem;
    margin-inline-start: 0.25rem;
    padding: 0.25rem 0.5rem;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_text);
  }

  .filters {
    display: flex;
    flex-wrap: wrap;
    gap: 0.375rem;
  }

  .chip,
  .choice,
  .more button {
    font: inherit;
    font-size: 0.875rem;
    min-height: 2rem;
    padding: 0.125rem 0.75rem;
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

  .chip .count {
    font-weight: 700;
    margin-inline-start: 0.25rem;
  }

  .choices {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375rem;
    margin: -0.25rem 0 0.75rem;
  }

  .more {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5rem;
    margin-top: 0.5rem;
    color: var(--_muted);
  }

  .more button {
    border-color: var(--_accent);
    color: var(--_accent);
    font-weight: 600;
    min-height: 2.75rem;
  }

  input,
  button {
    font: inherit;
    min-height: 2.75rem;
    border-radius: var(--_radius);
  }

  input {
    width: 100%;
    padding: 0.5rem 0.75rem;
    border: 1px solid var(--_border);
    background: var(--_surface);
    color: var(--_text);
  }

  .buttons button {
    padding: 0.5rem 1.25rem;
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
    margin: 0 0 0.75rem;
    min-height: 1.4em;
  }

  .status.error {
    color: var(--_error);
  }

  .note {
    margin: -0.5rem 0 0.75rem;
    color: var(--_muted);
  }

  .body {
    display: grid;
    gap: 0.75rem;
    grid-template-columns: minmax(0, 1fr);
  }

  @container (min-width: 720px) {
    .body.with-map {
      grid-template-columns: var(--_list-width) minmax(0, 1fr);
    }
    .body.with-map .list {
      max-height: var(--_map-height);
      overflow-y: auto;
    }
  }

  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5rem;
  }

  .result {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }

  .result.selected {
    border-color: var(--_accent);
    background: var(--_selected);
    box-shadow: inset 4px 0 0 var(--_accent);
  }

  .result-main {
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: 0.125rem 0.5rem;
    width: 100%;
    padding: 0.625rem 0.75rem 0.25rem;
    border: 0;
    background: transparent;
    color: inherit;
    text-align: start;
    cursor: pointer;
    min-height: 0;
  }

  .rank {
    grid-row: span 2;
    display: inline-grid;
    place-items: center;
    width: 1.75rem;
    height: 1.75rem;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 700;
    font-size: 0.875rem;
  }

  .name {
    font-weight: 700;
    overflow-wrap: anywhere;
  }

  .distance {
    white-space: nowrap;
    font-weight: 600;
  }

  .address {
    grid-column: 2 / -1;
    color: var(--_muted);
    overflow-wrap: anywhere;
  }

  .details {
    padding: 0 0.75rem 0.25rem 3rem;
    font-size: 0.9375rem;
  }

  .details p {
    margin: 0 0 0.25rem;
  }

  .hours {
    font-weight: 600;
  }

  .services {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem;
    list-style: none;
    margin: 0 0 0.25rem;
    padding: 0;
  }

  .services li {
    padding: 0 0.5rem;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.8125rem;
  }

  .extras {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1rem;
    color: var(--_muted);
  }

  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1rem;
    padding: 0 0.75rem 0.625rem 3rem;
  }

  a {
    color: var(--_accent);
    display: inline-flex;
    align-items: center;
    min-height: 1.5rem;
  }

  .map {
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

  .compact-controls {
    margin: 0 0 0.75rem;
  }

  .compact-controls summary {
    cursor: pointer;
    min-height: 2rem;
    font-weight: 600;
    color: var(--_accent);
  }

  .compact-controls[open] summary {
    margin-bottom: 0.5rem;
  }

  .map-area {
    position: relative;
    display: grid;
  }

  .skip {
    position: absolute;
    z-index: 1001;
    inset-inline-start: 0.5rem;
    top: 0.5rem;
    font: inherit;
    min-height: 2.75rem;
    padding: 0.5rem 1rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    font-weight: 600;
  }

  .skip:not(:focus) {
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
    min-height: 2.75rem;
    padding: 0.5rem 1.25rem;
    border: 1px solid var(--_accent);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_accent);
    cursor: pointer;
  }

  .credit {
    margin: 0.75rem 0 0;
    font-size: 0.875rem;
    color: var(--_muted);
  }
`;
