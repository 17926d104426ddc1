import { expect } from '@open-wc/testing';
import {
  formatTime,
  openStatus,
  parseHours,
  weekdayName,
  type OpenStatus,
  type TimeInterval,
  type WeeklyHours,
} from '../../src/domain/hours.js';

/** Minutes after midnight. */
const at = (hour: number, minute = 0): number => hour * 60 + minute;

/** A week from the days named; unnamed days are closed. */
function week(days: Partial<Record<0 | 1 | 2 | 3 | 4 | 5 | 6, TimeInterval[]>>): WeeklyHours {
  return [0, 1, 2, 3, 4, 5, 6].map((d) => days[d as 0] ?? []);
}

const nineToFive: TimeInterval[] = [[at(9), at(17)]];
const weekdays = (intervals: TimeInterval[]): WeeklyHours =>
  week({ 0: intervals, 1: intervals, 2: intervals, 3: intervals, 4: intervals });

function parsed(text: string): WeeklyHours {
  const result = parseHours(text);
  if (!result.ok) throw new Error(`test hours did not parse: ${result.error}`);
  return result.hours;
}

describe('parseHours()', () => {
  const valid: [string, WeeklyHours][] = [
    [
      'Mo-Fr 07:00-19:00; Sa 08:00-12:00',
      week({
        0: [[at(7), at(19)]],
        1: [[at(7), at(19)]],
        2: [[at(7), at(19)]],
        3: [[at(7), at(19)]],
        4: [[at(7), at(19)]],
        5: [[at(8), at(12)]],
      }),
    ],
    ['Mo,We,Fr 09:00-17:00', week({ 0: nineToFive, 2: nineToFive, 4: nineToFive })],
    ['Mo-We,Fr 09:00-17:00', week({ 0: nineToFive, 1: nineToFive, 2: nineToFive, 4: nineToFive })],
    ['Fr-Mo 09:00-17:00', week({ 0: nineToFive, 4: nineToFive, 5: nineToFive, 6: nineToFive })],
    ['Mo-Mo 09:00-17:00', week({ 0: nineToFive })],
    ['Tu,Tu 09:00-17:00', week({ 1: nineToFive })],
    [
      'Mo-Fr 08:00-12:00,13:00-17:00',
      weekdays([
        [at(8), at(12)],
        [at(13), at(17)],
      ]),
    ],
    ['mo-fr 9:00-17:00', weekdays(nineToFive)],
    ['MO-FR 09:00-17:00', weekdays(nineToFive)],
    [
      '  Mo - Fr   08:00 - 12:00 , 13:00 - 17:00 ;SA 9:30-12:00 ; ',
      [
        ...weekdays([
          [at(8), at(12)],
          [at(13), at(17)],
        ]).slice(0, 5),
        [[at(9, 30), at(12)]],
        [],
      ],
    ],
    ['Mo\u2013Fr 09:00\u201317:00', weekdays(nineToFive)],
    ['Fr 18:00-02:00', week({ 4: [[at(18), at(26)]] })],
    ['Fr 22:00-06:00', week({ 4: [[at(22), at(30)]] })],
    ['Fr 18:00-00:00', week({ 4: [[at(18), at(24)]] })],
    ['Fr 18:00-24:00', week({ 4: [[at(18), at(24)]] })],
    ['Fr 08:00-00:00', week({ 4: [[at(8), at(24)]] })],
    [
      'Mo-Su 00:00-24:00',
      week({
        0: [[0, at(24)]],
        1: [[0, at(24)]],
        2: [[0, at(24)]],
        3: [[0, at(24)]],
        4: [[0, at(24)]],
        5: [[0, at(24)]],
        6: [[0, at(24)]],
      }),
    ],
    [
      'Mo-Fr 09:00-17:00; We 10:00-14:00; Fr off',
      week({ 0: nineToFive, 1: nineToFive, 2: [[at(10), at(14)]], 3: nineToFive }),
    ],
    ['Mo-Su 09:00-17:00; Sa,Su closed', weekdays(nineToFive)],
    ['Mo-Su 09:00-17:00; Sa,Su OFF', weekdays(nineToFive)],
    ['Mo-Fr off', week({})],
    [
      'Mo 13:00-17:00,08:00-12:00',
      week({
        0: [
          [at(8), at(12)],
          [at(13), at(17)],
        ],
      }),
    ],
    ['Mo 09:00-12:00,12:00-17:00', week({ 0: nineToFive })],
    ['Mo 09:00-17:00,10:00-12:00', week({ 0: nineToFive })],
    ['Th 08:00-14:00,13:00-02:00', week({ 3: [[at(8), at(26)]] })],
    // The Friday night stays although Saturday is redefined after it.
    ['Fr 20:00-02:00; Sa 10:00-12:00', week({ 4: [[at(20), at(26)]], 5: [[at(10), at(12)]] })],
  ];
  for (const [text, hours] of valid) {
    it(`reads ${JSON.stringify(text)}`, () => {
      expect(parseHours(text)).to.deep.equal({ ok: true, hours });
    });
  }

  const expectedDaysThenTimes = 'expected days then times, e.g. "Mo-Fr 08:00-17:00"';
  const invalid: [string, string][] = [
    ['', 'no opening hours given (leave them out when unknown)'],
    ['   ', 'no opening hours given (leave them out when unknown)'],
    [' ; ;', 'no opening hours given (leave them out when unknown)'],
    ['Mx 08:00-17:00', 'unknown day "Mx"'],
    ['Mo-Fx 08:00-17:00', 'unknown day "Fx"'],
    ['Mon-Fri 08:00-17:00', 'unknown day "Mon"'],
    ['Mo-We-Fr 08:00-17:00', '"Mo-We-Fr" is not a range of days, e.g. "Mo-Fr"'],
    ['Mo,,Fr 08:00-17:00', 'missing day in "Mo,,Fr"'],
    [',Fr 08:00-17:00', 'missing day in ",Fr"'],
    ['Mo 25:00-26:00', '"25:00" is not a time'],
    ['Mo 08:00-24:30', '"24:30" is not a time'],
    ['Mo 08:60-17:00', '"08:60" is not a time'],
    ['Mo 8-17', '"8" is not a time'],
    ['Mo 0800-1700', '"0800" is not a time'],
    ['Mo 8am-5pm', '"8am" is not a time'],
    ['Mo 08:00', '"08:00" is not a time range, e.g. "08:00-17:00"'],
    ['Mo 08:00-12:00-17:00', '"08:00-12:00-17:00" is not a time range, e.g. "08:00-17:00"'],
    ['Mo 08:00-12:00,', '"" is not a time range, e.g. "08:00-17:00"'],
    ['Mo off,08:00-12:00', '"off" is not a time range, e.g. "08:00-17:00"'],
    ['Mo 09:00-07:00', 'closing time 07:00 is not after opening time 09:00'],
    ['Mo 09:00-05:00', 'closing time 05:00 is not after opening time 09:00'],
    ['Mo 18:00-07:00', 'closing time 07:00 is not after opening time 18:00'],
    ['Mo 09:00-09:00', 'closing time 09:00 is not after opening time 09:00'],
    ['Mo 00:00-00:00', 'closing time 00:00 is not after opening time 00:00'],
    ['Mo 24:00-02:00', 'opening time 24:00 is not a time of day (24:00 only closes)'],
    ['08:00-17:00', expectedDaysThenTimes],
    ['Mo-Fr', expectedDaysThenTimes],
    ['Mo-Fr 08:00-12:00 13:00-17:00', expectedDaysThenTimes],
    ['08:00-17:00 Mo-Fr', expectedDaysThenTimes],
    ['24/7', expectedDaysThenTimes],
    ['Mo-Fr 08:00-17:00; Sa 9-12', '"9" is not a time'],
  ];
  for (const [text, error] of invalid) {
    it(`rejects ${JSON.stringify(text)}: ${error}`, () => {
      expect(parseHours(text)).to.deep.equal({ ok: false, error });
    });
  }
});

describe('openStatus()', () => {
  // 2026-03-09 is a Monday; these clocks are in UTC so that local time is the instant's own.
  const lunchBreak = parsed('Mo-Fr 08:00-12:00,13:00-17:00; Sa 09:00-12:00');
  const officeHours = parsed('Mo-Fr 08:00-17:00');
  const status = (hours: WeeklyHours, iso: string, timeZone = 'UTC'): OpenStatus =>
    openStatus(hours, timeZone, new Date(iso));

  it('is open before closing, and says when it closes today', () => {
    expect(status(lunchBreak, '2026-03-09T09:30:00Z')).to.deep.equal({
      open: true,
      closesAt: { weekday: 0, minutes: at(12) },
      closesToday: true,
    });
  });

  it('is open from the opening minute and closed from the closing minute', () => {
    expect(status(officeHours, '2026-03-09T08:00:00Z').open).to.equal(true);
    expect(status(officeHours, '2026-03-09T07:59:59Z').open).to.equal(false);
    expect(status(officeHours, '2026-03-09T16:59:59Z').open).to.equal(true);
    expect(status(officeHours, '2026-03-09T17:00:00Z').open).to.equal(false);
  });

  it('is closed before opening, opening later today', () => {
    expect(status(lunchBreak, '2026-03-09T06:15:00Z')).to.deep.equal({
      open: false,
      opensAt: { weekday: 0, minutes: at(8), today: true, tomorrow: false },
    });
  });

  it('is closed over a lunch break, opening again today', () => {
    expect(status(lunchBreak, '2026-03-11T12:30:00Z')).to.deep.equal({
      open: false,
      opensAt: { weekday: 2, minutes: at(13), today: true, tomorrow: false },
    });
  });

  it('is closed after closing, opening tomorrow', () => {
    expect(status(lunchBreak, '2026-03-09T17:00:00Z')).to.deep.equal({
      open: false,
      opensAt: { weekday: 1, minutes: at(8), today: false, tomorrow: true },
    });
  });

  it('on a Friday evening, opens on Monday', () => {
    expect(status(officeHours, '2026-03-13T18:00:00Z')).to.deep.equal({
      open: false,
      opensAt: { weekday: 0, minutes: at(8), today: false, tomorrow: false },
    });
  });

  it('on a Sunday evening, opens tomorrow, across the end of the week', () => {
    expect(status(officeHours, '2026-03-15T20:00:00Z')).to.deep.equal({
      open: false,
      opensAt: { weekday: 0, minutes: at(8), today: false, tomorrow: true },
    });
  });

  it('on a Monday afternoon, a Monday-morning clinic opens next week, not today', () => {
    expect(status(parsed('Mo 08:00-12:00'), '2026-03-09T13:00:00Z')).to.deep.equal({
      open: false,
      opensAt: { weekday: 0, minutes: at(8), today: false, tomorrow: false },
    });
  });

  describe('overnight', () => {
    const fridayNight = parsed('Fr 18:00-02:00');

    it('is open in the evening, closing tomorrow', () => {
      expect(status(fridayNight, '2026-03-13T20:00:00Z')).to.deep.equal({
        open: true,
        closesAt: { weekday: 5, minutes: at(2) },
        closesToday: false,
      });
    });

    it('is still open after midnight, closing today', () => {
      expect(status(fridayNight, '2026-03-14T01:00:00Z')).to.deep.equal({
        open: true,
        closesAt: { weekday: 5, minutes: at(2) },
        closesToday: true,
      });
    });

    it('is closed once the night is over, opening next Friday', () => {
      expect(status(fridayNight, '2026-03-14T02:00:00Z')).to.deep.equal({
        open: false,
        opensAt: { weekday: 4, minutes: at(18), today: false, tomorrow: false },
      });
    });

    it('runs from Sunday night into Monday morning', () => {
      expect(status(parsed('Su 20:00-02:00'), '2026-03-09T01:00:00Z')).to.deep.equal({
        open: true,
        closesAt: { weekday: 0, minutes: at(2) },
        closesToday: true,
      });
    });

    it('joins back-to-back ranges across midnight into one', () => {
      expect(
        status(parsed('Fr 18:00-24:00; Sa 00:00-02:00'), '2026-03-13T20:00:00Z'),
      ).to.deep.equal({
        open: true,
        closesAt: { weekday: 5, minutes: at(2) },
        closesToday: false,
      });
    });
  });

  it('reports a closing at midnight as 24:00 of the same day', () => {
    expect(status(parsed('Mo-Fr 08:00-24:00'), '2026-03-09T23:00:00Z')).to.deep.equal({
      open: true,
      closesAt: { weekday: 0, minutes: at(24) },
      closesToday: true,
    });
  });

  it('is closed with no next opening when closed all week', () => {
    expect(status(parsed('Mo-Su off'), '2026-03-09T12:00:00Z')).to.deep.equal({ open: false });
  });

  it('is open with no closing time when open around the clock', () => {
    expect(status(parsed('Mo-Su 00:00-24:00'), '2026-03-15T23:59:00Z')).to.deep.equal({
      open: true,
      closesAt: undefined,
      closesToday: false,
    });
  });

  it('is not "always open" with a one-minute gap in the week', () => {
    expect(
      status(parsed('Mo-Su 00:00-24:00; Su 00:00-23:59'), '2026-03-11T12:00:00Z'),
    ).to.deep.equal({
      open: true,
      closesAt: { weekday: 6, minutes: at(23, 59) },
      closesToday: false,
    });
  });

  it('throws a RangeError for an unknown time zone, even with no hours', () => {
    expect(() => status(officeHours, '2026-03-09T12:00:00Z', 'Mars/Olympus_Mons')).to.throw(
      RangeError,
    );
    expect(() => status(parsed('Mo-Su off'), '2026-03-09T12:00:00Z', 'EST5EDT6')).to.throw(
      RangeError,
    );
  });

  describe('in the clinic’s time zone', () => {
    const everyDay = parsed('Mo-Su 08:00-17:00');

    it('America/Detroit: the same UTC time of day is an hour later once DST starts (2026-03-08)', () => {
      // Saturday 12:30 UTC = 07:30 EST; Sunday 12:30 UTC = 08:30 EDT.
      expect(status(everyDay, '2026-03-07T12:30:00Z', 'America/Detroit')).to.deep.equal({
        open: false,
        opensAt: { weekday: 5, minutes: at(8), today: true, tomorrow: false },
      });
      expect(status(everyDay, '2026-03-08T12:30:00Z', 'America/Detroit')).to.deep.equal({
        open: true,
        closesAt: { weekday: 6, minutes: at(17) },
        closesToday: true,
      });
    });

    it('America/Detroit: an hour earlier once DST ends (2026-11-01)', () => {
      // Saturday 12:30 UTC = 08:30 EDT; Sunday 12:30 UTC = 07:30 EST.
      expect(status(everyDay, '2026-10-31T12:30:00Z', 'America/Detroit').open).to.equal(true);
      expect(status(everyDay, '2026-11-01T12:30:00Z', 'America/Detroit')).to.deep.equal({
        open: false,
        opensAt: { weekday: 6, minutes: at(8), today: true, tomorrow: false },
      });
    });

    it('America/Phoenix: no DST, the same UTC time of day stays the same local time', () => {
      // 14:30 UTC = 07:30 MST and 15:00 UTC = 08:00 MST, on both sides of both US changes.
      for (const date of ['2026-03-07', '2026-03-08', '2026-10-31', '2026-11-01']) {
        expect(status(everyDay, `${date}T14:59:00Z`, 'America/Phoenix').open, date).to.equal(false);
        expect(status(everyDay, `${date}T15:00:00Z`, 'America/Phoenix').open, date).to.equal(true);
      }
    });

    it('Pacific/Honolulu: Monday evening there while it is already Tuesday in UTC', () => {
      // Tuesday 03:30 UTC = Monday 17:30 HST (UTC−10).
      expect(status(officeHours, '2026-03-10T03:30:00Z', 'Pacific/Honolulu')).to.deep.equal({
        open: false,
        opensAt: { weekday: 1, minutes: at(8), today: false, tomorrow: true },
      });
      // Saturday 02:00 UTC = Friday 16:00 HST.
      expect(status(officeHours, '2026-03-14T02:00:00Z', 'Pacific/Honolulu')).to.deep.equal({
        open: true,
        closesAt: { weekday: 4, minutes: at(17) },
        closesToday: true,
      });
    });
  });
});

describe('formatTime()', () => {
  it('writes en-US times on a 12-hour clock, minutes only when not zero', () => {
    expect(formatTime(at(19), 'en-US')).to.equal('7 PM');
    expect(formatTime(at(7, 30), 'en-US')).to.equal('7:30 AM');
    expect(formatTime(at(12), 'en-US')).to.equal('12 PM');
    expect(formatTime(0, 'en-US')).to.equal('12 AM');
  });

  it('writes es and en-GB times on a 24-hour clock', () => {
    expect(formatTime(at(19), 'es')).to.equal('19:00');
    expect(formatTime(at(7, 30), 'es')).to.equal('7:30');
    expect(formatTime(at(19), 'en-GB')).to.equal('19:00');
  });

  it('wraps times of a day or more: 24:00 is midnight, 26:00 is 2 AM', () => {
    expect(formatTime(at(24), 'en-US')).to.equal('12 AM');
    expect(formatTime(at(26), 'en-US')).to.equal('2 AM');
    expect(formatTime(at(26), 'es')).to.equal('2:00');
  });

  it('keeps locales, clocks and time zones apart when formats are reused', () => {
    // The formats are cached per locale, time zone and options: interleaved calls must not mix.
    const hours = parsed('Mo-Su 08:00-17:00');
    const now = new Date('2026-03-09T15:30:00Z'); // 11:30 in Detroit, 08:30 Phoenix, 05:30 Honolulu
    for (let round = 0; round < 2; round++) {
      expect(formatTime(at(19), 'en-US')).to.equal('7 PM');
      expect(formatTime(at(19), 'es')).to.equal('19:00');
      expect(formatTime(at(19, 30), 'en-US')).to.equal('7:30 PM');
      expect(openStatus(hours, 'America/Detroit', now).open).to.equal(true);
      expect(openStatus(hours, 'Pacific/Honolulu', now).open).to.equal(false);
      expect(openStatus(hours, 'America/Phoenix', now).open).to.equal(true);
    }
  });

  it('throws a RangeError for a negative or non-finite number of minutes', () => {
    expect(() => formatTime(-1, 'en-US')).to.throw(RangeError);
    expect(() => formatTime(Number.NaN, 'en-US')).to.throw(RangeError);
  });
});

describe('weekdayName()', () => {
  it('names weekdays from 0 = Monday in en-US', () => {
    expect(weekdayName(0, 'en-US', 'short')).to.equal('Mon');
    expect(weekdayName(6, 'en-US', 'short')).to.equal('Sun');
    expect(weekdayName(2, 'en-US', 'long')).to.equal('Wednesday');
  });

  it('names weekdays in es', () => {
    expect(weekdayName(0, 'es', 'short')).to.equal('lun');
    expect(weekdayName(6, 'es', 'long')).to.equal('domingo');
  });

  it('throws a RangeError outside 0 … 6', () => {
    expect(() => weekdayName(7, 'en-US', 'short')).to.throw(RangeError);
    expect(() => weekdayName(-1, 'en-US', 'short')).to.throw(RangeError);
    expect(() => weekdayName(1.5, 'en-US', 'short')).to.throw(RangeError);
  });
});
