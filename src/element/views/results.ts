// Everything drawn only once there are clinics to show, in a chunk of its own that loads with
// the clinics (controllers/clinic-data.ts), so the first download stays small: the result cards,
// the list, the filter toggles and the ways forward.
export { filterChips, filterCounts } from './filter-chips.js';
export { resultCard } from './result-card.js';
export { resultsList } from './results-list.js';
export { waysForward } from './ways-forward.js';
export { resultStyles } from './results.styles.js';
export { planLabel } from './insurance.js';
export { enResults } from '../messages/en-results.js';
