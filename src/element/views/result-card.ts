import { html, nothing, svg, type TemplateResult } from 'lit';
import type { Clinic } from '../../domain/clinic.js';
import type * as Hours from '../../domain/hours.js';
import { directionsUrl, formatPhone, safeHttpUrl, telHref, withUtm } from '../../domain/links.js';
import type { RankedClinic } from '../../domain/rank.js';
import { fromKm, type Units } from '../../domain/units.js';
import type { Shared } from '../controllers/share.js';
import type { ClinicAction } from '../events.js';
import type { Messages } from '../messages/messages.js';

const icon = (path: string) =>
  svg`<svg class="icon" viewBox="0 0 24 24" aria-hidden="true"><path d=${path} /></svg>`;

/** Small line icons beside each action's text (decorative: the text names the action). */
const ICONS: Record<ClinicAction, ReturnType<typeof svg>> = {
  report: icon('M5 21V4h11l-1 4 4 4H5'),
  share: icon('M12 15V3M7 8l5-5 5 5M5 13v8h14v-8'),
  book: icon('M7 3v3M17 3v3M4 8h16M5 5h14v15H5zM9 14l2 2 4-4'),
  call: icon(
    'M6 3h3l2 5-2.5 1.5a11 11 0 0 0 6 6L16 13l5 2v3a2 2 0 0 1-2 2A16 16 0 0 1 4 5a2 2 0 0 1 2-2z',
  ),
  directions: icon('M12 2l9 9-9 9-9-9zM9 13v-2h5V9l3 3-3 3v-2z'),
  website: icon(
    'M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM3 12h18M12 3c3 3 3 15 0 18M12 3c-3 3-3 15 0 18',
  ),
};

/** `report-url` filled in for a clinic (`{id}`, `{name}` URL-encoded); only an http(s) URL. */
export function reportHref(template: string, clinic: Clinic): string | undefined {
  const href = template
    .replaceAll('{id}', encodeURIComponent(clinic.id))
    .replaceAll('{name}', encodeURIComponent(clinic.name));
  return safeHttpUrl(new URL(href, document.baseURI).href);
}

/** Turns when the details open (decorative). */
const CHEVRON = svg`<svg class="icon chevron" viewBox="0 0 24 24" aria-hidden="true"><path d="M6 9l6 6 6-6" /></svg>`;

/** Beside each building-access feature. */
const ACCESS_ICON = icon('M12 4a1.5 1.5 0 1 0 0 .1M10 8h4l-1 6h-2zM8 13a5 5 0 1 0 8 0');

/** What every card needs besides its clinic. */
export interface CardContext {
  m: Messages;
  units: Units;
  /** False for an organization's list, which is ordered by place, not distance. */
  distances: boolean;
  /** The opening-hours module (cards show no hours until it is loaded). */
  hours: typeof Hours | undefined;
  /** Campaign parameters for the website and booking links. */
  utm: { source: string; medium: string; campaign: string };
  selectedId: string | undefined;
  /** The clinics whose Details are open, and the visitor opening or closing them. */
  expanded: ReadonlySet<string>;
  onDetails: (id: string) => void;
  /** The visitor asked to share clinic `id`; `shared` says how it went (shown on its card). */
  onShare: (clinic: Clinic) => void;
  shared: Shared | undefined;
  /** `report-url`: a URL template with `{id}` and `{name}`, or ''. */
  reportUrl: string;
  /** The insurance plan the visitor chose (listed first on the cards), or ''. */
  plan: string;
  /** An insurance plan's name in the widget's language. */
  planLabel: (id: string) => string;
  /** The moment the opening status is computed for. */
  now: Date;
  onSelect: (id: string) => void;
  onAction: (action: ClinicAction, clinic: Clinic, href: string) => void;
}

/** One result: its number, name, distance and address (a button that selects it), details, links. */
export function resultCard(
  { clinic, distanceKm }: RankedClinic,
  rank: number,
  c: CardContext,
): TemplateResult {
  const { m } = c;
  const selected = clinic.id === c.selectedId;
  const tel = telHref(clinic.phone);
  const phone = formatPhone(clinic.phone);
  const safeWebsite = safeHttpUrl(clinic.website);
  // A temporarily closed clinic takes no bookings.
  const closed = clinic.status === 'temporarily-closed';
  const safeBooking = closed ? undefined : safeHttpUrl(clinic.bookingUrl);
  const website = safeWebsite && withUtm(safeWebsite, c.utm);
  const booking = safeBooking && withUtm(safeBooking, c.utm);
  const directions = directionsUrl(clinic.lat, clinic.lon);
  const report = c.reportUrl ? reportHref(c.reportUrl, clinic) : undefined;
  const street = [clinic.address1, clinic.address2].filter(Boolean).join(', ');
  // Text from data sits in bidi isolates (<bdi>): a stray right-to-left override in one field
  // cannot reorder the fields after it.
  // The main action looks like a button: Book where there is a booking link, else Call.
  const main: ClinicAction | undefined = booking ? 'book' : tel && phone ? 'call' : undefined;
  const link = (action: ClinicAction, href: string, label: string, text: string) =>
    html`<a
      part=${`result-${action === 'call' ? 'phone' : action}${action === main ? ' result-main-action' : ''}`}
      class="action ${action === main ? 'main-action' : ''}"
      href=${href}
      target=${action === 'call' ? nothing : '_blank'}
      rel=${action === 'call' ? nothing : 'noopener noreferrer'}
      aria-label=${label}
      @click=${() => c.onAction(action, clinic, href)}
      >${ICONS[action]}<span>${text}</span></a
    >`;
  const status = clinic.status && clinic.status !== 'open' ? clinic.status : undefined;
  const more = moreDetails(clinic, c);
  const expanded = c.expanded.has(clinic.id);
  return html`<li
    part="result"
    class="result ${selected ? 'selected' : ''} ${closed ? 'closed' : ''}"
    data-id=${clinic.id}
    aria-current=${selected ? 'true' : nothing}
  >
    <button
      type="button"
      part="result-button"
      class="result-main"
      @click=${() => c.onSelect(clinic.id)}
    >
      <span class="rank" aria-hidden="true">${rank}</span>
      ${
        status
          ? html`<span part="result-status" class="badge ${status}"
              >${m.clinicStatus(status)}</span
            >`
          : nothing
      }
      <span part="result-name" class="name"><bdi>${clinic.name}</bdi></span>
      ${
        c.distances
          ? html`<span part="result-distance" class="distance"
              >${m.distance(fromKm(distanceKm, c.units), c.units)}</span
            >`
          : nothing
      }
      <span part="result-address" class="address"
        ><bdi>${street}</bdi>, <bdi>${clinic.city}</bdi>, ${clinic.state} ${clinic.zip}</span
      >
    </button>
    ${summary(clinic, c)}
    <div class="actions">
      ${booking ? link('book', booking, m.bookLabel(clinic.name), m.book) : nothing}
      ${tel && phone ? link('call', tel, `${m.call(clinic.name)}, ${phone}`, phone) : nothing}
      ${link('directions', directions, m.directionsLabel(clinic.name), m.directions)}
      ${website ? link('website', website, m.website(clinic.name), m.websiteText) : nothing}
    </div>
    <div class="card-foot">
      ${
        more
          ? html`<button
              type="button"
              part="result-details-toggle"
              class="details-toggle"
              aria-expanded=${expanded ? 'true' : 'false'}
              aria-label=${m.detailsLabel(clinic.name)}
              @click=${() => c.onDetails(clinic.id)}
            >
              <span>${m.details}</span>${CHEVRON}
            </button>`
          : nothing
      }
      <button
        type="button"
        part="result-share"
        class="action share"
        aria-label=${m.shareLabel(clinic.name)}
        @click=${() => c.onShare(clinic)}
      >
        ${ICONS.share}<span>${m.share}</span>
      </button>
      <span class="shared" role="status"
        >${
          c.shared?.id !== clinic.id
            ? nothing
            : c.shared.state === 'copied'
              ? m.linkCopied
              : html`${m.copyThisLink}
                  <input
                    class="link"
                    readonly
                    .value=${c.shared.href}
                    aria-label=${m.shareLabel(clinic.name)}
                  />`
        }</span
      >
    </div>
    ${
      more
        ? html`<div part="result-details" class="details" ?hidden=${!expanded}>
            ${more}
            ${
              report
                ? html`<p class="report">
                    ${link('report', report, m.reportLabel(clinic.name), m.report)}
                  </p>`
                : nothing
            }
          </div>`
        : nothing
    }
  </li>`;
}

/** What a patient weighs first, always on the card: status note, hours, new patients, plans. */
function summary(clinic: Clinic, c: CardContext): TemplateResult {
  const { m } = c;
  const hours = hoursText(clinic, c);
  const accepting = clinic.acceptingNewPatients;
  const plans = planNames(clinic, c);
  const shown = plans.length > 3 ? plans.slice(0, 2) : plans;
  return html`<div class="summary">
    ${clinic.statusNote ? html`<p part="result-status-note" class="status-note"><bdi>${clinic.statusNote}</bdi></p>` : nothing}
    ${hours ? html`<p part="result-hours" class="hours">${hours}</p>` : nothing}
    ${
      accepting === undefined
        ? nothing
        : html`<p part="result-new-patients" class="new-patients ${accepting ? 'yes' : 'no'}">
            ${accepting ? m.acceptingNewPatients : m.notAcceptingNewPatients}
          </p>`
    }
    ${
      plans.length
        ? html`<p part="result-insurance" class="insurance">
            ${m.accepts(shown, plans.length - shown.length)}
          </p>`
        : nothing
    }
  </div>`;
}

/**
 * Behind Details: the services, every plan with the advice to check, building access, telehealth
 * and languages (undefined when there is none of these).
 */
function moreDetails(clinic: Clinic, c: CardContext): TemplateResult | undefined {
  const { m } = c;
  const plans = planNames(clinic, c);
  const languages = clinic.languages?.length ? m.languages(clinic.languages) : undefined;
  const access = clinic.accessibility ?? [];
  if (
    !clinic.services.length &&
    !plans.length &&
    !access.length &&
    !clinic.telehealth &&
    !languages
  )
    return undefined;
  return html`${
    clinic.services.length
      ? html`<ul part="result-services" class="services" aria-label=${m.servicesLabel}>
          ${clinic.services.map((id) => html`<li>${m.serviceLabel(id)}</li>`)}
        </ul>`
      : nothing
  }
  ${
    plans.length
      ? html`<div part="result-plans" class="plans">
          <p class="plans-label">${m.plansLabel}</p>
          <ul>
            ${plans.map((name) => html`<li>${name}</li>`)}
          </ul>
          <p class="plan-note">${m.checkPlan}</p>
        </div>`
      : nothing
  }
  ${
    access.length
      ? html`<ul part="result-access" class="access" aria-label=${m.accessLabel}>
          ${access.map((id) => html`<li>${ACCESS_ICON}${m.accessFeature(id)}</li>`)}
        </ul>`
      : nothing
  }
  ${
    clinic.telehealth || languages
      ? html`<p class="extras">
          ${clinic.telehealth ? html`<span part="result-telehealth">${m.telehealth}</span>` : nothing}
          ${languages ? html`<span part="result-languages">${languages}</span>` : nothing}
        </p>`
      : nothing
  }`;
}

/** A clinic's plans by name, the visitor's plan first. */
function planNames(clinic: Clinic, c: CardContext): string[] {
  const ids = clinic.insurance ?? [];
  const plans =
    c.plan && ids.includes(c.plan) ? [c.plan, ...ids.filter((id) => id !== c.plan)] : ids;
  return plans.map(c.planLabel);
}

/** `Open now · closes 7 PM` / `Closed · opens Mon 7 AM`, in the clinic's time zone. */
function hoursText(clinic: Clinic, c: CardContext): string | undefined {
  const { hours, m } = c;
  if (!hours || !clinic.hours || !clinic.timezone) return undefined;
  const { formatTime, openStatus, parseHours, parseSpecialHours, weekdayName } = hours;
  const parsed = parseHours(clinic.hours);
  if (!parsed.ok) return undefined;
  // Dated closures and hours override the week (checked at load; unreadable ones are ignored).
  const special = clinic.specialHours ? parseSpecialHours(clinic.specialHours) : undefined;
  let status: Hours.OpenStatus;
  try {
    status = openStatus(parsed.hours, clinic.timezone, c.now, special?.ok ? special.days : []);
  } catch {
    return undefined; // an unknown time zone: say nothing rather than something wrong
  }
  const time = (minutes: number) => formatTime(minutes, m.locale);
  let text: string;
  if (status.open) {
    text = status.closesAt ? m.openNow(time(status.closesAt.minutes)) : m.open24h;
  } else if (!status.opensAt) text = m.closed;
  else {
    const { opensAt } = status;
    const day = opensAt.today ? undefined : weekdayName(opensAt.weekday, m.locale, 'short');
    // After a closure of a week or more a weekday alone is ambiguous: say the date.
    const { date } = opensAt;
    const far = date !== undefined && daysBetween(c.now, date) > 6;
    text = m.closedOpens(time(opensAt.minutes), far ? m.shortDate(date) : day);
  }
  if (status.special === 'closed')
    return m.closedToday(!status.open && status.opensAt ? text : undefined);
  if (status.special === 'hours' && status.specialHours?.length) {
    const ranges = status.specialHours.map(([from, to]) => `${time(from)}–${time(to)}`);
    return `${m.specialHoursToday(ranges.join(', '))} · ${text}`;
  }
  return text;
}

/** Whole days from `now` (UTC calendar) to a `YYYY-MM-DD` date: enough to tell "far". */
function daysBetween(now: Date, date: string): number {
  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return Math.round((Date.parse(`${date}T00:00:00Z`) - today) / 86_400_000);
}
