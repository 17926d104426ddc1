import type { ReactiveControllerHost } from 'lit';
import services from 'virtual:clinic-locator-services';
import type { Clinic } from '../../domain/clinic.js';
import {
  filterClinics,
  parseList,
  serviceCounts,
  servicesOffered,
  type ClinicFilter,
} from '../../domain/filter.js';
import type { clinicsWithin } from '../../domain/rank.js';
import type { Messages } from '../messages/messages.js';
import type { ChipsProps } from '../views/filter-chips.js';
import type { SearchContext } from './search.js';

const SPANISH = 'es';

/** What the filter chips show: the services offered, and how many clinics each would leave. */
export interface ChipCounts {
  offered: string[];
  counts: ReadonlyMap<string, number>;
  telehealth: number;
  spanish: number;
}

/**
 * The visitor's filters: services (preset by the `services` attribute, changeable), telehealth
 * and Spanish. Owns their state and the counts the chips show; the ranking reads `filter()`.
 */
export class FiltersController {
  /** The services switched on, in the order they were. */
  services: readonly string[] = [];
  telehealth = false;
  spanish = false;

  readonly #host: ReactiveControllerHost;
  #memo: { inputs: readonly unknown[]; counts: ChipCounts } | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  /** The `services` attribute changed: its list replaces the services switched on. */
  preset(list: string): void {
    this.services = parseList(list);
  }

  /** How many filters are on (for the compact layout's summary). */
  get active(): number {
    return this.services.length + Number(this.telehealth) + Number(this.spanish);
  }

  toggleService(id: string): void {
    this.services = this.services.includes(id)
      ? this.services.filter((s) => s !== id)
      : [...this.services, id];
    this.#host.requestUpdate();
  }

  toggleTelehealth(): void {
    this.telehealth = !this.telehealth;
    this.#host.requestUpdate();
  }

  toggleSpanish(): void {
    this.spanish = !this.spanish;
    this.#host.requestUpdate();
  }

  /** The filters on, in words, for the status line (`offering sciatica, with telehealth visits`). */
  phrase(m: Messages): string {
    const services = this.services.map((id) => m.serviceLabel(id));
    return m.filtersPhrase(services, this.telehealth, this.spanish);
  }

  /** What the filter toggles show (`counts`), with the toggles' handlers. */
  chips(...args: Parameters<FiltersController['counts']>): ChipsProps {
    return {
      counts: this.counts(...args),
      services: this.services,
      telehealth: this.telehealth,
      spanish: this.spanish,
      onService: (id) => this.toggleService(id),
      onTelehealth: () => this.toggleTelehealth(),
      onSpanish: () => this.toggleSpanish(),
    };
  }

  /** The filter the ranking applies, for `organization` (the element's, or a search's). */
  filter(organization: string): ClinicFilter {
    return {
      organization,
      services: this.services,
      telehealth: this.telehealth,
      languages: this.spanish ? [SPANISH] : [],
    };
  }

  /**
   * The chips' counts over what the current search reaches (the radius, or the nearest beyond
   * it when none is inside, or an organization searched by name), or every clinic before a search, with the services offered there (and
   * any switched on). Computed once per data, search, radius and filter, not on every render:
   * each keystroke renders, and at 50,000 clinics the counts take milliseconds.
   */
  counts(
    within: typeof clinicsWithin,
    clinics: readonly Clinic[],
    search: SearchContext | undefined,
    radiusKm: number,
    pageSize: number,
    organization: string,
  ): ChipCounts {
    const inputs = [
      clinics,
      search,
      radiusKm,
      pageSize,
      organization,
      this.services,
      this.telehealth,
      this.spanish,
    ];
    const memo = this.#memo;
    if (memo && memo.inputs.every((value, i) => Object.is(value, inputs[i]))) return memo.counts;
    const pool = !search
      ? clinics
      : search.organization
        ? filterClinics(clinics, { organization: search.organization })
        : // Within the radius, or the nearest beyond it when none is inside (as the list shows).
          within(clinics, search.origin, radiusKm, pageSize).clinics.map((r) => r.clinic);
    const filter = this.filter(organization);
    const offered = servicesOffered(
      pool,
      services.map((s) => s.id),
    );
    for (const id of this.services) if (!offered.includes(id)) offered.push(id);
    const without = (change: Partial<ClinicFilter>) =>
      filterClinics(pool, { ...filter, ...change }).length;
    const counts: ChipCounts = {
      offered,
      counts: serviceCounts(pool, filter, offered),
      telehealth: without({ telehealth: true }),
      spanish: without({ languages: [SPANISH] }),
    };
    this.#memo = { inputs, counts };
    return counts;
  }
}

/** The states where `organization` has clinics. */
export function organizationStates(
  clinics: readonly Clinic[] | undefined,
  organization: string,
): Set<string> {
  return new Set(filterClinics(clinics ?? [], { organization }).map((clinic) => clinic.state));
}
