import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { Clinic } from '../../domain/clinic.js';
import { filterClinics, parseList, type ClinicFilter } from '../../domain/filter.js';
import type { clinicsWithin } from '../../domain/rank.js';
import type { Messages } from '../messages/messages.js';
import type { ChipsProps, filterCounts } from '../views/filter-chips.js';
import type { ClinicDataController } from './clinic-data.js';
import type { SearchContext } from './search.js';

/** The yes/no filters. */
export type Flag = 'telehealth' | 'acceptingNew' | 'wheelchair';

/** What the filter toggles show: what is offered, and how many clinics each would leave. */
export interface ChipCounts {
  offered: string[];
  counts: ReadonlyMap<string, number>;
  flags: Record<Flag, number>;
  /** The yes/no filters the data can answer (no clinic says whether it takes new patients: no toggle). */
  known: Record<Flag, boolean>;
  /** The languages spoken in the pool (and any switched on), with their counts. */
  languages: { code: string; count: number }[];
  /** The insurance plans accepted in the pool (and the one chosen), by id. */
  plans: string[];
}

/**
 * The visitor's filters: services (preset by `services`), languages (preset by `languages`),
 * one insurance plan (preset by `insurance`), telehealth, accepting new patients and a
 * wheelchair-accessible entrance; all changeable. Owns their state and the counts the toggles
 * show; the ranking reads `filter()`.
 */
export class FiltersController {
  /** The services switched on, in the order they were. */
  services: readonly string[] = [];
  /** The languages switched on (ISO 639-1). */
  languages: readonly string[] = [];
  /** The insurance plan chosen (an id of data/insurance.json), or ''. */
  insurance = '';
  flags: Record<Flag, boolean> = { telehealth: false, acceptingNew: false, wheelchair: false };

  readonly #host: ReactiveControllerHost;
  #memo: { inputs: readonly unknown[]; counts: ChipCounts } | undefined;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
  }

  get telehealth(): boolean {
    return this.flags.telehealth;
  }

  /** An attribute changed: its value replaces what the visitor had (`services`, `languages`, `insurance`). */
  preset(what: 'services' | 'languages' | 'insurance', value: string): void {
    if (what === 'insurance') this.insurance = value.trim().toLowerCase();
    else this[what] = parseList(value);
  }

  /** How many filters are on (the Filters button says so). */
  get active(): number {
    const flags = Object.values(this.flags).filter(Boolean).length;
    return this.services.length + this.languages.length + Number(Boolean(this.insurance)) + flags;
  }

  /** Switches services on (a query named them), keeping those already on. */
  addServices(ids: readonly string[]): void {
    const added = ids.filter((id) => !this.services.includes(id));
    if (!added.length) return;
    this.services = [...this.services, ...added];
    this.#host.requestUpdate();
  }

  toggleService(id: string): void {
    this.services = toggled(this.services, id);
    this.#host.requestUpdate();
  }

  toggleLanguage(code: string): void {
    this.languages = toggled(this.languages, code);
    this.#host.requestUpdate();
  }

  toggle(flag: Flag): void {
    this.flags = { ...this.flags, [flag]: !this.flags[flag] };
    this.#host.requestUpdate();
  }

  choosePlan(id: string): void {
    this.insurance = id;
    this.#host.requestUpdate();
  }

  /**
   * The filters on, in words, for the status line (`offering sciatica, with telehealth
   * visits`); `plan` names an insurance id.
   */
  phrase(m: Messages, plan: (id: string) => string): string {
    return m.filtersPhrase({
      services: this.services.map((id) => m.serviceLabel(id)),
      languages: this.languages.map((code) => m.languageName(code)),
      insurance: this.insurance ? plan(this.insurance) : '',
      ...this.flags,
    });
  }

  /**
   * The filter toggles, drawn by the result views' chunk, once it and the clinics are loaded
   * (undefined before).
   */
  toggles(
    data: Pick<ClinicDataController, 'clinics' | 'views' | 'rank'>,
    m: Messages | undefined,
    planLabel: (id: string) => string,
    at: {
      search?: SearchContext;
      radiusKm: number;
      pageSize: number;
      organization: string;
      /**
       * A search is on its way and brings counts of its own: the toggles show the counts they
       * have for these clinics (none before the first), rather than counting over what is about
       * to be replaced (at 50,000 clinics, tens of ms of the first search's wait).
       */
      pending?: boolean;
    },
  ): TemplateResult | undefined {
    const { clinics, views, rank } = data;
    if (!clinics?.length || !views || !rank || !m) return undefined;
    const { search, radiusKm, pageSize, organization, pending = false } = at;
    const counts = pending
      ? this.#memo?.inputs[0] === clinics
        ? this.#memo.counts
        : undefined
      : this.counts(views, rank.clinicsWithin, clinics, search, radiusKm, pageSize, organization);
    return counts && views.filterChips(m, this.chips(counts), planLabel);
  }

  /** What the filter toggles show, with the toggles' handlers. */
  chips(counts: ChipCounts): ChipsProps {
    return {
      counts,
      services: this.services,
      languages: this.languages,
      insurance: this.insurance,
      flags: this.flags,
      onService: (id) => this.toggleService(id),
      onLanguage: (code) => this.toggleLanguage(code),
      onFlag: (flag) => this.toggle(flag),
      onPlan: (id) => this.choosePlan(id),
    };
  }

  /** The filter the ranking applies, for `organization` (the element's, or a search's). */
  filter(organization: string): ClinicFilter {
    return {
      organization,
      services: this.services,
      telehealth: this.flags.telehealth,
      languages: this.languages,
      insurance: this.insurance,
      acceptingNewPatients: this.flags.acceptingNew,
      accessibility: this.flags.wheelchair ? ['wheelchair-entrance'] : [],
    };
  }

  /**
   * The toggles' counts over what the current search reaches (the radius, or the nearest beyond
   * it when none is inside, or an organization searched by name), or every clinic before a
   * search, with what is offered there (and anything switched on). Computed once per data,
   * search, radius and filter, not on every render: each keystroke renders, and at 50,000
   * clinics the counts take milliseconds.
   */
  counts(
    views: { filterCounts: typeof filterCounts },
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
      this.languages,
      this.insurance,
      this.flags,
    ];
    const memo = this.#memo;
    if (memo && memo.inputs.every((value, i) => Object.is(value, inputs[i]))) return memo.counts;
    const counts = views.filterCounts(within, clinics, search, radiusKm, pageSize, {
      filter: this.filter(organization),
      services: this.services,
      languages: this.languages,
      insurance: this.insurance,
      flags: this.flags,
    });
    this.#memo = { inputs, counts };
    return counts;
  }
}

const toggled = (list: readonly string[], id: string): readonly string[] =>
  list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

/** The states where `organization` has clinics. */
export function organizationStates(
  clinics: readonly Clinic[] | undefined,
  organization: string,
): Set<string> {
  return new Set(filterClinics(clinics ?? [], { organization }).map((clinic) => clinic.state));
}
