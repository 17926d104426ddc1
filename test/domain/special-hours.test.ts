import { expect } from '@open-wc/testing';
import {
  openStatus,
  parseHours,
  parseSpecialHours,
  type OpenStatus,
  type SpecialDay,
  type WeeklyHours,
} from '../../src/domain/hours.js';

const at = (hour: number, minute = 0) => hour * 60 + minute;

function weekly(text: string): WeeklyHours {
  const result = parseHours(text);
  if (!result.ok) throw new Error(result.error);
  return result.hours;
}

function special(text: string): SpecialDay[] {
  const result = parseSpecialHours(text);
  if (!result.ok) throw new Error(result.error);
  return result.days;
}

describe('parseSpecialHours()', () => {
  it('reads single days, closed or with one or several intervals, sorted by date', () => {
    expect(
      parseSpecialHours(
        '2026-12-31 09:00-12:00,13:00-17:00; 2026-12-25 closed; 2026-12-24 9:00-13:00',
      ),
    ).to.deep.equal({
      ok: true,
      days: [
        { from: '2026-12-24', to: '2026-12-24', intervals: [[at(9), at(13)]] },
        { from: '2026-12-25', to: '2026-12-25', intervals: [] },
        {
          from: '2026-12-31',
          to: '2026-12-31',
          intervals: [
            [at(9), at(12)],
            [at(13), at(17)],
          ],
        },
      ],
    });
  });

  it('keeps a range as one entry, closed or with hours, spaces around .. allowed', () => {
    expect(parseSpecialHours('2026-12-24..2026-12-26 closed')).to.deep.equal({
      ok: true,
      days: [{ from: '2026-12-24', to: '2026-12-26', intervals: [] }],
    });
    expect(parseSpecialHours(' 2026-12-28 .. 2027-01-02  10:00 – 14:00 ; ')).to.deep.equal({
      ok: true,
      days: [{ from: '2026-12-28', to: '2027-01-02', intervals: [[at(10), at(14)]] }],
    });
  });

  it('reads off like closed, and a night that runs past midnight', () => {
    expect(parseSpecialHours('2026-12-31 OFF; 2027-01-02 18:00-02:00')).to.deep.equal({
      ok: true,
      days: [
        { from: '2026-12-31', to: '2026-12-31', intervals: [] },
        { from: '2027-01-02', to: '2027-01-02', intervals: [[at(18), at(26)]] },
      ],
    });
  });

  it('reads empty text as no special days', () => {
    expect(parseSpecialHours('')).to.deep.equal({ ok: true, days: [] });
    expect(parseSpecialHours(' ; ')).to.deep.equal({ ok: true, days: [] });
  });

  it('accepts 29 February in a leap year only', () => {
    expect(parseSpecialHours('2028-02-29 closed').ok).to.equal(true);
    expect(parseSpecialHours('2027-02-29 closed')).to.deep.equal({
      ok: false,
      error: '"2027-02-29" is not a date (YYYY-MM-DD)',
    });
  });

  const errors: [text: string, error: string][] = [
    ['2026-02-30 closed', '"2026-02-30" is not a date (YYYY-MM-DD)'],
    ['2026-13-01 closed', '"2026-13-01" is not a date (YYYY-MM-DD)'],
    ['12/25/2026 closed', '"12/25/2026" is not a date (YYYY-MM-DD)'],
    ['2026-12-01..2026-11-31 closed', '"2026-11-31" is not a date (YYYY-MM-DD)'],
    ['2026-12-26..2026-12-24 closed', 'range 2026-12-26..2026-12-24 ends before it starts'],
    [
      '2026-12-24..2026-12-25..2026-12-26 closed',
      '"2026-12-24..2026-12-25..2026-12-26" is not a date range',
    ],
    [
      '2026-12-25',
      'expected a date then times, e.g. "2026-12-25 closed" or "2026-12-24 09:00-13:00"',
    ],
    [
      '2026-12-25 closed all day',
      'expected a date then times, e.g. "2026-12-25 closed" or "2026-12-24 09:00-13:00"',
    ],
    ['2026-12-24 9am-1pm', '"9am" is not a time'],
    ['2026-12-24 13:00-09:00', 'closing time 09:00 is not after opening time 13:00'],
    ['2026-12-24..2026-12-26 closed; 2026-12-26 09:00-12:00', '2026-12-26 is in two entries'],
  ];
  for (const [text, error] of errors) {
    it(`rejects ${JSON.stringify(text)}`, () => {
      expect(parseSpecialHours(text)).to.deep.equal({ ok: false, error });
    });
  }
});

describe('openStatus() with special days', () => {
  // Weekdays 07:00-19:00, Saturday mornings. 2026-12-24 is a Thursday, 2026-12-28 a Monday.
  const hours = weekly('Mo-Fr 07:00-19:00; Sa 08:00-12:00');
  const season = special(
    '2026-12-24 09:00-13:00; 2026-12-25 closed; 2026-12-31 09:00-13:00; 2027-01-01 closed',
  );
  const LA = 'America/Los_Angeles'; // UTC-8 in December
  const HONOLULU = 'Pacific/Honolulu'; // UTC-10, no daylight saving time
  const status = (iso: string, days: SpecialDay[], zone = LA): OpenStatus =>
    openStatus(hours, zone, new Date(iso), days);

  it('is closed all day on a holiday today, and opens the next open day', () => {
    // Friday 25 December, 10:00 in Los Angeles (18:00 UTC): a weekday, but a holiday.
    expect(status('2026-12-25T18:00:00Z', season)).to.deep.equal({
      open: false,
      special: 'closed',
      opensAt: { weekday: 5, minutes: at(8), today: false, tomorrow: true, date: '2026-12-26' },
    });
  });

  it('skips a holiday tomorrow: Wednesday evening opens on Thursday’s special hours', () => {
    // Wednesday 23 December, 20:00 in Los Angeles.
    expect(status('2026-12-24T04:00:00Z', season)).to.deep.equal({
      open: false,
      opensAt: {
        weekday: 3,
        minutes: at(9),
        today: false,
        tomorrow: true,
        date: '2026-12-24',
        special: true,
      },
    });
  });

  it('is open during special hours today and closes at their end', () => {
    // Thursday 24 December, 10:00 in Los Angeles: weekly hours would say 07:00-19:00.
    expect(status('2026-12-24T18:00:00Z', season)).to.deep.equal({
      open: true,
      closesAt: { weekday: 3, minutes: at(13) },
      closesToday: true,
      special: 'hours',
      specialHours: [[at(9), at(13)]],
    });
    // 08:00: the weekly opening time, but the special day opens at 09:00.
    expect(status('2026-12-24T16:00:00Z', season)).to.deep.equal({
      open: false,
      special: 'hours',
      specialHours: [[at(9), at(13)]],
      opensAt: {
        weekday: 3,
        minutes: at(9),
        today: true,
        tomorrow: false,
        date: '2026-12-24',
        special: true,
      },
    });
  });

  it('after special hours end, skips the next day’s holiday to the Saturday', () => {
    // Thursday 24 December, 14:00 in Los Angeles; Friday the 25th is closed.
    expect(status('2026-12-24T22:00:00Z', season)).to.deep.equal({
      open: false,
      special: 'hours',
      specialHours: [[at(9), at(13)]],
      opensAt: { weekday: 5, minutes: at(8), today: false, tomorrow: false, date: '2026-12-26' },
    });
  });

  it('opens on the Monday after a multi-day closure', () => {
    const closure = special('2026-12-24..2026-12-26 closed');
    // Wednesday 23 December, 19:30 in Los Angeles: Thursday to Saturday closed, Sunday too.
    expect(status('2026-12-24T03:30:00Z', closure)).to.deep.equal({
      open: false,
      opensAt: { weekday: 0, minutes: at(7), today: false, tomorrow: false, date: '2026-12-28' },
    });
    // Saturday 26 December, 09:00: a Saturday morning, but still inside the closure.
    expect(status('2026-12-26T17:00:00Z', closure)).to.deep.equal({
      open: false,
      special: 'closed',
      opensAt: { weekday: 0, minutes: at(7), today: false, tomorrow: false, date: '2026-12-28' },
    });
  });

  it('gives the date of an opening more than a week away', () => {
    const closure = special('2026-12-21..2027-01-03 closed');
    expect(status('2026-12-22T18:00:00Z', closure)).to.deep.equal({
      open: false,
      special: 'closed',
      opensAt: { weekday: 0, minutes: at(7), today: false, tomorrow: false, date: '2027-01-04' },
    });
  });

  it('follows a closure across a month end, on Honolulu’s calendar with a UTC clock', () => {
    // Friday 30 January to Monday 2 February 2026.
    const closure = special('2026-01-30..2026-02-02 closed');
    // Saturday 31 January, 10:00 in Honolulu: a Saturday morning, but closed.
    expect(status('2026-01-31T20:00:00Z', closure, HONOLULU)).to.deep.equal({
      open: false,
      special: 'closed',
      opensAt: { weekday: 1, minutes: at(7), today: false, tomorrow: false, date: '2026-02-03' },
    });
    // Tuesday 3 February 08:00 UTC is still Monday 2 February, 22:00, in Honolulu.
    expect(status('2026-02-03T08:00:00Z', closure, HONOLULU)).to.deep.equal({
      open: false,
      special: 'closed',
      opensAt: { weekday: 1, minutes: at(7), today: false, tomorrow: true, date: '2026-02-03' },
    });
    // Tuesday 3 February, 08:00 in Honolulu: open again.
    expect(status('2026-02-03T18:00:00Z', closure, HONOLULU)).to.deep.equal({
      open: true,
      closesAt: { weekday: 1, minutes: at(19) },
      closesToday: true,
    });
  });

  it('reads the special day on each clinic’s own calendar at one instant', () => {
    // 25 December 09:00 UTC: 01:00 on Christmas Day in Los Angeles, 23:00 on the 24th in Honolulu.
    const now = '2026-12-25T09:00:00Z';
    expect(status(now, season, LA)).to.deep.include({ open: false, special: 'closed' });
    expect(status(now, season, HONOLULU)).to.deep.include({
      open: false,
      special: 'hours',
      specialHours: [[at(9), at(13)]],
    });
    // Both next open on Saturday the 26th: tomorrow in Los Angeles, in two days in Honolulu.
    const opensAt = (zone: string) => {
      const s = status(now, season, zone);
      return s.open ? undefined : s.opensAt;
    };
    expect(opensAt(LA)).to.deep.equal({
      weekday: 5,
      minutes: at(8),
      today: false,
      tomorrow: true,
      date: '2026-12-26',
    });
    expect(opensAt(HONOLULU)).to.deep.equal({ ...opensAt(LA), tomorrow: false });
  });

  it('ignores special days in the past and says nothing special on a normal day', () => {
    // Monday 4 January 2027, 10:00 in Los Angeles.
    expect(status('2027-01-04T18:00:00Z', season)).to.deep.equal({
      open: true,
      closesAt: { weekday: 0, minutes: at(19) },
      closesToday: true,
    });
  });

  it('answers exactly as before without special days', () => {
    const now = new Date('2026-12-25T18:00:00Z');
    expect(openStatus(hours, LA, now)).to.deep.equal({
      open: true,
      closesAt: { weekday: 4, minutes: at(19) },
      closesToday: true,
    });
    expect(openStatus(hours, LA, new Date('2026-12-26T21:00:00Z'))).to.deep.equal({
      open: false,
      opensAt: { weekday: 0, minutes: at(7), today: false, tomorrow: false },
    });
  });

  it('has no next opening when closed all week and past the last special day', () => {
    expect(
      openStatus(weekly('Mo-Su off'), LA, new Date('2026-12-20T18:00:00Z'), season),
    ).to.deep.equal({
      open: false,
      opensAt: {
        weekday: 3,
        minutes: at(9),
        today: false,
        tomorrow: false,
        date: '2026-12-24',
        special: true,
      },
    });
    expect(
      openStatus(weekly('Mo-Su off'), LA, new Date('2027-01-02T18:00:00Z'), season),
    ).to.deep.equal({ open: false });
  });
});
