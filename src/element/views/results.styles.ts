import { css } from 'lit';

/**
 * The result cards' styles, in the chunk that draws them (views/results.ts): adopted into the
 * widget's shadow root when that chunk loads, before the first card is drawn. They use the
 * private custom properties the element's own styles set on :host.
 */
export const resultStyles = css`
  .results {
    list-style: none;
    margin: 0;
    padding: 0;
    display: flex;
    flex-direction: column;
    gap: 0.5em;
  }
  .result {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    /* A card out of view is not laid out or painted until it nears the viewport: on a phone the
       first screen shows one or two of the ten cards. Its last size is remembered (auto). */
    content-visibility: auto;
    contain-intrinsic-size: auto 14em;
  }
  .result.selected {
    border-color: var(--_accent);
    background: var(--_selected);
    box-shadow: inset 4px 0 0 var(--_accent);
  }
  .result-main {
    display: grid;
    grid-template-columns: auto 1fr auto;
    gap: 0.125em 0.5em;
    width: 100%;
    padding: 0.625em 0.75em 0.25em;
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
    width: 1.75em;
    height: 1.75em;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_accent-text);
    font-weight: 700;
    font-size: 0.875em;
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
  .summary,
  .details {
    padding: 0 0.75em 0.25em 3em;
    font-size: 0.9375em;
  }
  .summary p,
  .details p {
    margin: 0 0 0.125em;
  }
  .details {
    margin: 0 0.75em 0.75em 3em;
    padding: 0.5em 0 0;
    border-top: 1px solid var(--_border);
  }
  .details[hidden] {
    display: none;
  }
  .badge {
    grid-column: 2 / -1;
    justify-self: start;
    padding: 0.125em 0.5em;
    border-radius: 999px;
    font-size: 0.8125em;
    font-weight: 700;
    background: #fdf0d5;
    color: #5c3b00;
  }
  .badge.temporarily-closed {
    background: #fbe3e1;
    color: #7a1c14;
  }
  .result.closed .rank {
    background: var(--_muted);
  }
  .status-note {
    color: var(--_muted);
  }
  .new-patients.yes::before {
    content: '✓ ' / '';
  }
  .plans-label {
    font-weight: 600;
  }
  .plans ul {
    margin: 0 0 0.125em;
    padding-inline-start: 1.25em;
    list-style: disc;
  }
  .card-foot {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 1.25em;
    margin: -0.25em 0 0;
    padding: 0 0.75em 0.5em 3em;
  }
  .card-foot button {
    display: inline-flex;
    align-items: center;
    gap: 0.3em;
    font: inherit;
    font-weight: 600;
    min-height: 24px;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_accent);
    cursor: pointer;
  }
  .chevron {
    width: 1.125em;
    height: 1.125em;
    transition: transform 0.15s;
  }
  [aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  @media (prefers-reduced-motion: reduce) {
    .chevron {
      transition: none;
    }
  }
  .shared {
    color: var(--_muted);
    font-size: 0.875em;
  }
  .shared .link {
    width: 100%;
    min-height: 2em;
    padding: 0.25em 0.5em;
    font-size: inherit;
  }
  .details .report {
    margin: 0.25em 0 0;
    font-size: 0.9333em;
  }
  .report .action {
    font-weight: normal;
    color: var(--_muted);
  }
  .plan-note {
    color: var(--_muted);
    font-size: 0.9333em;
  }
  .access {
    display: flex;
    flex-wrap: wrap;
    gap: 0.125em 1em;
    list-style: none;
    margin: 0 0 0.25em;
    padding: 0;
    color: var(--_muted);
  }
  .access li {
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
  }
  .access .icon {
    width: 1em;
    height: 1em;
  }
  .hours {
    font-weight: 600;
  }
  .services {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
    list-style: none;
    margin: 0 0 0.25em;
    padding: 0;
  }
  .services li {
    padding: 0 0.5em;
    border: 1px solid var(--_border);
    border-radius: 999px;
    font-size: 0.8667em; /* 13px: inside .details (15px) */
  }
  .extras {
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    color: var(--_muted);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.375em 1em;
    padding: 0.25em 0.75em 0.75em 3em;
  }
  .action {
    gap: 0.3em;
    min-height: 24px;
    min-width: 24px;
    font-weight: 600;
    text-decoration: none;
  }
  .action:hover span {
    text-decoration: underline;
  }
  .action .icon {
    width: 1.125em;
    height: 1.125em;
  }
  .main-action {
    padding: 0.375em 1em;
    border-radius: var(--_radius);
    background: var(--_accent);
    color: var(--_accent-text);
    min-height: 2.5em;
  }
  /* Fingers: every target at least 44 px (WCAG's 24 px is the floor for a mouse). */
  @media (pointer: coarse) {
    .action,
    .card-foot button,
    .result-main {
      min-height: 44px;
    }
    .card-foot {
      margin-top: -0.5em;
    }
    .action {
      min-width: 44px;
    }
  }
`;
