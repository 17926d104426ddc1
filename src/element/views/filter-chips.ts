import { html, nothing, type TemplateResult } from 'lit';
import services from 'virtual:clinic-locator-services';
import type { Clinic } from '../../domain/clinic.js';
import { filterClinics, type ClinicFilter } from '../../domain/filter.js';
import { tallyFilters } from '../../domain/filter-tally.js';
import type { clinicsWithin } from '../../domain/rank.js';
import type { ChipCounts, Flag } from '../controllers/filters.js';
import type { SearchContext } from '../controllers/search.js';
import type { Messages } from '../messages/messages.js';

/** What the filter toggles show and whom they tell. */
export interface ChipsProps {
  counts: ChipCounts;
  services: readonly string[];
  languages: readonly string[];
  insurance: string;
  flags: Record<Flag, boolean>;
  onService: (id: string) => void;
  onLanguage: (code: string) => void;
  onFlag: (flag: Flag) => void;
  onPlan: (id: string) => void;
}

/**
 * The filters: the visitor's insurance plan (a select of the plans the listed clinics accept),
 * then toggles, each with how many clinics it would leave; a toggle that would leave none is
 * disabled and goes last.
 */
export function filterChips(
  m: Messages,
  chips: ChipsProps,
  planLabel: (id: string) => string,
): TemplateResult {
  const { counts } = chips;
  const chip = (label: string, count: number, pressed: boolean, toggle: () => void) =>
    html`<button
      type="button"
      part="filter-chip"
      class="chip"
      aria-pressed=${pressed ? 'true' : 'false'}
      aria-label=${m.chipLabel(label, count)}
      ?disabled=${count === 0 && !pressed}
      @click=${toggle}
    >
      ${label} <span class="count" aria-hidden="true">${m.number(count)}</span>
    </button>`;
  const active = new Set([...chips.services, ...chips.languages]);
  const usable = (a: { id: string; count: number }) => a.count > 0 || active.has(a.id);
  const byUse = <T extends { id: string; count: number }>(list: T[]) =>
    list.sort((a, b) => Number(usable(b)) - Number(usable(a)));
  const services = byUse(counts.offered.map((id) => ({ id, count: counts.counts.get(id) ?? 0 })));
  const languages = byUse(counts.languages.map(({ code, count }) => ({ id: code, count })));
  const flags: [Flag, string][] = [
    ['acceptingNew', m.acceptingFilter],
    ['wheelchair', m.wheelchairFilter],
    ['telehealth', m.telehealthFilter],
  ];
  return html`${
      counts.plans.length
        ? html`<label class="plan"
            >${m.insuranceFilter}
            <select
              part="insurance-select"
              @change=${(e: Event) => chips.onPlan((e.target as HTMLSelectElement).value)}
            >
              <option value="" ?selected=${!chips.insurance}>${m.anyPlan}</option>
              ${counts.plans.map(
                (id) =>
                  html`<option value=${id} ?selected=${id === chips.insurance}>
                    ${planLabel(id)}
                  </option>`,
              )}
            </select>
          </label>`
        : nothing
    }
    <div part="filters" class="filters" role="group" aria-label=${m.filtersLabel}>
      ${flags
        .filter(([flag]) => counts.known[flag])
        .map(([flag, label]) =>
          chip(label, counts.flags[flag], chips.flags[flag], () => chips.onFlag(flag)),
        )}
      ${services.map(({ id, count }) =>
        chip(m.serviceLabel(id), count, active.has(id), () => chips.onService(id)),
      )}
      ${languages.map(({ id, count }) =>
        chip(m.languageFilter(m.languageName(id)), count, active.has(id), () =>
          chips.onLanguage(id),
        ),
      )}
    </div>`;
}

/**
 * The toggles' counts over what the search reaches (the radius, or the nearest beyond it when
 * none is inside, or an organization searched by name), or every clinic before a search, with
 * what is offered there (and anything switched on). Here, in the chunk that draws the toggles,
 * not in the first download; FiltersController memoises it.
 */
export function filterCounts(
  within: typeof clinicsWithin,
  clinics: readonly Clinic[],
  search: SearchContext | undefined,
  radiusKm: number,
  pageSize: number,
  on: {
    filter: ClinicFilter;
    services: readonly string[];
    languages: readonly string[];
    insurance: string;
    flags: Record<Flag, boolean>;
  },
): ChipCounts {
  const pool = !search
    ? clinics
    : search.organization
      ? filterClinics(clinics, { organization: search.organization })
      : // Within the radius, or the nearest beyond it when none is inside (as the list shows).
        within(clinics, search.origin, radiusKm, pageSize).clinics.map((r) => r.clinic);
  const filter = on.filter;
  const tally = tallyFilters(pool, filter);
  const offered = services.map((s) => s.id).filter((id) => tally.services.has(id));
  for (const id of on.services) if (!offered.includes(id)) offered.push(id);
  // English is spoken everywhere: a toggle for it would filter nothing.
  const spoken = [...tally.languages].sort().filter((code) => code !== 'en');
  for (const code of on.languages) if (!spoken.includes(code)) spoken.push(code);
  const plans = [...tally.plans].sort();
  if (on.insurance && !plans.includes(on.insurance)) plans.push(on.insurance);
  return {
    offered,
    counts: new Map(offered.map((id) => [id, tally.serviceCounts.get(id) ?? 0])),
    flags: {
      telehealth: tally.telehealth,
      acceptingNew: tally.acceptingNew,
      wheelchair: tally.wheelchair,
    },
    known: {
      telehealth: true,
      acceptingNew:
        on.flags.acceptingNew || clinics.some((c) => c.acceptingNewPatients !== undefined),
      wheelchair: on.flags.wheelchair || clinics.some((c) => c.accessibility !== undefined),
    },
    languages: spoken.map((code) => ({
      code,
      count: tally.languageCounts.get(code) ?? 0,
    })),
    plans,
  };
}
