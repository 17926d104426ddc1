/**
 * Opening hours: parse a clinic's weekly `hours` text and its `special_hours` (dates that
 * override them, {@link parseSpecialHours}), tell whether it is open now in the clinic's own time
 * zone, and format times and weekdays for a locale.
 *
 * ## The `hours` format
 *
 * A subset of OpenStreetMap's `opening_hours`, e.g. `Mo-Fr 08:00-12:00,13:00-17:00; Sa 09:00-12:00`.
 *
 * - **Rules** are separated by `;`. Each rule is `<days> <times>`: days first, then one space
 *   (or more), then times. Empty rules (a trailing `;`) are ignored.
 * - **Days** are `Mo Tu We Th Fr Sa Su`. A range `Mo-Fr` includes both ends; it may wrap past
 *   Sunday (`Fr-Mo` is Friday, Saturday, Sunday and Monday); `Mo-Mo` is Monday alone. Lists use
 *   `,` and may mix single days and ranges: `Mo,We,Fr`, `Mo-We,Fr`.
 * - **Times** are `H:MM-H:MM` or `HH:MM-HH:MM` on a 24-hour clock (`7:00` and `07:00` are the
 *   same); `24:00` is allowed as a closing time only. Several ranges in one rule are separated by
 *   `,`: `Mo-Fr 08:00-12:00,13:00-17:00`. The closing minute itself is closed.
 * - **Overnight**: a range whose closing time is earlier than its opening time runs into the next
 *   day (`Fr 18:00-02:00` is Friday 18:00 to Saturday 02:00) when the closing time is 06:00 or
 *   earlier and the opening time is 12:00 or later. Any other backwards range (`09:00-05:00`, most
 *   likely "5 PM" written on a 12-hour clock) is an error, as is a range that opens and closes at
 *   the same minute. `18:00-00:00` means the same as `18:00-24:00`.
 * - **Closed**: `off` or `closed` instead of times (`Sa,Su off`).
 * - **Later rules replace earlier ones** for the days they name, entirely:
 *   `Mo-Fr 08:00-17:00; We 10:00-14:00; Fr off` opens Wednesday 10:00-14:00 and not on Friday.
 *   A night that spills past midnight belongs to the day it started on, so a later rule for the
 *   next day does not remove it. Days no rule names are closed.
 * - **Forgiving**: day names and `off`/`closed` in any case (`mo-fr`); spaces around `;`, `,` and
 *   `-` ignored (`Mo - Fr 08:00 - 12:00, 13:00 - 17:00`); an en or em dash counts as `-`.
 *   Overlapping or touching ranges on one day are merged.
 * - **Not supported** (an error): times without days (`08:00-17:00`), `24/7`, months, holidays
 *   (`PH`: dated exceptions are the separate special hours), week numbers, comments, `+` open ends.
 * - **Empty** text (or only spaces and `;`) means the hours are unknown, which is not the same as
 *   "closed all week" (`Mo-Su off`): callers should show no opening status, and
 *   {@link parseHours} rejects it.
 *
 * Everything here is pure: no DOM, no state; `Intl` does the time-zone and locale work, so daylight
 * saving time is right without a time-zone library.
 *
 * @module
 */

/** Minutes in a day. */
const DAY = 24 * 60;
/** Minutes in a week. */
const WEEK = 7 * DAY;
/** A range may run past midnight by at most this much (06:00 the next day). */
const LATEST_OVERNIGHT_CLOSE = 6 * 60;
/** ...and only when it opens at noon or later. */
const EARLIEST_OVERNIGHT_OPEN = 12 * 60;

/** Day codes in weekday order, 0 = Monday. */
const DAY_CODES = ['mo', 'tu', 'we', 'th', 'fr', 'sa', 'su'] as const;
/** `Intl` short English weekday names, in the same order, for reading the clinic's local day. */
const INTL_WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

const EXAMPLE_RULE = 'e.g. "Mo-Fr 08:00-17:00"';

/**
 * One opening interval on a day, in minutes after that day's local midnight: open from `start`
 * (inclusive) to `end` (exclusive). `0 <= start < end`; `end` is at most 1440 (midnight), or up to
 * 1800 (06:00 the next day) for a night that runs past midnight.
 */
export type TimeInterval = [start: number, end: number];

/**
 * Opening hours for a week: seven entries, index 0 = Monday … 6 = Sunday, each a list of
 * {@link TimeInterval}s sorted by start, neither overlapping nor touching. An empty list is a
 * closed day.
 */
export type WeeklyHours = TimeInterval[][];

/** What {@link parseHours} returns: the hours, or a human-readable reason they could not be read. */
export type ParseHoursResult = { ok: true; hours: WeeklyHours } | { ok: false; error: string };

/**
 * A moment of the week in the clinic's local time: `weekday` 0 = Monday … 6 = Sunday and
 * `minutes` after that day's midnight.
 */
export interface WeekTime {
  weekday: number;
  minutes: number;
}

/**
 * Whether a clinic is open at a moment, from {@link openStatus}.
 *
 * - Open: `closesAt` is when it next closes, in the clinic's local time; a closing at midnight is
 *   `minutes: 1440` of the day that ends (never `0` of the next day). Back-to-back ranges count as
 *   one (`Fr 18:00-24:00; Sa 00:00-02:00` closes Saturday 02:00). `closesToday` is true when that
 *   is before or at the end of the current local day. `closesAt` is `undefined` when the clinic
 *   is open around the clock all week (`Mo-Su 00:00-24:00`); then `closesToday` is false.
 * - Closed: `opensAt` is when it next opens (`minutes` 0…1439), with `today` (later on the current
 *   local day) and `tomorrow` (on the next local day); both false means two days or more away, up
 *   to a week (a clinic open only on Mondays, asked on a Monday afternoon, opens next Monday with
 *   `today: false`). `opensAt` is `undefined` when the clinic is closed all week.
 */
export type OpenStatus =
  | ({ open: true; closesAt: WeekTime | undefined; closesToday: boolean } & SpecialToday)
  | ({ open: false; opensAt?: WeekTime & NextOpening } & SpecialToday);

/**
 * Where the next opening is, from {@link openStatus}: `today`, `tomorrow`; with special days
 * passed to {@link openStatus}, also the local `date` (`YYYY-MM-DD`: a weekday alone is
 * ambiguous after a closure of a week or more) and `special: true` when that day has special
 * hours rather than its weekly ones.
 */
export interface NextOpening {
  today: boolean;
  tomorrow: boolean;
  date?: string;
  special?: true;
}

/**
 * What special days make of the clinic's current local date, in {@link openStatus}'s answer
 * (only when special days are passed): `special: 'closed'` for a special closed day ("Closed
 * today (holiday)"), `special: 'hours'` with that day's `specialHours` ("Special hours today:
 * 9 AM–1 PM"); both absent on a day the weekly hours rule.
 */
export interface SpecialToday {
  special?: 'closed' | 'hours';
  specialHours?: TimeInterval[];
}

/**
 * Reads opening hours in the format described in this module's documentation.
 *
 * @param text e.g. `Mo-Fr 07:00-19:00; Sa 08:00-12:00`
 * @returns `{ ok: true, hours }`, or `{ ok: false, error }` with one human-readable sentence
 *   fragment naming the first problem, e.g. `unknown day "Mx"`, `"25:00" is not a time`,
 *   `closing time 07:00 is not after opening time 09:00`.
 */
export function parseHours(text: string): ParseHoursResult {
  const hours: WeeklyHours = [[], [], [], [], [], [], []];
  const normalized = text.replace(/[\u2013\u2014]/g, '-');
  let rules = 0;
  for (const rawRule of normalized.split(';')) {
    const tokens = rawRule
      .trim()
      .replace(/\s*([,-])\s*/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    if (tokens.length === 0) continue;
    rules++;
    const [dayText, timeText] = tokens;
    if (
      tokens.length !== 2 ||
      dayText === undefined ||
      timeText === undefined ||
      /^\d/.test(dayText)
    ) {
      return { ok: false, error: `expected days then times, ${EXAMPLE_RULE}` };
    }
    const days = parseDays(dayText);
    if (typeof days === 'string') return { ok: false, error: days };
    const intervals = parseTimes(timeText);
    if (typeof intervals === 'string') return { ok: false, error: intervals };
    for (const day of days) hours[day] = intervals.map(([start, end]) => [start, end]);
  }
  if (rules === 0)
    return { ok: false, error: 'no opening hours given (leave them out when unknown)' };
  return { ok: true, hours };
}

/** Day indexes named by `Mo-We,Fr`, or an error message. */
function parseDays(text: string): number[] | string {
  const days: number[] = [];
  for (const item of text.split(',')) {
    if (!item) return `missing day in "${text}"`;
    const ends = item.split('-');
    if (ends.length > 2) return `"${item}" is not a range of days, e.g. "Mo-Fr"`;
    const [from, to = from] = ends.map(dayIndex);
    if (typeof from === 'string') return from;
    if (typeof to === 'string') return to;
    if (from === undefined || to === undefined) return `missing day in "${text}"`;
    for (let day = from; ; day = (day + 1) % 7) {
      days.push(day);
      if (day === to) break;
    }
  }
  return days;
}

/** 0 for `Mo` (any case) … 6 for `Su`, or an error message. */
function dayIndex(code: string): number | string {
  if (!code) return 'missing day in a range of days, e.g. "Mo-Fr"';
  const index = (DAY_CODES as readonly string[]).indexOf(code.toLowerCase());
  return index >= 0 ? index : `unknown day "${code}"`;
}

/** Intervals named by `08:00-12:00,13:00-17:00` or `off`, merged and sorted, or an error message. */
function parseTimes(text: string): TimeInterval[] | string {
  if (/^(?:off|closed)$/i.test(text)) return [];
  const intervals: TimeInterval[] = [];
  for (const item of text.split(',')) {
    const ends = item.split('-');
    const [startText, endText] = ends;
    if (ends.length !== 2 || !startText || !endText) {
      return `"${item}" is not a time range, e.g. "08:00-17:00"`;
    }
    const start = parseTime(startText);
    if (typeof start === 'string') return start;
    let end = parseTime(endText);
    if (typeof end === 'string') return end;
    if (start === DAY) return `opening time ${startText} is not a time of day (24:00 only closes)`;
    if (end === 0 && start > 0) end = DAY; // "18:00-00:00" closes at midnight
    if (end <= start) {
      const overnight = end <= LATEST_OVERNIGHT_CLOSE && start >= EARLIEST_OVERNIGHT_OPEN;
      if (!overnight) {
        return `closing time ${clock(end)} is not after opening time ${clock(start)}`;
      }
      end += DAY;
    }
    intervals.push([start, end]);
  }
  return mergeIntervals(intervals);
}

/** Minutes after midnight for `7:05`, `07:05` or `24:00`, or an error message. */
function parseTime(text: string): number | string {
  const match = /^(\d{1,2}):(\d\d)$/.exec(text);
  const hour = Number(match?.[1]);
  const minute = Number(match?.[2]);
  if (!match || hour > 24 || minute > 59 || (hour === 24 && minute > 0)) {
    return `"${text}" is not a time`;
  }
  return hour * 60 + minute;
}

/** `HH:MM` for minutes after midnight, as written in the format. */
function clock(minutes: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  return `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
}

/** Sorts intervals by start and joins the ones that overlap or touch. */
function mergeIntervals(intervals: TimeInterval[]): TimeInterval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const merged: TimeInterval[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}

/**
 * Whether a clinic with these hours is open at `now`, read on the clinic's own wall clock.
 *
 * The local weekday, hour and minute come from `Intl.DateTimeFormat` with `timeZone`, so daylight
 * saving time is applied as the time zone database says. Seconds are ignored: a clinic closing at
 * 17:00 is closed from 17:00:00 local time on.
 *
 * With `special` days (from {@link parseSpecialHours}), each date they name replaces its weekly
 * hours: closed all day, or open during its own intervals. The current local date's entry sets
 * `special` (see {@link SpecialToday}); the next opening skips special closed days, uses special
 * hours on the days ahead and carries its local `date` (see {@link NextOpening}); a closing time
 * is the special one when that is what applies. Days are looked ahead up to a week past the last
 * special day (at most ten years). As in the weekly hours, a night that runs past midnight
 * belongs to the day it started on. Without `special`, the answer is exactly the weekly one.
 *
 * @param hours from {@link parseHours}
 * @param timeZone an IANA time zone, e.g. `America/Detroit`
 * @param now the moment to ask about
 * @param special from {@link parseSpecialHours}, sorted by date
 * @throws {RangeError} for an unknown time zone or an invalid date, whatever the hours.
 */
export function openStatus(
  hours: WeeklyHours,
  timeZone: string,
  now: Date,
  special?: readonly SpecialDay[],
): OpenStatus {
  if (special) return datedStatus(hours, timeZone, now, special);
  const t = localWeekMinute(timeZone, now);
  const todayStart = t - (t % DAY);
  const segments = weekSegments(hours);
  const current = segments.find(([start, end]) => start <= t && t < end);
  if (current) {
    const [start, end] = current;
    if (end - start >= WEEK) return { open: true, closesAt: undefined, closesToday: false };
    // Step back one minute and forward again so that midnight reads as 1440 of the day ending.
    const last = weekTime(end - 1);
    return {
      open: true,
      closesAt: { weekday: last.weekday, minutes: last.minutes + 1 },
      closesToday: end <= todayStart + DAY,
    };
  }
  const next = segments.find(([start]) => start > t);
  if (!next) return { open: false };
  const [start] = next;
  return {
    open: false,
    opensAt: {
      ...weekTime(start),
      today: start < todayStart + DAY,
      tomorrow: start >= todayStart + DAY && start < todayStart + 2 * DAY,
    },
  };
}

/**
 * One entry of a clinic's special hours, from {@link parseSpecialHours}: the dates `from` to `to`
 * (both included, `YYYY-MM-DD` on the clinic's own calendar; equal for a single day) open during
 * `intervals` instead of the weekly hours, or closed all day when `intervals` is empty. A range
 * stays one entry (a closure of months is not expanded into days).
 */
export interface SpecialDay {
  from: string;
  to: string;
  /** As in {@link WeeklyHours}: sorted, merged; a night may run past midnight. Empty: closed. */
  intervals: TimeInterval[];
}

/** What {@link parseSpecialHours} returns. */
export type ParseSpecialHoursResult =
  { ok: true; days: SpecialDay[] } | { ok: false; error: string };

const EXAMPLE_SPECIAL = 'e.g. "2026-12-25 closed" or "2026-12-24 09:00-13:00"';

/**
 * Reads a clinic's special hours: dates that override the weekly hours.
 *
 * - **Entries** are separated by `;` (empty ones ignored). Each is `<dates> <times>`.
 * - **Dates**: one `YYYY-MM-DD`, or a range `YYYY-MM-DD..YYYY-MM-DD` with both ends included
 *   (spaces around `..` allowed). Every date must exist (`2026-02-30` is an error) and a range must
 *   not end before it starts. Two entries may not share a date.
 * - **Times**: as in the weekly hours (`09:00-13:00`, `09:00-12:00,13:00-17:00`, an overnight
 *   range) or `closed` / `off` for the whole day.
 *
 * @param text e.g. `2026-12-24 09:00-13:00; 2026-12-25 closed; 2026-12-31..2027-01-01 closed`
 * @returns `{ ok: true, days }` sorted by date, or `{ ok: false, error }` naming the first
 *   problem, e.g. `"2026-02-30" is not a date`, `range 2026-12-26..2026-12-24 ends before it
 *   starts`. Empty text is `{ ok: true, days: [] }`.
 */
export function parseSpecialHours(text: string): ParseSpecialHoursResult {
  const days: SpecialDay[] = [];
  for (const rawEntry of text.replace(/[\u2013\u2014]/g, '-').split(';')) {
    const tokens = rawEntry
      .trim()
      .replace(/\s*(\.\.|[,-])\s*/g, '$1')
      .split(/\s+/)
      .filter(Boolean);
    if (tokens.length === 0) continue;
    const [dateText, timeText] = tokens;
    if (tokens.length !== 2 || dateText === undefined || timeText === undefined) {
      return { ok: false, error: `expected a date then times, ${EXAMPLE_SPECIAL}` };
    }
    const ends = dateText.split('..');
    if (ends.length > 2) return { ok: false, error: `"${dateText}" is not a date range` };
    const [from = '', to = from] = ends;
    for (const date of [from, to]) {
      if (!isDate(date)) return { ok: false, error: `"${date}" is not a date (YYYY-MM-DD)` };
    }
    if (to < from) return { ok: false, error: `range ${from}..${to} ends before it starts` };
    const intervals = parseTimes(timeText);
    if (typeof intervals === 'string') return { ok: false, error: intervals };
    days.push({ from, to, intervals });
  }
  days.sort((a, b) => (a.from < b.from ? -1 : a.from > b.from ? 1 : 0));
  for (let i = 1; i < days.length; i++) {
    const [before, after] = [days[i - 1], days[i]] as [SpecialDay, SpecialDay];
    if (after.from <= before.to) {
      return { ok: false, error: `${after.from} is in two entries` };
    }
  }
  return { ok: true, days };
}

/** Whether `text` is a `YYYY-MM-DD` date that exists (leap years included). */
function isDate(text: string): boolean {
  const match = /^(\d{4})-(\d\d)-(\d\d)$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return (
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day
  );
}

/** `YYYY-MM-DD` of the civil date `days` after `date` (a pure calendar step, no time zone). */
function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(y, m - 1, d + days));
  // toISOString writes years 0000-9999 as four digits, which is all isDate() accepts.
  return next.toISOString().slice(0, 10);
}

/** Days from the civil date `a` to `b` (negative when `b` is earlier). */
function daysBetween(a: string, b: string): number {
  const utc = (date: string) => {
    const [y, m, d] = date.split('-').map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(b) - utc(a)) / 86_400_000);
}

/** The special entry covering `date`, if any (`days` sorted, as {@link parseSpecialHours} gives). */
function specialOn(days: readonly SpecialDay[], date: string): SpecialDay | undefined {
  return days.find((day) => day.from <= date && date <= day.to);
}

/** How far ahead {@link openStatus} looks for an opening past special days at most (ten years). */
const MAX_LOOKAHEAD_DAYS = 3660;

/** {@link openStatus} with special days: every opening from yesterday on, date by date. */
function datedStatus(
  hours: WeeklyHours,
  timeZone: string,
  now: Date,
  special: readonly SpecialDay[],
): OpenStatus {
  const local = localDateTime(timeZone, now);
  const lastSpecial = special.reduce((last, day) => (day.to > last ? day.to : last), local.date);
  const horizon = Math.min(MAX_LOOKAHEAD_DAYS, daysBetween(local.date, lastSpecial) + 8);
  const all: TimeInterval[] = [];
  for (let d = -1; d <= horizon; d++) {
    const entry = specialOn(special, addDays(local.date, d));
    const intervals = entry ? entry.intervals : (hours[mod7(local.weekday + d)] ?? []);
    for (const [start, end] of intervals) all.push([d * DAY + start, d * DAY + end]);
  }
  const segments = mergeIntervals(all);
  const today = specialOn(special, local.date);
  const extra: SpecialToday = !today
    ? {}
    : today.intervals.length === 0
      ? { special: 'closed' }
      : { special: 'hours', specialHours: today.intervals.map(([a, b]) => [a, b]) };
  /** Weekday and minute of a point on this timeline (minutes since today's local midnight). */
  const at = (t: number): WeekTime => {
    const d = Math.floor(t / DAY);
    return { weekday: mod7(local.weekday + d), minutes: t - d * DAY };
  };
  const t = local.minutes;
  const current = segments.find(([start, end]) => start <= t && t < end);
  if (current) {
    const [, end] = current;
    if (end >= (horizon + 1) * DAY) {
      return { open: true, closesAt: undefined, closesToday: false, ...extra };
    }
    const last = at(end - 1);
    return {
      open: true,
      closesAt: { weekday: last.weekday, minutes: last.minutes + 1 },
      closesToday: end <= DAY,
      ...extra,
    };
  }
  const next = segments.find(([start]) => start > t);
  if (!next) return { open: false, ...extra };
  const d = Math.floor(next[0] / DAY);
  const date = addDays(local.date, d);
  const opensAt: WeekTime & NextOpening = {
    ...at(next[0]),
    today: d === 0,
    tomorrow: d === 1,
    date,
  };
  if (specialOn(special, date)) opensAt.special = true;
  return { open: false, opensAt, ...extra };
}

function mod7(n: number): number {
  return ((n % 7) + 7) % 7;
}

/** The clinic's local date (`YYYY-MM-DD`), weekday (0 = Monday) and minute of the day at `now`. */
function localDateTime(
  timeZone: string,
  now: Date,
): { date: string; weekday: number; minutes: number } {
  const parts = dateFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    weekday: 'short',
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
  }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): string =>
    parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  const weekday = (INTL_WEEKDAYS as readonly string[]).indexOf(part('weekday'));
  // `% 24`: some engines have printed midnight as "24" even with h23.
  const minutes = (Number(part('hour')) % 24) * 60 + Number(part('minute'));
  if (weekday < 0 || !Number.isInteger(minutes) || !isDate(date)) {
    throw new RangeError(`cannot read the local date in ${timeZone}`);
  }
  return { date, weekday, minutes };
}

/**
 * Creating an `Intl.DateTimeFormat` costs about as much as formatting a hundred dates with it, and
 * every listed clinic needs three or four: formats are made once per locale, time zone and
 * options and kept (a page sees a handful of each; the cache empties itself past 256).
 */
const formats = new Map<string, Intl.DateTimeFormat>();

function dateFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${options.timeZone ?? ''}|${options.weekday ?? ''}|${options.hour ?? ''}|${options.minute ?? ''}|${options.hourCycle ?? ''}|${options.year ?? ''}${options.month ?? ''}${options.day ?? ''}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, options);
    if (formats.size >= 256) formats.clear();
    formats.set(key, format);
  }
  return format;
}

/** Minutes since the clinic's local Monday 00:00 at `now`, 0 … 10079. */
function localWeekMinute(timeZone: string, now: Date): number {
  const { weekday, minutes } = localDateTime(timeZone, now);
  return weekday * DAY + minutes;
}

/**
 * Every opening of the previous, this and the next week on one timeline (minutes since this
 * week's Monday 00:00), sorted and with back-to-back openings joined, so that a night running
 * past Sunday midnight, or a clinic open around the clock, is one segment.
 */
function weekSegments(hours: WeeklyHours): TimeInterval[] {
  const all: TimeInterval[] = [];
  for (const week of [-WEEK, 0, WEEK]) {
    hours.forEach((intervals, day) => {
      for (const [start, end] of intervals) {
        all.push([week + day * DAY + start, week + day * DAY + end]);
      }
    });
  }
  return mergeIntervals(all);
}

/** Weekday and minute of the day for a point on the {@link weekSegments} timeline. */
function weekTime(t: number): WeekTime {
  const inWeek = ((t % WEEK) + WEEK) % WEEK;
  return { weekday: Math.floor(inWeek / DAY), minutes: inWeek % DAY };
}

/**
 * A time of day the way the locale writes it: `7 PM`, `7:30 AM` in `en-US` (minutes only when not
 * zero), `19:00`, `7:30` in `es`. Whether the clock has 12 or 24 hours is the locale's choice.
 *
 * @param minutes after midnight; values of a day or more (a closing past midnight, or `1440`)
 *   wrap around, so `1440` is midnight and `1500` is 1 AM.
 * @param locale a BCP 47 language tag, e.g. `en-US`
 * @throws {RangeError} for a negative or non-finite number of minutes, or an invalid locale.
 */
export function formatTime(minutes: number, locale: string): string {
  if (!Number.isFinite(minutes) || minutes < 0) {
    throw new RangeError(`${minutes} is not a number of minutes after midnight`);
  }
  const inDay = Math.floor(minutes) % DAY;
  const hourCycle = dateFormat(locale, { hour: 'numeric' }).resolvedOptions().hourCycle;
  const twelveHour = hourCycle === 'h11' || hourCycle === 'h12';
  const format = dateFormat(locale, {
    timeZone: 'UTC',
    hour: 'numeric',
    minute: !twelveHour || inDay % 60 !== 0 ? '2-digit' : undefined,
  });
  return format.format(Date.UTC(2000, 0, 1, 0, inDay));
}

/**
 * The locale's name for a weekday: `Mon` / `Monday` in `en-US`, `lun` / `lunes` in `es`.
 *
 * @param weekday 0 = Monday … 6 = Sunday, as in {@link WeeklyHours} and {@link OpenStatus}
 * @param locale a BCP 47 language tag
 * @param style `short` or `long`
 * @throws {RangeError} for a weekday outside 0 … 6 or an invalid locale.
 */
export function weekdayName(weekday: number, locale: string, style: 'short' | 'long'): string {
  if (!Number.isInteger(weekday) || weekday < 0 || weekday > 6) {
    throw new RangeError(`${weekday} is not a weekday (0 = Monday … 6 = Sunday)`);
  }
  // 2024-01-01 was a Monday.
  return dateFormat(locale, { timeZone: 'UTC', weekday: style }).format(
    Date.UTC(2024, 0, 1 + weekday),
  );
}
