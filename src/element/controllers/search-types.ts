// What a search is: what it starts from, what it resolved to, and what the list and the status
// line show. Types only (the search controller and the views share them).
import type { Clinic } from '../../domain/clinic.js';
import type { Place } from '../../domain/places.js';
import type { Origin } from '../../domain/query.js';
import type { RankedClinic } from '../../domain/rank.js';
import type { SearchTrigger } from '../events.js';

/** A search's point and what the results are measured from. */
export interface SearchContext {
  query: string;
  /** The words the place was read from, when the query also named services. */
  typed?: string;
  origin: Origin;
  /** Other places of the same name, offered as alternatives. */
  also: Place[];
  /** Set for a search by organization name: only its clinics, no radius. */
  organization?: string;
  /** The clinic searched for by name, selected in the results. */
  clinic?: Clinic;
  /** True when the origin is the visitor's own position (rounded in events). */
  located?: boolean;
  /** A state's clinics, from its centre (no radius, no distances). */
  state?: { code: string; name: string };
  /** The origin is outside the United States (a position, or coordinates typed). */
  outside?: boolean;
}

/** Ranked results around a search. */
export interface ResultsView {
  kind: 'results';
  search: SearchContext;
  /** Every clinic to list, nearest first (within the radius, or the nearest beyond it). */
  results: readonly RankedClinic[];
  withinRadius: boolean;
  /** True when the organization and service filters leave no clinic at all. */
  filteredOut: boolean;
}

/** What the list and the status line show. */
export type View =
  | { kind: 'idle' }
  /**
   * A search or a location request is running. `previous`: the results on screen when it
   * started, kept (inert) until the new ones replace them, so the list and the filter chips do
   * not blank out and jump back on every search.
   */
  | { kind: 'loading'; text?: string; previous?: ResultsView }
  /**
   * A message instead of results. `previous`: when a wait ended without an answer (the clinic
   * data or the visitor's position did not come, or failed), the results that were on screen,
   * still listed and usable under the message.
   */
  | { kind: 'message'; text: string; error: boolean; previous?: ResultsView }
  | ({ kind: 'choices' } & Choices)
  | ResultsView;

/**
 * What a name can mean: places (and, beside them, an organization or clinics of that name), or
 * close spellings of a place that is not in the data (`notFound`: the name as typed).
 */
export interface Choices {
  candidates: Place[];
  notFound?: string;
  organization?: string;
  clinics?: Clinic[];
}

/** What a search starts from. */
export type SearchRequest =
  | { kind: 'query'; text: string; trigger: SearchTrigger }
  | { kind: 'place'; place: Place }
  | { kind: 'clinic'; clinic: Clinic }
  | { kind: 'organization'; organization: string }
  | { kind: 'locate' };

/** What a search resolved to; the ranked results are derived from it (see `view`). */
export type Outcome = { request: SearchRequest } &
  /**
   * `unanswered`: a wait ended without an answer (clinic data, ZIP tables or a position that
   * failed or did not come in time); the results on screen stay, as `previous`.
   */
  (
    | { kind: 'message'; text: string; error: boolean; unanswered?: true; previous?: ResultsView }
    | ({ kind: 'choices' } & Choices)
    | { kind: 'found'; search: SearchContext; trigger: SearchTrigger }
  );
