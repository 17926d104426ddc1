// <clinic-locator> with clinic data at run time (`src`, `clinics`), host filters (`organization`,
// `services`), result details, opening hours on a fixed clock, and hostile data.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import '../../src/clinic-locator.js';
import type { ClinicLocator } from '../../src/element/clinic-locator.component.js';
import type { ClinicErrorEvent, ClinicSearchEvent } from '../../src/element/events.js';
import { createFakeMapView } from './fake-map-view.js';

const FIXTURES = '/test/fixtures/element';

/** Creates the element with a fake map, listening for events before it connects. */
async function mount(attrs: Record<string, string>, clinics?: unknown[]) {
  const el = document.createElement('clinic-locator');
  el.mapViewFactory = createFakeMapView().create;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  if (clinics) el.clinics = clinics as ClinicLocator['clinics'];
  const statuses: string[] = [];
  const errors: ClinicErrorEvent[] = [];
  el.addEventListener('clinic-error', (e) => errors.push(e));
  const parent = await fixture<HTMLDivElement>(html`<div></div>`);
  parent.append(el);
  await el.updateComplete;
  const statusEl = () => el.shadowRoot!.querySelector('[part~="status"]')!;
  const status = () => statusEl().textContent!.replace(/\s+/g, ' ').trim();
  // Every text the live region shows, in order.
  statuses.push(status());
  new MutationObserver(() => {
    if (statuses.at(-1) !== status()) statuses.push(status());
  }).observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  const parts = (name: string, root: ParentNode = el.shadowRoot!) => [
    ...root.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
  ];
  const search = async (zip: string) => {
    el.shadowRoot!.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = zip;
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
  };
  const searched = async (zip: string) => {
    const event = oneEvent(el, 'clinic-search') as Promise<ClinicSearchEvent>;
    await search(zip);
    const e = await event;
    await el.updateComplete;
    return e;
  };
  const ids = () => parts('result').map((r) => r.dataset.id);
  return { el, statuses, errors, status, parts, search, searched, ids };
}

describe('<clinic-locator> clinic data at run time', () => {
  it('loads clinics from a CSV src, says so while loading, and uses them', async () => {
    const h = await mount({ src: `${FIXTURES}/good.csv` });
    await waitUntil(() => h.status() === '' && h.statuses.length > 1);
    expect(h.statuses).to.include('Loading clinics…');
    const event = await h.searched('49503');
    expect(event.results.map((r) => r.id)).to.deep.equal(['g1', 'g2', 'g3']);
    expect(h.errors).to.deep.equal([]);
    await expect(h.el).to.be.accessible();
  });

  it('shows services, telehealth, languages and a Book link', async () => {
    const h = await mount({ src: `${FIXTURES}/good.csv` });
    await h.searched('49503');
    const first = h.parts('result')[0]!;
    const services = h.parts('result-services', first)[0]!;
    expect([...services.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
      'Back pain',
      'Sciatica',
    ]);
    expect(h.parts('result-services', first)[0]!.getAttribute('aria-label')).to.equal('Services');
    expect(h.parts('result-telehealth', first)[0]!.textContent).to.equal('Telehealth available');
    expect(h.parts('result-languages', first)[0]!.textContent).to.equal(
      'Languages: English and Spanish',
    );
    const book = h.parts('result-book', first)[0] as HTMLAnchorElement;
    expect(book.href).to.equal('https://lakeshore.example/book');
    // g2 offers no telehealth, speaks English only and has no booking link.
    const second = h.parts('result')[1]!;
    expect(h.parts('result-telehealth', second)).to.have.length(0);
    expect(h.parts('result-book', second)).to.have.length(0);
    expect(h.parts('result-languages', second)[0]!.textContent).to.equal('Languages: English');
  });

  it('skips invalid CSV rows, reports each with its line, and keeps the rest', async () => {
    const h = await mount({ src: `${FIXTURES}/partly-bad.csv` });
    const event = await h.searched('49503');
    expect(event.results.map((r) => r.id)).to.deep.equal(['p1', 'p3', 'p5']);
    expect(h.errors).to.have.length(1);
    const error = h.errors[0]!;
    expect(error.source).to.equal('clinic-data');
    expect(error.fatal).to.equal(false);
    expect(error.recordLabel).to.equal('line');
    // p3's address holds a quoted line break, so p4 starts on line 6.
    expect(
      error.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.column]),
    ).to.deep.equal([
      [3, 'phone'],
      [6, 'services'],
    ]);
    expect(error.message).to.contain('2 records were skipped; 3 clinics loaded');
  });

  it('loads JSON, naming skipped records by number', async () => {
    const h = await mount({ src: `${FIXTURES}/good.json` });
    const event = await h.searched('49503');
    expect(event.results.map((r) => r.id)).to.deep.equal(['j1']);
    expect(h.errors).to.have.length(1);
    expect(h.errors[0]!.recordLabel).to.equal('record');
    expect(h.errors[0]!.problems.some((p) => p.line === 2 && p.severity === 'error')).to.equal(
      true,
    );
  });

  for (const [what, file] of [
    ['a missing file (404)', 'missing.csv'],
    ['a file that is not clinic data', 'not-clinics.html'],
  ]) {
    it(`shows a clear error and fires clinic-error once for ${what}`, async () => {
      const h = await mount({ src: `${FIXTURES}/${file}` });
      await waitUntil(() => h.errors.length > 0);
      await h.el.updateComplete;
      expect(h.errors[0]!.fatal).to.equal(true);
      expect(h.errors[0]!.source).to.equal('clinic-data');
      const broken =
        'This page’s list of clinics cannot be read, so the finder cannot show clinics here. Please tell the site’s owner.';
      expect(h.status()).to.equal(broken);
      await h.search('49503');
      await waitUntil(() => h.status() === broken);
      // Retrying cannot fix this file: it is neither fetched nor reported again.
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(h.errors).to.have.length(1);
      expect(h.parts('result')).to.have.length(0);
      await expect(h.el).to.be.accessible();
    });
  }

  it('checks clinics given as a property, skipping bad records', async () => {
    const good = {
      id: 'k1',
      name: 'Property Clinic',
      organization: 'Org K',
      address1: '1 Sample Way',
      city: 'Grand Rapids',
      state: 'MI',
      zip: '49503',
      lat: 42.967,
      lon: -85.652,
      services: ['back-pain'],
    };
    const h = await mount({}, [good, { ...good, id: 'k2', state: 'ZZ' }]);
    const event = await h.searched('49503');
    expect(event.results.map((r) => r.id)).to.deep.equal(['k1']);
    expect(h.errors).to.have.length(1);
    expect(h.errors[0]!.problems.map((p) => [p.line, p.column, p.severity])).to.deep.include([
      2,
      'state',
      'error',
    ]);
  });

  it('switches to a new src after load, keeping the search', async () => {
    const h = await mount({ src: `${FIXTURES}/good.csv` });
    await h.searched('49503');
    h.el.setAttribute('src', `${FIXTURES}/good.json`);
    await waitUntil(() => h.ids().join() === 'j1');
  });
});

describe('<clinic-locator> organization and services', () => {
  it('shows only one organization’s clinics', async () => {
    const h = await mount({ src: `${FIXTURES}/good.csv`, organization: 'Lakeshore PT' });
    const event = await h.searched('49503');
    expect(event.results.map((r) => r.id)).to.deep.equal(['g1', 'g3']);
    h.el.setAttribute('organization', 'Summit Motion');
    await waitUntil(() => h.ids().join() === 'g2');
    h.el.removeAttribute('organization');
    await waitUntil(() => h.ids().join() === 'g1,g2,g3');
  });

  it('presets a service filter (every listed service, combined with the organization)', async () => {
    const h = await mount({ src: `${FIXTURES}/good.csv`, services: 'sciatica' });
    expect((await h.searched('49503')).results.map((r) => r.id)).to.deep.equal(['g1', 'g3']);
    h.el.setAttribute('services', 'back-pain, aquatic');
    await waitUntil(() => h.ids().join() === 'g2');
    h.el.setAttribute('organization', 'Lakeshore PT');
    await waitUntil(() => h.status() === 'No clinics match these filters.');
    expect(h.parts('result')).to.have.length(0);
    await expect(h.el).to.be.accessible();
  });
});

describe('<clinic-locator> opening hours', () => {
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => clock?.restore());

  it('says open now and when it closes, in the clinic’s time zone', async () => {
    // Tuesday 10 March 2026, 15:00 UTC = 11:00 in Grand Rapids (daylight time began 8 March).
    clock = sinon.useFakeTimers({ now: new Date('2026-03-10T15:00:00Z'), toFake: ['Date'] });
    const h = await mount({ src: `${FIXTURES}/good.csv` });
    await h.searched('49503');
    const hours = h.parts('result-hours').map((p) => p.textContent);
    // g1 Mo-Fr 07:00-19:00 (default zone for MI), g2 Mo-Fr 09:00-17:00, g3 no hours.
    expect(hours).to.deep.equal(['Open now · closes 7 PM', 'Open now · closes 5 PM']);
  });

  it('says closed and when it opens next', async () => {
    // Saturday 14 March 2026, 18:30 UTC = 14:30 in Grand Rapids: g1 closed at noon.
    clock = sinon.useFakeTimers({ now: new Date('2026-03-14T18:30:00Z'), toFake: ['Date'] });
    const h = await mount({ src: `${FIXTURES}/good.csv` });
    await h.searched('49503');
    expect(h.parts('result-hours').map((p) => p.textContent)).to.deep.equal([
      'Closed · opens Mon 7 AM',
      'Closed · opens Mon 9 AM',
    ]);
    // Early Tuesday, 06:00 local: g1 opens later today.
    clock.setSystemTime(new Date('2026-03-10T10:00:00Z'));
    h.el.requestUpdate();
    await h.searched('49503');
    expect(h.parts('result-hours')[0]!.textContent).to.equal('Closed · opens 7 AM');
  });
});

describe('<clinic-locator> hostile data', () => {
  it('renders markup in every field as text and drops non-http(s) links', async () => {
    const h = await mount({ src: `${FIXTURES}/xss.csv` });
    const event = await h.searched('49503');
    const payload = '<img src=x onerror="window.__pwned=1">';
    expect(event.results.map((r) => r.id)).to.deep.equal([`x1${payload}`]);
    const result = h.parts('result')[0]!;
    expect(h.parts('result-name', result)[0]!.textContent).to.equal(`Name ${payload}`);
    expect(h.parts('result-address', result)[0]!.textContent).to.equal(
      `1 ${payload}, Suite <script>window.__pwned=1</script>, Grand Rapids ${payload}, MI 49503`,
    );
    const root = h.el.shadowRoot!;
    expect(root.querySelectorAll('img, script, iframe, object')).to.have.length(0);
    for (const a of root.querySelectorAll('a')) {
      expect(['https:', 'http:', 'tel:'], a.href).to.include(new URL(a.href).protocol);
    }
    // The javascript: and data: links made their records invalid: skipped and reported.
    expect(h.errors).to.have.length(1);
    expect(
      h.errors[0]!.problems.filter((p) => p.severity === 'error').map((p) => [p.line, p.column]),
    ).to.deep.equal([
      [3, 'website'],
      [4, 'booking_url'],
      [5, 'website'],
    ]);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });
});
