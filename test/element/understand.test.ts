// What visitors really type, in the element: service words become filters shown on, "near me"
// asks for the position, a state lists its clinics from its centre, a name that is a town and an
// organization offers both (the member site's own organization first), a place that is not there
// says so, and a position outside the US says that.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { Clinic } from '../../src/domain/clinic.js';
import type { ClinicSearchEvent } from '../../src/element/events.js';
import { clinics } from './fixtures.js';
import { mount } from './harness.js';

/** The fixture clinics as one organization named like towns in CA, FL and MS. */
const lakeshore: Clinic[] = clinics.map((c) => ({
  ...c,
  organization: 'Lakeshore Physical Therapy',
}));

describe('<clinic-locator> understands what visitors type', () => {
  let stub: sinon.SinonStub | undefined;
  afterEach(() => stub?.restore());

  it('turns service words into their filter, shown on, and searches the place beside them', async () => {
    const h = await mount({}, clinics);
    const event = await h.search('sciatica 49503');
    expect(event.origin.label).to.equal('49503 Grand Rapids, MI');
    expect(h.ids()).to.have.members(['c01', 'c03']);
    expect(h.status()).to.match(/^2 clinics offering sciatica, within 25 miles of 49503/);
    expect(h.part('filters-toggle').textContent!.trim()).to.equal('Filters (1)');
    h.part('filters-toggle').click();
    await h.el.updateComplete;
    const chip = h.parts('filter-chip').find((c) => c.textContent!.includes('Sciatica'))!;
    expect(chip.getAttribute('aria-pressed')).to.equal('true');
    await expect(h.el).to.be.accessible();
  });

  it('keeps the filter and asks for a place when only a service was typed', async () => {
    const h = await mount({}, clinics);
    h.type('dolor de espalda');
    h.submit();
    await waitUntil(() => h.status().startsWith('Now add a ZIP code or a town'));
    expect(h.part('status').classList.contains('error')).to.equal(false);
    expect(h.part('filters-toggle').textContent!.trim()).to.equal('Filters (1)');
    await expect(h.el).to.be.accessible();
    const event = await h.search('49503');
    const ids = event.results.map((r) => r.id);
    expect(ids.length).to.be.above(5);
    expect(ids.every((id) => byService('back-pain').includes(id))).to.equal(true);
  });

  it('asks for the position on "near me", as "Use my location" does', async () => {
    stub = sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake((ok) =>
      setTimeout(() =>
        ok({
          coords: { latitude: 42.96789, longitude: -85.65432 },
          timestamp: Date.now(),
        } as GeolocationPosition),
      ),
    );
    const h = await mount({}, clinics);
    const event = await h.search('physical therapy near me');
    expect(stub.calledOnce).to.equal(true);
    expect(event.origin).to.include({ label: 'your location', lat: 42.97, lon: -85.65 });
    expect(h.status()).to.match(/^11 clinics within 25 miles of your location/);
  });

  it('lists a state’s clinics from its centre, without a radius or distances', async () => {
    const h = await mount({ radius: '5' }, clinics);
    const event = await h.search('Michigan');
    expect(event.origin.approximate).to.equal(true);
    expect(event.origin.label).to.equal('Michigan');
    // The centre of Michigan's places lies in the lower peninsula, south of Grand Rapids' east.
    expect(event.origin.lat).to.be.within(42.5, 44.5);
    expect(event.origin.lon).to.be.within(-86, -83.5);
    expect(h.status()).to.equal(
      '12 clinics in Michigan, nearest its centre first. Add a ZIP code or town to see distances.',
    );
    expect(h.parts('result')).to.have.length(10);
    expect(h.parts('result-distance')).to.have.length(0);
    expect(h.part('choices').textContent).to.contain('Michigan, ND');
    await expect(h.el).to.be.accessible();
    const none = await h.search('TX');
    expect(none.results).to.have.length(0);
    expect(h.status()).to.equal('No clinics in Texas. Add a ZIP code or town to find the nearest.');
  });

  it('offers the towns and the organization of one name, the towns first elsewhere', async () => {
    const h = await mount({}, lakeshore);
    h.type('Lakeshore');
    h.submit();
    await waitUntil(() => h.status() === 'Which one do you mean?');
    const labels = [...h.part('choices').querySelectorAll('button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(labels.slice(0, -1)).to.include.members(['Lakeshore, CA', 'Lakeshore, FL']);
    expect(labels.at(-1)).to.equal('Lakeshore Physical Therapy');
    await expect(h.el).to.be.accessible();
    const event = oneEvent(h.el, 'clinic-search') as Promise<ClinicSearchEvent>;
    [...h.part('choices').querySelectorAll('button')].at(-1)!.click();
    expect((await event).results).to.have.length(10);
    expect(h.status()).to.match(/^12 clinics of Lakeshore Physical Therapy/);
  });

  it('on the organization’s own site, goes to its clinics when it has none in those towns', async () => {
    const h = await mount({ organization: 'Lakeshore Physical Therapy' }, lakeshore);
    const event = await h.search('Lakeshore');
    expect(event.origin.label).to.equal('Lakeshore Physical Therapy');
    expect(h.status()).to.match(/^12 clinics of Lakeshore Physical Therapy/);
  });

  it('on the organization’s own site, offers it first, then only its states’ towns', async () => {
    const inCalifornia: Clinic = {
      ...lakeshore[0]!,
      id: 'ca1',
      city: 'Fresno',
      state: 'CA',
      zip: '93701',
      lat: 36.75,
      lon: -119.79,
    };
    const h = await mount({ organization: 'Lakeshore Physical Therapy' }, [
      ...lakeshore,
      inCalifornia,
    ]);
    h.type('Lakeshore');
    h.submit();
    await waitUntil(() => h.status() === 'Which one do you mean?');
    const labels = [...h.part('choices').querySelectorAll('button')].map((b) =>
      b.textContent!.trim(),
    );
    expect(labels).to.deep.equal(['Lakeshore Physical Therapy', 'Lakeshore, CA']);
    await expect(h.el).to.be.accessible();
  });

  it('on a member site, says when the organization has no clinic in any town of that name', async () => {
    const h = await mount({ organization: 'Lakeshore Physical Therapy' }, lakeshore);
    h.type('Springfield');
    h.submit();
    await waitUntil(() => h.status().startsWith('Lakeshore Physical Therapy has no clinics'));
    expect(h.status()).to.equal(
      'Lakeshore Physical Therapy has no clinics in a town called Springfield. Type a ZIP code or another town.',
    );
    expect(h.parts('choices')).to.have.length(0);
    await expect(h.el).to.be.accessible();
  });

  it('on a member site, suggests only places where the organization has clinics', async () => {
    const h = await mount({ organization: 'Lakeshore Physical Therapy' }, lakeshore);
    h.type('Grand Rap');
    await waitUntil(() => h.parts('suggestion').length > 0);
    const labels = h.parts('suggestion').map((s) => s.textContent!.replace(/\s+/g, ' ').trim());
    expect(labels.filter((l) => /, [A-Z]{2}$/.test(l))).to.deep.equal(['Grand Rapids, MI']);
  });

  it('says a town with its state is not there, and offers close spellings', async () => {
    const h = await mount({}, clinics);
    h.type('Baton Roug, LA');
    h.submit();
    await waitUntil(() => h.status().startsWith('We could not find Baton Roug, LA.'));
    expect(h.status()).to.equal('We could not find Baton Roug, LA. Did you mean:');
    const [choice] = h.part('choices').querySelectorAll('button');
    expect(choice!.textContent!.trim()).to.equal('Baton Rouge, LA');
    expect(h.parts('result')).to.have.length(0);
    await expect(h.el).to.be.accessible();
    h.type('Qqqqville, MI');
    h.submit();
    await waitUntil(() => h.status().startsWith('We could not find Qqqqville, MI.'));
    expect(h.parts('choices')).to.have.length(0);
  });

  it('says when coordinates are outside the United States, with the nearest clinic', async () => {
    const h = await mount({}, clinics);
    const event = await h.search('51.5, -0.12');
    expect(event.origin).to.include({ lat: 51.5, lon: -0.12 });
    expect(h.status()).to.match(
      /^You seem to be outside the United States\. The nearest clinic is [\d,]+ miles away\.$/,
    );
    // Neither a wider radius nor telehealth is a way forward from abroad.
    expect(h.parts('ways-forward')).to.have.length(0);
    await expect(h.el).to.be.accessible();
  });

  it('says it in Spanish', async () => {
    const h = await mount({ lang: 'es' }, clinics);
    await waitUntil(() => h.part('search-button').textContent!.trim() === 'Buscar');
    await h.search('51.5, -0.12');
    expect(h.status()).to.match(/^Parece que está fuera de Estados Unidos\./);
    await h.search('Michigan');
    expect(h.status()).to.match(/^12 clínicas en Michigan/);
  });
});

function byService(id: string): string[] {
  return clinics.filter((c) => c.services.includes(id)).map((c) => c.id);
}
