// The visitor's layout at a phone width and a desktop width: the List | Map switch, the map's
// card, the filters disclosure, the list beside the map, scrolling and focus, the ways forward,
// and what the status says was understood.
import { expect, waitUntil } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import sinon from 'sinon';
import type { Clinic } from '../../src/domain/clinic.js';
import { clinics, GR } from './fixtures.js';
import { mount, type Harness } from './harness.js';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Mounts full width at `viewport` and waits until the widget knows its width. */
async function mountAt(
  viewport: { width: number; height: number },
  attrs: Record<string, string> = {},
  data: readonly Clinic[] = clinics,
): Promise<Harness> {
  await setViewport(viewport);
  const h = await mount(attrs, data);
  const narrow = viewport.width < 720;
  await waitUntil(() => (h.parts('view-switch')[0]?.offsetParent !== null) === narrow);
  return h;
}

const box = (el: Element) => el.getBoundingClientRect();
const shown = (el: HTMLElement | undefined) => Boolean(el && el.getClientRects().length > 0);

describe('<clinic-locator> on a phone (390 px)', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('puts the first result near the top, the filters behind one button, List first', async () => {
    const h = await mountAt(PHONE);
    await h.search('49503');
    const top = box(h.el).top;
    expect(box(h.parts('result')[0]!).top - top).to.be.at.most(300);
    // The status and the Filters button share one line; the panel is closed.
    const status = box(h.part('status'));
    const toggle = box(h.part('filters-toggle'));
    expect(toggle.top).to.be.below(status.bottom);
    expect(h.part('filters-toggle').getAttribute('aria-expanded')).to.equal('false');
    expect(shown(h.part('controls'))).to.equal(false);
    const [list, map] = [h.part('view-list'), h.part('view-map')];
    expect([list, map].map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'false']);
    // A narrow widget loads no map until the visitor asks for one.
    expect(h.views).to.have.length(0);
    await expect(h.el).to.be.accessible();
  });

  it('shows the map in view with the chosen clinic under it, and keeps the choice', async () => {
    const h = await mountAt(PHONE);
    await h.search('49503');
    h.part('view-map').click();
    const map = await h.map();
    await waitUntil(() => map.last?.markers.length === 10);
    expect(shown(h.parts('result')[0])).to.equal(false); // the list is hidden
    const mapBox = box(h.part('map'));
    expect(mapBox.height).to.be.within(300, 480);
    expect(mapBox.bottom).to.be.at.most(PHONE.height + box(h.el).top + 1);
    expect(h.part('map-card').textContent).to.contain('Select a number on the map');
    await expect(h.el).to.be.accessible();
    map.select('c03');
    await waitUntil(() => h.part('map-card').querySelector('[data-id="c03"]') !== null);
    const card = h.part('map-card');
    expect(card.querySelector('[part~="result-name"]')!.textContent).to.equal('Charlie PT');
    expect(card.querySelector('[part~="result-directions"]')).to.not.equal(null);
    expect(box(card).top).to.be.at.least(box(h.part('map')).bottom - 1);
    // The chosen clinic's card is brought into view.
    await waitUntil(() => box(card).bottom <= innerHeight + 1, 'card not in view');
    const live = h.el.shadowRoot!.querySelector('.map-area > .sr-only[role="status"]')!;
    expect(live.textContent!.trim()).to.equal('3. Charlie PT, 2.1 mi');
    await expect(h.el).to.be.accessible();
    h.part('view-list').click();
    await h.el.updateComplete;
    const selected = h.el.shadowRoot!.querySelector('.list [aria-current="true"]') as HTMLElement;
    expect(selected.dataset.id).to.equal('c03');
    expect(shown(selected)).to.equal(true);
  });

  it('opens the compact map whole in view, at a phone-screen height', async () => {
    const h = await mountAt(PHONE, { layout: 'compact', style: 'margin-top: 600px' });
    await h.search('49503');
    h.part('map-toggle').click();
    const map = await h.map();
    await waitUntil(() => map.last?.markers.length === 3);
    const area = h.el.shadowRoot!.querySelector('.map-area')!;
    await waitUntil(() => box(area).bottom <= innerHeight + 1, 'map not in view');
    expect(box(h.part('map')).height).to.be.within(300, 480);
    expect(box(h.part('map')).top).to.be.at.least(-1);
    await expect(h.el).to.be.accessible();
  });

  it('opens the filters panel below the status line, never before it', async () => {
    const h = await mountAt(PHONE, { services: 'sciatica' });
    await h.search('49503');
    expect(h.part('filters-toggle').textContent!.trim()).to.equal('Filters (1)');
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    expect(shown(h.part('controls'))).to.equal(true);
    expect(box(h.part('controls')).top).to.be.at.least(box(h.part('status')).bottom);
    await expect(h.el).to.be.accessible();
  });

  it('makes every target at least 44×44 px with a coarse pointer', async () => {
    const h = await mountAt(PHONE);
    // After setViewport, which would reset the emulation.
    await executeServerCommand('coarse-pointer', { enabled: true });
    try {
      expect(matchMedia('(pointer: coarse)').matches).to.equal(true);
      await h.search('49503');
      h.part('filters-toggle').click();
      await h.el.updateComplete;
      const targets = [
        ...h.el.shadowRoot!.querySelectorAll<HTMLElement>('button, a, input, select'),
      ].filter((el) => shown(el) && !el.matches('[part~="skip-map"]'));
      expect(targets.length).to.be.above(30);
      for (const el of targets) {
        const { width, height } = box(el);
        const name = `${el.getAttribute('part')} ${el.textContent?.trim()}`;
        expect(Math.min(width, height), name).to.be.at.least(44);
      }
    } finally {
      await executeServerCommand('coarse-pointer', { enabled: false });
    }
  });
});

/** A clinic with everything a card can show, and a long name and address. */
const FULL: Clinic = {
  ...clinics[1]!,
  name: 'Lakeshore Physical Therapy – Grand Rapids Medical Mile',
  address1: '5581 Sample Street Northeast',
  address2: 'Floor 2, Suite 210',
  status: 'temporarily-closed',
  statusNote: 'Reopens January 12 after renovation',
  hours: 'Mo-Fr 07:00-19:00',
  timezone: 'America/Detroit',
  acceptingNewPatients: true,
  bookingUrl: 'https://example.org/book',
  insurance: ['medicare', 'medicaid', 'aetna', 'cigna', 'humana', 'tricare'],
  services: ['back-pain', 'sciatica', 'neck-pain', 'sports-injury'],
  accessibility: ['wheelchair-entrance', 'accessible-parking', 'elevator'],
  languages: ['en', 'es', 'vi'],
  telehealth: true,
};

/** The first card with everything, at `viewport`: its Details closed, then open. */
async function fullCard(viewport: typeof PHONE) {
  const h = await mountAt(viewport, { 'report-url': 'https://example.org/report?c={id}' }, [
    FULL,
    ...clinics.slice(2),
  ]);
  await h.search('49503');
  const card = h.parts('result')[0]!;
  const toggle = h.part('result-details-toggle', card);
  const details = h.part('result-details', card);
  return { h, card, toggle, details };
}

describe('<clinic-locator> a card: the essentials, the rest behind Details', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`keeps a full card short on a ${name}, and opens its details in place`, async () => {
      const { h, card, toggle, details } = await fullCard(viewport);
      // Status, hours, new patients, plans in short and the actions are on the card itself.
      for (const part of [
        'result-status',
        'result-status-note',
        'result-hours',
        'result-new-patients',
        'result-insurance',
        'result-main-action',
        'result-share',
      ])
        expect(shown(h.part(part, card)), part).to.equal(true);
      expect(shown(details)).to.equal(false);
      // A phone shows two cards on a screen; a desktop's list column a whole card.
      const limit =
        name === 'phone' ? PHONE.height / 2 : h.el.shadowRoot!.querySelector('.list')!.clientHeight;
      expect(box(card).height).to.be.below(limit);
      await expect(h.el).to.be.accessible();
      toggle.click();
      await h.el.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      for (const part of [
        'result-services',
        'result-plans',
        'result-access',
        'result-telehealth',
        'result-languages',
        'result-report',
      ])
        expect(shown(h.part(part, details)), part).to.equal(true);
      // The details open below the Details control, inside the card.
      expect(box(details).top).to.be.at.least(box(toggle).bottom);
      expect(box(details).bottom).to.be.at.most(box(card).bottom);
      await expect(h.el).to.be.accessible();
    });
  }

  it('says Details in Spanish', async () => {
    const h = await mountAt(DESKTOP, { lang: 'es' }, [FULL]);
    await waitUntil(() => h.part('search-button').textContent!.trim() === 'Buscar');
    await h.search('49503');
    const toggle = h.part('result-details-toggle');
    expect(toggle.textContent!.trim()).to.equal('Detalles');
    expect(toggle.getAttribute('aria-label')).to.equal(`Detalles de ${FULL.name}`);
    toggle.click();
    await h.el.updateComplete;
    expect(h.part('result-details').textContent).to.contain('Planes de seguro aceptados');
    await expect(h.el).to.be.accessible();
  });

  it('offers no Details control when there is nothing more to say', async () => {
    const bare: Clinic = { ...clinics[0]!, services: [] };
    const h = await mountAt(PHONE, {}, [bare]);
    await h.search('49503');
    expect(h.parts('result-details-toggle')).to.have.length(0);
    expect(h.parts('result-details')).to.have.length(0);
    expect(shown(h.part('result-share'))).to.equal(true);
  });
});

describe('<clinic-locator> on a desktop (1,280 px)', () => {
  after(() => setViewport({ width: 800, height: 600 }));

  it('holds an invitation in the list column before a search, beside the map', async () => {
    const h = await mountAt(DESKTOP);
    await waitUntil(() => h.parts('prompt').length === 1);
    const prompt = box(h.part('prompt'));
    expect(prompt.height).to.be.above(20);
    expect(prompt.top).to.be.closeTo(box(h.part('map')).top, 1);
    expect(shown(h.parts('view-switch')[0])).to.equal(false);
    await expect(h.el).to.be.accessible();
  });

  it('lines the list up with the map and scrolls it inside', async () => {
    const h = await mountAt(DESKTOP);
    await h.search('49503');
    const list = h.el.shadowRoot!.querySelector<HTMLElement>('.list')!;
    const [l, m] = [box(list), box(h.part('map'))];
    expect(l.top).to.be.closeTo(m.top, 1);
    expect(l.bottom).to.be.closeTo(m.bottom, 1);
    expect(list.scrollHeight).to.be.above(list.clientHeight);
    // The skip link is out of sight until focused, then visible and big enough.
    const skip = h.part('skip-map');
    expect(box(skip).width).to.be.at.most(1);
    skip.focus();
    expect(box(skip).width).to.be.at.least(24);
    expect(box(skip).height).to.be.at.least(24);
    await expect(h.el).to.be.accessible();
  });

  it('shows a new result set from its top, and "Show more" where the visitor was', async () => {
    const h = await mountAt(DESKTOP, { limit: '4' });
    await h.search('49503');
    const list = h.el.shadowRoot!.querySelector<HTMLElement>('.list')!;
    h.part('show-more').click();
    await waitUntil(() => h.ids().length === 8);
    // Focus moves to the first new card; the list keeps its place.
    expect(h.el.shadowRoot!.activeElement).to.equal(h.parts('result-button')[4]);
    const scrolled = list.scrollTop;
    expect(scrolled).to.be.above(0);
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    const chip = h.parts('filter-chip').find((c) => c.textContent!.includes('Telehealth'))!;
    chip.click();
    await waitUntil(() => h.ids().join() === 'c01,c07');
    expect(list.scrollTop).to.equal(0);
  });
});

describe('<clinic-locator> ways forward and what was understood', () => {
  it('offers a wider radius and telehealth when nothing is near, and both work', async () => {
    // Kalamazoo is about 75 km from the fixtures: none within 25 mi, all within 50 mi.
    const h = await mount({}, clinics);
    await h.search('49007');
    expect(h.status()).to.match(/^No clinics within 25 miles of 49007 Kalamazoo, MI\./);
    expect(h.part('wider-radius').textContent!.trim()).to.equal('Search within 50 miles');
    expect(h.part('show-telehealth').textContent!.trim()).to.equal(
      'Show clinics with telehealth visits',
    );
    await expect(h.el).to.be.accessible();
    h.part('wider-radius').click();
    await waitUntil(() => /^\d+ clinics? within 50 miles/.test(h.status()));
    expect(h.parts('ways-forward')).to.have.length(0);
    h.el.radius = 25;
    await waitUntil(() => h.parts('show-telehealth').length === 1);
    h.part('show-telehealth').click();
    await waitUntil(() => h.ids().join() === 'c01,c07');
    expect(h.status()).to.match(/^No clinics with telehealth visits, within 25 miles/);
    expect(h.parts('show-telehealth')).to.have.length(0);
  });

  it('names the organization when none of its clinics is near', async () => {
    const h = await mount({ organization: 'Fixture PT' }, clinics);
    await h.search('49007');
    expect(h.status()).to.match(
      /^No Fixture PT clinic within 25 miles of 49007 Kalamazoo, MI\. The nearest are:/,
    );
  });

  it("lists an organization's clinics by state and town, without distances", async () => {
    const data: Clinic[] = [
      ...clinics.slice(0, 3),
      { ...clinics[3]!, id: 'x1', organization: 'Other PT', name: 'Other PT Lansing' },
      { ...clinics[4]!, id: 'x2', organization: 'Other PT', city: 'Ada', name: 'Other PT Ada' },
      { ...clinics[5]!, id: 'x3', organization: 'Other PT', state: 'IN', city: 'Elkhart' },
    ];
    const h = await mount({}, data);
    await h.search('Other PT');
    expect(h.ids()).to.deep.equal(['x3', 'x2', 'x1']);
    expect(h.status()).to.equal(
      '3 clinics of Other PT, by state and town. Add a ZIP code or town to see the nearest.',
    );
    expect(h.parts('result-distance')).to.have.length(0);
    const select = h.part('radius-select') as HTMLSelectElement;
    expect(select.disabled).to.equal(true);
    expect(select.getAttribute('aria-describedby')).to.equal('radius-note');
    const map = await h.map();
    await waitUntil(() => map.last?.markers.length === 3);
    expect(map.last!.origin).to.equal(undefined);
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    await expect(h.el).to.be.accessible();
  });

  it('says which place it found when that differs from what was typed', async () => {
    const h = await mount({}, clinics);
    await h.search('Grnad Rapids');
    expect(h.part('understood').textContent).to.equal('Showing results for Grand Rapids, MI.');
    expect(h.input().value).to.equal('Grnad Rapids');
    await h.search('grand rapids');
    expect(h.parts('understood')).to.have.length(0);
    await h.search('49503');
    expect(h.parts('understood')).to.have.length(0);
  });

  it('says "Current location" in the box after "Use my location"', async () => {
    const stub = sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((ok) =>
      setTimeout(() =>
        ok({
          coords: { latitude: GR.lat, longitude: GR.lon },
          timestamp: Date.now(),
        } as GeolocationPosition),
      ),
    );
    try {
      const h = await mount({}, clinics);
      h.part('locate-button').click();
      await waitUntil(() => h.input().value === 'Current location');
      expect(h.ids()[0]).to.equal('c01');
    } finally {
      stub.restore();
    }
  });

  it('clears the map when the list shows a message instead of results', async () => {
    const h = await mount({}, clinics);
    await h.search('49503');
    const map = await h.map();
    await waitUntil(() => map.last?.markers.length === 10);
    h.type('qqqqzzzz');
    h.submit();
    await waitUntil(() => h.status().startsWith('We could not find'));
    await waitUntil(() => map.calls.at(-1) === 'clearResults');
    await h.search('49503');
    await waitUntil(() => map.calls.at(-1) === 'showResults');
  });

  it('says one thing before a search in the compact layout', async () => {
    const h = await mount({ layout: 'compact' }, clinics);
    await waitUntil(() => h.parts('prompt').length === 1);
    expect(h.status()).to.equal('');
    expect(h.el.shadowRoot!.textContent).to.not.contain('Loading');
    await expect(h.el).to.be.accessible();
  });
});
