// Input that used to leave the widget waiting or garbled: a location prompt nobody answers, and
// bidi control characters in a clinic's data.
import { expect, waitUntil } from '@open-wc/testing';
import sinon from 'sinon';
import type { Clinic } from '../../src/domain/clinic.js';
import type { ClinicErrorEvent } from '../../src/element/events.js';
import { LOCATE_BOUND_MS } from '../../src/element/geolocation.js';
import { clinics } from './fixtures.js';
import { mount } from './harness.js';

describe('<clinic-locator> a location prompt nobody answers', () => {
  let stub: sinon.SinonStub | undefined;
  let clock: sinon.SinonFakeTimers | undefined;
  afterEach(() => {
    stub?.restore();
    clock?.restore();
  });

  it('gives up after its bound with a message and clinic-error, keeps the results listed, and the box keeps working', async () => {
    // The browser's prompt stays open: neither callback ever comes.
    stub = sinon.stub(navigator.geolocation, 'getCurrentPosition').callsFake(() => undefined);
    const h = await mount({}, clinics);
    const before = await h.search('49503');
    clock = sinon.useFakeTimers({
      toFake: ['setTimeout', 'clearTimeout'],
      shouldAdvanceTime: true,
    });
    const errors: ClinicErrorEvent[] = [];
    h.el.addEventListener('clinic-error', (e) => errors.push(e));
    h.part('locate-button').click();
    await waitUntil(() => h.status() === 'Finding your location…');
    await clock.tickAsync(LOCATE_BOUND_MS - 1000);
    expect(h.status()).to.equal('Finding your location…');
    await clock.tickAsync(2000);
    await waitUntil(() => h.status().startsWith('Finding your location took too long'));
    expect(errors.map((e) => e.source)).to.deep.equal(['location']);
    // The results of the search before are still listed under the message, usable.
    expect(h.ids()).to.deep.equal(before.results.map((r) => r.id));
    expect(h.el.shadowRoot!.querySelector('.list')!.hasAttribute('inert')).to.equal(false);
    expect(h.status()).to.match(/The results below are from your last search\.$/);
    clock.restore();
    clock = undefined;
    await expect(h.el).to.be.accessible();
    const after = await h.search('49503');
    expect(after.results.map((r) => r.id)).to.deep.equal(before.results.map((r) => r.id));
    await expect(h.el).to.be.accessible();
  });
});

describe('<clinic-locator> bidi control characters in data', () => {
  it('keeps each field in its own bidi isolate, so an unclosed override reorders nothing after it', async () => {
    const rlo: Clinic = {
      ...clinics[1]!,
      name: 'Alpha PT \u202e',
      address1: '12 Main St \u202e',
      statusNote: 'Reopens \u202e soon',
      status: 'temporarily-closed',
    };
    const h = await mount({}, [rlo]);
    await h.search('49503');
    const address = h.part('result-address');
    const [street, city] = [...address.querySelectorAll('bdi')];
    expect(street!.textContent).to.equal('12 Main St \u202e, Suite 2');
    expect(city!.textContent).to.equal('Grand Rapids');
    // The city is drawn after (right of) the street, and "MI 49503" after the city.
    expect(city!.getBoundingClientRect().left).to.be.above(street!.getBoundingClientRect().left);
    expect(h.part('result-name').querySelector('bdi')!.textContent).to.equal(rlo.name);
    expect(h.part('result-status-note').querySelector('bdi')).to.not.equal(null);
  });
});
