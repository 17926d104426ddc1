// <clinic-locator>: searching by town, typo and clinic name; suggestions as you type (an ARIA 1.2
// combobox); "use my location"; radius; filters; "show more"; browsing before a search.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import fc from 'fast-check';
import sinon from 'sinon';
import type { ClinicSearchEvent, ClinicSelectEvent } from '../../src/element/events.js';
import { mount, press, type Harness } from './harness.js';
import { GR, byDistance, clinics } from './fixtures.js';

/** Great-circle distance in km (for "within 10 km" checks). */
function km(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 12742 * Math.asin(Math.sqrt(h));
}

const suggestions = (h: Harness) =>
  h.parts('suggestion').map((o) => o.textContent!.replace(/\s+/g, ' ').trim());

async function suggest(h: Harness, text: string): Promise<void> {
  h.type(text);
  await waitUntil(
    () => h.input().getAttribute('aria-expanded') === 'true',
    `no suggestions for ${text}`,
  );
}

describe('<clinic-locator> search by town and name', () => {
  it('finds a town: "grand rapids" is Grand Rapids, MI, near 49503, with the others offered', async () => {
    const h = await mount({}, clinics);
    const event = await h.search('grand rapids');
    expect(event.origin.label).to.equal('Grand Rapids, MI');
    expect(km(event.origin, GR)).to.be.below(10);
    expect(h.ids()).to.have.length(10);
    const also = h.part('choices');
    expect(also.textContent).to.contain('Also:');
    expect([...also.querySelectorAll('button')].map((b) => b.textContent!.trim())).to.include(
      'Grand Rapids, MN',
    );
    const same = await h.search('Grand Rapids, MI');
    expect(same.origin.label).to.equal('Grand Rapids, MI');
    expect(km(same.origin, GR)).to.be.below(10);
  });

  it('offers other places of the name only where the organization has clinics', async () => {
    const h = await mount({ organization: 'Fixture PT' }, clinics);
    const event = await h.search('grand rapids');
    expect(event.origin.label).to.equal('Grand Rapids, MI');
    // Every fixture clinic is in Michigan: no "Also: Grand Rapids, MN / OH" on its own site.
    expect(h.parts('choices')).to.have.length(0);
  });

  it('forgives a typo and says so ("San Jsoe"), but only offers a guess in a state given', async () => {
    const h = await mount({}, clinics);
    const event = await h.search('San Jsoe');
    expect(event.origin.label).to.equal('San Jose, CA');
    expect(h.part('understood').textContent!.trim()).to.equal('Showing results for San Jose, CA.');
    h.type('San Jsoe, CA');
    h.submit();
    await waitUntil(() => h.status().startsWith('We could not find San Jsoe, CA. Did you mean:'));
    expect(h.parts('result')).to.have.length(0);
    const [choice] = h.part('choices').querySelectorAll('button');
    expect(choice!.textContent!.trim()).to.equal('San Jose, CA');
    await expect(h.el).to.be.accessible();
    const next = oneEvent(h.el, 'clinic-search') as Promise<ClinicSearchEvent>;
    choice!.click();
    expect((await next).origin.label).to.equal('San Jose, CA');
  });

  it('offers the candidates when no place dominates ("springfield")', async () => {
    const h = await mount({}, clinics);
    h.type('springfield');
    h.submit();
    await waitUntil(() => h.status().includes('Which one do you mean?'));
    const buttons = [...h.part('choices').querySelectorAll('button')];
    const labels = buttons.map((b) => b.textContent!.trim());
    expect(labels).to.include.members(['Springfield, IL', 'Springfield, MO', 'Springfield, MA']);
    expect(h.parts('result')).to.have.length(0);
    await expect(h.el).to.be.accessible();
    const event = oneEvent(h.el, 'clinic-search') as Promise<ClinicSearchEvent>;
    buttons.find((b) => b.textContent!.trim() === 'Springfield, IL')!.click();
    expect((await event).origin.label).to.equal('Springfield, IL');
  });

  it('finds a clinic by its name and selects it', async () => {
    const h = await mount({}, clinics);
    const event = await h.search('Foxtrot PT');
    expect(event.origin.label).to.equal('Foxtrot PT');
    expect(h.ids()[0]).to.equal('c06');
    expect(h.parts('result')[0]!.getAttribute('aria-current')).to.equal('true');
  });
});

describe('<clinic-locator> suggestions (combobox)', () => {
  it('is an ARIA 1.2 combobox that suggests places and clinics as you type', async () => {
    const h = await mount({}, clinics);
    const input = h.input();
    expect(input.getAttribute('role')).to.equal('combobox');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.getAttribute('aria-controls')).to.equal('suggestions');
    await suggest(h, 'grand rap');
    const listbox = h.part('suggestions');
    expect(listbox.getAttribute('role')).to.equal('listbox');
    expect(listbox.hidden).to.equal(false);
    expect(suggestions(h)[0]).to.equal('Grand Rapids, MI');
    expect(suggestions(h).length).to.be.within(1, 8);
    await expect(h.el).to.be.accessible();
  });

  it('works with the keyboard alone: Down, Up, Enter, Escape, Tab', async () => {
    const h = await mount({}, clinics);
    await suggest(h, 'grand rap');
    const input = h.input();
    press(h, 'ArrowDown');
    await h.el.updateComplete;
    expect(input.getAttribute('aria-activedescendant')).to.equal('suggestion-0');
    expect(h.parts('suggestion')[0]!.getAttribute('aria-selected')).to.equal('true');
    press(h, 'ArrowUp'); // wraps to the last
    await h.el.updateComplete;
    const last = h.parts('suggestion').length - 1;
    expect(input.getAttribute('aria-activedescendant')).to.equal(`suggestion-${last}`);
    press(h, 'ArrowDown'); // wraps to the first
    await h.el.updateComplete;
    press(h, 'Escape');
    await h.el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.hasAttribute('aria-activedescendant')).to.equal(false);
    press(h, 'ArrowDown'); // reopens on the first
    await h.el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const event = oneEvent(h.el, 'clinic-search') as Promise<ClinicSearchEvent>;
    press(h, 'Enter');
    expect((await event).origin.label).to.equal('Grand Rapids, MI');
    expect(input.value).to.equal('Grand Rapids, MI');
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await suggest(h, 'grand rap');
    press(h, 'Tab');
    await h.el.updateComplete;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
  });

  it('chooses with the mouse or a tap, without losing focus first', async () => {
    const h = await mount({}, clinics);
    await suggest(h, 'Echo');
    const option = h.parts('suggestion').find((o) => o.textContent!.includes('Echo PT'))!;
    const down = new PointerEvent('pointerdown', { bubbles: true, cancelable: true });
    option.dispatchEvent(down);
    expect(down.defaultPrevented).to.equal(true);
    const event = oneEvent(h.el, 'clinic-search') as Promise<ClinicSearchEvent>;
    option.click();
    expect((await event).origin.label).to.equal('Echo PT');
    expect(h.ids()[0]).to.equal('c05');
  });

  it('suggests nothing for digits (a ZIP is answered on Enter)', async () => {
    const h = await mount({}, clinics);
    h.type('4950');
    await h.el.updateComplete;
    expect(h.input().getAttribute('aria-expanded')).to.equal('false');
  });
});

describe('<clinic-locator> use my location', () => {
  let stub: sinon.SinonStub | undefined;
  afterEach(() => stub?.restore());

  function stubPosition(answer: (ok: PositionCallback, fail: PositionErrorCallback) => void) {
    stub = sinon
      .stub(navigator.geolocation, 'getCurrentPosition')
      .callsFake((ok, fail) => answer(ok, fail!));
  }

  it('searches around the visitor, labelled "your location", rounding it in events', async () => {
    stubPosition((ok) =>
      setTimeout(() =>
        ok({
          coords: { latitude: 42.96789, longitude: -85.65432 },
          timestamp: Date.now(),
        } as GeolocationPosition),
      ),
    );
    const h = await mount({}, clinics);
    const event = oneEvent(h.el, 'clinic-search') as Promise<ClinicSearchEvent>;
    h.part('locate-button').click();
    const search = await event;
    expect(h.statuses).to.include('Finding your location…');
    expect(search.origin).to.include({ label: 'your location', lat: 42.97, lon: -85.65 });
    expect(h.status()).to.equal('11 clinics within 25 miles of your location; nearest 0.1 miles');
    expect(h.ids()[0]).to.equal('c01');
  });

  for (const [what, code, message] of [
    [
      'denied',
      1,
      'You did not allow this page to use your location. Type a ZIP code or town instead.',
    ],
    [
      'timed out',
      3,
      'Finding your location took too long. Try again, or type a ZIP code or town instead.',
    ],
    ['not found', 2, 'Your location could not be found. Type a ZIP code or town instead.'],
  ] as const) {
    it(`says so when the position is ${what}, and the box keeps working`, async () => {
      stubPosition((_ok, fail) => fail({ code, message: what } as GeolocationPositionError));
      const h = await mount({}, clinics);
      h.part('locate-button').click();
      await waitUntil(() => h.status() === message);
      expect(h.part('status').classList.contains('error')).to.equal(true);
      await expect(h.el).to.be.accessible();
      const event = await h.search('49503');
      expect(event.results[0]!.id).to.equal('c01');
    });
  }
});

describe('<clinic-locator> radius, filters and paging', () => {
  it('has a radius control (5 to 100 mi, default 25) that changes the results', async () => {
    const h = await mount({}, clinics);
    const select = h.part('radius-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.textContent!.trim())).to.deep.equal([
      '5 mi',
      '10 mi',
      '25 mi',
      '50 mi',
      '100 mi',
    ]);
    expect(select.value).to.equal('25');
    await h.search('49503');
    select.value = '5';
    select.dispatchEvent(new Event('change'));
    // 5 mi = 8.05 km: c01..c06 (0.1° = 11 km) are not all inside; c01..c05 are.
    await waitUntil(() => h.status().startsWith('5 clinics within 5 miles'));
    expect(h.ids()).to.deep.equal(byDistance.slice(0, 5));
    // The filter chips count what the new radius reaches.
    expect(
      h.parts('filter-chip').map((c) => c.textContent!.replace(/\s+/g, ' ').trim()),
    ).to.deep.equal(['Telehealth 1', 'Back pain 4', 'Sciatica 2', 'Spanish-speaking staff 2']);
  });

  it('offers km choices with units="km"', async () => {
    const h = await mount({ units: 'km' }, clinics);
    const select = h.part('radius-select') as HTMLSelectElement;
    expect([...select.options].map((o) => o.value)).to.deep.equal(['10', '20', '40', '80', '160']);
    expect(select.value).to.equal('40');
  });

  it('shows the nearest clinics beyond the radius when none is inside, and says so', async () => {
    const h = await mount({}, clinics);
    await h.search('59001');
    expect(h.status()).to.equal(
      'No clinics within 25 miles of 59001 Absarokee, MT. The nearest are:',
    );
    expect(h.ids()).to.have.length(10);
    await expect(h.el).to.be.accessible();
  });

  it('filters by service, telehealth and Spanish, combined with AND, with live counts', async () => {
    const h = await mount({}, clinics);
    await h.search('49503');
    h.part('filters-toggle').click();
    const chip = (label: string) =>
      h.parts('filter-chip').find((c) => c.textContent!.trim().startsWith(label))!;
    // Only services present in the data get a chip.
    expect(
      h.parts('filter-chip').map((c) => c.textContent!.replace(/\s+/g, ' ').trim()),
    ).to.deep.equal([
      'Telehealth 2',
      'Back pain 10',
      'Sciatica 2',
      'Aquatic therapy 1',
      'Spanish-speaking staff 2',
    ]);
    expect(chip('Sciatica').getAttribute('aria-label')).to.equal('Sciatica, 2 clinics');
    chip('Sciatica').click();
    await waitUntil(() => h.ids().join() === 'c01,c03');
    expect(chip('Sciatica').getAttribute('aria-pressed')).to.equal('true');
    chip('Telehealth').click();
    await waitUntil(() => h.ids().join() === 'c01');
    // The status names the filters on.
    expect(h.status()).to.equal(
      '1 clinic offering sciatica, with telehealth visits, within 25 miles of 49503 Grand Rapids, MI; nearest 0.1 miles',
    );
    expect(h.part('filters-toggle').textContent!.trim()).to.equal('Filters (2)');
    await expect(h.el).to.be.accessible();
    chip('Sciatica').click();
    await waitUntil(() => h.ids().join() === 'c01,c07');
    chip('Aquatic therapy').click();
    await waitUntil(() => h.ids().join() === 'c07');
    // A toggle that would leave no clinic is disabled, and says why.
    expect(chip('Spanish-speaking staff').getAttribute('aria-label')).to.equal(
      'Spanish-speaking staff, 0 clinics',
    );
    expect((chip('Spanish-speaking staff') as HTMLButtonElement).disabled).to.equal(true);
    await expect(h.el).to.be.accessible();
  });

  it('says when the preset filters leave no clinic at all', async () => {
    const h = await mount({ services: 'aquatic,sciatica' }, clinics);
    await h.search('49503');
    expect(h.status()).to.equal('No clinics match these filters.');
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    // Switched-on toggles stay enabled, so they can be switched off.
    const on = h.parts('filter-chip').filter((c) => c.getAttribute('aria-pressed') === 'true');
    expect(on.map((c) => (c as HTMLButtonElement).disabled)).to.deep.equal([false, false]);
  });

  it('presets the service filter from the services attribute', async () => {
    const h = await mount({ services: 'sciatica' }, clinics);
    const event = await h.search('49503');
    expect(event.results.map((r) => r.id)).to.deep.equal(['c01', 'c03']);
  });

  it('"Show more" adds the next page and its markers, keeping the selection', async () => {
    const h = await mount({ limit: '4' }, clinics);
    await h.search('49503');
    expect(h.ids()).to.deep.equal(byDistance.slice(0, 4));
    const map = await h.map();
    (h.parts('result-button')[1] as HTMLButtonElement).click();
    await h.el.updateComplete;
    h.part('show-more').click();
    await waitUntil(() => h.ids().length === 8);
    expect(h.ids()).to.deep.equal(byDistance.slice(0, 8));
    expect(h.parts('result')[1]!.getAttribute('aria-current')).to.equal('true');
    await waitUntil(() => map.last?.markers.length === 8);
    expect(map.highlighted.at(-1)).to.equal('c02');
    // Focus moves to the first new clinic.
    expect(h.el.shadowRoot!.activeElement).to.equal(h.parts('result-button')[4]);
    h.part('show-more').click();
    await waitUntil(() => h.ids().length === 11);
    expect(h.el.shadowRoot!.querySelector('[part~="show-more"]')).to.equal(null);
    await expect(h.el).to.be.accessible();
  });
});

describe('<clinic-locator> browsing before a search', () => {
  it('shows every clinic on the map, and a clinic chosen there becomes the search', async () => {
    const h = await mount({}, clinics);
    const map = await h.map();
    await waitUntil(() => map.overviews.length > 0);
    expect(
      map.overviews
        .at(-1)!
        .map((p) => p.id)
        .sort(),
    ).to.deep.equal([...byDistance].sort());
    const selected = oneEvent(h.el, 'clinic-select') as Promise<ClinicSelectEvent>;
    map.select('c07');
    expect((await selected).clinicId).to.equal('c07');
    await waitUntil(() => h.ids()[0] === 'c07');
    expect(h.parts('result')[0]!.getAttribute('aria-current')).to.equal('true');
  });
});

describe('<clinic-locator> while a search runs', () => {
  it('keeps the last results and chip counts on screen, inert, until the new ones replace them', async () => {
    // Every search reads the same data files, loaded once: hold the position asked for by "Use
    // my location" instead, so the second search stays in its loading state for as long as this
    // test wants.
    let answer: () => void = () => undefined;
    const stub = sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((ok) => {
      answer = () =>
        ok({
          coords: { latitude: 39.74, longitude: -104.99 },
          timestamp: 0,
        } as GeolocationPosition);
    });
    try {
      const h = await mount({}, clinics);
      await h.search('49503');
      const ids = h.ids();
      const chips = h.parts('filter-chip').map((chip) => chip.textContent!.replace(/\s+/g, ' '));
      const list = h.el.shadowRoot!.querySelector<HTMLElement>('.list')!;
      expect(ids.length).to.be.above(0);
      expect(list.inert).to.equal(false);

      h.part('locate-button').click();
      await waitUntil(() => h.status() === 'Finding your location…');
      // The old list stays (no blank frame) but cannot be used; the chips keep their counts.
      expect(h.ids()).to.deep.equal(ids);
      expect(list.inert).to.equal(true);
      expect(
        h.parts('filter-chip').map((chip) => chip.textContent!.replace(/\s+/g, ' ')),
      ).to.deep.equal(chips);

      answer();
      // (aria-busy stays false while the position is asked for: the status says so.)
      await waitUntil(() => h.status() !== 'Finding your location…');
      expect(h.status()).to.match(/your location/);
      expect(list.inert).to.equal(false);
    } finally {
      stub.restore();
    }
  });

  it('shows no stale results after a search that ends in a message', async () => {
    const h = await mount({}, clinics);
    await h.search('49503');
    h.type('qqqqzzzz');
    h.submit();
    await waitUntil(() => h.status().startsWith('We could not find'));
    expect(h.ids()).to.deep.equal([]);
    expect(h.parts('filter-chip').length).to.be.above(0);
  });
});

describe('<clinic-locator> robustness', () => {
  it('answers any input with a defined outcome and a status, never an exception', async () => {
    const h = await mount({}, clinics);
    const errors: unknown[] = [];
    const onError = (e: ErrorEvent) => errors.push(e.error);
    window.addEventListener('error', onError);
    try {
      await fc.assert(
        fc.asyncProperty(
          fc.oneof(
            fc.string({ maxLength: 40 }),
            fc.string({ unit: 'grapheme', maxLength: 40 }),
            fc.string({ unit: 'binary', maxLength: 40 }),
            fc.constantFrom(
              '<img src=x onerror=alert(1)>',
              'مرحبا',
              '👩‍⚕️🦴',
              '\u0000\u202e',
              'x'.repeat(5000),
            ),
          ),
          async (text) => {
            h.type(text);
            h.submit();
            await waitUntil(() => !h.status().startsWith('Searching'), 'search never ended', {
              timeout: 5000,
            });
            expect(h.status().length).to.be.above(0);
          },
        ),
        { numRuns: 150 },
      );
    } finally {
      window.removeEventListener('error', onError);
    }
    expect(errors).to.deep.equal([]);
  });
});
