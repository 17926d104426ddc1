import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/clinic-locator.js';
import type { ClinicSearchEvent, ClinicSelectEvent } from '../../src/element/events.js';
import { createFakeMapView } from './fake-map-view.js';
import { mount as mountWith, type Harness } from './harness.js';
import { byDistance, clinics } from './fixtures.js';

const ids = (h: Harness) => h.ids();
const mount = (attrs: Record<string, string> = {}) => mountWith(attrs, clinics);

describe('<clinic-locator>', () => {
  it('starts with a labelled search box, one invitation and no results', async () => {
    const h = await mount();
    const input = h.part('search-input') as HTMLInputElement;
    expect(h.el.shadowRoot!.querySelector(`label[for="${input.id}"]`)!.textContent).to.equal(
      'ZIP code, town or clinic name',
    );
    // The invitation is said once, in the list; the live status line stays quiet until a search.
    await waitUntil(() => h.parts('prompt').length === 1);
    expect(h.part('prompt').textContent!.trim()).to.equal(
      'Enter a ZIP code, a town or a clinic name to find a clinic near you.',
    );
    expect(h.status()).to.equal('');
    expect(h.part('status').getAttribute('aria-live')).to.equal('polite');
    expect(h.parts('result')).to.have.length(0);
    await expect(h.el).to.be.accessible();
  });

  it('lists the 10 nearest clinics, nearest first, after Enter on a ZIP', async () => {
    const h = await mount();
    const event = await h.search('49503');
    expect(ids(h)).to.deep.equal(byDistance.slice(0, 10));
    // 11 of the 12 clinics are within the default 25 miles; the first 10 are listed.
    expect(h.status()).to.equal(
      '11 clinics within 25 miles of 49503 Grand Rapids, MI; nearest 0.1 miles',
    );
    expect(h.parts('result-name').map((n) => n.textContent)).to.deep.equal(
      byDistance.slice(0, 10).map((id) => clinics.find((c) => c.id === id)!.name),
    );
    // Distances in miles, one decimal: c06 is 0.1° of latitude north (11.1 km = 6.9 mi).
    expect(h.parts('result-distance')[5]!.textContent).to.equal('6.9 mi');
    expect(event.trigger).to.equal('user');
    expect(event.query).to.equal('49503');
    expect(event.origin).to.include({ label: '49503 Grand Rapids, MI', approximate: false });
    expect(event.results.map((r) => r.id)).to.deep.equal(byDistance.slice(0, 10));
    expect(event.results[0]!.rank).to.equal(1);
    await expect(h.el).to.be.accessible();
  });

  it('accepts ZIP+4 with or without a dash and surrounding spaces', async () => {
    const h = await mount();
    for (const text of ['49503-1234', '495031234', '  49503  ']) {
      const event = await h.search(text);
      expect(event.origin.label, text).to.equal('49503 Grand Rapids, MI');
      expect(ids(h)[0]).to.equal('c01');
    }
  });

  it('shows numbered markers matching the list and the searched point on the map', async () => {
    const h = await mount();
    await h.search('49503');
    const map = await h.map();
    await waitUntil(() => map.last?.markers.length === 10);
    const shown = map.last!;
    expect(shown.markers.map((m) => m.id)).to.deep.equal(byDistance.slice(0, 10));
    expect(shown.markers.map((m) => m.rank)).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(shown.origin).to.include({ label: '49503 Grand Rapids, MI' });
  });

  it('selecting a list item highlights and pans to its marker and fires clinic-select', async () => {
    const h = await mount();
    await h.search('49503');
    const map = await h.map();
    const event = oneEvent(h.el, 'clinic-select') as Promise<ClinicSelectEvent>;
    (h.parts('result-button')[2] as HTMLButtonElement).click();
    const selected = await event;
    expect(selected).to.include({ clinicId: 'c03', rank: 3, source: 'list', name: 'Charlie PT' });
    await h.el.updateComplete;
    expect(map.highlighted).to.include('c03');
    expect(map.panned[map.highlighted.indexOf('c03')]).to.equal(true);
    const li = h.parts('result')[2]!;
    expect(li.getAttribute('aria-current')).to.equal('true');
    expect(h.parts('result').filter((r) => r.hasAttribute('aria-current'))).to.have.length(1);
  });

  it('selecting a marker highlights its list item and fires clinic-select', async () => {
    const h = await mount();
    await h.search('49503');
    const map = await h.map();
    const event = oneEvent(h.el, 'clinic-select') as Promise<ClinicSelectEvent>;
    map.select('c09');
    const selected = await event;
    expect(selected).to.include({ clinicId: 'c09', rank: 9, source: 'map' });
    await h.el.updateComplete;
    expect(h.parts('result')[8]!.getAttribute('aria-current')).to.equal('true');
    expect(map.highlighted.at(-1)).to.equal('c09');
  });

  it('gives each clinic a tap-to-call link and a safe website link', async () => {
    const h = await mount();
    await h.search('49503');
    const first = h.parts('result')[0]!;
    const phone = first.querySelector<HTMLAnchorElement>('[part~="result-phone"]')!;
    expect(phone.getAttribute('href')).to.equal('tel:+16165550101');
    expect(phone.textContent).to.equal('(616) 555-0101');
    expect(phone.getAttribute('aria-label')).to.equal('Call Alpha PT, (616) 555-0101');
    const web = first.querySelector<HTMLAnchorElement>('[part~="result-website"]')!;
    expect(web.getAttribute('href')).to.equal('https://example.org/c01');
    expect(web.getAttribute('rel')).to.equal('noopener noreferrer');
    expect(first.querySelector('[part~="result-address"]')!.textContent).to.equal(
      '1 Sample Way, Suite 2, Grand Rapids, MI 49503',
    );
    // c02 has no website but a booking link; c04 has no phone.
    const second = h.parts('result')[1]!;
    expect(second.querySelector('[part~="result-website"]')).to.equal(null);
    const book = second.querySelector<HTMLAnchorElement>('[part~="result-book"]')!;
    expect(book.getAttribute('href')).to.equal('https://example.org/book/c02');
    expect(book.getAttribute('aria-label')).to.equal(
      'Book an appointment at Bravo PT (opens in a new tab)',
    );
    expect(h.parts('result')[3]!.querySelector('[part~="result-phone"]')).to.equal(null);
  });

  it('renders text from data as text, never as HTML', async () => {
    const h = await mount();
    h.el.clinics = [
      {
        ...clinics[1]!,
        name: '<img src=x onerror="window.__pwned=1">',
        address1: '<script>window.__pwned=1</script>',
      },
    ];
    await h.search('49503');
    const name = h.parts('result-name')[0]!;
    expect(name.textContent).to.equal('<img src=x onerror="window.__pwned=1">');
    expect(h.el.shadowRoot!.querySelector('img[src="x"], .results script')).to.equal(null);
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
  });

  it('says clearly when the input means nothing, without searching', async () => {
    const h = await mount();
    let searched = false;
    h.el.addEventListener('clinic-search', () => (searched = true));
    const notFound = (text: string) =>
      `We could not find “${text}”. Try a ZIP code, a town and state (like Grand Rapids, MI) or a clinic name.`;
    for (const [text, message] of [
      ['1234', notFound('1234')],
      ['!!!', notFound('!!!')],
      ['qqqqzzzzxxxx', notFound('qqqqzzzzxxxx')],
      ['   ', 'Enter a ZIP code, a town or a clinic name, for example 49503.'],
    ] as const) {
      h.type(text);
      h.submit();
      await waitUntil(() => h.status() === message, `${text}: ${h.status()}`);
      expect(h.part('status').classList.contains('error')).to.equal(true);
    }
    expect(searched).to.equal(false);
    await expect(h.el).to.be.accessible();
  });

  it('searches from the 3-digit area of a ZIP not in the table, and says it is approximate', async () => {
    const h = await mount();
    const event = await h.search('49598');
    expect(event.origin).to.include({ label: '49598', approximate: true });
    expect(h.status()).to.equal(
      '11 clinics within 25 miles of 49598; nearest 1.7 miles. ZIP code 49598 is not in our list, so distances are approximate, measured from the 495xx (MI) area.',
    );
    expect(ids(h)).to.have.length(10);
    await expect(h.el).to.be.accessible();
  });

  it('says clearly when a ZIP code is unknown', async () => {
    const h = await mount();
    h.type('00001');
    h.submit();
    await waitUntil(() => h.status().startsWith('We could not find'));
    expect(h.status()).to.equal(
      'We could not find ZIP code 00001. Check the number and try again.',
    );
    expect(h.parts('result')).to.have.length(0);
  });

  it('runs a preset search from the zip attribute, with trigger "preset"', async () => {
    const { create } = createFakeMapView();
    const el = document.createElement('clinic-locator');
    el.clinics = clinics;
    el.mapViewFactory = create;
    el.setAttribute('zip', '49503');
    const event = oneEvent(el, 'clinic-search') as Promise<ClinicSearchEvent>;
    await fixture(html`<div></div>`).then((div) => div.append(el));
    const preset = await event;
    expect(preset.trigger).to.equal('preset');
    expect(preset.query).to.equal('49503');
    expect(
      (el.shadowRoot!.querySelector('[part~="search-input"]') as HTMLInputElement).value,
    ).to.equal('49503');
  });

  it('honours limit and units, also when changed after a search', async () => {
    const h = await mount({ limit: '3', units: 'km' });
    await h.search('49503');
    expect(ids(h)).to.deep.equal(['c01', 'c02', 'c03']);
    expect(h.parts('result-distance')[2]!.textContent).to.equal('3.3 km');
    h.el.setAttribute('limit', '5');
    h.el.setAttribute('units', 'mi');
    await waitUntil(() => ids(h).length === 5);
    expect(ids(h)).to.deep.equal(byDistance.slice(0, 5));
    expect(h.parts('result-distance')[2]!.textContent).to.equal('2.1 mi');
  });

  it('shows the newest search when searches overlap', async () => {
    const h = await mount();
    h.type('49503');
    h.submit();
    h.type('95112');
    const event = oneEvent(h.el, 'clinic-search') as Promise<ClinicSearchEvent>;
    h.submit();
    const last = await event;
    await h.el.updateComplete;
    expect(last.origin.label).to.equal('95112 San Jose, CA');
    const sanJose = 'No clinics within 25 miles of 95112 San Jose, CA. The nearest are:';
    expect(h.status()).to.equal(sanJose);
    // Wait a little longer: the first search must not overwrite the second.
    await new Promise((r) => setTimeout(r, 50));
    expect(h.status()).to.equal(sanJose);
  });

  it('destroys the map when removed and creates a new one when put back', async () => {
    const h = await mount();
    await h.search('49503');
    await waitUntil(() => h.views.length === 1);
    const parent = h.el.parentElement!;
    h.el.remove();
    expect(h.views[0]!.destroyed).to.equal(true);
    parent.append(h.el);
    await waitUntil(() => h.views.length === 2);
    expect(h.views[1]!.destroyed).to.equal(false);
    expect(h.views[1]!.last?.markers.map((m) => m.id)).to.deep.equal(byDistance.slice(0, 10));
  });

  it('without-map creates no map and credits GeoNames in a footer', async () => {
    const h = await mount({ 'without-map': '' });
    await h.search('49503');
    expect(h.views).to.have.length(0);
    expect(h.el.shadowRoot!.querySelector('[part~="map"]')).to.equal(null);
    const credit = h.part('credit');
    expect(credit.querySelector('a')!.getAttribute('href')).to.equal('https://www.geonames.org/');
    await expect(h.el).to.be.accessible();
  });
});
