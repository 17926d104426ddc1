// <clinic-locator> with a compiled clinic file as `src` (`npm run data:clinics -- --out FILE`):
// told from CSV and JSON by its content, checked on load, searched like any other.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/clinic-locator.js';
import type { ClinicErrorEvent, ClinicSearchEvent } from '../../src/element/events.js';
import { createFakeMapView } from './fake-map-view.js';

const FIXTURES = '/test/fixtures/element';

async function mount(src: string) {
  const el = document.createElement('clinic-locator');
  el.mapViewFactory = createFakeMapView().create;
  el.setAttribute('src', src);
  const errors: ClinicErrorEvent[] = [];
  el.addEventListener('clinic-error', (e) => errors.push(e));
  const parent = await fixture<HTMLDivElement>(html`<div></div>`);
  parent.append(el);
  await el.updateComplete;
  const root = el.shadowRoot!;
  const status = () =>
    root.querySelector('[part~="status"]')!.textContent!.replace(/\s+/g, ' ').trim();
  const search = (text: string) => {
    root.querySelector<HTMLInputElement>('[part~="search-input"]')!.value = text;
    root.querySelector<HTMLButtonElement>('[part~="search-button"]')!.click();
  };
  const searched = async (text: string) => {
    const event = oneEvent(el, 'clinic-search') as Promise<ClinicSearchEvent>;
    search(text);
    const e = await event;
    await el.updateComplete;
    return e;
  };
  return { el, errors, status, search, searched };
}

describe('<clinic-locator> compiled clinic file as src', () => {
  it('loads the clinics of good.csv from its compiled file and finds them by ZIP and by name', async () => {
    const h = await mount(`${FIXTURES}/good.clinics.json`);
    const event = await h.searched('49503');
    expect(event.results.map((r) => r.id)).to.deep.equal(['g1', 'g2', 'g3']);
    // A search by name finds what it finds in the CSV itself.
    const csv = await mount(`${FIXTURES}/good.csv`);
    for (const text of ['Summit Motion', 'Lakeshore PT']) {
      const fromCsv = (await csv.searched(text)).results.map((r) => r.id);
      expect(fromCsv).to.not.deep.equal([]);
      expect((await h.searched(text)).results.map((r) => r.id)).to.deep.equal(fromCsv);
    }
    expect(h.errors).to.deep.equal([]);
    await expect(h.el).to.be.accessible();
  });

  it('describes an organization’s clinics with their websites in its structured data', async () => {
    const urls = async (src: string) => {
      const el = document.createElement('clinic-locator');
      el.mapViewFactory = createFakeMapView().create;
      el.setAttribute('src', src);
      el.setAttribute('organization', 'Lakeshore PT');
      el.setAttribute('structured-data', '');
      (await fixture<HTMLDivElement>(html`<div></div>`)).append(el);
      const ld = () => el.nextElementSibling?.matches('script[type="application/ld+json"]');
      await waitUntil(ld, 'no JSON-LD', { timeout: 5000 });
      const graph = JSON.parse(el.nextElementSibling!.textContent!) as {
        '@graph': { url?: string }[];
      };
      return graph['@graph'].map((clinic) => clinic.url);
    };
    const fromCsv = await urls(`${FIXTURES}/good.csv`);
    expect(fromCsv).to.have.length(2);
    expect(fromCsv.every(Boolean)).to.equal(true);
    expect(await urls(`${FIXTURES}/good.clinics.json`)).to.deep.equal(fromCsv);
  });

  it('shows each listed clinic’s website and booking links, as from the CSV', async () => {
    const links = (el: HTMLElement) =>
      [...el.shadowRoot!.querySelectorAll<HTMLAnchorElement>('[part~="results"] a[href]')]
        .map((a) => `${a.getAttribute('part') ?? ''} ${a.href}`)
        .filter((link) => /result-(website|book)/.test(link));
    const compact = await mount(`${FIXTURES}/good.clinics.json`);
    await compact.searched('49503');
    const csv = await mount(`${FIXTURES}/good.csv`);
    await csv.searched('49503');
    expect(links(compact.el)).to.have.length.greaterThan(2);
    expect(links(compact.el)).to.deep.equal(links(csv.el));
  });

  it('skips a clinic with a service this widget does not know, naming its record', async () => {
    const h = await mount(`${FIXTURES}/unknown-service.clinics.json`);
    const event = await h.searched('49503');
    expect(event.results.map((r) => r.id)).to.deep.equal(['g1', 'g3']);
    expect(h.errors).to.have.length(1);
    const error = h.errors[0]!;
    expect(error.fatal).to.equal(false);
    expect(error.recordLabel).to.equal('record');
    expect(error.problems.map((p) => [p.line, p.column, p.value])).to.deep.equal([
      [2, 'services', 'underwater-basket-weaving'],
    ]);
  });

  it('refuses a file of another format version with a clear error and clinic-error', async () => {
    const h = await mount(`${FIXTURES}/other-version.clinics.json`);
    await waitUntil(() => h.errors.length > 0);
    await h.el.updateComplete;
    const error = h.errors[0]!;
    expect(error.fatal).to.equal(true);
    expect(error.source).to.equal('clinic-data');
    expect(error.message).to.contain('version 4, this widget reads version 3');
    expect(error.problems.map((p) => p.column)).to.deep.equal(['(file)']);
    expect(h.status()).to.contain('cannot be read');
    await expect(h.el).to.be.accessible();
  });

  it('says a truncated compiled file is not JSON, once', async () => {
    const h = await mount(`${FIXTURES}/truncated.clinics.json`);
    await waitUntil(() => h.errors.length > 0);
    expect(h.errors[0]!.fatal).to.equal(true);
    expect(h.errors[0]!.message).to.contain('is not a usable compiled clinic file: not JSON');
    expect(h.errors).to.have.length(1);
  });
});
